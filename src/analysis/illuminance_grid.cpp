#include "tryggkarta/analysis/illuminance_grid.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <ranges>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace trygg {
namespace {

// Cells per tile side: one R-tree query per tile, then a reach test per candidate and cell.
// 32 cells (16 m at 0.5 m) balance the queries against candidates that reach only part.
constexpr std::size_t kTile = 32;
constexpr double kMostCells = 1e9;

struct GridWork {
    const LuminaireIndex& index;
    IlluminanceGrid& grid;
    double maintenanceFactor = 0.0;
    std::size_t tileCount = 0;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
};

// A luminaire near a tile, with what the reach test needs at hand.
struct Candidate {
    double x = 0.0;
    double y = 0.0;
    double reachSquared = 0.0;
    const Luminaire* luminaire = nullptr;
};

std::vector<Candidate> candidatesFor(const LuminaireIndex& index, const Box& centres) {
    std::vector<Candidate> candidates;
    for (std::size_t i : index.near(centres, IlluminancePlane::Horizontal)) {
        const Luminaire& luminaire = index.luminaires()[i];
        const double reach = index.reach(i, IlluminancePlane::Horizontal);
        candidates.push_back(
            {luminaire.position().x(), luminaire.position().y(), reach * reach, &luminaire});
    }
    return candidates;
}

// The same test and the same order of summing as LuminaireIndex::horizontalIlluminance, so
// that each cell equals the point function at its centre, however the cells are grouped.
void fillCells(const LuminaireIndex& index, double maintenanceFactor, IlluminanceGrid& grid,
               const GridCells& cells) {
    const std::size_t column1 = cells.column0 + cells.columns;
    const std::size_t row1 = cells.row0 + cells.rows;
    const Point northWest = grid.cellCentre(cells.column0, cells.row0);
    const Point southEast = grid.cellCentre(column1 - 1, row1 - 1);
    const std::vector<Candidate> candidates = candidatesFor(
        index, Box{Point{northWest.x(), southEast.y()}, Point{southEast.x(), northWest.y()}});
    for (std::size_t row = cells.row0; row < row1; ++row) {
        for (std::size_t column = cells.column0; column < column1; ++column) {
            const Point centre = grid.cellCentre(column, row);
            double sum = 0.0;
            for (const Candidate& near : candidates) {
                const double dx = centre.x() - near.x;
                const double dy = centre.y() - near.y;
                if (dx * dx + dy * dy <= near.reachSquared) {
                    sum += near.luminaire->horizontalAt(centre);
                }
            }
            grid.lux[row * grid.columns + column] = static_cast<float>(sum * maintenanceFactor);
        }
    }
}

// Tile `tile` of `within`, counting tiles row by row from its north-west corner.
GridCells tileOf(const GridCells& within, std::size_t tile) {
    const std::size_t tilesAcross = (within.columns + kTile - 1) / kTile;
    GridCells cells;
    cells.column0 = within.column0 + tile % tilesAcross * kTile;
    cells.row0 = within.row0 + tile / tilesAcross * kTile;
    cells.columns = std::min(kTile, within.column0 + within.columns - cells.column0);
    cells.rows = std::min(kTile, within.row0 + within.rows - cells.row0);
    return cells;
}

std::size_t tileCount(const GridCells& cells) {
    return ((cells.columns + kTile - 1) / kTile) * ((cells.rows + kTile - 1) / kTile);
}

GridCells wholeGrid(const IlluminanceGrid& grid) {
    GridCells cells;
    cells.columns = grid.columns;
    cells.rows = grid.rows;
    return cells;
}

void fillTile(const GridWork& work, std::size_t tile) {
    fillCells(work.index, work.maintenanceFactor, work.grid, tileOf(wholeGrid(work.grid), tile));
}

// [first, last) of the indices 0..count whose centre(i), ascending with i, is within [low,
// high]. A search over the cell centres themselves, so that the edges agree with cellCentre
// to the last bit.
template <typename Centre>
std::pair<std::size_t, std::size_t> indicesWithin(std::size_t count, double low, double high,
                                                  Centre centre) {
    const auto all = std::views::iota(std::size_t{0}, count);
    auto firstWhereNot = [&](auto below) {
        return static_cast<std::size_t>(std::ranges::partition_point(all, below) - all.begin());
    };
    const std::size_t first = firstWhereNot([&](std::size_t i) { return centre(i) < low; });
    const std::size_t last = firstWhereNot([&](std::size_t i) { return centre(i) <= high; });
    return {first, std::max(first, last)};
}

void fillTiles(GridWork& work) {
    for (std::size_t tile = work.next++; tile < work.tileCount && !work.stop; tile = work.next++) {
        fillTile(work, tile);
        ++work.done;
    }
}

std::string gridProblem(const Box& extent, double cellSize, double maintenanceFactor) {
    if (isEmpty(extent) || extent.min_corner().x() >= extent.max_corner().x() ||
        extent.min_corner().y() >= extent.max_corner().y()) {
        return "the extent is empty";
    }
    if (!(cellSize > 0.0) || !std::isfinite(cellSize)) {
        return "the cell size must be more than 0 m";
    }
    if (!(maintenanceFactor > 0.0 && maintenanceFactor <= 1.0)) {
        return "the maintenance factor must be above 0 and at most 1";
    }
    const double cells = std::ceil((extent.max_corner().x() - extent.min_corner().x()) / cellSize) *
                         std::ceil((extent.max_corner().y() - extent.min_corner().y()) / cellSize);
    if (!(cells <= kMostCells)) {
        return "the grid would have more than a billion cells; choose larger cells";
    }
    return {};
}

IlluminanceGrid emptyGrid(const Box& extent, double cellSize) {
    IlluminanceGrid grid;
    grid.cellSize = cellSize;
    const Point& west = extent.min_corner();
    const Point& east = extent.max_corner();
    // The tiny allowance keeps a 2000 m extent at 0.5 m from becoming 4001 cells by rounding.
    grid.columns = static_cast<std::size_t>(std::ceil((east.x() - west.x()) / cellSize - 1e-9));
    grid.rows = static_cast<std::size_t>(std::ceil((east.y() - west.y()) / cellSize - 1e-9));
    grid.extent = Box{Point{west.x(), east.y() - static_cast<double>(grid.rows) * cellSize},
                      Point{west.x() + static_cast<double>(grid.columns) * cellSize, east.y()}};
    grid.lux.assign(grid.columns * grid.rows, 0.0F);
    return grid;
}

} // namespace

Result<IlluminanceGrid> illuminanceGrid(const Box& extent, double cellSize,
                                        const LuminaireIndex& index, double maintenanceFactor,
                                        Progress& progress, unsigned threads) {
    if (auto problem = gridProblem(extent, cellSize, maintenanceFactor); !problem.empty()) {
        return fail(ErrorCode::Usage, std::move(problem), "illuminance grid");
    }
    IlluminanceGrid grid = emptyGrid(extent, cellSize);
    GridWork work{index, grid, maintenanceFactor};
    work.tileCount = tileCount(wholeGrid(grid));
    progress.setStage("illuminance");
    const unsigned helpers =
        (threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : threads) - 1;
    {
        std::vector<std::jthread> pool;
        try {
            for (unsigned i = 0; i < helpers && i < work.tileCount; ++i) {
                pool.emplace_back([&work] { fillTiles(work); });
            }
        } catch (const std::system_error&) {
            // No more threads to be had: the ones started and this one do all the tiles.
        }
        // This thread takes tiles too, and between them is the only one to talk to `progress`.
        for (std::size_t tile = work.next++; tile < work.tileCount && !work.stop;
             tile = work.next++) {
            fillTile(work, tile);
            progress.update(++work.done, work.tileCount);
            work.stop = progress.isCancelled();
        }
    }
    if (work.stop || progress.isCancelled()) {
        return fail(ErrorCode::Cancelled, "the illuminance grid was cancelled", "illuminance grid");
    }
    progress.update(work.tileCount, work.tileCount);
    return grid;
}

GridCells cellsWithin(const IlluminanceGrid& grid, const Box& area) {
    // Rows run southwards, so they are searched by −y (negating is exact).
    const auto [column0, column1] =
        indicesWithin(grid.columns, area.min_corner().x(), area.max_corner().x(),
                      [&](std::size_t c) { return grid.cellCentre(c, 0).x(); });
    const auto [row0, row1] =
        indicesWithin(grid.rows, -area.max_corner().y(), -area.min_corner().y(),
                      [&](std::size_t r) { return -grid.cellCentre(0, r).y(); });
    GridCells cells;
    cells.column0 = column0;
    cells.row0 = row0;
    cells.columns = column1 - column0;
    cells.rows = row1 - row0;
    return cells;
}

GridCells refreshIlluminanceGrid(IlluminanceGrid& grid, const Box& area,
                                 const LuminaireIndex& index, double maintenanceFactor) {
    assert(grid.lux.size() == grid.columns * grid.rows && "refresh: a grid without its cells");
    const GridCells cells = cellsWithin(grid, area);
    if (cells.isEmpty()) {
        return cells;
    }
    // In tiles as illuminanceGrid goes, so that each R-tree query serves nearby cells only.
    const std::size_t tiles = tileCount(cells);
    for (std::size_t tile = 0; tile < tiles; ++tile) {
        fillCells(index, maintenanceFactor, grid, tileOf(cells, tile));
    }
    return cells;
}

} // namespace trygg
