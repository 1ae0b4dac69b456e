#pragma once
// Observations counted per hexagonal cell, with the unsafe share and the density, and where
// the counts cluster: Getis-Ord Gi* per cell over its neighbours, binned at 90/95/99 %
// confidence as ArcGIS's Hot Spot Analysis does, by default with its false-discovery-rate
// correction (without it, one cell in ten of a random pattern would reach "90 %").

#include "tryggkarta/analysis/gi_star.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/hex_grid.h"
#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/progress.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// What Gi* looks at in each cell.
enum class HotSpotValue {
    Count,  ///< every selected observation ("antal")
    Unsafe, ///< the selected observations with polaritet = otrygg ("otrygga")
};

/// "antal", "otrygga": the words of the CLI and of the result layer's field `varde`.
std::string_view hotSpotValueName(HotSpotValue value);
std::optional<HotSpotValue> parseHotSpotValue(std::string_view name);

struct HexagonOptions {
    /// Width of a cell across its flat sides in metres (= distance between neighbouring
    /// centres); see HexGrid.
    double cellSize = 100.0;
    HotSpotValue value = HotSpotValue::Count;
    /// Gi*'s neighbourhood: 0 means the cell and its six neighbours; otherwise every cell whose
    /// centre lies within this many metres of the cell's centre (the cell itself included).
    double distanceBand = 0.0;
    /// Bins with Benjamini-Hochberg's false-discovery-rate correction (as ArcGIS's option).
    bool falseDiscoveryRate = true;
    /// The area to cover; nothing: the selected observations' extent. Either way the grid gets
    /// one ring of cells more, so cells at the edge have neighbours on every side; observations
    /// in the ring count too, those beyond it are left out.
    std::optional<Box> extent;
    /// The planner's filter on the observations (core/filter.h); empty: all of them.
    std::string where;
};

/// One cell of the grid.
struct HexagonCell {
    HexCoord coord;
    Point centre;
    std::int64_t count = 0;     ///< selected observations in the cell
    std::int64_t unsafe = 0;    ///< of them with polaritet = otrygg
    std::optional<double> rate; ///< unsafe / count, 0..1; nothing in an empty cell
    double perHectare = 0.0;    ///< count per hectare of cell area
    GiStar gi;                  ///< on `count` or `unsafe`, as the options chose
    int bin = 0;                ///< -3..3, see confidenceBins
};

struct HexagonStatistics {
    HexGrid grid{100.0};
    HexagonOptions options;
    std::vector<HexagonCell> cells;  ///< row by row from the south, west to east in a row
    std::size_t observations = 0;    ///< selected observations counted in a cell
    std::size_t outside = 0;         ///< selected but in no cell of the grid (given extent)
    std::size_t withoutGeometry = 0; ///< selected but without a point
    std::string selection;           ///< the filter in Swedish words; empty for all

    /// Number of cells per bin: index bin + 3 (0 = cold 99 %, 3 = not significant, 6 = hot 99 %).
    [[nodiscard]] std::array<std::size_t, 7> binCounts() const;
};

/// At most this many cells; more means a cell size far too small for the area.
inline constexpr std::size_t kMaxHexagonCells = 4'000'000;

/// The statistics of `points`; `unsafe` is empty (none unsafe) or says for each point whether
/// it is unsafe. `options.where` is not used here (the points are already the selection).
/// Errors: Usage for no points, a cell size that is not a finite number > 0, a distance band
/// other than 0 or between one and 50 cell sizes, an `unsafe` of another length, more than
/// kMaxHexagonCells cells or fewer than 3; Cancelled.
Result<HexagonStatistics> hexagonStatistics(std::span<const Point> points,
                                            const std::vector<bool>& unsafe,
                                            const HexagonOptions& options, Progress& progress);

/// The statistics of the observations of `layer` (observationer) that `options.where` keeps.
/// Errors: those of parseFilter (naming the wrong word), "no observations match" naming the
/// layer and filter, and those above.
Result<HexagonStatistics> hexagonStatistics(const Layer& layer, const HexagonOptions& options,
                                            Progress& progress);

} // namespace trygg
