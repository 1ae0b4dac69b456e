#include "walk_mode.h"

#include "feature_editing.h"
#include "gps_tracker.h"
#include "map_canvas.h"
#include "map_tools_controller.h"
#include "walk_panel.h"
#include "walk_session.h"

#include "background_open.h"

#include "tryggkarta/document/map_document.h"

#include <QAction>
#include <QActionGroup>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QShortcut>
#include <QUrl>

namespace trygg {

WalkMode::WalkMode(MapDocument& document, MapCanvas& canvas, MapToolsController& tools,
                   FeatureEditing& editing, GpsTracker& gps, QMainWindow& window)
    : QObject(&window), m_document(document), m_canvas(canvas), m_tools(tools), m_editing(editing),
      m_gps(gps), m_window(window) {
    m_panel = new WalkPanel(m_document, &window);
    m_dock = new QDockWidget(&window);
    m_dock->setObjectName(QStringLiteral("walk"));
    auto* scroll = new QScrollArea(m_dock); // a small screen scrolls; nothing is cut off
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_dock->setWidget(scroll);
    window.addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_panel, &WalkPanel::startRequested, this, &WalkMode::startWithForm);
    connect(m_panel, &WalkPanel::finishRequested, this, &WalkMode::finishAndOfferProtocol);
    connect(m_panel, &WalkPanel::placeOnMapRequested, this, &WalkMode::placeOnMap);
    connect(m_panel, &WalkPanel::message, this, &WalkMode::message);
    connect(m_panel, &WalkPanel::describeRequested, this, &WalkMode::describeRequested);
    connect(m_panel, &WalkPanel::photoRequested, this, &WalkMode::photoRequested);
    connect(&m_gps, &GpsTracker::positionChanged, this, [this](std::optional<PositionMarker> marker) {
        if (m_session && marker) {
            m_session->addFix(marker->position, marker->accuracyMetres);
            follow();
        } else if (m_session) {
            m_session->loseFix();
        }
    });
    m_cancelPlacing = new QShortcut(QKeySequence(Qt::Key_Escape), &window);
    m_cancelPlacing->setEnabled(false);
    connect(m_cancelPlacing, &QShortcut::activated, m_panel, &WalkPanel::cancelPlacing);
    connect(m_tools.toolGroup(), &QActionGroup::triggered, this, [this] {
        if (m_tools.currentTool() != MapToolsController::Tool::AddPoint) {
            m_toolBeforePlacing.reset(); // the user chose another tool: the tap is not coming
            m_panel->cancelPlacing();
        }
    });
    connect(&m_document, &MapDocument::selectionChanged, this, &WalkMode::updateActions);
    connect(&m_document, &MapDocument::projectReplaced, this, &WalkMode::updateActions);
    createActions();
}

WalkMode::~WalkMode() = default;

void WalkMode::createActions() {
    m_start = new QAction(this);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(m_start, &QAction::triggered, this, &WalkMode::startWithForm);
    m_continue = new QAction(this);
    connect(m_continue, &QAction::triggered, this, [this] {
        if (auto walk = selectedWalk()) {
            begin(*walk);
        }
    });
    m_finish = new QAction(this);
    connect(m_finish, &QAction::triggered, this, &WalkMode::finishAndOfferProtocol);
    m_protocol = new QAction(this);
    m_protocol->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_protocol, &QAction::triggered, this, [this] {
        if (auto walk = chooseWalk()) {
            writeProtocol(*walk);
        }
    });
    m_showPanel = m_dock->toggleViewAction();
    m_fullScreen = new QAction(this);
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(m_fullScreen, &QAction::toggled, this, [this](bool on) {
        on ? m_window.showFullScreen() : m_window.showNormal();
    });
    m_menu = new QMenu(&m_window);
    m_menu->addAction(m_start);
    m_menu->addAction(m_continue);
    m_menu->addAction(m_finish);
    m_menu->addSeparator();
    m_menu->addAction(m_protocol);
    m_menu->addSeparator();
    m_menu->addAction(m_showPanel);
    m_menu->addAction(m_fullScreen);
    retranslate();
}

void WalkMode::retranslate() {
    m_menu->setTitle(tr("&Vandring"));
    m_dock->setWindowTitle(tr("Trygghetsvandring"));
    m_start->setText(tr("&Starta trygghetsvandring…"));
    m_start->setStatusTip(tr("Ange datum, ljusförhållanden, arrangör och deltagare, och börja spela in slingan"));
    m_continue->setText(tr("&Fortsätt markerad vandring"));
    m_continue->setStatusTip(tr("Spela in mer av slingan och fler observationer till den markerade vandringen"));
    m_finish->setText(tr("&Avsluta vandringen"));
    m_finish->setStatusTip(tr("Spara slingan och avsluta inspelningen"));
    m_protocol->setText(tr("Skapa vandrings&protokoll (PDF)…"));
    m_protocol->setStatusTip(tr("Protokoll med slingans karta och, för varje plats, problemet, föreslagen åtgärd, ansvarig och när"));
    m_fullScreen->setText(tr("&Helskärm"));
    m_fullScreen->setStatusTip(tr("Visa kartan och vandringspanelen över hela skärmen (surfplatta)"));
    m_panel->retranslate();
    updateActions();
}

void WalkMode::setLanguage(const std::string& language) {
    m_language = language;
    m_editing.setLanguage(language);
    m_panel->setLanguage(language);
}

void WalkMode::updateActions() {
    const bool walking = !m_session.isNull();
    const bool canWalk = m_document.layer(kWalkLayer) != nullptr && m_document.isEditable(kWalkLayer) &&
                         m_document.layer(kObservationLayer) != nullptr;
    m_start->setEnabled(canWalk && !walking);
    m_continue->setEnabled(canWalk && !walking && selectedWalk().has_value());
    m_finish->setEnabled(walking);
    const Layer* walks = m_document.layer(kWalkLayer);
    m_protocol->setEnabled(walks != nullptr && !walks->features().empty());
}

std::optional<FeatureId> WalkMode::selectedWalk() const {
    const Selection& selection = m_document.selection();
    if (selection.layer != kWalkLayer || selection.ids.size() != 1) {
        return std::nullopt;
    }
    return selection.ids.front();
}

bool WalkMode::startWithForm() {
    if (m_session) {
        return false;
    }
    auto walk = m_editing.addWithForm(std::string(kWalkLayer), std::nullopt);
    if (!walk) {
        return false;
    }
    begin(*walk);
    return true;
}

void WalkMode::begin(FeatureId walk) {
    end();
    m_session = new WalkSession(m_document, walk, this);
    connect(m_session, &WalkSession::walkRemoved, this, [this] {
        emit message(tr("Vandringen finns inte längre (borttagen eller ångrad); inspelningen slutade."));
        end();
    });
    m_editing.setCurrentWalk(toInt(walk));
    m_panel->setSession(m_session);
    m_dock->show();
    m_dock->raise();
    updateActions();
    emit message(m_gps.isRunning()
                     ? tr("Vandringen spelas in. Slingan följer GPS:en.")
                     : tr("Vandringen spelas in utan GPS: tryck på kartan för att placera observationer. "
                          "Välj GPS-källa under Inställningar."));
}

std::optional<FeatureId> WalkMode::finish() {
    if (!m_session) {
        return std::nullopt;
    }
    const FeatureId walk = m_session->walk();
    auto note = m_session->finish();
    end();
    if (!note) {
        QMessageBox::warning(&m_window, tr("Avsluta vandringen"),
                             tr("Slingan kunde inte sparas: %1").arg(QString::fromStdString(note.error().describe())));
        return walk;
    }
    emit message(tr("Vandringen är avslutad. %1").arg(*note));
    emit walkFinished(toInt(walk));
    return walk;
}

void WalkMode::finishAndOfferProtocol() {
    auto walk = finish();
    if (walk && QMessageBox::question(&m_window, tr("Avsluta vandringen"),
                                      tr("Vandringen är avslutad. Vill du skapa protokollet nu?")) == QMessageBox::Yes) {
        writeProtocol(*walk);
    }
}

std::optional<FeatureId> WalkMode::chooseWalk() {
    if (auto selected = selectedWalk()) {
        return selected;
    }
    const Layer* walks = m_document.layer(kWalkLayer);
    if (walks == nullptr || walks->features().empty()) {
        return std::nullopt;
    }
    QStringList names;
    std::vector<FeatureId> ids;
    const LayerDef& definition = walks->definition();
    for (const Feature& walk : walks->features()) {
        QString name = tr("Vandring %1").arg(toInt(walk.id));
        if (auto index = definition.fieldIndex("namn"); index && !isNull(walk.values[*index])) {
            name = QString::fromStdString(toDisplayString(walk.values[*index]));
        }
        if (auto index = definition.fieldIndex("datum"); index && !isNull(walk.values[*index])) {
            name += QStringLiteral(" (%1)").arg(QString::fromStdString(toDisplayString(walk.values[*index])));
        }
        names << name;
        ids.push_back(walk.id);
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(&m_window, tr("Vandringsprotokoll"),
                                                 tr("Vilken vandring?"), names, int(names.size()) - 1, false, &ok);
    const auto at = names.indexOf(picked);
    return ok && at >= 0 ? std::optional(ids[static_cast<std::size_t>(at)]) : std::nullopt;
}

std::optional<ProtocolLayout> WalkMode::writeProtocol(FeatureId walk, QString file) {
    auto protocol = buildWalkProtocol(m_document.snapshot().toProject(), walk, m_language);
    if (!protocol) {
        QMessageBox::warning(&m_window, tr("Vandringsprotokoll"), QString::fromStdString(protocol.error().describe()));
        return std::nullopt;
    }
    if (file.isEmpty()) {
        const std::filesystem::path folder = m_document.path().parent_path();
        const std::string name = "vandringsprotokoll-" + std::to_string(toInt(walk)) + ".pdf";
        file = QFileDialog::getSaveFileName(&m_window, tr("Spara vandringsprotokoll"),
                                            QString::fromStdString((folder / name).string()), tr("PDF (*.pdf)"));
    }
    if (file.isEmpty()) {
        return std::nullopt;
    }
    const MapScene scene = m_document.scene(m_language);
    const MapDocument& document = m_document;
    PhotoLoader photos = [&document](PhotoId id) -> Result<std::string> {
        auto data = document.photoData(id);
        return data ? Result<std::string>(**data) : std::unexpected(data.error());
    };
    auto written = runWithProgress<ProtocolLayout>(tr("Skriver protokollet …"), &m_window, [&](Progress& progress) {
        return writeWalkProtocolPdf(file.toStdString(), *protocol, scene, photos, m_language, progress);
    });
    if (!written) {
        if (written.error().code != ErrorCode::Cancelled) {
            QMessageBox::warning(&m_window, tr("Vandringsprotokoll"), QString::fromStdString(written.error().describe()));
        }
        return std::nullopt;
    }
    emit message(tr("Protokollet sparades: %1 (%n platser)", nullptr, static_cast<int>(written->entries)).arg(file));
    if (QMessageBox::question(&m_window, tr("Vandringsprotokoll"),
                              tr("Protokollet sparades i %1. Vill du öppna det?").arg(file)) == QMessageBox::Yes) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(file));
    }
    return *written;
}

void WalkMode::end() {
    if (!m_session) {
        return;
    }
    m_panel->setSession(nullptr);
    m_editing.setCurrentWalk(std::nullopt);
    m_session->deleteLater();
    m_session.clear();
    updateActions();
}

void WalkMode::placeOnMap(bool active) {
    m_cancelPlacing->setEnabled(active);
    if (active) {
        if (!m_toolBeforePlacing) {
            m_toolBeforePlacing = static_cast<int>(m_tools.currentTool());
            m_layerBeforePlacing = m_tools.currentLayer();
        }
        m_tools.setCurrentLayer(std::string(kObservationLayer));
        m_tools.setTool(MapToolsController::Tool::AddPoint);
        return;
    }
    if (m_toolBeforePlacing && m_tools.currentTool() == MapToolsController::Tool::AddPoint) {
        m_tools.setCurrentLayer(m_layerBeforePlacing);
        m_tools.setTool(static_cast<MapToolsController::Tool>(*m_toolBeforePlacing));
    }
    m_toolBeforePlacing.reset();
}

void WalkMode::follow() {
    if (!m_session || !m_session->position()) {
        return;
    }
    const ViewTransform& view = m_canvas.view();
    const QPointF at = view.toScreen(*m_session->position());
    const QRectF inner = QRectF(QPointF(0, 0), QSizeF(view.size())).adjusted(
        view.size().width() * 0.2, view.size().height() * 0.2, -view.size().width() * 0.2,
        -view.size().height() * 0.2);
    if (!inner.contains(at)) {
        m_canvas.setView(view.withCenter(*m_session->position()));
    }
}

bool WalkMode::placeAt(const QString& layer, const Geometry& geometry) {
    const auto* point = std::get_if<Point>(&geometry);
    if (layer != QLatin1String(kObservationLayer.data(), qsizetype(kObservationLayer.size())) ||
        point == nullptr || !m_panel->isPlacing()) {
        return false;
    }
    return m_panel->placeAt(*point);
}

} // namespace trygg
