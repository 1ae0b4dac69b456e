#include "generators.h"
#include "luminaire_fields.h"

#include <algorithm>
#include <cmath>

namespace trygg::synth {

std::vector<Feature> makeLuminaires(const LayerDef& def, std::size_t count, Rng& rng) {
    // Most of the centre is converted to LED; some sodium and older lamps remain.
    const LuminaireFields fields(def,
                                 {{"led", 0.62},
                                  {"hps", 0.22},
                                  {"mh", 0.05},
                                  {"kvicksilver", 0.03},
                                  {"lysror", 0.03},
                                  {"okand", 0.05}},
                                 {{"kommun", 0.82},
                                  {"trafikverket", 0.08},
                                  {"fastighet", 0.05},
                                  {"privat", 0.04},
                                  {"annan", 0.01}});
    const CodePicker statuses(
        fields.status.field(),
        {{"fung", 0.86}, {"trasig", 0.06}, {"plan", 0.05}, {"slack", 0.03}, {"släck", 0.03}}, 0.02);
    const auto positions = luminairePositions(rng, count);
    std::vector<Feature> features;
    features.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Feature feature = fields.start(i + 1, rng);
        feature.geometry = positions[i];
        fields.status.set(feature, statuses.pick(rng));
        fields.owner.set(feature, fields.owners.pick(rng));
        Lamp lamp;
        lamp.source = fields.pickSource(rng);
        // Pedestrian paths get low poles and small lamps, streets taller ones.
        lamp.height = std::round(rng.uniform(4.0, 10.0) * 2.0) / 2.0;
        lamp.lumen = std::clamp(
            std::round(rng.uniform(1500.0, 12000.0) * (lamp.height / 10.0 + 0.3) / 100.0) * 100.0,
            1500.0, 12000.0);
        lamp.installed = fields.installDate(lamp.source, rng);
        fields.setLamp(feature, lamp, rng);
        if (fields.model) {
            fields.model.set(
                feature, textValue(*fields.model.field(),
                                   "[Exempel] " + std::string(fields.traits(lamp.source).name)));
        }
        if (fields.tilt) {
            fields.tilt.set(feature,
                            numberValue(*fields.tilt.field(), std::round(rng.uniform(0.0, 15.0))));
        }
        fields.finish(feature, rng);
        features.push_back(std::move(feature));
    }
    return features;
}

} // namespace trygg::synth
