#include "lighting_controller.h"

#include "background_open.h"
#include "tryggkarta/analysis/lighting_results.h"
#include "tryggkarta/core/defaults.h"
#include "tryggkarta/document/lux_raster.h"
#include "tryggkarta/document/map_document.h"

#include <QSettings>
#include <QUndoStack>

namespace trygg {

Q_LOGGING_CATEGORY(lcLighting, "tryggkarta.lighting", QtWarningMsg)

namespace {

const QString kClassTableKey = QStringLiteral("lighting/classTable");
const QString kShowRasterKey = QStringLiteral("lighting/showRaster");
constexpr std::string_view kInventoryLayer = "belysning";
/// A drag of more lamps than this is followed on release only: the preview stays fluid.
constexpr qsizetype kMaxPreviewFeatures = 50;

bool isLampLayer(std::string_view layer) {
    return layer == kInventoryLayer || layer == kMeasureLayer;
}

} // namespace

LightingController::LightingController(MapDocument& document, QWidget* dialogParent,
                                       QObject* parent)
    : QObject(parent), m_document(document), m_dialogParent(dialogParent) {
    m_rasterVisible = QSettings().value(kShowRasterKey, true).toBool();
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(0);
    connect(&m_previewTimer, &QTimer::timeout, this, &LightingController::applyPreview);
    connect(&m_document, &MapDocument::featuresChanged, this, &LightingController::documentChanged);
    // The document dropped its analysis rasters with the old project; clear() forgets the rest
    // (removing a raster that is gone already does nothing).
    connect(&m_document, &MapDocument::projectReplaced, this, &LightingController::clear);
    connect(&m_document.undoStack(), &QUndoStack::indexChanged, this,
            &LightingController::undoIndexChanged);
}

LightingController::~LightingController() = default;

std::filesystem::path LightingController::classTableFile() const {
    const QString chosen = QSettings().value(kClassTableKey).toString();
    if (!chosen.isEmpty()) {
        return chosen.toStdString();
    }
    return m_document.catalog().directory / std::string(kLightingDataFolder) /
           std::string(kDefaultClassTableFile);
}

bool LightingController::usesDefaultClassTable() const {
    return QSettings().value(kClassTableKey).toString().isEmpty();
}

Result<void> LightingController::setClassTableFile(const std::filesystem::path& file) {
    if (file.empty()) {
        QSettings().remove(kClassTableKey);
        emit resultsChanged();
        return {};
    }
    if (auto table = readLightingClassTable(file); !table) {
        return std::unexpected(table.error());
    }
    QSettings().setValue(kClassTableKey,
                         QString::fromStdString(std::filesystem::absolute(file).string()));
    emit resultsChanged();
    return {};
}

bool LightingController::run(bool withPlanned) {
    if (m_busy || !m_document.hasProject()) {
        return false;
    }
    const std::filesystem::path tableFile = classTableFile();
    auto table = readLightingClassTable(tableFile);
    if (!table) {
        fail(table.error(), tr("Klasstabellen kunde inte läsas"));
        return false;
    }
    LuminaireOptions options;
    options.projectFile = m_document.path();
    options.profileFolders = {m_document.catalog().directory / std::string(kLightingDataFolder)};
    const ProjectSnapshot snapshot = m_document.snapshot();
    m_busy = true;
    auto computed = runWithProgress<std::unique_ptr<LightingState>>(
        tr("Beräknar belysningen längs gångvägar och gator …"), m_dialogParent,
        [&](Progress& progress) {
            if (m_beforeRun) {
                m_beforeRun(progress);
            }
            return LightingState::compute(snapshot, std::move(*table), options, withPlanned,
                                          progress);
        });
    if (!computed) {
        m_busy = false;
        fail(computed.error(), tr("Belysningsanalysen kunde inte göras"));
        return false;
    }
    QUndoStack& stack = m_document.undoStack();
    const int before = stack.index();
    auto written = m_document.replaceAnalysisResults(
        lightingResultLayers((*computed)->project(), (*computed)->run(), currentContext().now),
        tr("Belysningsanalys"));
    m_busy = false;
    if (!written) {
        fail(written.error(), tr("Resultatet kunde inte skrivas"));
        return false;
    }
    m_previewTimer.stop();
    m_pending.reset();
    m_state = std::move(*computed);
    m_runTable = tableFile;
    m_showPlanned = withPlanned;
    m_writtenPlanned = withPlanned;
    m_undone = false;
    m_resultsIndex = stack.index() > before ? stack.index() - 1 : -1;
    m_resultsCommand = m_resultsIndex >= 0 ? stack.command(m_resultsIndex) : nullptr;
    showRaster();
    emit resultsChanged();
    emit message(tr("Belysningsanalysen är klar. Ångra med Ctrl+Z."));
    return true;
}

void LightingController::clear() {
    m_previewTimer.stop();
    m_pending.reset();
    m_state.reset();
    m_image = QImage();
    m_undone = false;
    m_resultsCommand = nullptr;
    m_document.removeAnalysisRaster(kRasterName);
    emit resultsChanged();
}

bool LightingController::setShowPlanned(bool planned) {
    if (m_busy) {
        return false;
    }
    if (state() == nullptr) {
        m_showPlanned = planned; // for the next run
        emit resultsChanged();
        return true;
    }
    if (planned && !m_state->hasPlanned()) {
        return run(true);
    }
    if (planned == m_showPlanned) {
        return true;
    }
    m_busy = true;
    auto grid = runWithProgress<void>(
        tr("Beräknar belysningsstyrkan på kartan …"), m_dialogParent,
        [&](Progress& progress) { return m_state->computeGrid(planned, progress); });
    m_busy = false;
    if (!grid) {
        fail(grid.error(), tr("Belysningsstyrkan kunde inte beräknas"));
        return false;
    }
    m_showPlanned = planned;
    showRaster();
    emit resultsChanged();
    return true;
}

void LightingController::setRasterVisible(bool visible) {
    m_rasterVisible = visible;
    QSettings().setValue(kShowRasterKey, visible);
    showRaster();
    emit resultsChanged();
}

void LightingController::showRaster() {
    const LightingState* shown = state();
    if (shown == nullptr || !m_rasterVisible || shown->grid().columns == 0) {
        m_image = QImage();
        m_document.removeAnalysisRaster(kRasterName);
        return;
    }
    SceneRaster raster = luxSceneRaster(std::string(kRasterName), shown->grid());
    m_image = raster.image;
    m_document.setAnalysisRaster(std::move(raster));
}

const SceneRaster* LightingController::raster() const {
    for (const SceneRaster& raster : m_document.analysisRasters()) {
        if (raster.name == kRasterName) {
            return &raster;
        }
    }
    return nullptr;
}

Result<void> LightingController::exportRaster(const std::filesystem::path& file) {
    if (state() == nullptr || m_state->grid().columns == 0 || m_busy) {
        return std::unexpected(Error{
            ErrorCode::Usage, "no lux map to write: run the analysis first", file.string(), {}});
    }
    m_busy = true;
    auto written = runWithProgress<void>(
        tr("Skriver %1 …").arg(QString::fromStdString(file.filename().string())), m_dialogParent,
        [&](Progress& progress) {
            return writeIlluminanceGeoTiff(file, m_state->grid(), m_document.crs(), progress);
        });
    m_busy = false;
    return written;
}

bool LightingController::resultsOutdated() const {
    return state() != nullptr && (m_state->changedSinceRun() || m_showPlanned != m_writtenPlanned);
}

bool LightingController::needsRecompute() const {
    return state() != nullptr && m_state->needsRecompute();
}

bool LightingController::classTableChanged() const {
    return state() != nullptr && classTableFile() != m_runTable;
}

void LightingController::previewMove(const QString& layer, const QList<qint64>& ids, double dx,
                                     double dy) {
    if (!m_state || !isLampLayer(layer.toStdString()) || ids.size() > kMaxPreviewFeatures) {
        return;
    }
    m_pending = PendingPreview{layer, ids, dx, dy};
    if (!m_previewTimer.isActive()) {
        m_previewTimer.start();
    }
}

void LightingController::applyPreview() {
    if (!m_pending || !m_state || m_busy) {
        return;
    }
    const PendingPreview preview = *m_pending;
    m_pending.reset();
    const Layer* layer = m_document.layer(preview.layer.toStdString());
    if (layer == nullptr) {
        return;
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<FeatureId> ids;
    ids.reserve(static_cast<std::size_t>(preview.ids.size()));
    for (qint64 id : preview.ids) {
        ids.push_back(FeatureId{id});
    }
    const LampChanges changes = m_state->previewMove(*layer, ids, preview.dx, preview.dy);
    if (changes.any()) {
        apply(changes);
        m_lastUpdateMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        qCDebug(lcLighting) << "live update while dragging:" << m_lastUpdateMs << "ms";
        emit resultsChanged();
    }
}

void LightingController::endPreview() {
    m_previewTimer.stop();
    m_pending.reset();
    if (!m_state || m_busy) {
        return;
    }
    // Moved: the document has the lamps where the drag left them. Cancelled: where they were.
    LampChanges changes;
    for (std::string_view name : {kInventoryLayer, kMeasureLayer}) {
        if (const Layer* layer = m_document.layer(name)) {
            const LampChanges synced = m_state->syncLayer(*layer);
            for (std::size_t k = 0; k < 2; ++k) {
                expand(changes.horizontal[k], synced.horizontal[k]);
                expand(changes.samples[k], synced.samples[k]);
            }
        }
    }
    if (changes.any()) {
        apply(changes);
        emit resultsChanged();
    }
}

void LightingController::documentChanged(const QString& layer) {
    if (!m_state || m_busy) {
        return;
    }
    const std::string name = layer.toStdString();
    const Layer* data = m_document.layer(name);
    if (data == nullptr) {
        return;
    }
    if (name == kObservationLayer) {
        m_state->replaceObservations(*data);
        emit resultsChanged();
        return;
    }
    if (!isLampLayer(name)) {
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const LampChanges changes = m_state->syncLayer(*data);
    if (changes.any()) {
        apply(changes);
        m_lastUpdateMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        qCDebug(lcLighting) << "update after an edit of" << layer << m_lastUpdateMs << "ms";
    }
    emit resultsChanged(); // also for "not updated since" and "compute again"
}

void LightingController::apply(const LampChanges& changes) {
    const GridCells cells = m_state->refresh(changes);
    if (cells.isEmpty() || m_image.isNull() || m_undone) {
        return;
    }
    paintLux(m_image, m_state->grid(), cells.column0, cells.row0, cells.columns, cells.rows);
    m_document.updateAnalysisRaster(kRasterName, m_image);
}

void LightingController::undoIndexChanged(int index) {
    if (!m_state || m_resultsCommand == nullptr || m_busy) {
        return;
    }
    QUndoStack& stack = m_document.undoStack();
    const bool present =
        m_resultsIndex < stack.count() && stack.command(m_resultsIndex) == m_resultsCommand;
    if (!present) {
        // The undone run was pushed off the stack by a new edit: it cannot come back.
        m_resultsCommand = nullptr;
        if (m_undone) {
            clear();
        }
        return;
    }
    const bool undone = index <= m_resultsIndex;
    if (undone != m_undone) {
        m_undone = undone;
        showRaster();
        emit resultsChanged();
    }
}

void LightingController::fail(const Error& error, const QString& title) {
    if (error.code == ErrorCode::Cancelled) {
        emit message(tr("Belysningsanalysen avbröts; inget ändrades."));
        return;
    }
    emit problem(title, QString::fromStdString(error.describe()));
}

} // namespace trygg
