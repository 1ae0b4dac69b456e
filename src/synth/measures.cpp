#include "generators.h"

#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace trygg::synth {
namespace {

constexpr double kLinkDistance = 60.0; // metres from a measure to the observations it answers

struct TitleTheme {
    std::initializer_list<std::string_view> fragments;
    std::string_view title;
};

// The typical safety-walk measures, matched against the measure type's code and label.
const TitleTheme kTitles[] = {
    {{"repar", "laga", "byte"}, "Byte av trasig armatur"},
    {{"belys", "ljus", "armatur"}, "Ny belysning"},
    {{"veget", "rojn", "röjn", "beskar", "beskär", "sikt"}, "Röjning av buskage för fri sikt"},
    {{"klotter", "saner"}, "Klottersanering"},
    {{"skylt", "orient"}, "Ny skyltning"},
    {{"gang", "gång", "overg", "överg", "passage", "vag", "väg"}, "Säkrare gångpassage"},
    {{"mobl", "möbl", "aktiv", "bank", "bänk"}, "Sittplatser och aktiviteter"},
    {{"polis", "narvar", "närvar"}, "Ökad polisnärvaro på kvällstid"},
    {{"stad", "städ", "skrap", "skräp"}, "Tätare städning och tömning"},
};

std::string_view titleFor(const CodePicker& types, std::size_t type) {
    if (!types.empty()) {
        const std::string& text = types.text(type);
        for (const auto& theme : kTitles) {
            for (auto fragment : theme.fragments) {
                if (text.find(fragment) != std::string::npos) {
                    return theme.title;
                }
            }
        }
    }
    return "Trygghetsskapande åtgärd";
}

Point offset(const Point& p, double dx, double dy) { return Point{p.x() + dx, p.y() + dy}; }

// Mixed geometries as the layer allows: half points, a quarter short lines, a quarter small
// areas, each passing through `centre` so the observation it was placed by stays near.
Geometry measureGeometry(GeometryKind kind, std::size_t i, const Point& centre, Rng& rng) {
    static constexpr GeometryKind kMix[] = {GeometryKind::Point, GeometryKind::LineString,
                                            GeometryKind::Point, GeometryKind::Polygon};
    GeometryKind shape = kind == GeometryKind::Any ? kMix[i % 4] : kind;
    double angle = rng.uniform(0.0, std::numbers::pi);
    double c = std::cos(angle);
    double s = std::sin(angle);
    if (shape == GeometryKind::LineString) {
        double before = rng.uniform(10.0, 40.0);
        double after = rng.uniform(10.0, 40.0);
        double bend = rng.uniform(-0.3, 0.3);
        return LineString{offset(centre, -before * c, -before * s), centre,
                          offset(centre, after * std::cos(angle + bend), after * std::sin(angle + bend))};
    }
    if (shape == GeometryKind::Polygon) {
        double w = rng.uniform(10.0, 40.0) / 2.0;
        double h = rng.uniform(10.0, 30.0) / 2.0;
        Polygon polygon;
        // Counter-clockwise, closed: the ring order the core's Polygon type declares.
        for (auto [u, v] : {std::pair{-w, -h}, {w, -h}, {w, h}, {-w, h}, {-w, -h}}) {
            polygon.outer().push_back(offset(centre, u * c - v * s, u * s + v * c));
        }
        return polygon;
    }
    return centre;
}

double distanceTo(const Geometry& geometry, const Point& point) {
    return std::visit([&](const auto& g) { return static_cast<double>(bg::distance(g, point)); },
                      geometry);
}

// Picks `wanted` observations near the measure at random. The search window grows from a few
// metres to the full link distance and stops once it holds enough, so a measure in a dense
// hot spot of a million observations looks at hundreds of candidates, not a hundred thousand.
std::vector<FeatureId> nearbyObservations(const Layer& observations, const Geometry& geometry,
                                          std::size_t wanted, Rng& rng) {
    const Box bounds = envelope(geometry);
    std::vector<FeatureId> near;
    for (double reach : {5.0, 10.0, 20.0, 40.0, kLinkDistance}) {
        Box window{offset(bounds.min_corner(), -reach, -reach), offset(bounds.max_corner(), reach, reach)};
        near.clear();
        for (FeatureId id : observations.query(window)) {
            const Feature* feature = observations.find(id);
            const Point* point = feature == nullptr || !feature->geometry
                                     ? nullptr
                                     : std::get_if<Point>(&*feature->geometry);
            if (point != nullptr && distanceTo(geometry, *point) <= reach) {
                near.push_back(id);
            }
        }
        if (near.size() >= wanted) {
            break;
        }
    }
    // The index returns ids in tree order; sorting makes the draw independent of it.
    std::ranges::sort(near);
    for (std::size_t i = 0; i < near.size() && i < wanted; ++i) {
        std::swap(near[i], near[i + rng.index(near.size() - i)]);
    }
    near.resize(std::min(near.size(), wanted));
    std::ranges::sort(near);
    return near;
}

} // namespace

Stage stageOf(const CodePicker& statuses, std::size_t status) {
    if (statuses.empty()) {
        return Stage::Decided;
    }
    const std::string& text = statuses.text(status);
    auto has = [&](std::string_view fragment) { return text.find(fragment) != std::string::npos; };
    if (has("forslag") || has("förslag")) {
        return Stage::Proposed;
    }
    if (has("avford") || has("avförd") || has("utgar") || has("utgår")) {
        return Stage::Dropped;
    }
    if (has("utvarder") || has("utvärder")) {
        return Stage::Evaluated;
    }
    return has("klar") ? Stage::Done : Stage::Decided;
}

namespace {

struct Timeline {
    std::optional<Date> decided;
    Date due;
    std::optional<Date> followUp;
};

// Decisions in 2024–2025, deadlines a few months on (Kungsbacka aims at six), the follow-up
// visit after that: all within 2024–2026.
Timeline timelineFor(Stage stage, Rng& rng) {
    Timeline timeline;
    if (stage == Stage::Proposed) {
        timeline.due = addMonths(randomDate(rng, 2025, 2025), 6);
        return timeline;
    }
    Date decided = randomDate(rng, 2024, stage == Stage::Evaluated ? 2024 : 2025);
    timeline.decided = decided;
    timeline.due = addMonths(decided, static_cast<int>(rng.integer(3, 9)));
    if (stage == Stage::Evaluated) {
        timeline.followUp = addMonths(timeline.due, static_cast<int>(rng.integer(3, 6)));
    }
    return timeline;
}

} // namespace

Measures makeMeasures(const LayerDef& def, std::size_t count, const std::vector<HotSpot>& hotSpots,
                      const std::vector<std::vector<Point>>& anchors, const Layer* observations,
                      Rng& rng) {
    const Slot type(def, {"typ", "atgtyp", "atgardstyp"});
    const Slot title(def, {"titel", "rubrik"});
    const Slot status(def, {"status"});
    const Slot cost(def, {"kostnad"});
    const Slot deadline(def, {"deadline", "klart_till", "senast"});
    const Slot promise(def, {"lofte"});
    const Slot decided(def, {"beslutad"});
    const Slot followUp(def, {"uppfoljn"});
    const Slot outcome(def, {"utfall"});
    const Slot reason(def, {"motiv"});
    const CodePicker types(type.field(), {});
    const CodePicker statuses(status.field(), {});
    // Promises 4 (unprotected road users, lighting) and 7 (the centre's outdoor environment)
    // are the ones most measures answer.
    const CodePicker promises(promise.field(), {{"belys", 4.0}, {"trafikant", 4.0}, {"centrum", 4.0},
                                                {"utemilj", 4.0}}, 1.0);
    const auto skip = handledFields(def, {types.empty() ? nullptr : &type, &title,
                                          statuses.empty() ? nullptr : &status, &cost, &deadline,
                                          &promise, &decided, &followUp, &outcome, &reason});

    // Every status appears once before the rest are drawn, so a plan shows its whole life cycle.
    std::vector<std::size_t> statusOrder;
    for (std::size_t i = 0; i < count && !statuses.empty(); ++i) {
        statusOrder.push_back(i < statuses.size() ? i : statuses.pickIndex(rng));
    }
    for (std::size_t i = statusOrder.size(); i > 1; --i) {
        std::swap(statusOrder[i - 1], statusOrder[rng.index(i)]);
    }

    Measures out;
    out.features.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Feature feature;
        feature.id = FeatureId{static_cast<std::int64_t>(i + 1)};
        fillGeneric(feature, def, rng, skip);

        std::size_t spot = hotSpots.empty() ? 0 : i % hotSpots.size();
        Point anchor = hotSpots.empty() ? kCentre : hotSpots[spot].centre;
        if (spot < anchors.size() && !anchors[spot].empty()) {
            anchor = anchors[spot][rng.index(anchors[spot].size())];
        }
        Geometry geometry = measureGeometry(def.geometry, i, around(rng, anchor, 20.0), rng);

        std::size_t kind = types.empty() ? 0 : types.pickIndex(rng);
        if (!types.empty()) {
            type.set(feature, types.value(kind));
        }
        if (title) {
            std::string text = "[Exempel] " + std::string(titleFor(types, kind)) + " " +
                               std::string(placePhrase(rng.index(placePhraseCount())));
            title.set(feature, textValue(*title.field(), std::move(text)));
        }
        Stage stage = Stage::Decided;
        if (!statuses.empty()) {
            status.set(feature, statuses.value(statusOrder[i]));
            stage = stageOf(statuses, statusOrder[i]);
        }
        const Timeline timeline = timelineFor(stage, rng);
        if (cost) {
            // Costs spread over orders of magnitude: pruning is cheap, a new lighting line is not.
            double sek = std::exp(rng.uniform(std::log(5000.0), std::log(400000.0)));
            cost.set(feature, numberValue(*cost.field(), std::round(sek / 500.0) * 500.0));
        }
        if (deadline) {
            deadline.set(feature, dateValue(*deadline.field(), timeline.due));
        }
        if (decided && timeline.decided) {
            decided.set(feature, dateValue(*decided.field(), *timeline.decided));
        }
        if (followUp && timeline.followUp) {
            followUp.set(feature, dateValue(*followUp.field(), *timeline.followUp));
            if (outcome) {
                outcome.set(feature, textValue(*outcome.field(),
                                               rng.chance(0.7) ? "[Exempel] Vid återbesöket upplevs platsen tryggare"
                                                               : "[Exempel] Ingen tydlig skillnad vid återbesöket"));
            }
        }
        if (reason) {
            // A protocol says why for items that will not be done.
            reason.set(feature, textValue(*reason.field(),
                                          stage == Stage::Dropped
                                              ? "[Exempel] Utgår: marken ägs av annan part som inte vill delta"
                                              : "[Exempel] Återkommande synpunkter från trygghetsvandring och medborgardialog"));
        }
        if (!promises.empty()) {
            promise.set(feature, promises.pick(rng));
        }
        if (observations != nullptr) {
            for (FeatureId id : nearbyObservations(*observations, geometry, 1 + rng.index(6), rng)) {
                out.links.push_back(MeasureLink{feature.id, id});
            }
        }
        feature.geometry = std::move(geometry);
        completeRequired(feature, def, rng, skip);
        out.features.push_back(std::move(feature));
    }
    return out;
}

} // namespace trygg::synth
