#include "tryggkarta/core/geometry.h"

#include <boost/geometry/algorithms/for_each.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <boost/geometry/algorithms/is_empty.hpp>

#include <algorithm>
#include <limits>

namespace trygg {

std::string_view geometryKindName(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point: return "Point";
    case GeometryKind::LineString: return "LineString";
    case GeometryKind::Polygon: return "Polygon";
    case GeometryKind::Any: return "Geometry";
    case GeometryKind::None: return "None";
    }
    return "None";
}

GeometryKind kindOf(const Geometry& geometry) {
    switch (geometry.index()) {
    case 0:
    case 3: return GeometryKind::Point;
    case 1:
    case 4: return GeometryKind::LineString;
    default: return GeometryKind::Polygon;
    }
}

std::string_view geometryTypeName(const Geometry& geometry) {
    static constexpr std::string_view names[] = {"Point",      "LineString",      "Polygon",
                                                 "MultiPoint", "MultiLineString", "MultiPolygon"};
    return names[geometry.index()];
}

bool acceptsGeometry(GeometryKind kind, const Geometry& geometry) {
    switch (kind) {
    case GeometryKind::None: return false;
    case GeometryKind::Any: return true;
    default: return kindOf(geometry) == kind;
    }
}

Box emptyBox() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    return Box{Point{inf, inf}, Point{-inf, -inf}};
}

bool isEmpty(const Box& box) {
    return box.min_corner().x() > box.max_corner().x() ||
           box.min_corner().y() > box.max_corner().y();
}

void expand(Box& box, const Box& other) {
    if (isEmpty(other)) {
        return;
    }
    if (isEmpty(box)) {
        box = other;
        return;
    }
    bg::expand(box, other);
}

bool isEmpty(const Geometry& geometry) {
    return std::visit([](const auto& g) { return bg::is_empty(g); }, geometry);
}

Box envelope(const Geometry& geometry) {
    if (isEmpty(geometry)) {
        return emptyBox();
    }
    // A plain min/max over the coordinates: as fast as bg::envelope, and free of the
    // -Wmaybe-uninitialized false positive Boost 1.74's multi-geometry envelope gives GCC 12.
    Box box = emptyBox();
    auto grow = [&box](const Point& p) {
        box.min_corner().x(std::min(box.min_corner().x(), p.x()));
        box.min_corner().y(std::min(box.min_corner().y(), p.y()));
        box.max_corner().x(std::max(box.max_corner().x(), p.x()));
        box.max_corner().y(std::max(box.max_corner().y(), p.y()));
    };
    std::visit([&](const auto& g) { bg::for_each_point(g, grow); }, geometry);
    return box;
}

} // namespace trygg
