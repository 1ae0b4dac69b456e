#pragma once
// Which features are under the cursor or inside a rectangle: the canvas's tools ask the
// layer's spatial index, never the rendered picture.

#include "tryggkarta/core/layer.h"

#include <vector>

namespace trygg {

struct Hit {
    FeatureId id;
    double distance = 0.0; ///< map units; 0 inside a polygon
};

/// Features within `tolerance` (map units) of `point`, nearest first (ties: the newest,
/// which is drawn on top, first).
std::vector<Hit> featuresNear(const Layer& layer, const Point& point, double tolerance);

/// Features whose geometry intersects `box`, in layer order.
std::vector<FeatureId> featuresIn(const Layer& layer, const Box& box);

/// Distance from a point to a geometry; 0 when the point lies inside a polygon.
double distanceTo(const Point& point, const Geometry& geometry);

} // namespace trygg
