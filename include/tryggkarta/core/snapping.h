#pragma once
// Snapping: the point of existing geometry nearest to where the user clicked, so that a new
// line meets the street it starts from exactly. Asks each layer's spatial index for what lies
// within the tolerance, so a snap costs what is near the pointer, not what the layers hold.

#include "tryggkarta/core/layer.h"

#include <optional>
#include <string>
#include <vector>

namespace trygg {

enum class SnapKind {
    Vertex,  ///< an existing vertex (or point feature)
    Segment, ///< the nearest point on a segment between two vertices
};

/// Where a point snapped to and what it snapped on.
struct SnapResult {
    Point point;
    SnapKind kind = SnapKind::Vertex;
    std::string layer; ///< the layer's table name
    FeatureId feature = kNoFeatureId;
    double distance = 0.0; ///< from the given point, map units
};

/// A feature snapping must not use: the one being reshaped, whose old vertices and segments
/// would otherwise hold the dragged vertex where it was.
struct SnapIgnore {
    const Layer* layer = nullptr;
    FeatureId feature = kNoFeatureId;
};

/// The snap target for `p` among `layers` (earlier layers win ties): the nearest vertex within
/// `tolerance` (map units) when there is one, else the nearest point on a segment (of a line or
/// a polygon ring) within `tolerance`, else nothing. Null layers are skipped.
std::optional<SnapResult> snapPoint(const std::vector<const Layer*>& layers, Point p,
                                    double tolerance, const SnapIgnore& ignore = {});

} // namespace trygg
