// Before and after a measure: the safety walks that passed its place, split at the dates the
// measure was started and done (the rule is written out in follow_up.h).

#include "follow_up_fields.h"
#include "tryggkarta/core/follow_up.h"
#include "tryggkarta/core/hit_test.h"

#include <algorithm>
#include <limits>
#include <map>
#include <ranges>
#include <type_traits>

namespace trygg {
namespace {

using followup::dateOf;
using followup::labelOf;

constexpr std::string_view kWalkLayer = "vandringar";

/// A geometry as lines (a polygon as its rings) and lone points. Routes are measured against
/// places through these, not through Boost's linear-to-areal distance, which GCC 12 flags
/// with a -Wmaybe-uninitialized false positive.
struct Outline {
    std::vector<LineString> lines;
    std::vector<Point> points;
};

Outline outlineOf(const Geometry& geometry) {
    Outline outline;
    auto addPolygon = [&](const Polygon& polygon) {
        outline.lines.emplace_back(polygon.outer().begin(), polygon.outer().end());
        for (const auto& ring : polygon.inners()) {
            outline.lines.emplace_back(ring.begin(), ring.end());
        }
    };
    std::visit(
        [&](const auto& g) {
            using T = std::decay_t<decltype(g)>;
            if constexpr (std::is_same_v<T, Point>) {
                outline.points.push_back(g);
            } else if constexpr (std::is_same_v<T, MultiPoint>) {
                outline.points.assign(g.begin(), g.end());
            } else if constexpr (std::is_same_v<T, LineString>) {
                outline.lines.push_back(g);
            } else if constexpr (std::is_same_v<T, MultiLineString>) {
                outline.lines.assign(g.begin(), g.end());
            } else if constexpr (std::is_same_v<T, Polygon>) {
                addPolygon(g);
            } else {
                std::ranges::for_each(g, addPolygon);
            }
        },
        geometry);
    return outline;
}

/// A point of each part of `outline`, to tell whether it lies inside the other geometry.
std::vector<Point> partPoints(const Outline& outline) {
    std::vector<Point> points = outline.points;
    for (const LineString& line : outline.lines) {
        if (!line.empty()) {
            points.push_back(line.front());
        }
    }
    return points;
}

/// Shortest distance between two geometries; 0 where they touch, cross or one lies inside
/// the other.
double distanceBetween(const Geometry& a, const Geometry& b) {
    const Outline outlineA = outlineOf(a);
    const Outline outlineB = outlineOf(b);
    double shortest = std::numeric_limits<double>::infinity();
    for (const Point& point : partPoints(outlineA)) {
        shortest = std::min(shortest, distanceTo(point, b));
    }
    for (const Point& point : partPoints(outlineB)) {
        shortest = std::min(shortest, distanceTo(point, a));
    }
    for (const LineString& lineA : outlineA.lines) {
        for (const LineString& lineB : outlineB.lines) {
            shortest = std::min(shortest, static_cast<double>(bg::distance(lineA, lineB)));
        }
    }
    return shortest;
}

Box grown(Box box, double by) {
    box.min_corner().x(box.min_corner().x() - by);
    box.min_corner().y(box.min_corner().y() - by);
    box.max_corner().x(box.max_corner().x() + by);
    box.max_corner().y(box.max_corner().y() + by);
    return box;
}

/// Fills the start and done dates from the measure's own fields.
void referenceDates(const LayerDef& def, const Feature& measure, BeforeAfter& result) {
    if (isDoneStatus(result.status)) {
        for (std::string_view field : {"deadline", "uppfoljn"}) {
            if (auto date = dateOf(def, measure, field)) {
                result.done = date;
                result.doneFrom = std::string(field);
                break;
            }
        }
    }
    const std::optional<Date> decided = dateOf(def, measure, "beslutad");
    result.start = decided && (!result.done || *decided <= *result.done) ? decided : result.done;
}

WalkObservation walkObservation(const LayerDef& def, const Feature& feature, double distance,
                                std::string_view language) {
    WalkObservation entry;
    entry.id = feature.id;
    entry.categoryCode = textOf(def, feature, "kategori");
    entry.category = labelOf(def, "kategori", entry.categoryCode, language);
    if (auto feeling = numberOf(def, feature, "kansla")) {
        entry.feeling = static_cast<int>(*feeling);
    }
    entry.lightCode = textOf(def, feature, "ljusforh");
    entry.light = labelOf(def, "ljusforh", entry.lightCode, language);
    entry.unsafe = followup::isUnsafe(def, feature);
    entry.distance = distance;
    return entry;
}

/// The walks near `place`, by walk id: those with observations within `radius`, and those
/// whose route passes within it.
std::map<FeatureId, WalkVisit> walksNear(const Project& project, const Geometry& place,
                                         const BeforeAfterOptions& options) {
    std::map<FeatureId, WalkVisit> visits;
    const Box window = grown(envelope(place), options.radius);
    if (const Layer* observations = project.layer(kObservationLayer)) {
        const LayerDef& def = observations->definition();
        observations->visitIn(window, [&](const Feature& feature) {
            const auto walk = numberOf(def, feature, "vandring");
            const auto* point = std::get_if<Point>(&*feature.geometry);
            if (!walk || point == nullptr) {
                return;
            }
            const double distance = distanceTo(*point, place);
            if (distance <= options.radius) {
                const FeatureId id{static_cast<std::int64_t>(*walk)};
                visits[id].walk = id;
                visits[id].observations.push_back(
                    walkObservation(def, feature, distance, options.language));
            }
        });
    }
    if (const Layer* walks = project.layer(kWalkLayer)) {
        walks->visitIn(window, [&](const Feature& feature) {
            if (distanceBetween(*feature.geometry, place) <= options.radius) {
                visits[feature.id].walk = feature.id;
            }
        });
    }
    return visits;
}

SideSummary summarise(const std::vector<WalkVisit>& walks) {
    SideSummary summary;
    double feelings = 0.0;
    std::size_t withFeeling = 0;
    for (const WalkVisit& walk : walks) {
        for (const WalkObservation& observation : walk.observations) {
            ++summary.observations;
            summary.unsafe += observation.unsafe ? 1 : 0;
            if (observation.feeling) {
                feelings += *observation.feeling;
                ++withFeeling;
            }
        }
    }
    if (withFeeling > 0) {
        summary.meanFeeling = feelings / static_cast<double>(withFeeling);
    }
    if (summary.observations > 0) {
        summary.unsafeShare =
            static_cast<double>(summary.unsafe) / static_cast<double>(summary.observations);
    }
    return summary;
}

/// Names and dates the walks, then puts each on its side of the measure.
void placeWalks(const Project& project, std::map<FeatureId, WalkVisit> visits,
                const std::string& language, BeforeAfter& result) {
    const Layer* walks = project.layer(kWalkLayer);
    for (auto& [id, visit] : visits) {
        const Feature* walk = walks != nullptr ? walks->find(id) : nullptr;
        const std::optional<Date> date =
            walk != nullptr ? dateOf(walks->definition(), *walk, "datum") : std::nullopt;
        if (!date) {
            ++result.walksUndated;
            continue;
        }
        const LayerDef& def = walks->definition();
        visit.name = textOf(def, *walk, "namn");
        visit.date = *date;
        visit.light = labelOf(def, "ljusforh", textOf(def, *walk, "ljusforh"), language);
        std::ranges::sort(visit.observations, {}, [](const WalkObservation& o) {
            return std::pair(o.distance, toInt(o.id));
        });
        if (!result.start || *date < *result.start) {
            result.before.walks.push_back(std::move(visit));
        } else if (result.done && *date >= *result.done) {
            result.after.walks.push_back(std::move(visit));
        } else {
            ++result.walksDuring;
        }
    }
    for (BeforeAfterSide* side : {&result.before, &result.after}) {
        std::ranges::stable_sort(side->walks, {}, &WalkVisit::date);
        side->summary = summarise(side->walks);
    }
}

} // namespace

Result<BeforeAfter> beforeAfter(const Project& project, FeatureId measure,
                                const BeforeAfterOptions& options) {
    const std::string where =
        std::string(kMeasureLayer) + ": feature " + std::to_string(toInt(measure));
    if (!(options.radius > 0.0)) {
        return fail(ErrorCode::Usage, "the distance around a measure must be above 0 m", where);
    }
    const Layer* measures = project.layer(kMeasureLayer);
    const Feature* feature = measures != nullptr ? measures->find(measure) : nullptr;
    if (feature == nullptr) {
        return fail(ErrorCode::NotFound, "no such measure", where);
    }
    if (!feature->geometry || isEmpty(*feature->geometry)) {
        return fail(ErrorCode::InvalidGeometry, "the measure has no place on the map", where);
    }
    const LayerDef& def = measures->definition();
    BeforeAfter result;
    result.measure = measure;
    result.title = textOf(def, *feature, "titel");
    result.status = textOf(def, *feature, "status");
    result.radius = options.radius;
    referenceDates(def, *feature, result);
    placeWalks(project, walksNear(project, *feature->geometry, options), options.language, result);
    return result;
}

std::vector<FeatureId> measuresWithBeforeAndAfter(const Project& project,
                                                  const BeforeAfterOptions& options) {
    std::vector<FeatureId> found;
    const Layer* measures = project.layer(kMeasureLayer);
    if (measures == nullptr) {
        return found;
    }
    for (const Feature& feature : measures->features()) {
        // Only a measure that is done can have an "after": skip the rest cheaply.
        if (!isDoneStatus(textOf(measures->definition(), feature, "status"))) {
            continue;
        }
        auto sides = beforeAfter(project, feature.id, options);
        if (sides && !sides->before.walks.empty() && !sides->after.walks.empty()) {
            found.push_back(feature.id);
        }
    }
    std::ranges::sort(found);
    return found;
}

} // namespace trygg
