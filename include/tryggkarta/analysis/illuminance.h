#pragma once
// Illuminance from luminaires by the point-source model (DOMAIN.md, Lighting): each luminaire
// is a point at its mounting height sending I(C, γ) candela in each direction.
//
// Conventions (those of the belysning layer's fields):
// - Positions are x = easting, y = northing in the project CRS, in metres; z is up from the
//   ground, which is flat at z = 0.
// - azimuth: the compass bearing, in degrees clockwise from north, the luminaire faces (its
//   C90 half-plane: the street side of a street luminaire), as belysning.riktning. Its C0
//   axis then points to azimuth + 90°, since C turns counter-clockwise seen from above.
// - tilt: degrees the luminaire is turned about its C0 axis so that its C90 side rises; the
//   light's axis then leans `tilt` degrees from straight down towards the azimuth, as
//   belysning.lutning (0 = facing straight down).
// - C and γ of a direction: the direction is rotated into the luminaire's frame (x = C0,
//   y = C90, z = its own up); γ is the angle from −z, C = atan2(y, x).
// - Horizontal illuminance at a ground point at distance r from the luminaire:
//   E = I(C, γ) · (h / r) / r², which for an untilted luminaire is I · cos³γ / h².
// - Vertical illuminance on a plane kFaceHeight above a point, facing a bearing (its normal
//   points that way: a person walking that way has their face lit by lamps ahead):
//   E = I · cos(angle between the light's way back to the lamp and the normal) / r², 0 from
//   behind the plane.

#include "tryggkarta/analysis/photometry.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"

#include <array>
#include <memory>
#include <span>

namespace trygg {

/// Maintained illuminance = initial × this (EN 13201 practice, about 0.8).
inline constexpr double kDefaultMaintenanceFactor = 0.8;
/// Height in metres of the vertical plane for faces (semi-cylindrical practice uses 1.5 m).
inline constexpr double kFaceHeight = 1.5;

/// What a luminaire is, as the inventory describes it.
struct LuminaireSpec {
    Point position;       ///< project CRS, metres
    double height = 0.0;  ///< mounting height above the ground in metres, > 0
    double tilt = 0.0;    ///< degrees, within [-90, 90]
    double azimuth = 0.0; ///< degrees clockwise from north
    std::shared_ptr<const Photometry> photometry;
    bool on = true; ///< false for broken or deliberately switched-off lamps
};

/// A luminaire ready for computing: its spec and the rotation into its own frame.
/// Made only by makeLuminaire, so that every Luminaire is valid.
class Luminaire {
public:
    [[nodiscard]] const LuminaireSpec& spec() const { return m_spec; }
    [[nodiscard]] const Point& position() const { return m_spec.position; }
    [[nodiscard]] double height() const { return m_spec.height; }
    [[nodiscard]] bool isOn() const { return m_spec.on; }
    [[nodiscard]] const Photometry& photometry() const { return *m_spec.photometry; }

    /// Intensity in candela towards a direction given in world axes (east, north, up), of
    /// any length above 0.
    [[nodiscard]] double intensityTowards(double east, double north, double up) const;
    /// Horizontal illuminance in lux on the ground at `point`, before the maintenance factor;
    /// 0 when the luminaire is off.
    [[nodiscard]] double horizontalAt(const Point& point) const;
    /// Vertical illuminance in lux, before the maintenance factor, on a plane kFaceHeight above
    /// `point` whose normal is the horizontal unit vector (normalEast, normalNorth).
    [[nodiscard]] double verticalAt(const Point& point, double normalEast,
                                    double normalNorth) const;

private:
    friend Result<Luminaire> makeLuminaire(LuminaireSpec spec);
    Luminaire() = default;

    LuminaireSpec m_spec;
    std::array<double, 9> m_toLuminaire{}; ///< rows: the C0, C90 and up axes in world axes
};

/// Checks the spec (height > 0, tilt within [-90, 90], finite numbers, a photometry) and
/// makes the luminaire. Errors say which value is wrong.
Result<Luminaire> makeLuminaire(LuminaireSpec spec);

/// Horizontal illuminance in lux at a ground point: Σ over the luminaires that are on, × the
/// maintenance factor. No luminaires give 0.
double horizontalIlluminance(const Point& point, std::span<const Luminaire> luminaires,
                             double maintenanceFactor = kDefaultMaintenanceFactor);

/// Vertical illuminance in lux on a plane kFaceHeight above `point` facing `facingAzimuth`
/// (degrees clockwise from north, e.g. the direction of walking).
double verticalIlluminance(const Point& point, double facingAzimuth,
                           std::span<const Luminaire> luminaires,
                           double maintenanceFactor = kDefaultMaintenanceFactor);

} // namespace trygg
