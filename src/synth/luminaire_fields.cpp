#include "luminaire_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace trygg::synth {

LuminaireFields::LuminaireFields(const LayerDef& definition, CodePicker::Weights sourceMix,
                                 CodePicker::Weights ownerMix)
    : def(definition), pole(def, {"stolpnr"}), status(def, {"status"}), height(def, {"hojd_m"}),
      flux(def, {"ljusflode"}), power(def, {"effekt_w"}), source(def, {"ljuskalla"}),
      kelvin(def, {"fargtemp"}), model(def, {"armatur"}), owner(def, {"agare"}),
      tilt(def, {"tilt_grad"}), direction(def, {"riktning"}), installed(def, {"inst_datum"}),
      remark(def, {"anmarkn"}), statuses(status.field(), {}),
      sources(source.field(), sourceMix, 0.0), owners(owner.field(), ownerMix, 0.0),
      m_handled(handledFields(def, {&pole, &height, &flux, &power, &installed})) {}

Feature LuminaireFields::start(std::size_t number, Rng& rng) const {
    Feature feature;
    feature.id = FeatureId{static_cast<std::int64_t>(number)};
    fillGeneric(feature, def, rng, m_handled);
    if (pole) {
        char text[24];
        std::snprintf(text, sizeof text, "VN-%04zu", number);
        pole.set(feature, textValue(*pole.field(), text));
    }
    return feature;
}

void LuminaireFields::setLamp(Feature& feature, const Lamp& lamp, Rng& rng) const {
    const SourceTraits found = traits(lamp.source);
    if (lamp.source) {
        source.set(feature, sources.value(*lamp.source));
    }
    if (height) {
        height.set(feature, numberValue(*height.field(), lamp.height));
    }
    if (flux) {
        flux.set(feature, numberValue(*flux.field(), lamp.lumen));
    }
    if (power) {
        double watts = lamp.lumen / rng.uniform(found.lumenPerWatt[0], found.lumenPerWatt[1]);
        power.set(feature, numberValue(*power.field(), std::clamp(std::round(watts), 15.0, 120.0)));
    }
    if (kelvin) {
        double k = rng.uniform(found.kelvin[0], found.kelvin[1]);
        kelvin.set(feature, numberValue(*kelvin.field(), std::round(k / 100.0) * 100.0));
    }
    if (installed && lamp.installed) {
        DateTime when;
        when.date = *lamp.installed;
        installed.set(feature, timeValue(*installed.field(), when));
    }
}

void LuminaireFields::finish(Feature& feature, Rng& rng) const {
    completeRequired(feature, def, rng, m_handled);
}

std::optional<std::size_t> LuminaireFields::pickSource(Rng& rng) const {
    if (sources.empty()) {
        return std::nullopt;
    }
    return sources.pickIndex(rng);
}

SourceTraits LuminaireFields::traits(std::optional<std::size_t> index) const {
    if (index && !sources.empty()) {
        const std::string& text = sources.text(*index);
        if (text.find("hps") != std::string::npos || text.find("natrium") != std::string::npos) {
            return {"Högtrycksnatriumarmatur", {85.0, 110.0}, {1950.0, 2100.0}, {1990, 2012}};
        }
        if (text.find("kvicksilver") != std::string::npos) {
            return {"Kvicksilverarmatur", {40.0, 55.0}, {3800.0, 4200.0}, {1972, 1992}};
        }
        if (text.find("mh") != std::string::npos || text.find("metall") != std::string::npos) {
            return {"Metallhalogenarmatur", {75.0, 95.0}, {2800.0, 4200.0}, {2000, 2015}};
        }
        if (text.find("lysror") != std::string::npos) {
            return {"Lysrörsarmatur", {60.0, 80.0}, {3000.0, 4000.0}, {1985, 2005}};
        }
    }
    return {"LED-armatur", {100.0, 140.0}, {2700.0, 4000.0}, {2013, 2025}};
}

Date LuminaireFields::installDate(std::optional<std::size_t> index, Rng& rng) const {
    const SourceTraits found = traits(index);
    return randomDate(rng, found.installedYears[0], found.installedYears[1]);
}

} // namespace trygg::synth
