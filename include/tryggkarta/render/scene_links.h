#pragma once
// The lines the map draws from measures to the observations they answer.

#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/render/map_scene.h"

#include <optional>
#include <vector>

namespace trygg {

/// Where a feature's link lines end: a point itself (the first of several); the point halfway
/// along a line (along the longest of several); an area's centroid when it lies inside the
/// area, else a point on its surface, so a link never starts outside the measure it belongs
/// to. Nothing for an empty geometry.
std::optional<Point> linkAnchor(const Geometry& geometry);

/// A segment for each of `links` whose measure and observation are in the layers with a
/// geometry; none highlighted.
std::vector<SceneLink> linkSegments(const Layer& measures, const Layer& observations,
                                    const std::vector<MeasureLink>& links);

} // namespace trygg
