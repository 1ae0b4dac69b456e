#pragma once
// The Analysis menu's hot spots, priorities and follow-up: the heat map (dialog, live map,
// GeoTIFF), hot-spot cells, the ranked list of places and the follow-up charts. Each calls the
// same library code as the CLI's `heatmap`, `hotspots`, `priorities` and `followup`.

#include "tryggkarta/core/geometry.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace trygg {

class FollowUpPanel;
class HeatmapController;
class MapDocument;
class PriorityPanel;

class AnalysisActions : public QObject {
    Q_OBJECT
public:
    /// `zoomTo` shows an area on the map (a place of the priority list).
    AnalysisActions(MapDocument& document, QMainWindow& window,
                    std::function<void(const Box&)> zoomTo);

    /// The analyses at the end of `analysis`, the panels' toggles at the end of `view`.
    void addTo(QMenu& analysis, QMenu& view);
    void setLanguage(const QString& language);
    void retranslate();

    [[nodiscard]] HeatmapController& heatmap() const { return *m_heatmap; }
    [[nodiscard]] QAction* heatmapAction() const { return m_heatmapAction; }
    [[nodiscard]] QAction* clearHeatmapAction() const { return m_clearHeatmap; }
    [[nodiscard]] QAction* exportHeatmapAction() const { return m_exportHeatmap; }
    [[nodiscard]] QAction* hotspotAction() const { return m_hotspots; }
    [[nodiscard]] QDockWidget* priorityDock() const { return m_priorityDock; }
    [[nodiscard]] QDockWidget* followUpDock() const { return m_followUpDock; }
    [[nodiscard]] PriorityPanel* priorityPanel() const { return m_priorities; }
    [[nodiscard]] FollowUpPanel* followUpPanel() const { return m_followUp; }

signals:
    /// A line for the status bar.
    void message(const QString& text);

private:
    void showHeatmapDialog();
    void exportHeatmap();
    void showHotspotDialog();
    void createPanels();
    /// A dock on the right, hidden until asked for, raised when its action is triggered.
    QDockWidget* addDock(QWidget* panel, const char* objectName);
    void updateActions();

    MapDocument& m_document;
    QMainWindow& m_window;
    std::function<void(const Box&)> m_zoomTo;
    QString m_language = QStringLiteral("sv");
    HeatmapController* m_heatmap = nullptr;
    QAction* m_heatmapAction = nullptr;
    QAction* m_clearHeatmap = nullptr;
    QAction* m_exportHeatmap = nullptr;
    QAction* m_hotspots = nullptr;
    PriorityPanel* m_priorities = nullptr;
    FollowUpPanel* m_followUp = nullptr;
    QDockWidget* m_priorityDock = nullptr;
    QDockWidget* m_followUpDock = nullptr;
};

} // namespace trygg
