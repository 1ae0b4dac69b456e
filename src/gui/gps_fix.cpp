#include "gps_fix.h"

#include <cmath>

namespace trygg {

std::optional<GpsFix> gpsFix(const QGeoPositionInfo& info, const CoordinateTransform& fromWgs84) {
    if (!info.isValid()) {
        return std::nullopt;
    }
    auto p = fromWgs84.apply(Point{info.coordinate().longitude(), info.coordinate().latitude()});
    if (!p) {
        return std::nullopt;
    }
    double accuracy = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)
                          ? info.attribute(QGeoPositionInfo::HorizontalAccuracy)
                          : 0.0;
    if (!std::isfinite(accuracy)) {
        accuracy = 0.0; // NMEA receivers that give only HDOP leave it NaN: accuracy unknown
    }
    return GpsFix{.position = *p, .accuracyMetres = accuracy};
}

} // namespace trygg
