#include "ogr_convert.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <cmath>

namespace trygg::gdal {
namespace {

template <typename Ring>
void readRing(const OGRLinearRing& ring, Ring& out) {
    int n = ring.getNumPoints();
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        out.emplace_back(ring.getX(i), ring.getY(i));
    }
}

LineString readLine(const OGRLineString& line) {
    LineString out;
    int n = line.getNumPoints();
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        out.emplace_back(line.getX(i), line.getY(i));
    }
    return out;
}

Polygon readPolygon(const OGRPolygon& polygon) {
    Polygon out;
    if (const OGRLinearRing* exterior = polygon.getExteriorRing()) {
        readRing(*exterior, out.outer());
    }
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        out.inners().emplace_back();
        readRing(*polygon.getInteriorRing(i), out.inners().back());
    }
    return out;
}

template <typename Points>
void writePoints(const Points& points, OGRSimpleCurve& curve) {
    curve.setNumPoints(static_cast<int>(points.size()), FALSE);
    int i = 0;
    for (const auto& p : points) {
        curve.setPoint(i++, p.x(), p.y());
    }
}

OGRPolygon* makePolygon(const Polygon& polygon) {
    auto* out = new OGRPolygon();
    auto* exterior = new OGRLinearRing();
    writePoints(polygon.outer(), *exterior);
    out->addRingDirectly(exterior);
    for (const auto& inner : polygon.inners()) {
        auto* ring = new OGRLinearRing();
        writePoints(inner, *ring);
        out->addRingDirectly(ring);
    }
    return out;
}

struct ToOgr {
    OGRGeometry* operator()(const Point& p) const { return new OGRPoint(p.x(), p.y()); }
    OGRGeometry* operator()(const LineString& line) const {
        auto* out = new OGRLineString();
        writePoints(line, *out);
        return out;
    }
    OGRGeometry* operator()(const Polygon& polygon) const { return makePolygon(polygon); }
    OGRGeometry* operator()(const MultiPoint& points) const {
        auto* out = new OGRMultiPoint();
        for (const auto& p : points) {
            out->addGeometryDirectly(new OGRPoint(p.x(), p.y()));
        }
        return out;
    }
    OGRGeometry* operator()(const MultiLineString& lines) const {
        auto* out = new OGRMultiLineString();
        for (const auto& line : lines) {
            out->addGeometryDirectly((*this)(line));
        }
        return out;
    }
    OGRGeometry* operator()(const MultiPolygon& polygons) const {
        auto* out = new OGRMultiPolygon();
        for (const auto& polygon : polygons) {
            out->addGeometryDirectly(makePolygon(polygon));
        }
        return out;
    }
};

} // namespace

Result<Geometry> toGeometry(const OGRGeometry& geometry) {
    if (geometry.hasCurveGeometry()) {
        OGRGeometryUniquePtr linear(geometry.getLinearGeometry());
        return toGeometry(*linear);
    }
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
        const auto& p = *geometry.toPoint();
        if (p.IsEmpty()) {
            return fail(ErrorCode::InvalidGeometry, "empty point");
        }
        return Geometry{Point{p.getX(), p.getY()}};
    }
    case wkbLineString: return Geometry{readLine(*geometry.toLineString())};
    case wkbPolygon: {
        // Shapefiles store exterior rings clockwise, GeoPackage and GeoJSON counter-clockwise:
        // bring every polygon to our orientation (this fixes ring order, never shapes).
        Polygon polygon = readPolygon(*geometry.toPolygon());
        bg::correct(polygon);
        return Geometry{std::move(polygon)};
    }
    case wkbMultiPoint: {
        MultiPoint out;
        for (const auto* p : *geometry.toMultiPoint()) {
            if (!p->IsEmpty()) {
                out.emplace_back(p->getX(), p->getY());
            }
        }
        return Geometry{std::move(out)};
    }
    case wkbMultiLineString: {
        MultiLineString out;
        for (const auto* line : *geometry.toMultiLineString()) {
            out.push_back(readLine(*line));
        }
        return Geometry{std::move(out)};
    }
    case wkbMultiPolygon: {
        MultiPolygon out;
        for (const auto* polygon : *geometry.toMultiPolygon()) {
            out.push_back(readPolygon(*polygon));
        }
        bg::correct(out);
        return Geometry{std::move(out)};
    }
    default:
        return fail(ErrorCode::InvalidGeometry,
                    std::string("geometry type ") + geometry.getGeometryName() +
                        " cannot be stored in a thematic layer");
    }
}

OGRGeometryUniquePtr toOgr(const Geometry& geometry) {
    return OGRGeometryUniquePtr(std::visit(ToOgr{}, geometry));
}

OGRFieldType ogrFieldType(FieldType type) {
    switch (type) {
    case FieldType::Integer: return OFTInteger64;
    case FieldType::Real: return OFTReal;
    case FieldType::Text: return OFTString;
    case FieldType::Date: return OFTDate;
    case FieldType::DateTime: return OFTDateTime;
    }
    return OFTString;
}

OGRwkbGeometryType ogrGeometryType(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point: return wkbPoint;
    case GeometryKind::LineString: return wkbLineString;
    case GeometryKind::Polygon: return wkbPolygon;
    case GeometryKind::Any: return wkbUnknown;
    case GeometryKind::None: return wkbNone;
    }
    return wkbUnknown;
}

DateTime toDateTime(int year, int month, int day, int hour, int minute, float second,
                    int tzFlag) {
    DateTime dt{Date{year, month, day}, hour, minute, 0.0, std::nullopt};
    // OGR keeps seconds as float; round to milliseconds so 21:30:00.1 stays 21:30:00.1.
    dt.second = std::round(static_cast<double>(second) * 1000.0) / 1000.0;
    if (tzFlag > 1) { // 0 and 1 say nothing of the zone
        dt.utcOffsetMinutes = (tzFlag - 100) * 15;
    }
    return dt;
}

Value readValue(const OGRFeature& feature, int index, FieldType type) {
    if (!feature.IsFieldSetAndNotNull(index)) {
        return std::monostate{};
    }
    switch (type) {
    case FieldType::Integer: return static_cast<std::int64_t>(feature.GetFieldAsInteger64(index));
    case FieldType::Real: return feature.GetFieldAsDouble(index);
    case FieldType::Text: return std::string(feature.GetFieldAsString(index));
    case FieldType::Date:
    case FieldType::DateTime: {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0.0F;
        if (!feature.GetFieldAsDateTime(index, &y, &m, &d, &hh, &mm, &ss, &tz)) {
            return std::monostate{};
        }
        if (type == FieldType::Date) {
            return Date{y, m, d};
        }
        return toDateTime(y, m, d, hh, mm, ss, tz);
    }
    }
    return std::monostate{};
}

void writeValue(OGRFeature& feature, int index, const Value& value) {
    struct Visitor {
        OGRFeature& f;
        int i;
        void operator()(std::monostate) const { f.SetFieldNull(i); }
        void operator()(std::int64_t v) const { f.SetField(i, static_cast<GIntBig>(v)); }
        void operator()(double v) const { f.SetField(i, v); }
        void operator()(const std::string& v) const { f.SetField(i, v.c_str()); }
        void operator()(const Date& v) const { f.SetField(i, v.year, v.month, v.day, 0, 0, 0.0F, 0); }
        void operator()(const DateTime& v) const {
            int tz = v.utcOffsetMinutes ? 100 + *v.utcOffsetMinutes / 15 : 0;
            f.SetField(i, v.date.year, v.date.month, v.date.day, v.hour, v.minute,
                       static_cast<float>(v.second), tz);
        }
    };
    std::visit(Visitor{feature, index}, value);
}

} // namespace trygg::gdal
