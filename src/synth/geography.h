#pragma once
// A schematic Vännäs centrum in SWEREF 99 TM (EPSG:3006) for synthetic data: the station,
// the railway through it, the right-angled street grid east of it, and places where
// observations gather. Schematic on purpose: no real street geometry is bundled.

#include "field_values.h"
#include "line_geometry.h"

#include "tryggkarta/core/geometry.h"

#include <cstddef>
#include <vector>

namespace trygg::synth {

/// The station area, the heart of the centre.
inline const Point kCentre{733107.0, 7096069.0};

/// A place where observations gather (a square, a tunnel, a car park).
struct HotSpot {
    Point centre;
    double sigma = 30.0; ///< metres
};

/// 8–10 places within about 600 m of the station.
std::vector<HotSpot> makeHotSpots(Rng& rng);

/// Normally spread around a hot spot, cut at four sigma so nothing strays far.
Point nearHotSpot(Rng& rng, const HotSpot& spot);

/// Uniform over the 1.6 km × 1.2 km box around the centre.
Point anywhereInCentre(Rng& rng);

/// Within `radius` metres of `point`, uniform over the disc.
Point around(Rng& rng, const Point& point, double radius);

/// Positions of `count` luminaires: along the railway first, then along the streets of the
/// grid east of the station, nearest streets first, 25–35 m apart.
std::vector<Point> luminairePositions(Rng& rng, std::size_t count);

/// A route of 1–2 km along the grid's directions that passes the station.
LineString walkRoute(Rng& rng);

/// The point at `fraction` (0–1) of a line's length.
Point pointAlong(const LineString& line, double fraction);

} // namespace trygg::synth
