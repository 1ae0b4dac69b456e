#include "tools/vertex_edit.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace trygg {
namespace {

enum class PathKind { Points, Open, Closed };

/// Calls `visit(path, kind, part, ring)` for every coordinate sequence of the geometry, with
/// write access: points become a path of one.
template <typename G, typename Visit> void forEachPath(G& geometry, Visit&& visit) {
    std::visit(
        [&](auto& g) {
            using T = std::decay_t<decltype(g)>;
            auto polygon = [&](auto& p, std::size_t part) {
                visit(p.outer(), PathKind::Closed, part, std::size_t{0});
                for (std::size_t r = 0; r < p.inners().size(); ++r) {
                    visit(p.inners()[r], PathKind::Closed, part, r + 1);
                }
            };
            if constexpr (std::is_same_v<T, Point>) {
                std::vector<Point> one{g};
                visit(one, PathKind::Points, std::size_t{0}, std::size_t{0});
                if constexpr (!std::is_const_v<G>) {
                    g = one.front();
                }
            } else if constexpr (std::is_same_v<T, MultiPoint>) {
                visit(g, PathKind::Points, std::size_t{0}, std::size_t{0});
            } else if constexpr (std::is_same_v<T, LineString>) {
                visit(g, PathKind::Open, std::size_t{0}, std::size_t{0});
            } else if constexpr (std::is_same_v<T, MultiLineString>) {
                for (std::size_t i = 0; i < g.size(); ++i) {
                    visit(g[i], PathKind::Open, i, std::size_t{0});
                }
            } else if constexpr (std::is_same_v<T, Polygon>) {
                polygon(g, 0);
            } else {
                for (std::size_t i = 0; i < g.size(); ++i) {
                    polygon(g[i], i);
                }
            }
        },
        geometry);
}

/// Vertices of a path that count: a closed ring's repeat of its first point does not.
template <typename Path> std::size_t vertexCount(const Path& path, PathKind kind) {
    return kind == PathKind::Closed && path.size() > 1 ? path.size() - 1 : path.size();
}

bool matches(const VertexRef& ref, std::size_t part, std::size_t ring) {
    return ref.part == part && ref.ring == ring;
}

void keepClosed(Geometry& geometry) {
    if (auto* polygon = std::get_if<Polygon>(&geometry)) {
        bg::correct(*polygon);
    } else if (auto* polygons = std::get_if<MultiPolygon>(&geometry)) {
        bg::correct(*polygons);
    }
}

} // namespace

std::vector<VertexHandle> vertexHandles(const Geometry& geometry) {
    std::vector<VertexHandle> handles;
    forEachPath(geometry, [&](const auto& path, PathKind kind, std::size_t part, std::size_t ring) {
        for (std::size_t i = 0; i < vertexCount(path, kind); ++i) {
            handles.push_back(VertexHandle{VertexRef{part, ring, i}, path[i]});
        }
    });
    return handles;
}

std::vector<VertexHandle> midpointHandles(const Geometry& geometry) {
    std::vector<VertexHandle> handles;
    forEachPath(geometry, [&](const auto& path, PathKind kind, std::size_t part, std::size_t ring) {
        if (kind == PathKind::Points) {
            return;
        }
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            const Point mid((path[i].x() + path[i + 1].x()) / 2.0,
                            (path[i].y() + path[i + 1].y()) / 2.0);
            handles.push_back(VertexHandle{VertexRef{part, ring, i}, mid});
        }
    });
    return handles;
}

std::optional<VertexHandle> nearestOnSegment(const Geometry& geometry, const Point& point,
                                             double tolerance) {
    std::optional<VertexHandle> best;
    double bestDistance = tolerance;
    forEachPath(geometry, [&](const auto& path, PathKind kind, std::size_t part, std::size_t ring) {
        if (kind == PathKind::Points) {
            return;
        }
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            const Point& a = path[i];
            const Point& b = path[i + 1];
            const double dx = b.x() - a.x();
            const double dy = b.y() - a.y();
            const double length2 = dx * dx + dy * dy;
            if (length2 == 0.0) {
                continue;
            }
            const double t = std::clamp(
                ((point.x() - a.x()) * dx + (point.y() - a.y()) * dy) / length2, 0.0, 1.0);
            const Point q(a.x() + t * dx, a.y() + t * dy);
            const double d = std::hypot(q.x() - point.x(), q.y() - point.y());
            if (d <= bestDistance) {
                bestDistance = d;
                best = VertexHandle{VertexRef{part, ring, i}, q};
            }
        }
    });
    return best;
}

Geometry withVertexMoved(Geometry geometry, const VertexRef& vertex, const Point& to) {
    forEachPath(geometry,
                [&](std::vector<Point>& path, PathKind kind, std::size_t part, std::size_t ring) {
                    if (!matches(vertex, part, ring) || vertex.index >= vertexCount(path, kind)) {
                        return;
                    }
                    path[vertex.index] = to;
                    if (kind == PathKind::Closed && vertex.index == 0 && path.size() > 1) {
                        path.back() = to;
                    }
                });
    keepClosed(geometry);
    return geometry;
}

Geometry withVertexInserted(Geometry geometry, const VertexRef& segment, const Point& point) {
    forEachPath(
        geometry, [&](std::vector<Point>& path, PathKind kind, std::size_t part, std::size_t ring) {
            if (kind != PathKind::Points && matches(segment, part, ring) &&
                segment.index + 1 < path.size()) {
                path.insert(path.begin() + static_cast<std::ptrdiff_t>(segment.index + 1), point);
            }
        });
    keepClosed(geometry);
    return geometry;
}

VertexRemoval withoutVertex(Geometry& geometry, const VertexRef& vertex) {
    if (std::holds_alternative<Point>(geometry)) {
        return VertexRemoval::LastOfPoint;
    }
    VertexRemoval result = VertexRemoval::NoSuchVertex;
    forEachPath(geometry, [&](std::vector<Point>& path, PathKind kind, std::size_t part,
                              std::size_t ring) {
        const std::size_t count = vertexCount(path, kind);
        if (!matches(vertex, part, ring) || vertex.index >= count) {
            return;
        }
        const std::size_t minimum = kind == PathKind::Closed ? 3 : kind == PathKind::Open ? 2 : 1;
        if (count <= minimum) {
            result = kind == PathKind::Closed ? VertexRemoval::RingTooSmall
                     : kind == PathKind::Open ? VertexRemoval::LineTooShort
                                              : VertexRemoval::LastOfPoint;
            return;
        }
        path.erase(path.begin() + static_cast<std::ptrdiff_t>(vertex.index));
        result = VertexRemoval::Done;
        if (kind == PathKind::Closed && vertex.index == 0) {
            path.back() = path.front();
        }
    });
    if (result == VertexRemoval::Done) {
        keepClosed(geometry);
    }
    return result;
}

Geometry translated(Geometry geometry, double dx, double dy) {
    forEachPath(geometry, [&](std::vector<Point>& path, PathKind, std::size_t, std::size_t) {
        for (Point& p : path) {
            p = Point(p.x() + dx, p.y() + dy);
        }
    });
    return geometry;
}

} // namespace trygg
