#pragma once

#include "tryggkarta/document/map_document.h"

#include <QMainWindow>
#include <QTranslator>

#include <filesystem>
#include <memory>

class QAction;
class QMenu;

namespace trygg {

class AttributeTablePanel;
class EditMenu;
class AnalysisActions;
class ExchangeActions;
class DatabaseActions;
class FeatureEditing;
class LightingController;
class LightingPanel;
class LinkPanel;
class MapToolsController;
class PhotoPanel;
class LayerPanel;
class MapCanvas;
class PositionReadout;
class GpsTracker;
class RecoveryWriter;
class WalkMode;
class MapContextMenu;
class RasterDetail;

/// The main window wires the document, canvas, panels and actions together; it holds no
/// domain logic of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LayerCatalog catalog, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a project (progress dialog, errors shown); false when it failed.
    bool openProjectFile(const std::filesystem::path& path);
    void setLanguage(const QString& language);
    /// Shows a vector or raster file on the map (errors shown in a dialog).
    void addDataFile(const QString& path);

    [[nodiscard]] MapCanvas* canvas() const { return m_canvas; }
    [[nodiscard]] LayerPanel* layerPanel() const { return m_layers; }
    [[nodiscard]] PositionReadout* readout() const { return m_readout; }
    [[nodiscard]] MapDocument& document() { return m_document; }
    [[nodiscard]] EditMenu* editMenu() const { return m_editMenu; }
    [[nodiscard]] AttributeTablePanel* tablePanel() const { return m_table; }
    [[nodiscard]] LinkPanel* linkPanel() const { return m_links; }
    [[nodiscard]] FeatureEditing* editing() const { return m_editing; }
    [[nodiscard]] MapToolsController* tools() const { return m_tools; }
    [[nodiscard]] WalkMode* walkMode() const { return m_walk; }
    [[nodiscard]] LightingController* lighting() const { return m_lighting; }
    [[nodiscard]] LightingPanel* lightingPanel() const { return m_lightingPanel; }
    /// Analys → Belysningsanalys…: shows the panel and runs when nothing is computed yet.
    [[nodiscard]] QAction* lightingAction() const { return m_lightingAction; }
    [[nodiscard]] MapContextMenu* contextMenu() const { return m_contextMenu; }
    [[nodiscard]] RasterDetail* rasterDetail() const { return m_rasterDetail; }
    [[nodiscard]] GpsTracker* gps() const { return m_gps.get(); }
    [[nodiscard]] RecoveryWriter& recovery() const { return *m_recovery; }
    [[nodiscard]] DatabaseActions* database() const { return m_database; }

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    /// "Show links": the measure→observation links on the map, remembered between sessions.
    void createLinkToggle();
    void createWalkMode();
    void createLightingAnalysis();
    void showLightingAnalysis();
    void createContextMenus();
    /// Zooms to the selected features.
    void zoomToSelection();
    void retranslate();
    void refreshScene();
    void updateTitle();
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void showError(const Error& error, const QString& what);
    bool maybeSave();
    void newProject();
    void openProjectDialog();
    bool save();
    bool saveAs();
    void addData();
    /// Arkiv → Exportera…: the export dialog (same exportProject as the CLI).
    void zoomToFull();
    /// Zooms to a box, widened so that a single point shows its surroundings.
    void zoomToBox(const Box& box);
    void showFeature(const QString& layer, qint64 id);
    /// A photo dropped on the map: with a GPS position it becomes a new observation there
    /// (form first); true when the file was a photo and was handled.
    bool placePhoto(const std::filesystem::path& file);
    void chooseGpsSource();
    void about();

    MapDocument m_document;
    MapCanvas* m_canvas = nullptr;
    LayerPanel* m_layers = nullptr;
    PositionReadout* m_readout = nullptr;
    std::unique_ptr<GpsTracker> m_gps;
    std::unique_ptr<RecoveryWriter> m_recovery; ///< after m_document: ends before it
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    QString m_language = QStringLiteral("sv");

    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    EditMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_settingsMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QDockWidget* m_layerDock = nullptr;
    AttributeTablePanel* m_table = nullptr;
    QDockWidget* m_tableDock = nullptr;
    LinkPanel* m_links = nullptr;
    QDockWidget* m_linkDock = nullptr;
    FeatureEditing* m_editing = nullptr;
    PhotoPanel* m_photos = nullptr;
    MapToolsController* m_tools = nullptr;
    QMenu* m_toolsMenu = nullptr;
    WalkMode* m_walk = nullptr;
    LightingController* m_lighting = nullptr;
    LightingPanel* m_lightingPanel = nullptr;
    QDockWidget* m_lightingDock = nullptr;
    QMenu* m_analysisMenu = nullptr;
    QAction* m_lightingAction = nullptr;
    MapContextMenu* m_contextMenu = nullptr;
    RasterDetail* m_rasterDetail = nullptr;
    QAction* m_zoomSelection = nullptr;
    QAction* m_linksPanel = nullptr;
    QAction* m_photosPanel = nullptr;
    QDockWidget* m_photoDock = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_new = nullptr;
    QAction* m_open = nullptr;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;
    ExchangeActions* m_exchange = nullptr;
    DatabaseActions* m_database = nullptr;
    AnalysisActions* m_analysis = nullptr;
    QAction* m_addData = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_zoomFull = nullptr;
    QAction* m_showLinks = nullptr;
    QAction* m_swedish = nullptr;
    QAction* m_english = nullptr;
    QAction* m_gpsSource = nullptr;
    QAction* m_about = nullptr;
};

} // namespace trygg
