#include "tryggkarta/core/snapping.h"

#include <cmath>
#include <limits>
#include <type_traits>

namespace trygg {
namespace {

/// The best vertex and the best segment point found so far.
struct Candidates {
    Point target;
    Box window;
    double tolerance;
    std::optional<SnapResult> vertex;
    std::optional<SnapResult> segment;
    const Layer* layer = nullptr;
    FeatureId feature = kNoFeatureId;

    void offerVertex(const Point& v) {
        const double d = std::hypot(v.x() - target.x(), v.y() - target.y());
        if (d <= tolerance && (!vertex || d < vertex->distance)) {
            vertex = SnapResult{v, SnapKind::Vertex, layer->name(), feature, d};
        }
    }

    void offerSegment(const Point& a, const Point& b) {
        // Segments wholly outside the window cannot be within the tolerance.
        if (std::max(a.x(), b.x()) < window.min_corner().x() ||
            std::min(a.x(), b.x()) > window.max_corner().x() ||
            std::max(a.y(), b.y()) < window.min_corner().y() ||
            std::min(a.y(), b.y()) > window.max_corner().y()) {
            return;
        }
        offerVertex(a);
        offerVertex(b);
        const double dx = b.x() - a.x();
        const double dy = b.y() - a.y();
        const double length2 = dx * dx + dy * dy;
        if (length2 == 0.0) {
            return;
        }
        const double t = ((target.x() - a.x()) * dx + (target.y() - a.y()) * dy) / length2;
        if (t <= 0.0 || t >= 1.0) {
            return; // the nearest point is an end, which is a vertex
        }
        const Point q(a.x() + t * dx, a.y() + t * dy);
        const double d = std::hypot(q.x() - target.x(), q.y() - target.y());
        if (d <= tolerance && (!segment || d < segment->distance)) {
            segment = SnapResult{q, SnapKind::Segment, layer->name(), feature, d};
        }
    }

    template <typename Path> void offerPath(const Path& path) {
        if (path.size() == 1) {
            offerVertex(path.front());
        }
        for (std::size_t i = 1; i < path.size(); ++i) {
            offerSegment(path[i - 1], path[i]);
        }
    }

    void offerPolygon(const Polygon& polygon) {
        offerPath(polygon.outer());
        for (const auto& ring : polygon.inners()) {
            offerPath(ring);
        }
    }

    void offer(const Geometry& geometry) {
        std::visit(
            [this](const auto& g) {
                using G = std::decay_t<decltype(g)>;
                if constexpr (std::is_same_v<G, Point>) {
                    offerVertex(g);
                } else if constexpr (std::is_same_v<G, LineString>) {
                    offerPath(g);
                } else if constexpr (std::is_same_v<G, Polygon>) {
                    offerPolygon(g);
                } else if constexpr (std::is_same_v<G, MultiPoint>) {
                    for (const Point& p : g) {
                        offerVertex(p);
                    }
                } else if constexpr (std::is_same_v<G, MultiLineString>) {
                    for (const LineString& line : g) {
                        offerPath(line);
                    }
                } else {
                    for (const Polygon& polygon : g) {
                        offerPolygon(polygon);
                    }
                }
            },
            geometry);
    }
};

} // namespace

std::optional<SnapResult> snapPoint(const std::vector<const Layer*>& layers, Point p,
                                    double tolerance, const SnapIgnore& ignore) {
    if (!(tolerance > 0.0)) {
        return std::nullopt;
    }
    Candidates found{p,
                     Box(Point(p.x() - tolerance, p.y() - tolerance),
                         Point(p.x() + tolerance, p.y() + tolerance)),
                     tolerance, std::nullopt, std::nullopt};
    for (const Layer* layer : layers) {
        if (layer == nullptr) {
            continue;
        }
        found.layer = layer;
        layer->visitIn(found.window, [&](const Feature& feature) {
            if (layer == ignore.layer && feature.id == ignore.feature) {
                return;
            }
            found.feature = feature.id;
            found.offer(*feature.geometry);
        });
    }
    return found.vertex ? found.vertex : found.segment;
}

} // namespace trygg
