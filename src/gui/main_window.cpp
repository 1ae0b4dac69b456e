#include "main_window.h"

#include "attribute_table_panel.h"
#include "background_open.h"
#include "edit_menu.h"
#include "feature_editing.h"
#include "gps_tracker.h"
#include "walk_mode.h"
#include "map_context_menu.h"
#include "raster_detail.h"
#include "attribute_table_view.h"
#include "walk_panel.h"
#include "analysis_actions.h"
#include "exchange_actions.h"
#include "database_actions.h"
#include "layer_panel.h"
#include "lighting_controller.h"
#include "lighting_panel.h"
#include "link_panel.h"
#include "map_tools_controller.h"
#include "photo_panel.h"
#include "map_canvas.h"
#include "position_readout.h"
#include "recovery_prompt.h"
#include "save_failure_prompt.h"

#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/photo_import.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/raster_source.h"
#include "tryggkarta/io/vector_overlay.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

namespace trygg {
namespace {

constexpr int kMaxRecent = 8;
constexpr int kRasterMaxPixels = 4096;
const QString kRecentKey = QStringLiteral("recentProjects");
const QString kShowLinksKey = QStringLiteral("view/showLinks");

QString projectFilter() { return QObject::tr("Tryggkarta-projekt (*.gpkg)"); }

} // namespace

MainWindow::MainWindow(LayerCatalog catalog, QWidget* parent)
    : QMainWindow(parent), m_document(std::move(catalog)) {
    m_canvas = new MapCanvas(this);
    setCentralWidget(m_canvas);
    m_layers = new LayerPanel(m_document, this);
    m_layerDock = new QDockWidget(this);
    m_layerDock->setObjectName(QStringLiteral("layers"));
    m_layerDock->setWidget(m_layers);
    addDockWidget(Qt::LeftDockWidgetArea, m_layerDock);
    m_table = new AttributeTablePanel(m_document, this);
    m_tableDock = new QDockWidget(this);
    m_tableDock->setObjectName(QStringLiteral("table"));
    m_tableDock->setWidget(m_table);
    addDockWidget(Qt::BottomDockWidgetArea, m_tableDock);
    m_tableDock->hide();
    m_links = new LinkPanel(m_document, this);
    m_linkDock = new QDockWidget(this);
    m_linkDock->setObjectName(QStringLiteral("links"));
    m_linkDock->setWidget(m_links);
    addDockWidget(Qt::RightDockWidgetArea, m_linkDock);
    m_linkDock->hide();
    m_photos = new PhotoPanel(m_document, this);
    m_photoDock = new QDockWidget(this);
    m_photoDock->setObjectName(QStringLiteral("photos"));
    m_photoDock->setWidget(m_photos);
    addDockWidget(Qt::RightDockWidgetArea, m_photoDock);
    m_photoDock->hide();
    m_editing = new FeatureEditing(m_document, this);
    m_tools = new MapToolsController(m_document, *m_canvas, this);
    connect(m_tools, &MapToolsController::geometryReady, this,
            [this](const QString& layer, const Geometry& geometry) {
                // Cancelling the form keeps the drawn shape in its tool: nothing is lost.
                if (m_walk->placeAt(layer, geometry) || m_editing->addWithForm(layer.toStdString(), geometry)) {
                    m_tools->clearSketch();
                }
            });
    connect(m_tools, &MapToolsController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_table, &AttributeTablePanel::zoomRequested, this, &MainWindow::zoomToBox);
    connect(m_links, &LinkPanel::showFeature, this, &MainWindow::showFeature);
    connect(m_links, &LinkPanel::pickingStarted, this, [this] {
        // Clicks now pick observations, even one lying on a corner of the measure.
        m_tools->setCurrentLayer(std::string(kObservationLayer));
        m_tools->setTool(MapToolsController::Tool::Select);
    });
    m_readout = new PositionReadout(this);
    statusBar()->addPermanentWidget(m_readout);
    m_gps = std::make_unique<GpsTracker>();
    m_recovery = std::make_unique<RecoveryWriter>(m_document);
    showRecoveryStatus(*m_recovery, statusBar());
    createWalkMode();
    createLightingAnalysis();
    setAcceptDrops(true);
    resize(1280, 800);

    createActions();
    connect(&m_document, &MapDocument::projectReplaced, this, [this] {
        m_readout->setMapCrs(m_document.crs());
        m_gps->setMapCrs(m_document.crs());
        refreshScene();
        zoomToFull();
        updateTitle();
    });
    m_canvas->setSceneSource([this] { return m_document.scene(m_language.toStdString()); });
    connect(&m_document, &MapDocument::layersChanged, this, &MainWindow::refreshScene);
    connect(&m_document, &MapDocument::featuresChanged, this, &MainWindow::refreshScene);
    connect(&m_document, &MapDocument::linksChanged, this, &MainWindow::refreshScene);
    connect(&m_document, &MapDocument::rasterDetailChanged, this, &MainWindow::refreshScene);
    connect(&m_document, &MapDocument::analysisRastersChanged, this, &MainWindow::refreshScene);
    m_rasterDetail = new RasterDetail(m_document, *m_canvas, this);
    connect(m_rasterDetail, &RasterDetail::problem, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    // Links of the selected features are drawn highlighted.
    connect(&m_document, &MapDocument::selectionChanged, this, [this] {
        if (m_document.linksVisible() && !m_document.links().empty()) {
            refreshScene();
        }
    });
    connect(&m_document, &MapDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_canvas, &MapCanvas::cursorMoved, m_readout, &PositionReadout::showPosition);
    connect(m_canvas, &MapCanvas::viewChanged, m_readout, &PositionReadout::showScale);
    connect(m_readout, &PositionReadout::scaleRequested, this,
            [this](double scale) { m_canvas->setView(m_canvas->view().withScale(scale)); });
    connect(m_layers, &LayerPanel::zoomToLayerRequested, this, [this](const std::string& name) {
        int index = m_document.indexOf(name);
        if (index >= 0) {
            m_canvas->zoomToExtent(m_document.layers()[static_cast<std::size_t>(index)].layer->extent());
        }
    });
    connect(m_gps.get(), &GpsTracker::positionChanged, m_canvas, &MapCanvas::setPositionMarker);
    connect(m_gps.get(), &GpsTracker::problem, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    QSettings settings;
    restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
    retranslate();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createWalkMode() {
    m_walk = new WalkMode(m_document, *m_canvas, *m_tools, *m_editing, *m_gps, *this);
    connect(m_walk, &WalkMode::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_walk, &WalkMode::describeRequested, this, [this](qint64 id) {
        m_document.select(kObservationLayer, {FeatureId{id}});
        m_editing->editSelection();
    });
    connect(m_walk, &WalkMode::photoRequested, this, [this](qint64 id) {
        m_document.select(kObservationLayer, {FeatureId{id}});
        m_photoDock->show();
        m_photos->choose();
    });
}

void MainWindow::createLightingAnalysis() {
    m_lighting = new LightingController(m_document, this, this);
    m_lightingPanel = new LightingPanel(*m_lighting, this);
    m_lightingDock = new QDockWidget(this);
    m_lightingDock->setObjectName(QStringLiteral("lighting"));
    m_lightingDock->setWidget(m_lightingPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_lightingDock);
    m_lightingDock->hide();
    m_lightingAction = new QAction(this);
    m_lightingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_lightingAction, &QAction::triggered, this, &MainWindow::showLightingAnalysis);
    // A lamp dragged with the move tool: the numbers and the lux map follow it live.
    connect(m_tools, &MapToolsController::dragPreview, m_lighting, &LightingController::previewMove);
    connect(m_tools, &MapToolsController::dragEnded, m_lighting, &LightingController::endPreview);
    connect(m_lightingPanel, &LightingPanel::zoomRequested, this, &MainWindow::zoomToBox);
    connect(m_lighting, &LightingController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_lighting, &LightingController::problem, this,
            [this](const QString& title, const QString& text) { QMessageBox::warning(this, title, text); });
}

void MainWindow::showLightingAnalysis() {
    if (m_lightingDock->isHidden()) {
        m_lightingDock->show();
        resizeDocks({m_lightingDock}, {430}, Qt::Horizontal); // room for before and after
    }
    m_lightingDock->raise();
    if (m_lighting->state() == nullptr) {
        m_lightingPanel->runAction()->trigger();
    }
}

void MainWindow::createActions() {
    m_new = new QAction(this);
    m_new->setShortcut(QKeySequence::New);
    connect(m_new, &QAction::triggered, this, &MainWindow::newProject);
    m_open = new QAction(this);
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, &MainWindow::openProjectDialog);
    m_save = new QAction(this);
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &MainWindow::save);
    m_saveAs = new QAction(this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAs, &QAction::triggered, this, &MainWindow::saveAs);
    m_addData = new QAction(this);
    m_addData->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_addData, &QAction::triggered, this, &MainWindow::addData);
    m_quit = new QAction(this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    m_zoomIn = new QAction(this);
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_canvas->zoomBy(2.0); });
    m_zoomOut = new QAction(this);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_canvas->zoomBy(0.5); });
    m_zoomFull = new QAction(this);
    m_zoomFull->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_zoomFull, &QAction::triggered, this, &MainWindow::zoomToFull);
    m_swedish = new QAction(QStringLiteral("Svenska"), this);
    m_english = new QAction(QStringLiteral("English"), this);
    auto* languages = new QActionGroup(this);
    for (QAction* a : {m_swedish, m_english}) {
        a->setCheckable(true);
        languages->addAction(a);
    }
    connect(m_swedish, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("sv")); });
    connect(m_english, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });
    m_gpsSource = new QAction(this);
    connect(m_gpsSource, &QAction::triggered, this, &MainWindow::chooseGpsSource);
    m_about = new QAction(this);
    connect(m_about, &QAction::triggered, this, &MainWindow::about);

    m_fileMenu = menuBar()->addMenu(QString());
    m_database = new DatabaseActions(
        m_document, *m_recovery, *this, [this] { return maybeSave(); }, [this] { return saveAs(); });
    connect(m_database, &DatabaseActions::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_fileMenu->addActions({m_new, m_open, m_database->openAction()});
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addActions({m_save, m_saveAs});
    QAction* exportsBefore = m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_addData);
    m_fileMenu->addAction(m_quit);
    m_exchange = new ExchangeActions(m_document, *this, [this] { return m_canvas->view().visibleExtent(); });
    m_exchange->addTo(*m_fileMenu, exportsBefore, m_fileMenu->insertSeparator(m_quit));
    connect(m_exchange, &ExchangeActions::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_editMenu = new EditMenu(m_document, this);
    m_editMenu->insertAction(m_editMenu->deleteAction(), m_editing->propertiesAction());
    menuBar()->addMenu(m_editMenu);
    m_toolsMenu = menuBar()->addMenu(QString());
    m_toolsMenu->addActions(m_tools->toolGroup()->actions());
    m_toolsMenu->addSeparator();
    m_toolsMenu->addActions({m_tools->snapAction(), m_tools->selectWhereAction()});
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addActions({m_zoomIn, m_zoomOut, m_zoomFull});
    m_viewMenu->addSeparator();
    createLinkToggle();
    m_viewMenu->addAction(m_showLinks);
    m_viewMenu->addSeparator(); // the panels below: "Kopplingar" there is the link list
    m_viewMenu->addAction(m_layerDock->toggleViewAction());
    m_tableDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_viewMenu->addAction(m_tableDock->toggleViewAction());
    m_viewMenu->addAction(m_linkDock->toggleViewAction());
    m_viewMenu->addAction(m_photoDock->toggleViewAction());
    m_viewMenu->addAction(m_walk->fullScreenAction());
    m_viewMenu->addAction(m_lightingDock->toggleViewAction());
    m_analysisMenu = menuBar()->addMenu(QString());
    m_analysisMenu->addActions({m_lightingAction, m_lightingPanel->runAction()});
    m_analysis = new AnalysisActions(m_document, *this, [this](const Box& box) { zoomToBox(box); });
    m_analysis->addTo(*m_analysisMenu, *m_viewMenu);
    connect(m_analysis, &AnalysisActions::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    menuBar()->addMenu(m_walk->menu());
    m_settingsMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageMenu->addActions({m_swedish, m_english});
    m_settingsMenu->addAction(m_gpsSource);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("main"));
    m_toolBar->addActions({m_open, m_save, m_addData});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_editMenu->undoAction(), m_editMenu->redoAction()});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_zoomIn, m_zoomOut, m_zoomFull});
    addToolBar(m_tools->toolBar());
    createContextMenus();
    updateRecentMenu();
}

void MainWindow::createContextMenus() {
    m_zoomSelection = new QAction(this);
    connect(m_zoomSelection, &QAction::triggered, this, &MainWindow::zoomToSelection);
    m_linksPanel = new QAction(this);
    connect(m_linksPanel, &QAction::triggered, this, [this] {
        m_linkDock->show();
        m_linkDock->raise();
    });
    m_photosPanel = new QAction(this);
    connect(m_photosPanel, &QAction::triggered, this, [this] {
        m_photoDock->show();
        m_photoDock->raise();
    });
    QAction* properties = m_editing->propertiesAction();
    QAction* remove = m_editMenu->deleteAction();
    m_contextMenu = new MapContextMenu(m_document, this);
    m_contextMenu->setFeatureActions({properties, m_zoomSelection, m_linksPanel, m_photosPanel, nullptr, remove});
    m_contextMenu->setMapActions({m_zoomIn, m_zoomOut, m_zoomFull});
    connect(m_canvas, &MapCanvas::contextMenuRequested, this, [this](const Point& where, const QPoint& global) {
        const double tolerance = 8.0 * m_canvas->view().metresPerPixel(); // a fingertip's slack
        m_contextMenu->popup(where, global, tolerance, m_tools->currentLayer());
    });
    AttributeTableView* table = m_table->view();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    table->addActions({properties, m_zoomSelection, m_linksPanel, m_photosPanel, separator, remove});
    connect(m_layers, &LayerPanel::tableRequested, this, [this](const QString& layer) {
        m_table->showLayer(layer.toStdString());
        m_tableDock->show();
        m_tableDock->raise();
    });
}

void MainWindow::zoomToSelection() {
    const Selection& selection = m_document.selection();
    const Layer* layer = m_document.layer(selection.layer);
    Box box = emptyBox();
    for (FeatureId id : selection.ids) {
        const Feature* feature = layer ? layer->find(id) : nullptr;
        if (feature != nullptr && feature->geometry) {
            expand(box, envelope(*feature->geometry));
        }
    }
    if (!isEmpty(box)) {
        zoomToBox(box);
    }
}

void MainWindow::createLinkToggle() {
    m_showLinks = new QAction(this);
    m_showLinks->setCheckable(true);
    m_showLinks->setChecked(QSettings().value(kShowLinksKey, true).toBool());
    m_document.setLinksVisible(m_showLinks->isChecked());
    connect(m_showLinks, &QAction::toggled, this, [this](bool on) {
        m_document.setLinksVisible(on);
        QSettings().setValue(kShowLinksKey, on);
    });
}

void MainWindow::retranslate() {
    m_fileMenu->setTitle(tr("&Arkiv"));
    m_recentMenu->setTitle(tr("Öppna &senaste"));
    m_viewMenu->setTitle(tr("&Visa"));
    m_settingsMenu->setTitle(tr("&Inställningar"));
    m_languageMenu->setTitle(tr("&Språk"));
    m_helpMenu->setTitle(tr("&Hjälp"));
    m_new->setText(tr("&Nytt projekt…"));
    m_open->setText(tr("Ö&ppna projekt…"));
    m_save->setText(tr("&Spara"));
    m_saveAs->setText(tr("Spara so&m…"));
    m_addData->setText(tr("&Lägg till data…"));
    m_addData->setStatusTip(tr("Visa en kartfil (vektor eller ortofoto) ovanpå projektet"));
    m_exchange->setLanguage(m_language);
    m_exchange->retranslate();
    m_database->setLanguage(m_language);
    m_database->retranslate();
    m_analysis->setLanguage(m_language);
    m_analysis->retranslate();
    m_editMenu->retranslate();
    m_editing->retranslate();
    m_tools->retranslate();
    m_tools->setLanguage(m_language.toStdString());
    m_toolsMenu->setTitle(tr("Ver&ktyg"));
    m_editing->setLanguage(m_language.toStdString());
    m_table->setLanguage(m_language.toStdString());
    m_links->setLanguage(m_language.toStdString());
    m_tableDock->setWindowTitle(tr("Tabell"));
    m_linkDock->setWindowTitle(tr("Kopplingar"));
    m_photoDock->setWindowTitle(tr("Foton"));
    m_photos->retranslate();
    m_analysisMenu->setTitle(tr("A&nalys"));
    m_lightingAction->setText(tr("&Belysningsanalys…"));
    m_lightingAction->setStatusTip(tr("Vilka gångvägar och gator är för mörka, och vad ändrar de planerade lamporna?"));
    m_lightingDock->setWindowTitle(tr("Belysningsanalys"));
    m_lightingPanel->retranslate();
    m_lightingPanel->setLanguage(m_language.toStdString());
    m_walk->retranslate();
    m_walk->setLanguage(m_language.toStdString());
    m_quit->setText(tr("&Avsluta"));
    m_zoomIn->setText(tr("Zooma &in"));
    m_zoomOut->setText(tr("Zooma &ut"));
    m_zoomFull->setText(tr("&Hela kartan"));
    m_zoomSelection->setText(tr("Zooma till &markerade"));
    m_linksPanel->setText(tr("&Kopplingar…"));
    m_photosPanel->setText(tr("&Foton…"));
    m_showLinks->setText(tr("Visa &kopplingar"));
    m_showLinks->setStatusTip(tr("Streckade linjer från åtgärder till observationerna de besvarar"));
    m_gpsSource->setText(tr("&GPS-källa…"));
    m_about->setText(tr("&Om Tryggkarta"));
    m_layerDock->setWindowTitle(tr("Lager"));
    m_toolBar->setWindowTitle(tr("Verktyg"));
    m_canvas->setToolTip(tr("Dra för att panorera, rulla för att zooma, Skift+dra för att zooma till en ruta"));
    m_swedish->setChecked(m_language == QStringLiteral("sv"));
    m_english->setChecked(m_language == QStringLiteral("en"));
    m_readout->retranslate();
    m_layers->setLanguage(m_language.toStdString());
    updateRecentMenu();
    updateTitle();
    refreshScene();
}

void MainWindow::setLanguage(const QString& language) {
    QApplication::removeTranslator(&m_translator);
    QApplication::removeTranslator(&m_qtTranslator);
    m_language = language;
    // Swedish is the source text; its file holds only the plural forms ("1 foto", "2 foton").
    const QString ours = language == QStringLiteral("en") ? QStringLiteral(":/i18n/tryggkarta_en.qm")
                                                          : QStringLiteral(":/i18n/tryggkarta_sv.qm");
    if (m_translator.load(ours)) {
        QApplication::installTranslator(&m_translator);
    }
    // Qt's own dialogs and buttons in Swedish. Debian 12 ships no qtbase_sv.qm for Qt 6, only
    // the older all-in-one qt_sv.qm, which still covers the message boxes and standard buttons.
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (language != QStringLiteral("en") &&
        (m_qtTranslator.load(QStringLiteral("qtbase_sv"), qtTranslations) ||
         m_qtTranslator.load(QStringLiteral("qt_sv"), qtTranslations))) {
        QApplication::installTranslator(&m_qtTranslator);
    }
    QSettings().setValue(QStringLiteral("language"), language);
    retranslate();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::refreshScene() {
    m_canvas->refresh();
}

void MainWindow::updateTitle() {
    QString name = m_document.hasProject()
                       ? QString::fromStdString(m_document.path().filename().string())
                       : tr("Inget projekt");
    if (m_document.isShared()) {
        name = m_document.isReadOnly()
                   ? tr("%1 (gemensam databas, endast läsning)").arg(sharedProjectName(m_document.path()))
                   : tr("%1 (gemensam databas)").arg(sharedProjectName(m_document.path()));
    }
    setWindowTitle(QStringLiteral("%1%2 — Tryggkarta").arg(name, m_document.isModified() ? "*" : ""));
}

void MainWindow::showError(const Error& error, const QString& what) {
    if (error.code == ErrorCode::Cancelled) {
        statusBar()->showMessage(tr("Avbrutet"), 5000);
        return;
    }
    QMessageBox::warning(this, what, QString::fromStdString(error.describe()));
}

bool MainWindow::openProjectFile(const std::filesystem::path& path) {
    const auto source = askProjectSource(path, m_recovery->folder(), this);
    if (!source) {
        return false;
    }
    auto project = openProjectWithProgress(source->file, m_document.catalog(), this);
    if (!project) {
        showError(project.error(), tr("Projektet kunde inte öppnas"));
        return false;
    }
    if (source->recovered) {
        m_document.setRecoveredProject(std::move(*project), path, source->file);
    } else {
        m_document.setProject(std::move(*project), path);
    }
    rememberRecent(QString::fromStdString(path.string()));
    return true;
}

bool MainWindow::maybeSave() {
    if (m_tools->hasUnfinishedWork()) {
        auto answer = QMessageBox::question(
            this, tr("Ofärdig form"),
            tr("En linje eller yta håller på att ritas och är inte sparad. Kasta den?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            return false;
        }
        m_tools->clearSketch();
    }
    if (!m_document.isModified()) {
        return true;
    }
    auto answer = QMessageBox::question(this, tr("Osparade ändringar"),
                                        tr("Projektet har ändringar som inte är sparade. Spara dem?"),
                                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) {
        return save();
    }
    return answer == QMessageBox::Discard;
}

void MainWindow::newProject() {
    if (!maybeSave()) {
        return;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Nytt projekt"), QString(), projectFilter());
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".gpkg");
    }
    std::filesystem::remove(path.toStdString()); // the dialog already asked before replacing
    if (auto created = createProject(path.toStdString(), Crs::fromEpsg(crs::kSweref99Tm), m_document.catalog());
        !created) {
        showError(created.error(), tr("Projektet kunde inte skapas"));
        return;
    }
    openProjectFile(path.toStdString());
}

void MainWindow::openProjectDialog() {
    if (!maybeSave()) {
        return;
    }
    QString path = QFileDialog::getOpenFileName(this, tr("Öppna projekt"), QString(), projectFilter());
    if (!path.isEmpty()) {
        openProjectFile(path.toStdString());
    }
}

bool MainWindow::save() {
    if (!m_document.hasProject()) {
        return saveAs();
    }
    if (m_document.isShared()) {
        return m_database->save();
    }
    if (auto saved = m_document.save(); !saved) {
        return askAfterSaveFailure(m_document.path(), saved.error(), this) && saveAs();
    }
    statusBar()->showMessage(tr("Sparat"), 3000);
    return true;
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Spara projekt som"), QString(), projectFilter());
    if (path.isEmpty()) {
        return false;
    }
    if (!path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".gpkg");
    }
    if (auto saved = m_document.saveAs(path.toStdString()); !saved) {
        return askAfterSaveFailure(path.toStdString(), saved.error(), this) && saveAs();
    }
    rememberRecent(path);
    updateTitle();
    return true;
}

void MainWindow::addData() {
    QString path = QFileDialog::getOpenFileName(
        this, tr("Lägg till data"), QString(),
        tr("Kartdata (*.shp *.gpkg *.geojson *.json *.kml *.gpx *.csv *.osm *.pbf *.tif *.tiff *.jpg *.png *.mbtiles *.xml);;Alla filer (*)"));
    if (!path.isEmpty()) {
        addDataFile(path);
    }
}

void MainWindow::zoomToBox(const Box& box) {
    if (isEmpty(box)) {
        return;
    }
    // At least 80 m across: a single observation is shown with its street around it.
    constexpr double kMinimumSpan = 80.0;
    const Point centre((box.min_corner().x() + box.max_corner().x()) / 2.0,
                       (box.min_corner().y() + box.max_corner().y()) / 2.0);
    const double halfWidth = std::max(kMinimumSpan, box.max_corner().x() - box.min_corner().x()) / 2.0;
    const double halfHeight = std::max(kMinimumSpan, box.max_corner().y() - box.min_corner().y()) / 2.0;
    m_canvas->zoomToExtent(Box(Point(centre.x() - halfWidth, centre.y() - halfHeight),
                               Point(centre.x() + halfWidth, centre.y() + halfHeight)));
}

void MainWindow::showFeature(const QString& layer, qint64 id) {
    const Layer* data = m_document.layer(layer.toStdString());
    const Feature* feature = data ? data->find(FeatureId{id}) : nullptr;
    if (feature == nullptr || !feature->geometry) {
        return;
    }
    m_document.select(layer.toStdString(), {feature->id});
    zoomToBox(envelope(*feature->geometry));
}

void MainWindow::addDataFile(const QString& path) {
    const std::filesystem::path file = path.toStdString();
    if (probeDataKind(file) == DataKind::Raster) {
        auto extent = rasterExtent(file, m_document.crs());
        if (!extent) {
            showError(extent.error(), tr("Bilden kunde inte läsas"));
            return;
        }
        double width = extent->max_corner().x() - extent->min_corner().x();
        double height = extent->max_corner().y() - extent->min_corner().y();
        double scale = kRasterMaxPixels / std::max(width, height);
        auto raster = readRasterView(file, m_document.crs(), *extent,
                                     std::max(1, static_cast<int>(width * std::min(scale, 4.0))),
                                     std::max(1, static_cast<int>(height * std::min(scale, 4.0))));
        if (!raster) {
            showError(raster.error(), tr("Bilden kunde inte läsas"));
            return;
        }
        QImage image(reinterpret_cast<const uchar*>(raster->argb.data()), raster->width, raster->height,
                     QImage::Format_ARGB32);
        SceneRaster background;
        background.name = file.filename().string();
        background.image = image.copy();
        background.extent = raster->extent;
        background.source = file.string(); // read finer for the view when zoomed in
        m_document.addRaster(std::move(background));
        return;
    }
    auto layer = readVectorOverlay(file, m_document.crs());
    if (!layer) {
        showError(layer.error(), tr("Filen kunde inte läsas"));
        return;
    }
    m_document.addOverlay(std::move(*layer), file.string());
}

void MainWindow::zoomToFull() { m_canvas->zoomToExtent(m_document.extent()); }

void MainWindow::chooseGpsSource() { m_gps->chooseSource(this); }

void MainWindow::about() {
    QMessageBox::about(this, tr("Om Tryggkarta"),
                       tr("<b>Tryggkarta</b> %1<br>Trygghetskartläggning av Vännäs centrum: "
                          "observationer, belysning och trygghetsskapande åtgärder.<br><br>"
                          "Baskartan är schematisk, ritad efter kända fakta och inte inmätt.")
                           .arg(QStringLiteral(TRYGG_VERSION)));
}

void MainWindow::rememberRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent) {
        recent.removeLast();
    }
    settings.setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave()) {
                openProjectFile(path.toStdString());
            }
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (WalkSession* walk = m_walk->session()) {
        (void)walk->finish(); // the route so far joins the edits that are saved or not
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_recovery->discard(); // saved, or the user chose to drop the changes
    QSettings().setValue(QStringLiteral("windowState"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile() && !placePhoto(url.toLocalFile().toStdString())) {
            addDataFile(url.toLocalFile());
        }
    }
    event->acceptProposedAction();
}

bool MainWindow::placePhoto(const std::filesystem::path& file) {
    const QString suffix = QString::fromStdString(file.extension().string()).toLower();
    if (suffix != QStringLiteral(".jpg") && suffix != QStringLiteral(".jpeg")) {
        return false;
    }
    auto photo = readPhotoFile(file);
    if (!photo) {
        showError(photo.error(), tr("Fotot kunde inte läsas"));
        return true;
    }
    if (!photo->position) {
        // Without a position the photo belongs to whatever is selected.
        if (m_photos->attachFiles({file}) == 0) {
            QMessageBox::information(this, tr("Foto"),
                                     tr("Fotot har ingen GPS-position. Markera observationen eller åtgärden det hör till och dra det till panelen Foton."));
        }
        return true;
    }
    auto transform = CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84), m_document.crs());
    auto place = transform ? transform->apply(*photo->position) : std::unexpected(transform.error());
    if (!place) {
        showError(place.error(), tr("Fotots position kunde inte användas"));
        return true;
    }
    zoomToBox(Box(*place, *place));
    auto added = m_editing->addWithForm(std::string(kObservationLayer), *place);
    if (added) {
        static_cast<void>(m_document.addPhotos(kObservationLayer, *added, {std::move(*photo)}));
        m_photoDock->show();
    }
    return true;
}

} // namespace trygg
