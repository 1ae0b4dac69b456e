#include "lamp_placement.h"
#include "line_geometry.h"

#include <algorithm>
#include <cmath>

namespace trygg::synth {
namespace {

/// A dark gap keeps at least this far (metres) from every street's centre line: street lamps
/// light the first 15 m or so beside the street.
constexpr double kGapStreetDistance = 20.0;
/// Metres between the points of a stretch checked against the streets.
constexpr double kGapSampleStep = 5.0;
/// Tries at placing a gap on one path before it counts as too close to the streets.
constexpr int kGapTries = 12;

bool isStreet(LitLineKind kind) {
    return kind == LitLineKind::MainStreet || kind == LitLineKind::LocalStreet ||
           kind == LitLineKind::PedestrianStreet;
}

bool awayFromStreets(std::span<const LitLine> lines, const LineString& path, double from,
                     double to) {
    for (double along = from; along <= to; along += kGapSampleStep) {
        const Point point = stationAt(path, along).point;
        for (const LitLine& line : lines) {
            if (isStreet(line.kind) && !line.line.empty() &&
                nearestOn(line.line, point).distance < kGapStreetDistance) {
                return false;
            }
        }
    }
    return true;
}

// A gap on one path whose stretch (from the pole before it, which stands up to a spacing
// before `start`) keeps away from the streets; none when the tries find no such stretch.
std::optional<GapPlan> gapOn(std::span<const LitLine> lines, std::size_t index, double length,
                             const LuminaireLayout& layout, Rng& rng) {
    const double spacing = layout.path.spacingMax;
    for (int attempt = 0; attempt < kGapTries; ++attempt) {
        GapPlan gap;
        gap.length = rng.uniform(layout.gapMin, std::min(layout.gapMax, length - 2.0 * spacing));
        gap.start = rng.uniform(spacing, length - gap.length - spacing);
        if (awayFromStreets(lines, lines[index].line, gap.start - spacing,
                            gap.start + gap.length)) {
            return gap;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<std::optional<GapPlan>> planGaps(std::span<const LitLine> lines,
                                             const std::vector<double>& lengths,
                                             const LuminaireLayout& layout, Rng& rng) {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].kind == LitLineKind::Path &&
            lengths[i] >= layout.gapMin + 2.0 * layout.path.spacingMax) {
            candidates.push_back(i);
        }
    }
    for (std::size_t i = candidates.size(); i > 1; --i) {
        std::swap(candidates[i - 1], candidates[rng.index(i)]);
    }
    std::vector<std::optional<GapPlan>> gaps(lines.size());
    std::vector<std::size_t> planned;
    for (std::size_t index : candidates) {
        if (planned.size() == layout.darkGaps) {
            break;
        }
        if ((gaps[index] = gapOn(lines, index, lengths[index], layout, rng))) {
            planned.push_back(index);
        }
    }
    // The first gaps found get planned lamps; the last is left for the analysis to find.
    const std::size_t withPlanned =
        planned.empty() ? 0 : std::min(layout.gapsWithPlanned, planned.size() - 1);
    for (std::size_t k = 0; k < withPlanned && layout.plannedMax > 0; ++k) {
        // As many as close the gap at the path's spacing (a planner's proposal), at most
        // plannedMax.
        const double spacing = layout.path.spacingMax;
        const auto needed =
            static_cast<std::size_t>(std::ceil(gaps[planned[k]]->length / spacing)) - 1;
        gaps[planned[k]]->planned = std::clamp<std::size_t>(needed, 1, layout.plannedMax);
    }
    return gaps;
}

} // namespace trygg::synth
