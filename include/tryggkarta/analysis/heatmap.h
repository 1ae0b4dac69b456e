#pragma once
// Kernel density heat map of points, with the same grid, kernels and numbers as QGIS's
// "Heatmap (Kernel Density Estimation)" (qgis:heatmapkerneldensityestimation, decay 0).

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/progress.h"

#include <cstddef>
#include <span>
#include <vector>

namespace trygg {

enum class Kernel { Quartic, Triangular, Uniform, Triweight, Epanechnikov };

/// What to compute: radius and pixel size in metres of the project CRS.
struct HeatmapOptions {
    double radius = 0.0;
    double pixelSize = 0.0;
    Kernel kernel = Kernel::Quartic;
    bool scaled = false; ///< QGIS's "scaled" output (kernel × its normalising constant)
};

/// The density grid; row 0 is the northernmost, as GeoTIFF stores it. Cells no point reaches
/// hold `noData`, as in QGIS's output.
struct HeatmapGrid {
    static constexpr float noData = -9999.0F;
    double west = 0.0;  ///< x of the grid's west edge
    double north = 0.0; ///< y of the grid's north edge
    double pixelSize = 0.0;
    std::size_t columns = 0;
    std::size_t rows = 0;
    std::vector<float> values; ///< rows × columns

    [[nodiscard]] float at(std::size_t column, std::size_t row) const {
        return values[row * columns + column];
    }
};

/// The kernel's value at `distance` from a point (0 beyond `radius`), raw or scaled, with
/// QGIS's constants (its scaled quartic is not normalised to 1; we keep its numbers).
double kernelValue(Kernel kernel, double distance, double radius, bool scaled);

/// Silverman's rule of thumb for the search radius (as ArcGIS states it):
/// 0.9 × min(standard distance, sqrt(1/ln 2) × median distance to the mean centre) × n^-0.2.
/// 0 for fewer than two distinct points.
double silvermanRadius(std::span<const Point> points);

/// The heat map of `points`; `weights` is empty (each point weighs 1) or one per point.
/// Errors: Usage for no points, radius or pixel size not > 0, a weight count that does not
/// match, or more than a billion cells; Cancelled when the user stopped it.
Result<HeatmapGrid> heatmap(std::span<const Point> points, std::span<const double> weights,
                            const HeatmapOptions& options, Progress& progress);

} // namespace trygg
