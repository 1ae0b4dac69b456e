#pragma once
// Luminous intensity distributions: what a luminaire sends in each direction. EULUMDAT (.ldt)
// and IES LM-63 (.ies) files, and a generic distribution, all become one table of candela
// over the C-γ system.
//
// The C-γ system (EN 13032-1, as EULUMDAT and IES type C use it): γ is the angle from the
// luminaire's downward axis (γ = 0 straight down, 90 horizontal, 180 straight up); C is the
// azimuth around that axis, counter-clockwise seen from above, C = 0 along the luminaire's
// main (longitudinal) axis. For a street luminaire C = 90 points across the street (the
// street side) and C = 270 towards the houses.

#include "tryggkarta/core/error.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// What a distribution is and where it came from.
struct PhotometryInfo {
    std::string name;      ///< the luminaire's name as UTF-8 ("Generisk gatuarmatur ...")
    std::string source;    ///< file name, or "generic"
    double lampFlux = 0.0; ///< lamp flux in lumen that the candela values are for
};

/// One angle axis of a table: nodes ascending, with a fast lookup when they are equidistant
/// (the usual case), so that the raster's inner loop avoids a binary search.
class AngleAxis {
public:
    AngleAxis() = default;
    explicit AngleAxis(std::vector<double> nodes);

    [[nodiscard]] const std::vector<double>& nodes() const { return m_nodes; }
    /// The index i and weight t with a = nodes[i] + t · (nodes[i+1] - nodes[i]);
    /// `a` must lie within [front, back] and there must be at least two nodes.
    [[nodiscard]] std::size_t locate(double a, double& t) const {
        if (m_inverseStep > 0.0) { // the raster's inner loop: no search, no division
            const double steps = (a - m_nodes.front()) * m_inverseStep;
            const auto i = std::min(static_cast<std::size_t>(static_cast<std::int64_t>(steps)),
                                    m_nodes.size() - 2);
            t = steps - static_cast<double>(i);
            return i;
        }
        return locateByBisection(a, t);
    }

private:
    [[nodiscard]] std::size_t locateByBisection(double a, double& t) const;

    std::vector<double> m_nodes;
    double m_inverseStep = 0.0; ///< 1 / step when the nodes are equidistant, else 0
};

/// Luminous intensity in candela over (C, γ) for a luminaire's whole lamp flux, with bilinear
/// interpolation. The table always covers C from 0 to 360 (symmetric files are expanded when
/// read); outside the measured γ range the luminaire emits nothing.
class Photometry {
public:
    /// Builds from a full table: `cAngles` strictly ascending within [0, 360) (one angle means
    /// rotational symmetry), `gammaAngles` strictly ascending within [0, 180] (at least two),
    /// `candela[c * gammaAngles.size() + g]` finite and ≥ 0. Errors name `info.source`.
    static Result<Photometry> fromTable(PhotometryInfo info, std::vector<double> cAngles,
                                        std::vector<double> gammaAngles,
                                        std::vector<double> candela);

    /// Intensity in candela towards (C, γ) in degrees; any C (taken modulo 360), γ in [0, 180].
    [[nodiscard]] double intensity(double cDegrees, double gammaDegrees) const;

    /// The largest intensity in the table.
    [[nodiscard]] double maxIntensity() const { return m_maxIntensity; }
    /// An upper bound of the intensity over all C for γ in [gammaLow, gammaHigh] (degrees):
    /// the largest value over all planes per γ node, interpolated along γ, maximised over the
    /// range. 0 for a range outside the measured γ.
    [[nodiscard]] double maxIntensityBetween(double gammaLow, double gammaHigh) const;
    /// The luminous flux the interpolated distribution emits, in lumen (exact integral of the
    /// bilinear interpolation over the sphere).
    [[nodiscard]] double luminousFlux() const;

    /// The same distribution for another lamp flux (the luminaire inventory's ljusflode):
    /// every intensity scaled by lampFlux / info().lampFlux. Fails when lampFlux is not > 0.
    [[nodiscard]] Result<Photometry> withLampFlux(double lampFlux) const;

    [[nodiscard]] const PhotometryInfo& info() const { return m_info; }
    [[nodiscard]] bool isRotationallySymmetric() const { return m_planeCount == 1; }
    /// The C planes of the full table (without the closing 360° plane).
    [[nodiscard]] std::vector<double> cAngles() const;
    [[nodiscard]] const std::vector<double>& gammaAngles() const { return m_gamma.nodes(); }

private:
    Photometry() = default;
    [[nodiscard]] double planeIntensity(std::size_t plane, std::size_t g, double t) const;
    [[nodiscard]] double planeIntegral(std::size_t plane) const;

    PhotometryInfo m_info;
    AngleAxis m_c; ///< the planes plus the first again at +360°, so C wraps without a branch
    AngleAxis m_gamma;
    std::size_t m_planeCount = 0;
    std::vector<double> m_candela;  ///< (m_planeCount + 1) planes × γ nodes
    std::vector<double> m_gammaMax; ///< per γ node, the largest value over all planes
    double m_maxIntensity = 0.0;
};

/// Parses EULUMDAT text (CRLF or LF, decimal point or comma, Windows-1252 or UTF-8). Intensities
/// in cd/klm become candela for the first lamp set's flux (× the conversion factor, line 24).
/// `sourceName` (the file name) is what errors name, with the line and the field.
Result<Photometry> parseEulumdat(std::string_view bytes, std::string_view sourceName);

/// Parses IES LM-63 text (1986, 1991, 1995, 2002) with TILT=NONE and photometric type C.
/// Candela values are multiplied by the candela multiplier, the ballast factor and the
/// ballast-lamp photometric factor. With lumens per lamp = -1 (absolute photometry) the
/// reference flux is the luminaire's own flux.
Result<Photometry> parseIes(std::string_view bytes, std::string_view sourceName);

/// Reads a .ldt or .ies file (by extension, else by content: "IESNA" or a TILT= line means IES).
Result<Photometry> readPhotometry(const std::filesystem::path& file);

/// Light output ratio the generic distribution assumes: the luminaire emits this share of its
/// lamp flux.
inline constexpr double kGenericLightOutputRatio = 0.8;

/// The distribution for a luminaire without a profile, scaled to `lampFlux` (its ljusflode in
/// lumen): rotationally symmetric and full cut-off, a simple wide street distribution.
///   I(γ) = I₀ / cos³γ          for γ ≤ 55°  (even illuminance on a disc of radius 1.43 h)
///   I(γ) falls linearly to 0   for 55° < γ < 80°
///   I(γ) = 0                   for γ ≥ 80°  (no light towards the horizon or the sky)
/// with I₀ chosen so that the emitted flux is kGenericLightOutputRatio × lampFlux; tabulated at
/// 1° steps. Fails when lampFlux is not > 0.
Result<Photometry> genericPhotometry(double lampFlux);

} // namespace trygg
