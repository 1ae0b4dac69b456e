#pragma once
// Horizontal illuminance over a raster: the lux map of an area, computed cell by cell at the
// cell centres, in tiles shared among threads.

#include "tryggkarta/analysis/luminaire_index.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/progress.h"

#include <cstddef>
#include <vector>

namespace trygg {

/// Maintained horizontal illuminance in lux per cell, rows from north to south (as GeoTIFF
/// stores them), columns from west to east.
struct IlluminanceGrid {
    Box extent; ///< west/south corner and east/north corner; columns × cellSize wide
    double cellSize = 0.0;
    std::size_t columns = 0;
    std::size_t rows = 0;
    std::vector<float> lux; ///< rows × columns

    [[nodiscard]] Point cellCentre(std::size_t column, std::size_t row) const {
        return Point{extent.min_corner().x() + (static_cast<double>(column) + 0.5) * cellSize,
                     extent.max_corner().y() - (static_cast<double>(row) + 0.5) * cellSize};
    }
    [[nodiscard]] float at(std::size_t column, std::size_t row) const {
        return lux[row * columns + column];
    }
};

/// A rectangle of a grid's cells: columns [column0, column0 + columns), rows [row0, row0 + rows)
/// (row 0 is the northernmost), as a view repaints them.
struct GridCells {
    std::size_t column0 = 0;
    std::size_t row0 = 0;
    std::size_t columns = 0;
    std::size_t rows = 0;

    [[nodiscard]] bool isEmpty() const { return columns == 0 || rows == 0; }
};

/// The cells of `grid` whose centres lie in `area`, edges included; empty when none do (an
/// area beside the grid, an empty or inverse box).
GridCells cellsWithin(const IlluminanceGrid& grid, const Box& area);

/// The grid covering `extent` from its west and north edges, with as many cells as it takes
/// to cover it (the last column and row may reach past its east and south edges). Each cell is
/// LuminaireIndex::horizontalIlluminance at its centre. `threads` 0 means one per core.
/// Progress is reported, and cancelling checked, on the calling thread only.
/// Errors: Usage for an empty extent, a cell size not > 0, a grid of more than a billion
/// cells or a maintenance factor outside (0, 1]; Cancelled when the user stopped it.
Result<IlluminanceGrid> illuminanceGrid(const Box& extent, double cellSize,
                                        const LuminaireIndex& index, double maintenanceFactor,
                                        Progress& progress, unsigned threads = 0);

/// Recomputes the cells of `grid` whose centres lie in `area` (cellsWithin) from `index` as it
/// is now, each to exactly the value illuminanceGrid would give it, and returns those cells so
/// that a view can repaint just them. After a change to luminaire i, refresh the union of
/// index.reachBox(i, IlluminancePlane::Horizontal) before and after it: no other cell changes.
/// `maintenanceFactor` must be the one the grid was made with. Runs on the calling thread.
GridCells refreshIlluminanceGrid(IlluminanceGrid& grid, const Box& area,
                                 const LuminaireIndex& index, double maintenanceFactor);

} // namespace trygg
