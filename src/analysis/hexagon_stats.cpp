#include "tryggkarta/analysis/hexagon_stats.h"

#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/core/filter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <unordered_map>
#include <unordered_set>

namespace trygg {
namespace {

constexpr std::string_view kPolarityField = "polaritet";
constexpr std::string_view kUnsafeCode = "otrygg";
constexpr double kSquareMetresPerHectare = 10'000.0;
constexpr std::size_t kProgressStep = 4096;
/// A band reaching farther (in cell widths) sums thousands of cells per cell: not a
/// neighbourhood any more, and slow.
constexpr double kMaxBandInCells = 50.0;

/// "100 m", "0.5 m": metres as a planner writes them.
std::string metres(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g m", value);
    return text;
}

Result<void> checkOptions(std::size_t points, std::size_t unsafe, const HexagonOptions& o) {
    if (points == 0) {
        return fail(ErrorCode::Usage, "no observations to count");
    }
    if (!std::isfinite(o.cellSize) || !(o.cellSize > 0.0)) {
        return fail(ErrorCode::Usage, "the cell size must be a positive number of metres");
    }
    if (!std::isfinite(o.distanceBand) || o.distanceBand < 0.0) {
        return fail(ErrorCode::Usage, "the distance band must be 0 (neighbouring cells) or a "
                                      "positive number of metres");
    }
    if (o.distanceBand > 0.0 && o.distanceBand < o.cellSize) {
        return fail(ErrorCode::Usage, "a distance band shorter than the cell size (" +
                                          metres(o.cellSize) + ") reaches no neighbouring cell");
    }
    if (o.distanceBand > kMaxBandInCells * o.cellSize) {
        return fail(ErrorCode::Usage, "a distance band over 50 cells wide (" +
                                          metres(kMaxBandInCells * o.cellSize) +
                                          ") is too wide for the cell size");
    }
    if (unsafe != 0 && unsafe != points) {
        return fail(ErrorCode::Usage, "one unsafe flag per observation is needed");
    }
    return {};
}

Box pointsEnvelope(std::span<const Point> points) {
    Box box{points.front(), points.front()};
    for (const Point& p : points) {
        bg::expand(box, p);
    }
    return box;
}

/// Cells the grid over `area` would have, counted before any is made, so that a tiny cell
/// size over a big area fails at once instead of exhausting memory.
double estimatedCells(const HexGrid& grid, const Box& area) {
    const double columns = (area.max_corner().x() - area.min_corner().x()) / grid.width() + 3.0;
    const double rows =
        (area.max_corner().y() - area.min_corner().y()) / (1.5 * grid.circumradius()) + 3.0;
    return columns * rows;
}

/// The cells over `area` and one ring around them, row by row from the south.
std::vector<HexCoord> gridCells(const HexGrid& grid, const Box& area) {
    std::vector<HexCoord> cells = grid.cellsCovering(area);
    std::unordered_set<HexCoord> seen(cells.begin(), cells.end());
    const std::size_t inner = cells.size();
    for (std::size_t i = 0; i < inner; ++i) {
        for (HexCoord n : HexGrid::neighbours(cells[i])) {
            if (seen.insert(n).second) {
                cells.push_back(n);
            }
        }
    }
    std::sort(cells.begin(), cells.end(),
              [](HexCoord a, HexCoord b) { return a.r != b.r ? a.r < b.r : a.q < b.q; });
    return cells;
}

/// The grid's cells and where each one is in the list.
struct IndexedCells {
    std::vector<HexagonCell> cells;
    std::unordered_map<HexCoord, std::size_t> index;
};

/// Offsets (dq, dr) of the cells in a neighbourhood, the cell itself included: the same for
/// every cell, as the grid is regular.
std::vector<HexCoord> neighbourhoodStencil(const HexagonOptions& options) {
    std::vector<HexCoord> stencil{HexCoord{0, 0}};
    if (options.distanceBand <= 0.0) {
        const auto ring = HexGrid::neighbours(HexCoord{0, 0});
        stencil.insert(stencil.end(), ring.begin(), ring.end());
        return stencil;
    }
    // Cells k steps away are at least k · width · √3/2 apart (centre to centre).
    // A band of exactly two widths reaches the cells two widths away despite rounding.
    const double band = options.distanceBand * (1.0 + 1e-9);
    const auto reach =
        static_cast<std::int64_t>(std::ceil(band / (options.cellSize * std::numbers::sqrt3 / 2.0)));
    for (std::int64_t dq = -reach; dq <= reach; ++dq) {
        for (std::int64_t dr = -reach; dr <= reach; ++dr) {
            const auto q = static_cast<double>(dq);
            const auto r = static_cast<double>(dr);
            const double distance = options.cellSize * std::sqrt(q * q + q * r + r * r);
            if ((dq != 0 || dr != 0) && distance <= band) {
                stencil.push_back(HexCoord{dq, dr});
            }
        }
    }
    return stencil;
}

Result<Neighbourhoods> neighbourhoodsOf(const std::vector<HexagonCell>& cells,
                                        const std::unordered_map<HexCoord, std::size_t>& index,
                                        const HexagonOptions& options, Progress& progress) {
    const std::vector<HexCoord> stencil = neighbourhoodStencil(options);
    Neighbourhoods out;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i % kProgressStep == 0 && progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "cancelled");
        }
        members.clear();
        for (HexCoord offset : stencil) {
            const HexCoord at{cells[i].coord.q + offset.q, cells[i].coord.r + offset.r};
            if (auto found = index.find(at); found != index.end()) {
                members.push_back(found->second);
            }
        }
        out.add(members);
    }
    return out;
}

Result<IndexedCells> emptyCells(const HexGrid& grid, const Box& area) {
    if (estimatedCells(grid, area) > static_cast<double>(kMaxHexagonCells)) {
        return fail(ErrorCode::Usage, "the cell size " + metres(grid.width()) +
                                          " is too small for the area (more than " +
                                          std::to_string(kMaxHexagonCells) + " cells)");
    }
    IndexedCells out;
    for (HexCoord c : gridCells(grid, area)) {
        out.index.emplace(c, out.cells.size());
        HexagonCell cell;
        cell.coord = c;
        cell.centre = grid.centre(c);
        out.cells.push_back(cell);
    }
    if (out.cells.size() < 3) {
        return fail(ErrorCode::Usage, "too few cells for hot spots");
    }
    return out;
}

/// Counts the points into their cells, those of the ring included (a ring cell holds real
/// observations: left empty, it would make the cells at the edge look quieter than they are);
/// points in no cell of the grid count as outside.
void countPoints(IndexedCells& grid, std::span<const Point> points, const std::vector<bool>& unsafe,
                 HexagonStatistics& stats) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto found = grid.index.find(stats.grid.cellOf(points[i]));
        if (found == grid.index.end()) {
            ++stats.outside;
            continue;
        }
        HexagonCell& cell = grid.cells[found->second];
        ++cell.count;
        cell.unsafe += !unsafe.empty() && unsafe[i] ? 1 : 0;
        ++stats.observations;
    }
    const double hectares = stats.grid.cellArea() / kSquareMetresPerHectare;
    for (HexagonCell& cell : grid.cells) {
        cell.perHectare = static_cast<double>(cell.count) / hectares;
        if (cell.count > 0) {
            cell.rate = static_cast<double>(cell.unsafe) / static_cast<double>(cell.count);
        }
    }
}

Result<void> addGiStar(IndexedCells& grid, const HexagonOptions& options, Progress& progress) {
    std::vector<double> values;
    values.reserve(grid.cells.size());
    const bool unsafe = options.value == HotSpotValue::Unsafe;
    for (const HexagonCell& cell : grid.cells) {
        values.push_back(static_cast<double>(unsafe ? cell.unsafe : cell.count));
    }
    auto neighbourhoods = neighbourhoodsOf(grid.cells, grid.index, options, progress);
    if (!neighbourhoods) {
        return std::unexpected(neighbourhoods.error());
    }
    progress.setStage("Gi*");
    auto gi = giStar(values, *neighbourhoods, progress);
    if (!gi) {
        return std::unexpected(gi.error());
    }
    const std::vector<int> bins = confidenceBins(*gi, options.falseDiscoveryRate);
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        grid.cells[i].gi = (*gi)[i];
        grid.cells[i].bin = bins[i];
    }
    return {};
}

} // namespace
std::string_view hotSpotValueName(HotSpotValue value) {
    return value == HotSpotValue::Unsafe ? "otrygga" : "antal";
}

std::optional<HotSpotValue> parseHotSpotValue(std::string_view name) {
    for (HotSpotValue value : {HotSpotValue::Count, HotSpotValue::Unsafe}) {
        if (name == hotSpotValueName(value)) {
            return value;
        }
    }
    return std::nullopt;
}

std::array<std::size_t, 7> HexagonStatistics::binCounts() const {
    std::array<std::size_t, 7> counts{};
    for (const HexagonCell& cell : cells) {
        ++counts[static_cast<std::size_t>(cell.bin + 3)];
    }
    return counts;
}

Result<HexagonStatistics> hexagonStatistics(std::span<const Point> points,
                                            const std::vector<bool>& unsafe,
                                            const HexagonOptions& options, Progress& progress) {
    if (auto checked = checkOptions(points.size(), unsafe.size(), options); !checked) {
        return std::unexpected(checked.error());
    }
    HexagonStatistics stats;
    stats.grid = HexGrid(options.cellSize);
    stats.options = options;
    progress.setStage("counting observations per cell");
    const Box area = options.extent ? *options.extent : pointsEnvelope(points);
    auto grid = emptyCells(stats.grid, area);
    if (!grid) {
        return std::unexpected(grid.error());
    }
    countPoints(*grid, points, unsafe, stats);
    if (stats.observations == 0) {
        return fail(ErrorCode::Usage, "no observation lies inside the area");
    }
    if (auto added = addGiStar(*grid, options, progress); !added) {
        return std::unexpected(added.error());
    }
    stats.cells = std::move(grid->cells);
    return stats;
}

Result<HexagonStatistics> hexagonStatistics(const Layer& layer, const HexagonOptions& options,
                                            Progress& progress) {
    auto filter = parseFilter(options.where, layer.definition());
    if (!filter) {
        return std::unexpected(filter.error());
    }
    auto selected = observationPoints(layer, &*filter, "");
    if (!selected) {
        return std::unexpected(selected.error());
    }
    if (selected->points.empty()) {
        return fail(ErrorCode::Usage, "no observation with a place matches the selection",
                    options.where.empty() ? layer.name() : layer.name() + ": " + options.where);
    }
    std::vector<bool> unsafe;
    unsafe.reserve(selected->ids.size());
    for (FeatureId id : selected->ids) {
        unsafe.push_back(textOf(layer.definition(), *layer.find(id), kPolarityField) ==
                         kUnsafeCode);
    }
    auto stats = hexagonStatistics(selected->points, unsafe, options, progress);
    if (!stats) {
        stats.error().where = layer.name();
        return stats;
    }
    stats->withoutGeometry = selected->withoutGeometry;
    if (!filter->matchesEverything()) {
        stats->selection = filter->describe("sv");
    }
    return stats;
}

} // namespace trygg
