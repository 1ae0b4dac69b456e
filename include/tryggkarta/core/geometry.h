#pragma once
// Geometry values over Boost.Geometry. Coordinates are always x = easting (or longitude),
// y = northing (or latitude): the traditional GIS order, whatever the CRS's EPSG axis order.

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_linestring.hpp>
#include <boost/geometry/geometries/multi_point.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

#include <string_view>
#include <variant>

namespace trygg {

namespace bg = boost::geometry;

using Point = bg::model::d2::point_xy<double>;
using LineString = bg::model::linestring<Point>;
/// Exterior rings counter-clockwise, rings closed (as OGC Simple Features and RFC 7946).
using Polygon = bg::model::polygon<Point, false, true>;
using MultiPoint = bg::model::multi_point<Point>;
using MultiLineString = bg::model::multi_linestring<LineString>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using Box = bg::model::box<Point>;

/// Any one geometry a feature can carry.
using Geometry =
    std::variant<Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon>;

/// The geometry a layer accepts. `Any` takes points, lines and polygons (measures).
enum class GeometryKind { Point, LineString, Polygon, Any, None };

std::string_view geometryKindName(GeometryKind kind);

/// Point, LineString or Polygon for the single and multi forms alike.
GeometryKind kindOf(const Geometry& geometry);

/// "Point", "MultiPolygon", ...
std::string_view geometryTypeName(const Geometry& geometry);

/// True when a feature of this geometry may be stored in a layer of `kind`.
bool acceptsGeometry(GeometryKind kind, const Geometry& geometry);

/// Bounding box; an inverse (min > max) box for empty geometries.
Box envelope(const Geometry& geometry);

/// True when the geometry has no coordinates.
bool isEmpty(const Geometry& geometry);

/// An inverse box that any expand() makes valid.
Box emptyBox();
bool isEmpty(const Box& box);
void expand(Box& box, const Box& other);

} // namespace trygg
