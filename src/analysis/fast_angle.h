#pragma once
// atan2 in degrees, several times faster than std::atan2 and good to 4·10⁻⁸ rad (2·10⁻⁶°):
// the lux raster needs two per luminaire and cell, a hundred million per raster.

#include <cmath>
#include <numbers>

namespace trygg::fast_angle {

/// atan(x) for 0 ≤ x ≤ 1: the minimax polynomial of Abramowitz & Stegun 4.4.49 (|ε| ≤ 2·10⁻⁸),
/// evaluated by Estrin's scheme: four short chains instead of one long one.
inline double atanUnit(double x) {
    const double x2 = x * x;
    const double x4 = x2 * x2;
    const double x8 = x4 * x4;
    const double low = (0.9999993329 - 0.3332985605 * x2) + x4 * (0.1994653599 - 0.1390853351 * x2);
    const double high =
        (0.0964200441 - 0.0559098861 * x2) + x4 * (0.0218612288 - 0.0040540580 * x2);
    return x * (low + x8 * high);
}

/// The angle of (x, y) in degrees within [-180, 180]; 0 for (0, 0), as std::atan2.
inline double atan2Degrees(double y, double x) {
    constexpr double kDegrees = 180.0 / std::numbers::pi;
    const double ax = std::abs(x);
    const double ay = std::abs(y);
    if (ax == 0.0 && ay == 0.0) {
        return 0.0;
    }
    double angle = ay <= ax ? atanUnit(ay / ax) * kDegrees : 90.0 - atanUnit(ax / ay) * kDegrees;
    if (x < 0.0) {
        angle = 180.0 - angle;
    }
    return y < 0.0 ? -angle : angle;
}

} // namespace trygg::fast_angle
