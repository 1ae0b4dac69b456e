#pragma once
// Kernel density heat map of points, with the same grid, kernels and numbers as QGIS's
// "Heatmap (Kernel Density Estimation)" (qgis:heatmapkerneldensityestimation, decay 0).

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/progress.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// The kernels in QGIS's order (its KERNEL parameter numbers them 0–4 so).
enum class Kernel { Quartic, Triangular, Uniform, Triweight, Epanechnikov };

/// QGIS's English name, lower case: "quartic", "triangular", "uniform", "triweight",
/// "epanechnikov" (the CLI's words and the GeoTIFF's).
std::string_view kernelName(Kernel kernel);

/// The kernel a name (as kernelName gives it, any case) stands for, or nothing.
std::optional<Kernel> parseKernel(std::string_view name);

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
    /// The area the cells cover, edge to edge.
    [[nodiscard]] Box extent() const {
        return Box(Point(west, north - static_cast<double>(rows) * pixelSize),
                   Point(west + static_cast<double>(columns) * pixelSize, north));
    }
};

/// What a heat map's GeoTIFF band holds, for GIS programs to show:
/// "Täthet (quartic, radie 100 m)", "Täthet per m² (quartic, radie 37.5 m)" when scaled.
std::string heatmapDescription(const HeatmapOptions& options);

/// The unit of its cells: none for raw values, "1/m²" for scaled ones (a density per square
/// metre, times the weight when there is one).
std::string_view heatmapUnit(const HeatmapOptions& options);

/// The kernel's value at `distance` from a point (0 beyond `radius`), raw or scaled, with
/// QGIS's constants (its scaled quartic is not normalised to 1; we keep its numbers).
double kernelValue(Kernel kernel, double distance, double radius, bool scaled);

/// Silverman's rule of thumb for the search radius (as ArcGIS states it):
/// 0.9 × min(standard distance, sqrt(1/ln 2) × median distance to the mean centre) × n^-0.2.
/// 0 for fewer than two distinct points.
double silvermanRadius(std::span<const Point> points);

/// The heat map of `points`; `weights` is empty (each point weighs 1) or one per point.
/// Computed on every core, in bands of rows; each cell still adds its points' values in their
/// order, rounded to float each time, as QGIS does, so the numbers are QGIS's to the bit.
/// Errors: Usage for no points, radius or pixel size not > 0, a weight count that does not
/// match, or more than a billion cells; Cancelled when the user stopped it.
Result<HeatmapGrid> heatmap(std::span<const Point> points, std::span<const double> weights,
                            const HeatmapOptions& options, Progress& progress);

} // namespace trygg
