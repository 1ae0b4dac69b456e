#include "tryggkarta/render/scene_links.h"

#include <boost/geometry/algorithms/centroid.hpp>
#include <boost/geometry/algorithms/for_each.hpp>
#include <boost/geometry/algorithms/length.hpp>
#include <boost/geometry/algorithms/line_interpolate.hpp>
#include <boost/geometry/algorithms/within.hpp>

#include <algorithm>
#include <ranges>
#include <unordered_map>
#include <vector>

namespace trygg {
namespace {

/// Some vertex of a geometry that has one.
template <typename Shape> Point anyVertex(const Shape& shape) {
    std::optional<Point> found;
    bg::for_each_point(shape, [&found](const Point& point) {
        if (!found) {
            found = point;
        }
    });
    return *found;
}

Point halfway(const LineString& line) {
    Point middle = line.front();
    if (line.size() > 1) {
        bg::line_interpolate(line, bg::length(line) / 2.0, middle);
    }
    return middle;
}

/// A stretch of a horizontal line inside a polygon.
struct Stretch {
    Point middle;
    double width = -1.0; ///< negative when the line finds no inside (a degenerate ring)
};

/// The widest stretch inside a polygon along the horizontal line halfway up it (its middle is
/// inside whatever the shape), as GEOS finds an interior point.
Stretch widestStretch(const Polygon& polygon) {
    const auto [low, high] = std::ranges::minmax_element(
        polygon.outer(), {}, [](const Point& point) { return point.y(); });
    const double y = (low->y() + high->y()) / 2.0;
    std::vector<double> crossings;
    auto cross = [&](const auto& ring) {
        for (std::size_t i = 1; i < ring.size(); ++i) {
            const Point& a = ring[i - 1];
            const Point& b = ring[i];
            if ((a.y() > y) != (b.y() > y)) {
                crossings.push_back(a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
            }
        }
    };
    cross(polygon.outer());
    std::ranges::for_each(polygon.inners(), cross);
    std::ranges::sort(crossings);
    Stretch widest;
    for (std::size_t i = 1; i < crossings.size(); i += 2) { // inside between odd and even
        if (crossings[i] - crossings[i - 1] > widest.width) {
            widest = Stretch{Point((crossings[i - 1] + crossings[i]) / 2.0, y),
                             crossings[i] - crossings[i - 1]};
        }
    }
    return widest;
}

/// The centroid when it lies inside (the usual case), else the middle of the widest stretch
/// inside halfway up a part (a U- or L-shaped area, or parts apart, have the centroid in a gap).
template <typename Area, typename Parts> Point insideArea(const Area& area, const Parts& parts) {
    try {
        Point centre;
        bg::centroid(area, centre);
        if (bg::within(centre, area)) {
            return centre;
        }
    } catch (const bg::exception&) {
        // A ring without area has no centroid; it is looked along below.
    }
    Stretch widest;
    for (const Polygon& part : parts) {
        if (!part.outer().empty()) {
            const Stretch stretch = widestStretch(part);
            widest = stretch.width > widest.width ? stretch : widest;
        }
    }
    return widest.width >= 0.0 ? widest.middle : anyVertex(area);
}

Point anchorOf(const Point& point) {
    return point;
}
Point anchorOf(const MultiPoint& points) {
    return points.front();
}
Point anchorOf(const LineString& line) {
    return halfway(line);
}
Point anchorOf(const Polygon& polygon) {
    return insideArea(polygon, std::views::single(polygon));
}
Point anchorOf(const MultiPolygon& polygons) {
    return insideArea(polygons, polygons);
}

Point anchorOf(const MultiLineString& lines) {
    const LineString& longest = *std::ranges::max_element(
        lines, {}, [](const LineString& line) { return bg::length(line); });
    return longest.empty() ? anyVertex(lines) : halfway(longest);
}

} // namespace

std::optional<Point> linkAnchor(const Geometry& geometry) {
    if (isEmpty(geometry)) {
        return std::nullopt;
    }
    return std::visit([](const auto& shape) { return anchorOf(shape); }, geometry);
}

std::vector<SceneLink> linkSegments(const Layer& measures, const Layer& observations,
                                    const std::vector<MeasureLink>& links) {
    // A measure answering many observations is looked at once.
    std::unordered_map<FeatureId, std::optional<Point>> anchors;
    auto anchor = [&](const Layer& layer, FeatureId id) -> std::optional<Point> {
        const Feature* feature = layer.find(id);
        return feature != nullptr && feature->geometry ? linkAnchor(*feature->geometry)
                                                       : std::nullopt;
    };
    std::vector<SceneLink> segments;
    segments.reserve(links.size());
    for (const MeasureLink& link : links) {
        auto [from, added] = anchors.try_emplace(link.measure);
        if (added) {
            from->second = anchor(measures, link.measure);
        }
        const std::optional<Point> to = anchor(observations, link.observation);
        if (from->second && to) {
            segments.push_back(SceneLink{link, *from->second, *to, false});
        }
    }
    return segments;
}

} // namespace trygg
