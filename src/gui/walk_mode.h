#pragma once
// Safety-walk mode: the Vandring menu, the walk panel in its dock, the session that records
// the route from the GPS, and full screen for a tablet. The main window only wires it in.

#include "walk_session.h"

#include "tryggkarta/core/feature.h"
#include "tryggkarta/render/walk_protocol.h"

#include <QObject>
#include <QPointer>

#include <optional>
#include <string>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QShortcut;

namespace trygg {

class FeatureEditing;
class GpsTracker;
class MapCanvas;
class MapDocument;
class MapToolsController;
class WalkPanel;

class WalkMode : public QObject {
    Q_OBJECT
public:
    WalkMode(MapDocument& document, MapCanvas& canvas, MapToolsController& tools,
             FeatureEditing& editing, GpsTracker& gps, QMainWindow& window);
    ~WalkMode() override;

    [[nodiscard]] QMenu* menu() const { return m_menu; }
    [[nodiscard]] QDockWidget* dock() const { return m_dock; }
    [[nodiscard]] WalkPanel* panel() const { return m_panel; }
    [[nodiscard]] WalkSession* session() const { return m_session; }
    [[nodiscard]] QAction* fullScreenAction() const { return m_fullScreen; }
    [[nodiscard]] QAction* protocolAction() const { return m_protocol; }

    /// Asks for the walk's facts (date, light, organiser, participants, profile) and starts it.
    bool startWithForm();
    /// Starts recording a walk that exists in the project (new, or continued).
    void begin(FeatureId walk);
    /// Ends the walk in progress: writes its route. Returns the walk's id.
    std::optional<FeatureId> finish();
    /// Ends the walk and offers to write its protocol (the panel's and the menu's way).
    void finishAndOfferProtocol();
    /// Writes the walk's protocol as PDF (progress, Cancel), asking where unless `file` is
    /// given; offers to open it. Returns what was written, nothing when cancelled or failed.
    std::optional<ProtocolLayout> writeProtocol(FeatureId walk, QString file = {});
    /// The walk the protocol action works on: the selected one, or one picked from a list.
    [[nodiscard]] std::optional<FeatureId> chooseWalk();
    /// A point drawn for `layer`: used when the walk panel waits for a tap on the map.
    bool placeAt(const QString& layer, const Geometry& geometry);

    void setLanguage(const std::string& language);
    void retranslate();

signals:
    void message(const QString& text);
    void describeRequested(qint64 observation);
    void photoRequested(qint64 observation);
    void walkFinished(qint64 walk);

private:
    void createActions();
    void updateActions();
    void placeOnMap(bool active);
    /// Keeps the group's position on the map: recentres when it nears the edge.
    void follow();
    void end();
    [[nodiscard]] std::optional<FeatureId> selectedWalk() const;

    MapDocument& m_document;
    MapCanvas& m_canvas;
    MapToolsController& m_tools;
    FeatureEditing& m_editing;
    GpsTracker& m_gps;
    QMainWindow& m_window;
    QPointer<WalkSession> m_session;
    WalkPanel* m_panel = nullptr;
    QDockWidget* m_dock = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_start = nullptr;
    QAction* m_continue = nullptr;
    QAction* m_finish = nullptr;
    QAction* m_protocol = nullptr;
    QAction* m_showPanel = nullptr;
    QAction* m_fullScreen = nullptr;
    QShortcut* m_cancelPlacing = nullptr;
    std::optional<int> m_toolBeforePlacing;
    std::string m_layerBeforePlacing;
    std::string m_language = "sv";
};

} // namespace trygg
