#include "tryggkarta/core/hit_test.h"

#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/algorithms/intersects.hpp>

#include <algorithm>

namespace trygg {

double distanceTo(const Point& point, const Geometry& geometry) {
    return std::visit([&](const auto& g) { return static_cast<double>(bg::distance(point, g)); },
                      geometry);
}

std::vector<Hit> featuresNear(const Layer& layer, const Point& point, double tolerance) {
    const Box window(Point(point.x() - tolerance, point.y() - tolerance),
                     Point(point.x() + tolerance, point.y() + tolerance));
    std::vector<Hit> hits;
    layer.visitIn(window, [&](const Feature& feature) {
        const double distance = distanceTo(point, *feature.geometry);
        if (distance <= tolerance) {
            hits.push_back(Hit{feature.id, distance});
        }
    });
    std::ranges::sort(hits, [](const Hit& a, const Hit& b) {
        if (a.distance != b.distance) {
            return a.distance < b.distance;
        }
        return toInt(a.id) > toInt(b.id); // the newer feature is drawn on top
    });
    return hits;
}

std::vector<FeatureId> featuresIn(const Layer& layer, const Box& box) {
    std::vector<FeatureId> ids;
    layer.visitIn(box, [&](const Feature& feature) {
        const bool inside = std::visit([&](const auto& g) { return bg::intersects(box, g); },
                                       *feature.geometry);
        if (inside) {
            ids.push_back(feature.id);
        }
    });
    std::ranges::sort(ids, [](FeatureId a, FeatureId b) { return toInt(a) < toInt(b); });
    return ids;
}

} // namespace trygg
