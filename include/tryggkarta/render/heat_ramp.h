#pragma once
// The heat map's colours: a stepped ramp from pale yellow through orange and red to dark
// purple (ColorBrewer's YlOrRd, darkened at the top), lightness falling with every class, so
// the order reads in grey and for red-green colour blindness. The breaks follow the grid's own
// highest value: a density has no fixed scale (raw or scaled, radius and weights change it),
// so the classes are shares of the peak, and the legend prints the values they stand for.
// trygg_render may not use trygg_analysis: the grid comes as columns, rows and values, with
// a no-data value for the cells no observation reaches (drawn transparent).

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/schema.h"
#include "tryggkarta/render/map_scene.h"

#include <QImage>
#include <array>
#include <cstddef>
#include <span>
#include <string>

namespace trygg {

/// The class breaks as shares of the highest value; a value equal to a break belongs to the
/// class above it. Below the first break the map stays transparent: the faint tails of the
/// kernels would otherwise tint the whole town.
inline constexpr std::array<double, 5> kHeatBreakShares = {0.05, 0.2, 0.4, 0.6, 0.8};

/// The values a heat map image is made from.
struct HeatValues {
    std::size_t columns = 0;
    std::size_t rows = 0;
    std::span<const float> values; ///< rows × columns, row 0 north
    float noData = -9999.0F;       ///< cells holding it (or NaN) are transparent
};

/// The highest value of the grid (0 when every cell is no data or not above 0).
float heatPeak(const HeatValues& grid);

/// The class (0 = transparent, 1..kHeatBreakShares.size()) of `value` for a grid of `peak`.
std::size_t heatClass(float value, float peak);

/// One pixel per cell (ARGB32_Premultiplied); null when the counts do not match or exceed
/// QImage's limits.
QImage heatImage(const HeatValues& grid);

/// A heat map ready for MapDocument::setAnalysisRaster: the image covering `extent` (the
/// cells edge to edge), semi-transparent, with a legend headed `title` whose classes print the
/// values they stand for ("0,12–0,48"; decimal point in English).
SceneRaster heatSceneRaster(std::string name, const HeatValues& grid, const Box& extent,
                            Label title);

} // namespace trygg
