#include "tryggkarta/analysis/illuminance_grid.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <system_error>
#include <thread>
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
    std::size_t tilesAcross = 0;
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

std::vector<Candidate> candidatesFor(const GridWork& work, const Box& centres) {
    std::vector<Candidate> candidates;
    for (std::size_t i : work.index.near(centres, IlluminancePlane::Horizontal)) {
        const Luminaire& luminaire = work.index.luminaires()[i];
        const double reach = work.index.reach(i, IlluminancePlane::Horizontal);
        candidates.push_back(
            {luminaire.position().x(), luminaire.position().y(), reach * reach, &luminaire});
    }
    return candidates;
}

// The same test and the same order of summing as LuminaireIndex::horizontalIlluminance, so
// that each cell equals the point function at its centre.
void fillTile(const GridWork& work, std::size_t tile) {
    IlluminanceGrid& grid = work.grid;
    const std::size_t column0 = tile % work.tilesAcross * kTile;
    const std::size_t row0 = tile / work.tilesAcross * kTile;
    const std::size_t column1 = std::min(column0 + kTile, grid.columns);
    const std::size_t row1 = std::min(row0 + kTile, grid.rows);
    const Point northWest = grid.cellCentre(column0, row0);
    const Point southEast = grid.cellCentre(column1 - 1, row1 - 1);
    const std::vector<Candidate> candidates = candidatesFor(
        work, Box{Point{northWest.x(), southEast.y()}, Point{southEast.x(), northWest.y()}});
    for (std::size_t row = row0; row < row1; ++row) {
        for (std::size_t column = column0; column < column1; ++column) {
            const Point centre = grid.cellCentre(column, row);
            double sum = 0.0;
            for (const Candidate& near : candidates) {
                const double dx = centre.x() - near.x;
                const double dy = centre.y() - near.y;
                if (dx * dx + dy * dy <= near.reachSquared) {
                    sum += near.luminaire->horizontalAt(centre);
                }
            }
            grid.lux[row * grid.columns + column] =
                static_cast<float>(sum * work.maintenanceFactor);
        }
    }
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
    work.tilesAcross = (grid.columns + kTile - 1) / kTile;
    work.tileCount = work.tilesAcross * ((grid.rows + kTile - 1) / kTile);
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

} // namespace trygg
