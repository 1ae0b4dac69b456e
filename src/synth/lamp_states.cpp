#include "lamp_placement.h"

#include <algorithm>
#include <cmath>

namespace trygg::synth {
namespace {

/// A run of consecutive lamps of one line: indices into Placement::lamps.
struct Run {
    std::size_t first = 0;
    std::size_t count = 0;
};

bool bordersGap(const PlacedLamp& lamp, const std::vector<DarkGap>& gaps) {
    return std::ranges::any_of(gaps, [&](const DarkGap& gap) {
        return gap.line == lamp.line && (lamp.along == gap.from || lamp.along == gap.to);
    });
}

bool hasGap(std::size_t line, const std::vector<DarkGap>& gaps) {
    return std::ranges::any_of(gaps, [&](const DarkGap& gap) { return gap.line == line; });
}

// Runs of `count` working lamps on paths (with or without a dark gap), neither the first nor
// the last lamp of their line, with a lamp that lights between them and any dark gap (so the
// switched-off stretch is a stretch of its own).
std::vector<Run> switchOffCandidates(const Placement& placement, std::span<const LitLine> lines,
                                     std::size_t count, bool onGapPaths) {
    std::vector<Run> runs;
    const auto& lamps = placement.lamps;
    for (std::size_t start = 1; start + count < lamps.size(); ++start) {
        const std::size_t line = lamps[start].line;
        if (lines[line].kind != LitLineKind::Path || hasGap(line, placement.gaps) != onGapPaths ||
            lamps[start - 1].line != line || lamps[start + count].line != line) {
            continue;
        }
        bool usable = true;
        for (std::size_t k = start; k < start + count && usable; ++k) {
            usable = lamps[k].line == line && lamps[k].state == LampState::Working;
        }
        for (std::size_t k = start - 1; k <= start + count && usable; ++k) {
            usable = !bordersGap(lamps[k], placement.gaps);
        }
        if (usable) {
            runs.push_back(Run{start, count});
        }
    }
    return runs;
}

void switchOffOneStretch(Placement& placement, std::span<const LitLine> lines,
                         const LuminaireLayout& layout, Rng& rng) {
    if (layout.switchedOffMax == 0) {
        return;
    }
    const auto count = static_cast<std::size_t>(rng.integer(
        static_cast<std::int64_t>(std::max<std::size_t>(1, layout.switchedOffMin)),
        static_cast<std::int64_t>(std::max(layout.switchedOffMin, layout.switchedOffMax))));
    auto runs = switchOffCandidates(placement, lines, count, false);
    if (runs.empty()) {
        runs = switchOffCandidates(placement, lines, count, true);
    }
    if (runs.empty()) {
        return;
    }
    const Run run = runs[rng.index(runs.size())];
    for (std::size_t k = run.first; k < run.first + run.count; ++k) {
        placement.lamps[k].state = LampState::SwitchedOff;
    }
}

} // namespace

void assignStates(Placement& placement, std::span<const LitLine> lines,
                  const LuminaireLayout& layout, Rng& rng) {
    switchOffOneStretch(placement, lines, layout, rng);
    for (PlacedLamp& lamp : placement.lamps) {
        if (lamp.state == LampState::Working && rng.chance(layout.brokenShare)) {
            lamp.state = LampState::Broken;
        }
    }
}

} // namespace trygg::synth
