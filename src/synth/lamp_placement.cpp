#include "lamp_placement.h"

#include "line_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace trygg::synth {
namespace {

/// No two poles closer than this (metres): where lines meet, their poles would otherwise
/// stand side by side.
constexpr double kPoleClearance = 8.0;
/// When the preferred place of a pole is not clear, others are tried this far apart (metres).
constexpr double kSearchStep = 1.0;
/// How far (metres) the pole after a gap may be moved on to find a clear place.
constexpr double kGapSlack = 5.0;

/// How the poles of one line stand.
struct LineSetup {
    std::size_t index = 0;
    const LampRule* rule = nullptr;
    double length = 0.0;
    double side = 1.0; ///< +1: left of the line's direction, -1: right
    double setback = 0.0;
    std::optional<GapPlan> gap;
};

double normalisedDegrees(double degrees) {
    double d = std::fmod(degrees, 360.0);
    return d < 0.0 ? d + 360.0 : d;
}

class PolePlacer {
public:
    PolePlacer(std::span<const LitLine> lines, const LuminaireLayout& layout, Placement& out)
        : m_lines(lines), m_layout(layout), m_out(out) {}

    void place(const LineSetup& setup, Rng& rng) {
        if (setup.length <= 0.0) {
            return;
        }
        if (m_lines[setup.index].kind == LitLineKind::Square) {
            placeRing(setup, rng);
        } else {
            placeLine(setup, rng);
        }
    }

private:
    const LineString& lineOf(const LineSetup& setup) const { return m_lines[setup.index].line; }

    /// Where the next pole may stand (metres along the line) and where it would rather.
    struct Window {
        double lo = 0.0;
        double hi = 0.0;
        double preferred = 0.0;
    };

    // Poles one after another, 'spacingMin'–'spacingMax' apart, but for the dark gap.
    void placeLine(const LineSetup& setup, Rng& rng) {
        const LampRule& rule = *setup.rule;
        Window window = firstWindow(setup, rng);
        std::optional<double> previous;
        double side = setup.side;
        bool gapPending = setup.gap.has_value();
        while (true) {
            std::optional<double> gapFrom;
            if (previous) {
                window.lo = *previous + rule.spacingMin;
                window.hi = *previous + rule.spacingMax;
                window.preferred = rng.uniform(window.lo, window.hi);
                if (gapPending && window.preferred > setup.gap->start) {
                    gapFrom = previous;
                    gapPending = false;
                    window.lo = *previous + setup.gap->length;
                    window.hi = std::min(window.lo + kGapSlack, *previous + m_layout.gapMax);
                    window.preferred = window.lo;
                }
            }
            if (window.lo > setup.length) {
                break;
            }
            const bool lastChance = window.hi >= setup.length;
            window.hi = std::min(window.hi, setup.length);
            PlacedLamp lamp = search(setup, window, side);
            if (lastChance && !gapFrom && room(lamp) < 0.0) {
                break; // a pole beyond the line's end (of a line met there) lights it already
            }
            if (gapFrom) {
                addGap(setup, *gapFrom, lamp.along);
            }
            m_out.lamps.push_back(lamp);
            previous = lamp.along;
            side = rule.alternateSides ? -side : side;
        }
    }

    // The spacing goes on from a pole standing near the line's start (where it meets a line
    // placed before), so that junctions get no dark stretch.
    Window firstWindow(const LineSetup& setup, Rng& rng) const {
        const LampRule& rule = *setup.rule;
        Window window;
        window.hi = rule.spacingMax;
        window.preferred = rng.uniform(0.2, 0.6) * rule.spacingMin;
        if (double near = nearestPoleTo(lineOf(setup).front()); near < rule.spacingMax) {
            window.lo = std::max(0.0, rule.spacingMin - near);
            window.hi = rule.spacingMax - near;
            window.preferred = rng.uniform(window.lo, window.hi);
        }
        return window;
    }

    // A square's outline gets evenly spaced lamps, all round.
    void placeRing(const LineSetup& setup, Rng& rng) {
        const LampRule& rule = *setup.rule;
        const double wanted = 0.5 * (rule.spacingMin + rule.spacingMax);
        const double count = std::max(1.0, std::round(setup.length / wanted));
        const double step = setup.length / count;
        const double first = rng.uniform(0.2, 0.3) * step;
        for (double k = 0.0; k < count; k += 1.0) {
            m_out.lamps.push_back(poleAt(setup, first + k * step, setup.side));
        }
    }

    // The dark gap just left, with its planned lamps on the line between the two poles.
    void addGap(const LineSetup& setup, double from, double to) {
        const std::size_t planned = setup.gap->planned;
        for (std::size_t k = 1; k <= planned; ++k) {
            double along =
                from + (to - from) * static_cast<double>(k) / static_cast<double>(planned + 1);
            PlacedLamp lamp = poleAt(setup, along, setup.side);
            lamp.state = LampState::Planned;
            m_out.lamps.push_back(lamp);
        }
        DarkGap gap;
        gap.line = setup.index;
        gap.from = from;
        gap.to = to;
        gap.planned = planned;
        m_out.gaps.push_back(gap);
    }

    // The first clear place from `preferred` on up to `hi`, then back down to `lo`; when
    // none is clear, the one with the most room.
    PlacedLamp search(const LineSetup& setup, const Window& window, double side) const {
        const double lo = window.lo;
        const double hi = std::max(lo, window.hi);
        const double preferred = std::clamp(window.preferred, lo, hi);
        PlacedLamp best = poleAt(setup, preferred, side);
        double bestRoom = room(best);
        auto tryAt = [&](double along) {
            PlacedLamp lamp = poleAt(setup, along, side);
            double lampRoom = room(lamp);
            if (lampRoom > bestRoom) {
                best = lamp;
                bestRoom = lampRoom;
            }
            return lampRoom >= 0.0;
        };
        if (bestRoom >= 0.0) {
            return best;
        }
        for (double along = preferred + kSearchStep; along <= hi; along += kSearchStep) {
            if (tryAt(along)) {
                return best;
            }
        }
        for (double along = preferred - kSearchStep; along >= lo; along -= kSearchStep) {
            if (tryAt(along)) {
                return best;
            }
        }
        return best;
    }

    PlacedLamp poleAt(const LineSetup& setup, double along, double side) const {
        const LineString& line = lineOf(setup);
        const Station station = stationAt(line, along);
        PlacedLamp lamp;
        lamp.line = setup.index;
        lamp.along = along;
        lamp.position = Point{station.point.x() - side * setup.setback * station.dy,
                              station.point.y() + side * setup.setback * station.dx};
        if (setup.rule->facesAlong || setup.setback <= 0.0) {
            lamp.azimuth = normalisedDegrees(bearingOf(station.dx, station.dy) + 90.0);
        } else {
            lamp.azimuth = bearingDegrees(lamp.position, nearestOn(line, lamp.position).point);
        }
        return lamp;
    }

    // How far (metres) a pole is clear of every other line's carriageway or path and of the
    // clearance round every pole placed so far; negative: not clear.
    double room(const PlacedLamp& lamp) const {
        double least = nearestPoleTo(lamp.position) - kPoleClearance;
        for (std::size_t j = 0; j < m_lines.size(); ++j) {
            const double halfWidth = m_layout.ruleFor(m_lines[j].kind).halfWidth;
            if (j != lamp.line && halfWidth > 0.0 && !m_lines[j].line.empty()) {
                least =
                    std::min(least, nearestOn(m_lines[j].line, lamp.position).distance - halfWidth);
            }
        }
        return least;
    }

    double nearestPoleTo(const Point& point) const {
        double nearest = std::numeric_limits<double>::infinity();
        for (const PlacedLamp& other : m_out.lamps) {
            nearest = std::min(nearest, distance(other.position, point));
        }
        return nearest;
    }

    std::span<const LitLine> m_lines;
    const LuminaireLayout& m_layout;
    Placement& m_out;
};

LineSetup setupFor(std::span<const LitLine> lines, std::size_t index, double length,
                   const LuminaireLayout& layout, Rng& rng) {
    LineSetup setup;
    setup.index = index;
    setup.rule = &layout.ruleFor(lines[index].kind);
    setup.length = length;
    setup.setback = rng.uniform(setup.rule->setbackMin, setup.rule->setbackMax);
    if (lines[index].kind == LitLineKind::Square) {
        // Inwards: a counter-clockwise ring has its inside on the left.
        setup.side = signedArea2(lines[index].line) >= 0.0 ? 1.0 : -1.0;
    } else {
        setup.side = rng.chance(0.5) ? 1.0 : -1.0;
    }
    return setup;
}

} // namespace

Placement placePoles(std::span<const LitLine> lines, const LuminaireLayout& layout, Rng& rng) {
    std::vector<double> lengths;
    for (const LitLine& line : lines) {
        lengths.push_back(lineLength(line.line));
    }
    const auto gaps = planGaps(lines, lengths, layout, rng);
    Placement placement;
    PolePlacer placer(lines, layout, placement);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        LineSetup setup = setupFor(lines, i, lengths[i], layout, rng);
        setup.gap = gaps[i];
        placer.place(setup, rng);
    }
    return placement;
}

} // namespace trygg::synth
