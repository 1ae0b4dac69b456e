#include "tryggkarta/analysis/illuminance.h"

#include "fast_angle.h"

#include <cmath>
#include <cstdio>
#include <numbers>

namespace trygg {
namespace {

constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;

std::string decimal(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

std::string describe(const LuminaireSpec& spec) {
    return "luminaire at (" + decimal(spec.position.x()) + ", " + decimal(spec.position.y()) + ")";
}

std::string specProblem(const LuminaireSpec& spec, std::string& field) {
    if (!spec.photometry) {
        field = "photometry";
        return "a luminaire needs a light distribution";
    }
    if (!std::isfinite(spec.position.x()) || !std::isfinite(spec.position.y())) {
        field = "position";
        return "the position is not a number";
    }
    if (!(spec.height > 0.0) || !std::isfinite(spec.height)) {
        field = "mounting height";
        return "the mounting height must be more than 0 m, not " + decimal(spec.height) + " m";
    }
    if (!(std::abs(spec.tilt) <= 90.0)) {
        field = "tilt";
        return "the tilt must be within -90 to 90°, not " + decimal(spec.tilt) + "°";
    }
    if (!std::isfinite(spec.azimuth)) {
        field = "azimuth";
        return "the azimuth is not a number";
    }
    return {};
}

} // namespace

Result<Luminaire> makeLuminaire(LuminaireSpec spec) {
    std::string field;
    if (auto problem = specProblem(spec, field); !problem.empty()) {
        return fail(ErrorCode::InvalidValue, std::move(problem), describe(spec) + ": " + field);
    }
    const double a = spec.azimuth / kDegreesPerRadian;
    const double t = spec.tilt / kDegreesPerRadian;
    Luminaire luminaire;
    // C0 is horizontal at azimuth + 90°; C90 and up turn about it by the tilt.
    luminaire.m_toLuminaire = {std::cos(a),
                               -std::sin(a),
                               0.0,
                               std::cos(t) * std::sin(a),
                               std::cos(t) * std::cos(a),
                               std::sin(t),
                               -std::sin(t) * std::sin(a),
                               -std::sin(t) * std::cos(a),
                               std::cos(t)};
    luminaire.m_spec = std::move(spec);
    return luminaire;
}

double Luminaire::intensityTowards(double east, double north, double up) const {
    const auto& m = m_toLuminaire;
    const double x = m[0] * east + m[1] * north + m[2] * up;
    const double y = m[3] * east + m[4] * north + m[5] * up;
    const double z = m[6] * east + m[7] * north + m[8] * up;
    const double gamma = fast_angle::atan2Degrees(std::sqrt(x * x + y * y), -z);
    const Photometry& light = *m_spec.photometry;
    if (light.isRotationallySymmetric()) {
        return light.intensity(0.0, gamma);
    }
    return light.intensity(fast_angle::atan2Degrees(y, x), gamma);
}

double Luminaire::horizontalAt(const Point& point) const {
    if (!m_spec.on) {
        return 0.0;
    }
    const double dx = point.x() - m_spec.position.x();
    const double dy = point.y() - m_spec.position.y();
    const double h = m_spec.height;
    const double r2 = dx * dx + dy * dy + h * h;
    return intensityTowards(dx, dy, -h) * h / (r2 * std::sqrt(r2));
}

double Luminaire::verticalAt(const Point& point, double normalEast, double normalNorth) const {
    const double dx = point.x() - m_spec.position.x();
    const double dy = point.y() - m_spec.position.y();
    const double dz = kFaceHeight - m_spec.height;
    const double r2 = dx * dx + dy * dy + dz * dz;
    // The light arrives from the lamp; the plane takes it when the lamp is in front of it.
    const double towardsLamp = -(dx * normalEast + dy * normalNorth);
    if (!m_spec.on || r2 == 0.0 || towardsLamp <= 0.0) {
        return 0.0;
    }
    return intensityTowards(dx, dy, dz) * towardsLamp / (r2 * std::sqrt(r2));
}

double horizontalIlluminance(const Point& point, std::span<const Luminaire> luminaires,
                             double maintenanceFactor) {
    double sum = 0.0;
    for (const Luminaire& luminaire : luminaires) {
        sum += luminaire.horizontalAt(point);
    }
    return sum * maintenanceFactor;
}

double verticalIlluminance(const Point& point, double facingAzimuth,
                           std::span<const Luminaire> luminaires, double maintenanceFactor) {
    const double bearing = facingAzimuth / kDegreesPerRadian;
    double sum = 0.0;
    for (const Luminaire& luminaire : luminaires) {
        sum += luminaire.verticalAt(point, std::sin(bearing), std::cos(bearing));
    }
    return sum * maintenanceFactor;
}

} // namespace trygg
