#pragma once
// What an export writes, decided before any file is opened: which layers go out, which of
// their fields a privacy profile lets leave, and the made-up tables (observation counts per
// hexagon) that replace what may not leave. Private to trygg_io.

#include "tryggkarta/core/error.h"
#include "tryggkarta/io/export.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::exporting {

/// One table of an export: a project layer after its privacy profile.
struct ExportTable {
    std::string layer; ///< the project layer it comes from
    LayerDef source;   ///< the layer's whole definition: names are derived from it, so they
                       ///< stay the same whichever profile drops which fields
    std::vector<std::size_t> fields; ///< indices into source.fields (and feature values) kept
    std::span<const Feature> features;
    std::shared_ptr<const std::vector<Feature>> owned; ///< features made for the export

    /// The definition with only the kept fields, for writers that create tables from one.
    [[nodiscard]] LayerDef keptDefinition() const;
};

/// The tables to write for `options`, each naming what it left out in `log`.
Result<std::vector<ExportTable>> planExport(const Project& project, const ExportOptions& options,
                                            std::vector<std::string>& log);

/// One hexagonal cell and the number of points in it.
struct HexCell {
    std::int64_t q = 0; ///< axial column
    std::int64_t r = 0; ///< axial row
    std::int64_t count = 0;
};

/// Counts the features of `features` per pointy-top hexagon of `width` metres across the
/// flat sides, on a grid anchored at the CRS origin (the same cells in every export). A
/// multi-point counts once, in the cell of its first point. Sorted by row, then column.
std::vector<HexCell> countPerHexagon(std::span<const Feature> features, double width);

/// The cell's outline, counter-clockwise and closed.
Polygon hexagonOutline(const HexCell& cell, double width);

/// The definition of the public table of observation counts per hexagon.
LayerDef hexagonDefinition(std::string_view observationLayer);

} // namespace trygg::exporting
