#include "tryggkarta/analysis/priorities.h"

#include "tryggkarta/analysis/lighting_results.h"
#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/core/hit_test.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace trygg {
namespace {

constexpr std::string_view kRetired = "avford"; // a measure given up answers nothing
constexpr double kWorstFeeling = 3.0;           // känsla runs 0 (Skrämmande) … 3 (Bekväm)
constexpr std::size_t kCancelEvery = 256;

/// Base-map layers a place may be named after; on equal distance the earlier wins.
constexpr std::array<std::string_view, 5> kNameLayers{"bas_ortnamn", "bas_ytor", "bas_byggnad",
                                                      "bas_gata", "bas_gangvag"};

/// Names of a whole town or district say nothing about where in it a place is.
bool namesSpot(const LayerDef& def, const Feature& feature) {
    const std::string kind = textOf(def, feature, "typ");
    return kind != "ort" && kind != "stadsdel";
}

constexpr std::array<std::string_view, kPriorityFactorCount> kKeys{
    "count", "severity", "darkness", "light", "gap", "answered"};

/// The observations the options choose, with their places.
struct Chosen {
    std::vector<FeatureId> ids;
    std::vector<Point> points;
};

Result<Chosen> chooseObservations(const Layer& layer, const PriorityOptions& options) {
    auto taken = selectObservations(layer, options.filter, {});
    if (!taken) {
        return std::unexpected(taken.error());
    }
    Chosen chosen;
    for (std::size_t i = 0; i < taken->ids.size(); ++i) {
        if (options.unsafeOnly &&
            textOf(layer.definition(), *layer.find(taken->ids[i]), "polaritet") != kUnsafePolarity) {
            continue;
        }
        chosen.ids.push_back(taken->ids[i]);
        chosen.points.push_back(taken->points[i]);
    }
    return chosen;
}

/// What the lighting analysis left in the project: lux per observation and the dark gaps.
struct LightingFacts {
    bool known = false;
    std::string scenario;
    std::unordered_map<FeatureId, double> lux;
    const Layer* gaps = nullptr;
};

LightingFacts readLighting(const PriorityInput& input) {
    LightingFacts facts;
    for (std::string_view name : {kSegmentLayer, kGapLayer, kObservationLightLayer}) {
        const Layer* layer = input.layer(name);
        facts.known = facts.known || (layer != nullptr && layer->size() > 0);
    }
    if (const Layer* spots = input.layer(kObservationLightLayer)) {
        const LayerDef& def = spots->definition();
        for (const Feature& f : spots->features()) {
            const auto observation = numberOf(def, f, "synpunkt");
            const auto lux = numberOf(def, f, "lux");
            if (observation && lux) {
                facts.lux[FeatureId{static_cast<std::int64_t>(*observation)}] = *lux;
            }
            if (facts.scenario.empty()) {
                facts.scenario = textOf(def, f, "scenario");
            }
        }
    }
    facts.gaps = input.layer(kGapLayer);
    if (facts.gaps != nullptr && facts.scenario.empty() && facts.gaps->size() > 0) {
        facts.scenario = textOf(facts.gaps->definition(), facts.gaps->features().front(), "scenario");
    }
    return facts;
}

/// Observations linked to a measure that is not given up.
std::unordered_set<FeatureId> answeredObservations(const PriorityInput& input) {
    std::unordered_set<FeatureId> answered;
    const Layer* measures = input.layer(kMeasureLayer);
    if (measures == nullptr) {
        return answered;
    }
    for (const MeasureLink& link : input.links) {
        const Feature* measure = measures->find(link.measure);
        if (measure != nullptr && textOf(measures->definition(), *measure, "status") != kRetired) {
            answered.insert(link.observation);
        }
    }
    return answered;
}

/// The nearest name of the base map within `reach` of `at`; "" when there is none.
std::string nameNear(const PriorityInput& input, const Point& at, double reach) {
    std::string best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (std::string_view layerName : kNameLayers) {
        const Layer* layer = input.layer(layerName);
        if (layer == nullptr) {
            continue;
        }
        for (const Hit& hit : featuresNear(*layer, at, reach)) {
            const Feature& feature = *layer->find(hit.id);
            const std::string name = textOf(layer->definition(), feature, "namn");
            if (!name.empty() && namesSpot(layer->definition(), feature)) {
                if (hit.distance < bestDistance) {
                    bestDistance = hit.distance;
                    best = name;
                }
                break; // nearest first: the rest of this layer is farther
            }
        }
    }
    return best;
}

/// Everything but the count factor and the name, which need the whole list.
struct PlaceContext {
    const Layer& observations;
    const LightingFacts& lighting;
    const std::unordered_set<FeatureId>& answered;
    const PriorityOptions& options;
};

PlaceFacts factsOf(const PriorityPlace& place, std::span<const Point> points,
                   const PlaceContext& context) {
    const LayerDef& def = context.observations.definition();
    PlaceFacts facts;
    facts.observations = place.observations.size();
    double luxSum = 0.0;
    for (FeatureId id : place.observations) {
        const Feature& f = *context.observations.find(id);
        if (const auto feeling = numberOf(def, f, "kansla"); feeling && *feeling >= 0.0 &&
                                                            *feeling <= kWorstFeeling) {
            ++facts.feeling[static_cast<std::size_t>(*feeling)];
        }
        const std::string light = textOf(def, f, "ljusforh");
        facts.dark += light == "morker" ? 1 : 0;
        facts.twilight += light == "skymning" ? 1 : 0;
        if (auto lux = context.lighting.lux.find(id); lux != context.lighting.lux.end()) {
            ++facts.withLux;
            luxSum += lux->second;
        }
        facts.answered += context.answered.contains(id) ? 1 : 0;
    }
    if (facts.withLux > 0) {
        facts.meanLux = luxSum / static_cast<double>(facts.withLux);
    }
    if (context.lighting.gaps != nullptr) {
        for (const Point& p : points) {
            const auto near = featuresNear(*context.lighting.gaps, p, context.options.gapReach);
            if (!near.empty() && (!facts.gapDistance || near.front().distance < *facts.gapDistance)) {
                facts.gapDistance = near.front().distance;
            }
        }
    }
    return facts;
}

PriorityValues factorsOf(const PlaceFacts& facts, std::size_t largest,
                         const PriorityOptions& options) {
    PriorityValues f;
    const auto n = static_cast<double>(facts.observations);
    f[PriorityFactor::Count] = n / static_cast<double>(largest);
    double felt = 0.0;
    double severity = 0.0;
    for (std::size_t k = 0; k < facts.feeling.size(); ++k) {
        felt += static_cast<double>(facts.feeling[k]);
        severity += static_cast<double>(facts.feeling[k]) * (kWorstFeeling - static_cast<double>(k)) /
                    kWorstFeeling;
    }
    f[PriorityFactor::Severity] = felt > 0.0 ? severity / felt : 0.0;
    f[PriorityFactor::Darkness] =
        (static_cast<double>(facts.dark) + 0.5 * static_cast<double>(facts.twilight)) / n;
    if (facts.meanLux) {
        f[PriorityFactor::Light] = 1.0 - std::min(*facts.meanLux, options.brightLux) / options.brightLux;
    }
    if (facts.gapDistance) {
        f[PriorityFactor::Gap] = 1.0 - std::min(*facts.gapDistance, options.gapReach) / options.gapReach;
    }
    f[PriorityFactor::Answered] = static_cast<double>(facts.answered) / n;
    return f;
}

Result<void> checkOptions(const PriorityOptions& options) {
    if (!(options.eps > 0.0) || options.minPoints == 0) {
        return fail(ErrorCode::Usage, "the distance and the number of observations of a place must be > 0",
                    "eps " + std::to_string(options.eps) + ", min points " +
                        std::to_string(options.minPoints));
    }
    if (!(options.brightLux > 0.0) || !(options.gapReach > 0.0)) {
        return fail(ErrorCode::Usage, "the bright-light level and the reach to a dark gap must be > 0");
    }
    return {};
}

/// The places of a clustering, with their observations, centre and extent.
std::vector<PriorityPlace> placesOf(const Chosen& chosen, const std::vector<std::size_t>& label,
                                    std::vector<std::vector<Point>>& points) {
    std::vector<PriorityPlace> places;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] == kDbscanNoise) {
            continue;
        }
        if (label[i] >= places.size()) {
            places.resize(label[i] + 1);
            points.resize(label[i] + 1);
        }
        places[label[i]].observations.push_back(chosen.ids[i]);
        points[label[i]].push_back(chosen.points[i]);
    }
    for (std::size_t c = 0; c < places.size(); ++c) {
        Box extent = emptyBox();
        double x = 0.0;
        double y = 0.0;
        for (const Point& p : points[c]) {
            expand(extent, Box(p, p));
            x += p.x();
            y += p.y();
        }
        const auto n = static_cast<double>(points[c].size());
        places[c].centre = Point(x / n, y / n);
        places[c].extent = extent;
    }
    return places;
}

} // namespace

std::string_view priorityFactorKey(PriorityFactor factor) {
    return kKeys[static_cast<std::size_t>(factor)];
}

std::optional<PriorityFactor> parsePriorityFactor(std::string_view key) {
    for (PriorityFactor factor : kPriorityFactors) {
        if (priorityFactorKey(factor) == key) {
            return factor;
        }
    }
    return std::nullopt;
}

double priorityFactorSign(PriorityFactor factor) {
    return factor == PriorityFactor::Answered ? -1.0 : 1.0;
}

PriorityValues defaultPriorityWeights() {
    PriorityValues weights;
    weights.values.fill(1.0);
    weights[PriorityFactor::Answered] = 2.0;
    return weights;
}

double PriorityPlace::contribution(PriorityFactor factor, const PriorityValues& weights) const {
    return priorityFactorSign(factor) * weights[factor] * factors[factor];
}

PriorityInput PriorityInput::of(const Project& project) {
    PriorityInput input;
    for (const Layer& layer : project.layers) {
        input.layers.push_back(&layer);
    }
    input.links = project.links;
    return input;
}

const Layer* PriorityInput::layer(std::string_view name) const {
    for (const Layer* layer : layers) {
        if (layer->name() == name) {
            return layer;
        }
    }
    return nullptr;
}

Result<PriorityList> prioritisePlaces(const PriorityInput& input, const PriorityOptions& options,
                                      Progress& progress) {
    if (auto checked = checkOptions(options); !checked) {
        return std::unexpected(checked.error());
    }
    const Layer* observations = input.layer(kObservationLayer);
    if (observations == nullptr) {
        return fail(ErrorCode::NotFound, "the project has no observation layer",
                    std::string(kObservationLayer));
    }
    auto chosen = chooseObservations(*observations, options);
    if (!chosen) {
        return std::unexpected(chosen.error());
    }
    progress.setStage("finding places");
    auto label = dbscan(chosen->points, options.eps, options.minPoints, progress);
    if (!label) {
        return std::unexpected(label.error());
    }
    PriorityList list;
    list.considered = chosen->ids.size();
    list.unsafeOnly = options.unsafeOnly;
    list.gapReach = options.gapReach;
    list.noise = static_cast<std::size_t>(std::ranges::count(*label, kDbscanNoise));
    std::vector<std::vector<Point>> points;
    list.places = placesOf(*chosen, *label, points);

    progress.setStage("scoring places");
    const LightingFacts lighting = readLighting(input);
    list.lightingKnown = lighting.known;
    list.lightingScenario = lighting.known ? lighting.scenario : std::string();
    const auto answered = answeredObservations(input);
    const PlaceContext context{*observations, lighting, answered, options};
    std::size_t largest = 0;
    for (std::size_t c = 0; c < list.places.size(); ++c) {
        if (c % kCancelEvery == 0) {
            progress.update(c, list.places.size());
            if (progress.isCancelled()) {
                return fail(ErrorCode::Cancelled, "cancelled");
            }
        }
        PriorityPlace& place = list.places[c];
        place.facts = factsOf(place, points[c], context);
        place.name = nameNear(input, place.centre, options.nameReach);
        largest = std::max(largest, place.facts.observations);
    }
    for (PriorityPlace& place : list.places) {
        place.factors = factorsOf(place.facts, largest, options);
    }
    rescorePlaces(list, options.weights);
    return list;
}

Result<PriorityList> prioritisePlaces(const Project& project, const PriorityOptions& options,
                                      Progress& progress) {
    return prioritisePlaces(PriorityInput::of(project), options, progress);
}

void rescorePlaces(PriorityList& list, const PriorityValues& weights) {
    for (PriorityPlace& place : list.places) {
        place.score = 0.0;
        for (PriorityFactor factor : kPriorityFactors) {
            place.score += place.contribution(factor, weights);
        }
    }
    // Ties: the bigger place first, then the one whose first observation is oldest, so the
    // order never depends on the sort's whims.
    std::ranges::sort(list.places, [](const PriorityPlace& a, const PriorityPlace& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        if (a.facts.observations != b.facts.observations) {
            return a.facts.observations > b.facts.observations;
        }
        return toInt(a.observations.front()) < toInt(b.observations.front());
    });
    for (std::size_t i = 0; i < list.places.size(); ++i) {
        list.places[i].rank = i + 1;
    }
}

} // namespace trygg
