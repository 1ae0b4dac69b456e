#include "analysis_actions.h"

#include "follow_up_panel.h"
#include "heatmap_controller.h"
#include "heatmap_dialog.h"
#include "hotspot_dialog.h"
#include "priority_panel.h"

#include "tryggkarta/document/map_document.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

#include <algorithm>

namespace trygg {
namespace {

/// The narrowest a result dock opens: room for a table of places with their explanations.
constexpr int kDockMinimumWidth = 480;

} // namespace

AnalysisActions::AnalysisActions(MapDocument& document, QMainWindow& window,
                                 std::function<void(const Box&)> zoomTo)
    : QObject(&window), m_document(document), m_window(window), m_zoomTo(std::move(zoomTo)) {
    m_heatmap = new HeatmapController(document, &window, this);
    connect(m_heatmap, &HeatmapController::problem, this,
            [this](const QString& title, const QString& text) {
                QMessageBox::warning(&m_window, title, text);
            });
    connect(m_heatmap, &HeatmapController::message, this, &AnalysisActions::message);
    connect(m_heatmap, &HeatmapController::changed, this, &AnalysisActions::updateActions);

    m_heatmapAction = new QAction(this);
    m_heatmapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(m_heatmapAction, &QAction::triggered, this, &AnalysisActions::showHeatmapDialog);
    m_clearHeatmap = new QAction(this);
    connect(m_clearHeatmap, &QAction::triggered, m_heatmap, &HeatmapController::clear);
    m_exportHeatmap = new QAction(this);
    connect(m_exportHeatmap, &QAction::triggered, this, &AnalysisActions::exportHeatmap);
    m_hotspots = new QAction(this);
    connect(m_hotspots, &QAction::triggered, this, &AnalysisActions::showHotspotDialog);
    createPanels();
    retranslate();
    updateActions();
}

void AnalysisActions::createPanels() {
    m_priorities = new PriorityPanel(m_document, &m_window);
    connect(m_priorities, &PriorityPanel::zoomRequested, this,
            [this](const Box& box) { m_zoomTo(box); });
    connect(m_priorities, &PriorityPanel::observationsChosen, this, [this](const QList<qint64>& ids) {
        std::vector<FeatureId> chosen;
        for (const qint64 id : ids) {
            chosen.push_back(FeatureId{id});
        }
        m_document.select(kObservationLayer, std::move(chosen));
    });
    m_priorityDock = addDock(m_priorities, "priorities");
    m_followUp = new FollowUpPanel(m_document, &m_window);
    m_followUpDock = addDock(m_followUp, "followUp");
    // Both want the full height (a long table, tall charts): tabs rather than halves.
    m_window.tabifyDockWidget(m_priorityDock, m_followUpDock);
}

QDockWidget* AnalysisActions::addDock(QWidget* panel, const char* objectName) {
    auto* dock = new QDockWidget(&m_window);
    dock->setObjectName(QLatin1String(objectName));
    dock->setWidget(panel);
    m_window.addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    connect(dock->toggleViewAction(), &QAction::triggered, dock, [this, dock](bool shown) {
        if (!shown) {
            return;
        }
        dock->raise();
        // A table of explanations and charts need room: the first time, the dock takes a good
        // share of the window instead of the narrow width Qt gives a hidden dock.
        if (!dock->property("sized").toBool() && !dock->isFloating()) {
            dock->setProperty("sized", true);
            const int width = std::max(kDockMinimumWidth, m_window.width() * 2 / 5);
            m_window.resizeDocks({dock}, {width}, Qt::Horizontal);
        }
    });
    return dock;
}

void AnalysisActions::addTo(QMenu& analysis, QMenu& view) {
    analysis.addSeparator();
    analysis.addActions({m_heatmapAction, m_exportHeatmap, m_clearHeatmap});
    analysis.addSeparator();
    analysis.addActions({m_hotspots, m_priorityDock->toggleViewAction(),
                         m_followUpDock->toggleViewAction()});
    view.addActions({m_priorityDock->toggleViewAction(), m_followUpDock->toggleViewAction()});
}

void AnalysisActions::setLanguage(const QString& language) {
    m_language = language;
    m_priorities->setLanguage(language.toStdString());
    m_followUp->setLanguage(language.toStdString());
}

void AnalysisActions::retranslate() {
    m_heatmapAction->setText(tr("&Värmekarta…"));
    m_heatmapAction->setStatusTip(tr("Visa var synpunkterna ligger tätt, som en färgad yta över kartan"));
    m_clearHeatmap->setText(tr("Ta bort värmekartan"));
    m_exportHeatmap->setText(tr("Spara värmekartan som GeoTIFF…"));
    m_exportHeatmap->setStatusTip(tr("För QGIS och andra GIS-program: ett rasterlager med tätheten i varje ruta"));
    m_hotspots->setText(tr("&Heta och kalla punkter…"));
    m_hotspots->setStatusTip(tr("Sexkantiga rutor där synpunkterna samlas mer (röda) eller mindre (blå) än slumpen förklarar"));
    m_priorityDock->setWindowTitle(tr("Prioriterade platser"));
    m_priorityDock->toggleViewAction()->setText(tr("&Prioriterade platser"));
    m_priorityDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_followUpDock->setWindowTitle(tr("Uppföljning"));
    m_followUpDock->toggleViewAction()->setText(tr("&Uppföljning av löften och åtgärder"));
    m_followUpDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_priorities->retranslate();
    m_followUp->retranslate();
}

void AnalysisActions::showHeatmapDialog() {
    if (!m_document.hasProject()) {
        return;
    }
    const auto& previous = m_heatmap->request();
    HeatmapDialog dialog(m_document, m_language, previous ? &*previous : nullptr, &m_window);
    if (dialog.exec() == QDialog::Accepted) {
        m_heatmap->run(dialog.request());
    }
}

void AnalysisActions::showHotspotDialog() {
    if (!m_document.hasProject()) {
        return;
    }
    HotspotDialog dialog(m_document, m_language, &m_window);
    if (dialog.exec() == QDialog::Accepted && dialog.statistics()) {
        emit message(HotspotDialog::summary(*dialog.statistics()) + QLatin1Char(' ') +
                     tr("Ångra med Ctrl+Z."));
    }
}

void AnalysisActions::exportHeatmap() {
    if (!m_heatmap->isShown()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(&m_window, tr("Spara värmekartan"),
                                                      QStringLiteral("varmekarta.tif"),
                                                      tr("GeoTIFF (*.tif *.tiff)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto written = m_heatmap->exportGeoTiff(path.toStdString()); !written) {
        if (written.error().code != ErrorCode::Cancelled) {
            QMessageBox::warning(&m_window, tr("Värmekartan sparades inte"),
                                 QString::fromStdString(written.error().describe()));
        }
        return;
    }
    emit message(tr("Värmekartan sparad i %1").arg(path));
}

void AnalysisActions::updateActions() {
    const bool shown = m_heatmap->isShown();
    m_clearHeatmap->setEnabled(shown);
    m_exportHeatmap->setEnabled(shown);
}

} // namespace trygg
