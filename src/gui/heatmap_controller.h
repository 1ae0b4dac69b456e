#pragma once
// The heat map in the app: computes it off the GUI thread with the same library calls as the
// CLI's `heatmap` (selectObservations, then heatmap), shows it over the base map with its
// legend, follows the observations live (an added, moved or removed observation recomputes
// it in the background), and writes it as GeoTIFF.

#include "tryggkarta/analysis/heatmap.h"
#include "tryggkarta/core/error.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>

class QWidget;

namespace trygg {

class Layer;
class MapDocument;
class SharedProgress;

/// What the planner asked for: which observations, weighed how, and the kernel.
struct HeatmapRequest {
    QString filter;      ///< filter text (see ObservationFilterBox); empty: all
    QString weightField; ///< empty: each observation weighs 1
    HeatmapOptions options;
};

/// A computed heat map and what went into it.
struct HeatmapResult {
    HeatmapGrid grid;
    std::size_t observations = 0; ///< points used
    std::size_t leftOut = 0;      ///< matched but without a place
};

/// Takes the observations of `observations` that `request` chooses and computes their heat
/// map. Usage error when no observation with a place matches.
Result<HeatmapResult> computeHeatmap(const Layer& observations, const HeatmapRequest& request,
                                     Progress& progress);

class HeatmapController : public QObject {
    Q_OBJECT
public:
    /// The analysis raster's name in the document.
    static constexpr std::string_view kRasterName = "varmekarta";

    HeatmapController(MapDocument& document, QWidget* dialogParent, QObject* parent = nullptr);
    ~HeatmapController() override;

    /// Computes with progress and Cancel and shows the result. False when it failed or was
    /// cancelled (what was shown before stays; `problem` says why unless cancelled).
    bool run(const HeatmapRequest& request);
    /// Removes the heat map from the map and forgets it.
    void clear();

    [[nodiscard]] bool isShown() const { return m_result.has_value(); }
    [[nodiscard]] const HeatmapResult* result() const { return m_result ? &*m_result : nullptr; }
    /// The last request run (also the dialog's starting values).
    [[nodiscard]] const std::optional<HeatmapRequest>& request() const { return m_request; }
    /// Writes the heat map shown as a Float32 GeoTIFF (-9999 where no observation reaches).
    Result<void> exportGeoTiff(const std::filesystem::path& file);
    /// Waits for a live recomputation in progress (tests).
    void waitForUpdate();

signals:
    /// Computed, recomputed or cleared.
    void changed();
    void problem(const QString& title, const QString& text);
    void message(const QString& text);

private:
    void show(HeatmapResult result);
    void observationsChanged(const QString& layer);
    void startUpdate();
    void updateFinished();

    MapDocument& m_document;
    QPointer<QWidget> m_dialogParent;
    std::optional<HeatmapRequest> m_request;
    std::optional<HeatmapResult> m_result;
    QTimer m_debounce;
    QFutureWatcher<Result<HeatmapResult>> m_update;
    std::shared_ptr<SharedProgress> m_updateProgress;
    bool m_updateAgain = false; ///< changed again while an update ran
};

} // namespace trygg
