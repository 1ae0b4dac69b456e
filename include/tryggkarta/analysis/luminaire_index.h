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

/// The luminaires of an area with an R-tree per plane over their reach. Changed in place as a
/// planner adds, moves, turns or switches lamps: each change takes the luminaire's old reach
/// boxes out of the trees and puts its new ones in, so that every query afterwards gives
/// exactly what an index freshly built over luminaires() would.
///
/// Indices are stable: a luminaire keeps its index for the index's life, and nothing is ever
/// taken out of luminaires(). To remove one, switch it off (setOn(i, false)): an off luminaire
/// has no reach, is in no tree and adds nothing anywhere.
class LuminaireIndex {
public:
    explicit LuminaireIndex(std::vector<Luminaire> luminaires,
                            double thresholdLux = kReachThresholdLux);
    ~LuminaireIndex();
    LuminaireIndex(LuminaireIndex&& other) noexcept;
    LuminaireIndex& operator=(LuminaireIndex&& other) noexcept;
    LuminaireIndex(const LuminaireIndex&) = delete;
    LuminaireIndex& operator=(const LuminaireIndex&) = delete;

    /// In index order. add() may move the luminaires, so references do not outlive a change.
    [[nodiscard]] const std::vector<Luminaire>& luminaires() const { return m_luminaires; }
    [[nodiscard]] double thresholdLux() const { return m_thresholdLux; }
    /// reachOf the luminaire with this index in luminaires().
    [[nodiscard]] double reach(std::size_t luminaire, IlluminancePlane plane) const {
        return m_reach[static_cast<std::size_t>(plane)][luminaire];
    }
    /// The square centred on the luminaire with sides 2 × reach: the area it lights on `plane`.
    /// emptyBox() when it is off. After a change to a luminaire, illuminance on `plane` may
    /// differ within the union of its reach boxes before and after, and nowhere else.
    [[nodiscard]] Box reachBox(std::size_t luminaire, IlluminancePlane plane) const;
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

    /// Appends `luminaire` and returns its index (the former luminaires().size()).
    std::size_t add(Luminaire luminaire);
    /// Puts `luminaire` in the place of the one at `index` (moved, turned, another profile or
    /// height, switched on or off); `index` must be below luminaires().size().
    void replace(std::size_t index, Luminaire luminaire);
    /// Switches the luminaire at `index` on or off: a replace with only the spec's `on`
    /// changed. Switching off is how a luminaire is removed (indices never shift).
    void setOn(std::size_t index, bool on);

private:
    struct Trees;
    void enterTrees(std::size_t luminaire);
    void leaveTrees(std::size_t luminaire);

    std::vector<Luminaire> m_luminaires;
    double m_thresholdLux = kReachThresholdLux;
    std::array<std::vector<double>, 2> m_reach;
    std::unique_ptr<Trees> m_trees;
};

} // namespace trygg
