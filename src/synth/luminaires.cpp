#include "generators.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace trygg::synth {
namespace {

// What a lamp of each light source is like: luminous efficacy and colour temperature.
struct SourceTraits {
    std::string_view name;     ///< for the luminaire description
    double lumenPerWatt[2];
    double kelvin[2];
};

SourceTraits traitsOf(const CodePicker& sources, std::optional<std::size_t> source) {
    if (source && !sources.empty()) {
        const std::string& text = sources.text(*source);
        if (text.find("hps") != std::string::npos || text.find("natrium") != std::string::npos) {
            return {"Högtrycksnatriumarmatur", {85.0, 110.0}, {1950.0, 2100.0}};
        }
        if (text.find("kvicksilver") != std::string::npos) {
            return {"Kvicksilverarmatur", {40.0, 55.0}, {3800.0, 4200.0}};
        }
        if (text.find("mh") != std::string::npos || text.find("metall") != std::string::npos) {
            return {"Metallhalogenarmatur", {75.0, 95.0}, {2800.0, 4200.0}};
        }
        if (text.find("lysror") != std::string::npos) {
            return {"Lysrörsarmatur", {60.0, 80.0}, {3000.0, 4000.0}};
        }
    }
    return {"LED-armatur", {100.0, 140.0}, {2700.0, 4000.0}};
}

} // namespace

std::vector<Feature> makeLuminaires(const LayerDef& def, std::size_t count, Rng& rng) {
    const Slot pole(def, {"stolpnr"});
    const Slot status(def, {"status"});
    const Slot height(def, {"hojd_m"});
    const Slot flux(def, {"ljusflode"});
    const Slot power(def, {"effekt_w"});
    const Slot source(def, {"ljuskalla"});
    const Slot kelvin(def, {"fargtemp"});
    const Slot model(def, {"armatur"});
    const Slot owner(def, {"agare"});
    const Slot tilt(def, {"tilt_grad"});
    const CodePicker statuses(status.field(),
                              {{"fung", 0.86}, {"trasig", 0.06}, {"plan", 0.05}, {"slack", 0.03},
                               {"släck", 0.03}},
                              0.02);
    // Most of the centre is converted to LED; some sodium and older lamps remain.
    const CodePicker sources(source.field(), {{"led", 0.62}, {"hps", 0.22}, {"mh", 0.05},
                                              {"kvicksilver", 0.03}, {"lysror", 0.03}},
                             0.05);
    const CodePicker owners(owner.field(), {{"kommun", 0.82}, {"trafikverket", 0.08},
                                            {"fastighet", 0.05}, {"privat", 0.04}},
                            0.01);
    const auto skip = handledFields(def, {&pole, &height, &flux, &power});
    const auto positions = luminairePositions(rng, count);
    std::vector<Feature> features;
    features.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Feature feature;
        feature.id = FeatureId{static_cast<std::int64_t>(i + 1)};
        fillGeneric(feature, def, rng, skip);
        feature.geometry = positions[i];
        if (pole) {
            char text[24];
            std::snprintf(text, sizeof text, "VN-%04zu", i + 1);
            pole.set(feature, textValue(*pole.field(), text));
        }
        status.set(feature, statuses.pick(rng));
        owner.set(feature, owners.pick(rng));
        std::optional<std::size_t> kind;
        if (!sources.empty()) {
            kind = sources.pickIndex(rng);
            source.set(feature, sources.value(*kind));
        }
        const SourceTraits traits = traitsOf(sources, kind);
        // Pedestrian paths get low poles and small lamps, streets taller ones.
        double metres = std::round(rng.uniform(4.0, 10.0) * 2.0) / 2.0;
        double lumen = std::round(rng.uniform(1500.0, 12000.0) * (metres / 10.0 + 0.3) / 100.0) * 100.0;
        lumen = std::clamp(lumen, 1500.0, 12000.0);
        if (height) {
            height.set(feature, numberValue(*height.field(), metres));
        }
        if (flux) {
            flux.set(feature, numberValue(*flux.field(), lumen));
        }
        if (power) {
            double watts = lumen / rng.uniform(traits.lumenPerWatt[0], traits.lumenPerWatt[1]);
            power.set(feature, numberValue(*power.field(), std::clamp(std::round(watts), 15.0, 120.0)));
        }
        if (kelvin) {
            double k = rng.uniform(traits.kelvin[0], traits.kelvin[1]);
            kelvin.set(feature, numberValue(*kelvin.field(), std::round(k / 100.0) * 100.0));
        }
        if (model) {
            model.set(feature, textValue(*model.field(), "[Exempel] " + std::string(traits.name)));
        }
        if (tilt) {
            tilt.set(feature, numberValue(*tilt.field(), std::round(rng.uniform(0.0, 15.0))));
        }
        completeRequired(feature, def, rng, skip);
        features.push_back(std::move(feature));
    }
    return features;
}

} // namespace trygg::synth
