#pragma once
// What a position update from Qt Positioning (a GPS, an NMEA log or receiver) means on the map.
// QtCore and QtPositioning only, so tests/fuzz can drive it with NMEA sentences.

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/io/crs_transform.h"

#include <QGeoPositionInfo>

#include <optional>

namespace trygg {

/// A position in the map's CRS and how far off it may be.
struct GpsFix {
    Point position;
    double accuracyMetres = 0.0; ///< 0: unknown
};

/// The fix an update gives, or nothing when the update has no valid coordinate or the
/// coordinate cannot be transformed (`fromWgs84`: WGS 84 to the map's CRS).
std::optional<GpsFix> gpsFix(const QGeoPositionInfo& info, const CoordinateTransform& fromWgs84);

} // namespace trygg
