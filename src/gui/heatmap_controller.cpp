#include "heatmap_controller.h"

#include "background_open.h"

#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/document/heat_raster.h"
#include "tryggkarta/document/map_document.h"

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace trygg {
namespace {

/// How long the observations must rest before the live heat map is computed again: a drag or
/// a burst of walk observations makes one update, not one per step.
constexpr int kDebounceMs = 300;

Label legendTitle(const HeatmapOptions& options) {
    const auto radius = QString::number(options.radius, 'f', 0).toStdString();
    return Label{"Täthet av synpunkter (radie " + radius + " m)",
                 "Density of observations (radius " + radius + " m)"};
}

} // namespace

Result<HeatmapResult> computeHeatmap(const Layer& observations, const HeatmapRequest& request,
                                     Progress& progress) {
    auto taken = selectObservations(observations, request.filter.toStdString(),
                                    request.weightField.toStdString());
    if (!taken) {
        return std::unexpected(taken.error());
    }
    if (taken->points.empty()) {
        return fail(ErrorCode::Usage, "no observation with a place matches the choice");
    }
    auto grid = heatmap(taken->points, taken->weights, request.options, progress);
    if (!grid) {
        return std::unexpected(grid.error());
    }
    HeatmapResult result;
    result.grid = std::move(*grid);
    result.observations = taken->points.size();
    result.leftOut = taken->withoutGeometry; // an empty weight counts as 0, as in QGIS
    return result;
}

HeatmapController::HeatmapController(MapDocument& document, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_document(document), m_dialogParent(dialogParent) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &HeatmapController::startUpdate);
    connect(&m_update, &QFutureWatcher<Result<HeatmapResult>>::finished, this,
            &HeatmapController::updateFinished);
    connect(&document, &MapDocument::featuresChanged, this,
            &HeatmapController::observationsChanged);
    connect(&document, &MapDocument::projectReplaced, this, [this] {
        m_debounce.stop();
        m_request.reset();
        m_result.reset(); // the document dropped the raster with the old project
        emit changed();
    });
}

HeatmapController::~HeatmapController() {
    waitForUpdate();
}

bool HeatmapController::run(const HeatmapRequest& request) {
    waitForUpdate();
    const Layer* observations = m_document.layer(kObservationLayer);
    if (observations == nullptr) {
        emit problem(tr("Värmekartan kunde inte beräknas"),
                     tr("Projektet har inget lager med synpunkter."));
        return false;
    }
    auto result = runWithProgress<HeatmapResult>(
        tr("Beräknar värmekartan…"), m_dialogParent,
        [&](Progress& progress) { return computeHeatmap(*observations, request, progress); });
    if (!result) {
        if (result.error().code != ErrorCode::Cancelled) {
            emit problem(tr("Värmekartan kunde inte beräknas"),
                         QString::fromStdString(result.error().describe()));
        }
        return false;
    }
    m_request = request;
    show(std::move(*result));
    emit message(tr("Värmekarta av %n synpunkt(er).", nullptr,
                    static_cast<int>(m_result->observations)));
    return true;
}

void HeatmapController::clear() {
    m_debounce.stop();
    waitForUpdate();
    m_request.reset();
    m_result.reset();
    m_document.removeAnalysisRaster(kRasterName);
    emit changed();
}

void HeatmapController::show(HeatmapResult result) {
    m_result = std::move(result);
    m_document.setAnalysisRaster(heatmapSceneRaster(std::string(kRasterName), m_result->grid,
                                                    legendTitle(m_request->options)));
    emit changed();
}

void HeatmapController::observationsChanged(const QString& layer) {
    if (m_request && layer == QLatin1String(kObservationLayer.data())) {
        if (m_updateProgress) {
            m_updateProgress->cancel(); // its answer is already out of date
            m_updateAgain = true;
        }
        m_debounce.start();
    }
}

void HeatmapController::startUpdate() {
    if (!m_request || m_update.isRunning()) {
        return; // updateFinished starts the next one
    }
    m_updateAgain = false;
    m_updateProgress = std::make_shared<SharedProgress>();
    // The document may change while the worker runs: it reads the snapshot's shared layer.
    std::shared_ptr<const Layer> layer;
    for (auto& candidate : m_document.snapshot().layers) {
        if (candidate->name() == kObservationLayer) {
            layer = std::move(candidate);
        }
    }
    if (!layer) {
        return;
    }
    m_update.setFuture(QtConcurrent::run(
        [layer, request = *m_request, progress = m_updateProgress] {
            return computeHeatmap(*layer, request, *progress);
        }));
}

void HeatmapController::updateFinished() {
    if (!m_updateProgress) {
        return; // already taken by waitForUpdate
    }
    auto result = m_update.result();
    m_updateProgress.reset();
    if (m_request && result) {
        show(std::move(*result));
    } else if (m_request && result.error().code == ErrorCode::Usage) {
        // Every chosen observation was removed: nothing left to show.
        m_result.reset();
        m_document.removeAnalysisRaster(kRasterName);
        emit changed();
    }
    if (m_updateAgain) {
        startUpdate();
    }
}

void HeatmapController::waitForUpdate() {
    if (m_update.isRunning()) {
        m_update.waitForFinished();
    }
    if (m_update.isFinished() && m_updateProgress) {
        updateFinished();
    }
}

Result<void> HeatmapController::exportGeoTiff(const std::filesystem::path& file) {
    if (!m_result) {
        return fail(ErrorCode::Usage, "no heat map is shown", file.string());
    }
    waitForUpdate();
    return runWithProgress<void>(tr("Sparar värmekartan…"), m_dialogParent, [&](Progress& progress) {
        return writeHeatmapGeoTiff(file, m_result->grid, m_request->options, m_document.crs(),
                                   progress);
    });
}

} // namespace trygg
