#pragma once
// Which luminaires light a point: each luminaire gets a reach, the horizontal distance beyond
// which it adds less than a threshold, and an R-tree over the reach boxes finds the few that
// matter among thousands.

#include "tryggkarta/analysis/illuminance.h"
#include "tryggkarta/core/geometry.h"

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace trygg {

/// Light below this (lux, before the maintenance factor) counts as not reaching. Far below
/// the smallest class minimum (P6: 0.4 lx), and the luminaires left out of a point's sum each
/// add less than this.
inline constexpr double kReachThresholdLux = 0.05;

/// The plane an illuminance is for: the ground, or a vertical plane at kFaceHeight.
enum class IlluminancePlane { Horizontal, Vertical };

/// The horizontal distance in metres beyond which `luminaire` gives less than `thresholdLux`
/// (before the maintenance factor) on `plane` (a vertical plane facing any way). Bounded with
/// the largest intensity of the photometry around each angle (widened by the tilt), so it is
/// never too short; about 2 % too long at most. 0 when the luminaire is off.
double reachOf(const Luminaire& luminaire, IlluminancePlane plane,
               double thresholdLux = kReachThresholdLux);

/// The luminaires of an area with an R-tree per plane over their reach.
class LuminaireIndex {
public:
    explicit LuminaireIndex(std::vector<Luminaire> luminaires,
                            double thresholdLux = kReachThresholdLux);
    ~LuminaireIndex();
    LuminaireIndex(LuminaireIndex&& other) noexcept;
    LuminaireIndex& operator=(LuminaireIndex&& other) noexcept;
    LuminaireIndex(const LuminaireIndex&) = delete;
    LuminaireIndex& operator=(const LuminaireIndex&) = delete;

    [[nodiscard]] const std::vector<Luminaire>& luminaires() const { return m_luminaires; }
    [[nodiscard]] double thresholdLux() const { return m_thresholdLux; }
    /// reachOf the luminaire with this index in luminaires().
    [[nodiscard]] double reach(std::size_t luminaire, IlluminancePlane plane) const {
        return m_reach[static_cast<std::size_t>(plane)][luminaire];
    }
    /// True when the luminaire is on and `point` lies within its reach.
    [[nodiscard]] bool reaches(std::size_t luminaire, const Point& point,
                               IlluminancePlane plane) const;
    /// Ascending indices of the luminaires whose reach may touch `area`; a superset for each
    /// point in it, to be narrowed with reaches().
    [[nodiscard]] std::vector<std::size_t> near(const Box& area, IlluminancePlane plane) const;
    /// Ascending indices of the luminaires whose light reaches `point`.
    [[nodiscard]] std::vector<std::size_t> reaching(const Point& point,
                                                    IlluminancePlane plane) const;

    /// As trygg::horizontalIlluminance over reaching(point): the sum in ascending index order.
    [[nodiscard]] double
    horizontalIlluminance(const Point& point,
                          double maintenanceFactor = kDefaultMaintenanceFactor) const;
    /// As trygg::verticalIlluminance over the luminaires that reach `point`.
    [[nodiscard]] double
    verticalIlluminance(const Point& point, double facingAzimuth,
                        double maintenanceFactor = kDefaultMaintenanceFactor) const;

private:
    struct Trees;
    std::vector<Luminaire> m_luminaires;
    double m_thresholdLux = kReachThresholdLux;
    std::array<std::vector<double>, 2> m_reach;
    std::unique_ptr<Trees> m_trees;
};

} // namespace trygg
