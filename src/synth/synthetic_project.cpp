#include "tryggkarta/synth/synthetic_project.h"

#include "generators.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace trygg {
namespace synth {
namespace {

constexpr std::string_view kPlaces[] = {
    "vid Oskars torg",         "längs Östra Järnvägsgatan", "i Järnvägsparken",
    "vid resecentrum",         "på Storgatan",              "på Köpmangatan",
    "på Långgatan",            "vid Thulegatan",            "i tunneln på Gröna stråket",
    "vid Coop-parkeringen",    "vid Vegaskolan",            "vid Medborgarhuset",
    "vid Johanneskyrkan",      "på Torpgatan",              "längs Umevägen",
};

// Independent random streams, one per part, so one count never shifts another layer.
enum Stream : std::uint64_t {
    kPlacesStream = 1, kWalkStream, kObservationStream, kLightStream, kMeasureStream, kFollowUpStream
};

} // namespace

std::string_view placePhrase(std::size_t index) { return kPlaces[index % std::size(kPlaces)]; }
std::size_t placePhraseCount() { return std::size(kPlaces); }

Slot::Slot(const LayerDef& def, std::initializer_list<std::string_view> names) {
    for (auto name : names) {
        if (auto index = def.fieldIndex(name)) {
            m_field = &def.fields[*index];
            m_index = *index;
            return;
        }
    }
}

void Slot::set(Feature& feature, Value value) const {
    if (m_field != nullptr && !isNull(value)) {
        feature.values[m_index] = std::move(value);
    }
}

void fillGeneric(Feature& feature, const LayerDef& def, Rng& rng, const std::vector<bool>& skip) {
    feature.values.clear();
    feature.values.reserve(def.fields.size());
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        feature.values.push_back(skip[i] ? Value{} : genericValue(def.fields[i], rng));
    }
}

std::vector<bool> handledFields(const LayerDef& def, std::initializer_list<const Slot*> slots) {
    std::vector<bool> handled(def.fields.size(), false);
    for (const Slot* slot : slots) {
        if (slot != nullptr && *slot) {
            handled[slot->index()] = true;
        }
    }
    return handled;
}

void completeRequired(Feature& feature, const LayerDef& def, Rng& rng,
                      const std::vector<bool>& handled) {
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        if (handled[i] && def.fields[i].required && isNull(feature.values[i])) {
            feature.values[i] = genericValue(def.fields[i], rng);
        }
    }
}

std::vector<Walk> planWalks(Rng& rng, std::size_t count) {
    // Walks alternate between daylight and darkness, as the practice asks; dark walks
    // happen in the dark half of the year, in the evening.
    static constexpr int kDarkMonths[] = {1, 2, 10, 11, 12};
    static constexpr int kDayMonths[] = {4, 5, 6, 8, 9};
    std::vector<Walk> walks;
    for (std::size_t i = 0; i < count; ++i) {
        Walk walk;
        walk.id = FeatureId{static_cast<std::int64_t>(i + 1)};
        walk.dark = i % 2 == 1;
        walk.route = walkRoute(rng);
        walk.start.date.year = 2025;
        walk.start.date.month = walk.dark ? kDarkMonths[rng.index(5)] : kDayMonths[rng.index(5)];
        walk.start.date.day = static_cast<int>(rng.integer(1, daysInMonth(2025, walk.start.date.month)));
        walk.start.hour = walk.dark ? static_cast<int>(rng.integer(18, 20))
                                    : static_cast<int>(rng.integer(10, 14));
        walk.start.minute = static_cast<int>(rng.index(4)) * 15;
        walks.push_back(std::move(walk));
    }
    return walks;
}

std::vector<Feature> makeWalks(const LayerDef& def, const std::vector<Walk>& walks, Rng& rng) {
    const Slot name(def, {"namn", "titel", "rubrik"});
    const Slot date(def, {"datum", "tidpunkt", "start", "starttid"});
    const Slot light(def, {"ljusforh"});
    const Slot participants(def, {"deltagare", "antal"});
    const Slot profile(def, {"profil"});
    const Slot organiser(def, {"arrangor"});
    const Slot followUp(def, {"uppfoljn"});
    const Slot protocol(def, {"protokoll"}); // a file name would point at nothing
    const CodePicker lights(light.field(), {});
    const auto skip = handledFields(def, {&protocol});
    std::vector<Feature> features;
    for (const auto& walk : walks) {
        Feature feature;
        feature.id = walk.id;
        fillGeneric(feature, def, rng, skip);
        feature.geometry = walk.route;
        if (name) {
            std::string text = !walk.name.empty() ? walk.name
                               : "[Exempel] Trygghetsvandring " + std::to_string(toInt(walk.id)) +
                                     (walk.dark ? ", kväll" : ", dagtid");
            name.set(feature, textValue(*name.field(), std::move(text)));
        }
        if (date) {
            date.set(feature, timeValue(*date.field(), walk.start));
        }
        if (auto code = lightCode(lights, walk.dark ? Light::Dark : Light::Day)) {
            light.set(feature, lights.value(*code));
        }
        // A walk group is at most about twenty people, described only in aggregate.
        int people = static_cast<int>(rng.integer(6, 20));
        int women = static_cast<int>(rng.integer(people / 3, people - 1));
        if (participants) {
            participants.set(feature, numberValue(*participants.field(), people));
        }
        if (profile) {
            profile.set(feature, textValue(*profile.field(),
                                           "[Exempel] " + std::to_string(women) + " kvinnor, " +
                                               std::to_string(people - women) +
                                               " män; boende, handlare och elever i centrum"));
        }
        if (organiser) {
            organiser.set(feature, textValue(*organiser.field(),
                                             "[Exempel] Vännäs kommun och Polisen"));
        }
        if (followUp) {
            // The revisit comes about six months later, as the protocol asks.
            DateTime revisit = walk.start;
            revisit.date = addMonths(walk.start.date, 6);
            followUp.set(feature, timeValue(*followUp.field(), revisit));
        }
        completeRequired(feature, def, rng, skip);
        features.push_back(std::move(feature));
    }
    return features;
}

// Observations name the measure that takes care of them (the first one, as links come in
// measure order), so the attribute and the link table agree.
void noteMeasures(Layer& observations, const std::vector<MeasureLink>& links) {
    auto field = observations.definition().fieldIndex("atgard");
    if (!field) {
        return;
    }
    const FieldDef& def = observations.definition().fields[*field];
    for (const auto& link : links) {
        const Feature* current = observations.find(link.observation);
        if (current == nullptr) {
            continue;
        }
        Value measure = numberValue(def, static_cast<double>(toInt(link.measure)));
        if (isNull(measure) || !isNull(current->values[*field])) {
            continue;
        }
        Feature updated = *current;
        updated.values[*field] = std::move(measure);
        observations.replace(std::move(updated));
    }
}

} // namespace synth

Project makeSyntheticProject(const SyntheticSpec& spec, const LayerCatalog& catalog) {
    using namespace synth;
    Rng placeRng(spec.seed, kPlacesStream);
    const auto hotSpots = makeHotSpots(placeRng);
    Rng walkRng(spec.seed, kWalkStream);
    const auto walks = planWalks(walkRng, spec.walks);

    std::map<std::string, Layer, std::less<>> made;
    std::vector<std::vector<Point>> anchors;
    if (const LayerDef* def = catalog.find("observationer")) {
        Rng rng(spec.seed, kObservationStream);
        auto observations = makeObservations(*def, spec.observations, hotSpots, walks, rng);
        anchors = std::move(observations.anchors);
        made.emplace(def->table, Layer(*def, std::move(observations.features)));
    }
    if (const LayerDef* def = catalog.find("vandringar")) {
        made.emplace(def->table, Layer(*def, makeWalks(*def, walks, walkRng)));
    }
    if (const LayerDef* def = catalog.find("belysning")) {
        Rng rng(spec.seed, kLightStream);
        made.emplace(def->table, Layer(*def, makeLuminaires(*def, spec.luminaires, rng)));
    }
    Project project;
    project.crs = Crs::fromEpsg(crs::kSweref99Tm);
    if (const LayerDef* def = catalog.find("atgarder")) {
        Rng rng(spec.seed, kMeasureStream);
        auto it = made.find("observationer");
        auto measures = makeMeasures(*def, spec.measures, hotSpots, anchors,
                                     it == made.end() ? nullptr : &it->second, rng);
        project.links = std::move(measures.links);
        made.emplace(def->table, Layer(*def, std::move(measures.features)));
        if (it != made.end()) {
            noteMeasures(it->second, project.links);
        }
    }

    auto observations = made.find("observationer");
    auto walkLayer = made.find("vandringar");
    auto measureLayer = made.find("atgarder");
    if (observations != made.end() && walkLayer != made.end() && measureLayer != made.end()) {
        Rng rng(spec.seed, kFollowUpStream);
        addFollowUpWalk(observations->second, walkLayer->second, measureLayer->second, walks, rng);
    }

    // Catalog order is the drawing and listing order; other layers come empty. Reserved, as
    // a growing vector would copy the layers (their R-trees do not move noexcept).
    project.layers.reserve(catalog.layers.size());
    for (const auto& def : catalog.layers) {
        auto node = made.extract(def.table);
        project.layers.push_back(node.empty() ? Layer(def) : std::move(node.mapped()));
    }
    project.metadata["example_data"] = "Syntetiska exempeldata, inte verkliga observationer";
    project.metadata["generator_seed"] = std::to_string(spec.seed);
    return project;
}

} // namespace trygg
