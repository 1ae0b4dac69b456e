#pragma once
// Conversions between OGR's geometries and fields and Tryggkarta's values.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"

#include <ogr_feature.h>
#include <ogr_geometry.h>

#include <optional>

namespace trygg::gdal {

/// Our geometry for an OGR geometry (2D; Z and M dropped, curves linearised).
/// Fails for collections and types a thematic layer cannot hold.
Result<Geometry> toGeometry(const OGRGeometry& geometry);

/// An OGR geometry for ours.
OGRGeometryUniquePtr toOgr(const Geometry& geometry);

/// The OGR field type that stores a field of this type.
OGRFieldType ogrFieldType(FieldType type);

/// The geometry type of a GeoPackage table for a layer of this kind.
OGRwkbGeometryType ogrGeometryType(GeometryKind kind);

/// The value of field `index` of an OGR feature, in the type `type` asks for.
/// Only for fields written by us (types match); import conversion lives in source_reader.
Value readValue(const OGRFeature& feature, int index, FieldType type);

/// Sets field `index` of an OGR feature (NULL for monostate).
void writeValue(OGRFeature& feature, int index, const Value& value);

/// DateTime from OGR's broken-down time and TZ flag (0 unknown, 1 local, 100 UTC, 100±n·15 min).
DateTime toDateTime(int year, int month, int day, int hour, int minute, float second, int tzFlag);

} // namespace trygg::gdal
