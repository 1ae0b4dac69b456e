#pragma once
// The lux map's colours: a stepped ramp with breaks at the EN 13201 P-class values. Lightness
// rises with every class (dark blue → teal → green → yellow → apricot → near-white), so the
// classes keep their order in grey and for red-green colour blindness; below 0.4 lx the map
// stays mostly transparent, so a dark street is dark navy over the base map, not a hole.
// trygg_render may not use trygg_analysis: grids come as columns, rows and their values
// (IlluminanceGrid's layout); tryggkarta/document/lux_raster.h has IlluminanceGrid overloads.

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/render/map_scene.h"

#include <QImage>
#include <QRgb>
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// The class boundaries in lux: a value equal to a break belongs to the class above it.
inline constexpr std::array<float, 8> kLuxBreaks = {0.4F, 1.0F, 2.0F,  3.0F,
                                                    5.0F, 7.5F, 15.0F, 30.0F};

/// One class of the ramp in the legend, in one language.
struct LuxLegendStep {
    QRgb colour = 0;   ///< as luxColour gives it
    std::string label; ///< "< 0,4 lx", "0,4–1 lx", "≥ 30 lx" ("0.4–1 lx" in English)
};

/// The colour of a lux value (not premultiplied): dark navy at 20 % alpha below 0.4 lx,
/// opaque above; transparent for NaN (no value).
QRgb luxColour(float lux);

/// One pixel per cell, row 0 north (ARGB32_Premultiplied). `lux` holds rows × columns values.
/// A null image when the counts do not match or exceed QImage's limits.
QImage luxImage(std::size_t columns, std::size_t rows, std::span<const float> lux);

/// Repaints the cells [col0, col0 + cols) × [row0, row0 + rows) of an image made by luxImage
/// from the whole grid's values `lux` (rows × image.width()), after a partial recomputation.
/// The rectangle is cut to the image. Linear in the cells repainted: 200 × 200 cells take well
/// under a millisecond.
void paintLux(QImage& image, std::span<const float> lux, std::size_t col0, std::size_t row0,
              std::size_t cols, std::size_t rows);

/// The classes, lowest first, labelled for `language` ("sv": decimal comma, "en": point;
/// others as "sv").
std::vector<LuxLegendStep> luxLegend(std::string_view language);

/// A lux map ready for MapDocument::setAnalysisRaster or MapScene::analysisRasters: the image
/// (from luxImage) covering `extent`, semi-transparent, with the ramp's legend in both languages
/// under the heading "Belysningsstyrka" / "Illuminance".
SceneRaster luxSceneRaster(std::string name, QImage image, const Box& extent);

} // namespace trygg
