#pragma once
// Where the poles of placeLuminaires stand and what state each lamp is in, before they
// become features.

#include "field_values.h"
#include "tryggkarta/synth/luminaire_layout.h"

#include <optional>
#include <span>
#include <vector>

namespace trygg::synth {

enum class LampState { Working, Broken, SwitchedOff, Planned };

/// One pole along one line.
struct PlacedLamp {
    std::size_t line = 0;
    Point position;
    double along = 0.0;   ///< metres from the line's start
    double azimuth = 0.0; ///< the bearing the luminaire's C90 side faces
    LampState state = LampState::Working;
};

/// Poles in the order of the lines and along each line, and the gaps left among them.
struct Placement {
    std::vector<PlacedLamp> lamps;
    std::vector<DarkGap> gaps;
};

/// A dark gap a line is to get: the pole that would come after `start` metres is moved on to
/// `length` metres from the one before it, and `planned` planned lamps go between them.
struct GapPlan {
    double start = 0.0;
    double length = 0.0;
    std::size_t planned = 0;
};

/// Per line, the dark gap it gets, if any: on up to layout.darkGaps paths chosen at random
/// among those long enough, on a stretch away from the streets (whose lamps would light it).
/// Planned lamps go in layout.gapsWithPlanned of them, but one gap is always left without.
std::vector<std::optional<GapPlan>> planGaps(std::span<const LitLine> lines,
                                             const std::vector<double>& lengths,
                                             const LuminaireLayout& layout, Rng& rng);

/// Poles along every line by its kind's rule, a dark gap on up to layout.darkGaps paths,
/// planned lamps in some of the gaps. Every lamp is Working or Planned.
Placement placePoles(std::span<const LitLine> lines, const LuminaireLayout& layout, Rng& rng);

/// One stretch of a path switched off at night, then broken lamps scattered among the rest.
void assignStates(Placement& placement, std::span<const LitLine> lines,
                  const LuminaireLayout& layout, Rng& rng);

} // namespace trygg::synth
