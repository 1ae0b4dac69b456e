#include "tryggkarta/synth/luminaire_layout.h"

#include "lamp_placement.h"
#include "luminaire_fields.h"

#include <cmath>

namespace trygg {
namespace synth {
namespace {

/// Its own random stream, apart from those of makeSyntheticProject.
constexpr std::uint64_t kLayoutStream = 16;
/// Share of lamps that were replaced on their own, later than the rest of their line.
constexpr double kReplacedShare = 0.1;

LampRule rule(std::string armatur, double heightMin, double heightMax, double spacingMin,
              double spacingMax) {
    LampRule made;
    made.armatur = std::move(armatur);
    made.heightMin = heightMin;
    made.heightMax = heightMax;
    made.spacingMin = spacingMin;
    made.spacingMax = spacingMax;
    return made;
}

/// What the lamps of one line have in common: they were put up together.
struct Installation {
    double height = 8.0;
    double lumen = 6000.0;
    double tilt = 0.0;
    std::optional<std::size_t> source;
    Date installed;
    Value owner;
};

Installation installationFor(const LampRule& rule, const LuminaireFields& fields, Rng& rng) {
    Installation made;
    made.height = std::round(rng.uniform(rule.heightMin, rule.heightMax) * 2.0) / 2.0;
    made.lumen = std::round(rng.uniform(rule.fluxMin, rule.fluxMax) / 100.0) * 100.0;
    made.tilt = std::round(rng.uniform(0.0, rule.tiltMax));
    made.source = fields.pickSource(rng);
    made.installed = fields.installDate(made.source, rng);
    made.owner = fields.owners.pick(rng);
    return made;
}

std::string_view kindPhrase(LitLineKind kind) {
    switch (kind) {
    case LitLineKind::MainStreet:
    case LitLineKind::LocalStreet:
        return "Gatubelysning";
    case LitLineKind::PedestrianStreet:
        return "Gågatubelysning";
    case LitLineKind::Square:
        return "Torgbelysning";
    case LitLineKind::Path:
        return "Gång- och cykelvägsbelysning";
    case LitLineKind::Tunnel:
        return "Belysning i gångtunnel";
    }
    return "Belysning";
}

std::string remarkFor(const LitLine& line, LampState state) {
    std::string text = "[Exempel] " + std::string(kindPhrase(line.kind));
    if (!line.name.empty()) {
        text += ", " + line.name;
    }
    switch (state) {
    case LampState::Working:
        break;
    case LampState::Broken:
        text += ". Trasig, felanmäld";
        break;
    case LampState::SwitchedOff:
        text += ". Nattsläckning kl. 00–05";
        break;
    case LampState::Planned:
        text += ". Planerad: ska lysa upp en mörk sträcka";
        break;
    }
    return text;
}

Value statusValue(const LuminaireFields& fields, LampState state) {
    std::optional<std::size_t> code;
    switch (state) {
    case LampState::Working:
        code = fields.statuses.find({"fung"});
        break;
    case LampState::Broken:
        code = fields.statuses.find({"trasig"});
        break;
    case LampState::SwitchedOff:
        code = fields.statuses.find({"slack", "släck"});
        break;
    case LampState::Planned:
        code = fields.statuses.find({"plan"});
        break;
    }
    return code ? fields.statuses.value(*code) : Value{};
}

// The lamp as its line was fitted, unless it was replaced on its own or is yet to come.
Lamp lampOf(const Installation& installation, LampState state, const LuminaireFields& fields,
            Rng& rng) {
    Lamp lamp;
    lamp.height = installation.height;
    lamp.lumen = installation.lumen;
    lamp.source = installation.source;
    lamp.installed = installation.installed;
    if (state == LampState::Planned) {
        lamp.source = fields.sources.find({"led"});
        lamp.installed.reset();
    } else if (rng.chance(kReplacedShare)) {
        lamp.source = fields.pickSource(rng);
        lamp.installed = fields.installDate(lamp.source, rng);
        lamp.installed = std::max(*lamp.installed, installation.installed);
    }
    return lamp;
}

Feature featureFor(const PlacedLamp& placed, std::size_t number, const LitLine& line,
                   const LampRule& rule, const Installation& installation,
                   const LuminaireFields& fields, Rng& rng) {
    Feature feature = fields.start(number, rng);
    feature.geometry = placed.position;
    fields.status.set(feature, statusValue(fields, placed.state));
    fields.owner.set(feature, installation.owner);
    fields.setLamp(feature, lampOf(installation, placed.state, fields, rng), rng);
    if (fields.model) {
        fields.model.set(feature, textValue(*fields.model.field(), rule.armatur));
    }
    if (fields.tilt) {
        fields.tilt.set(feature, numberValue(*fields.tilt.field(), installation.tilt));
    }
    if (fields.direction) {
        double degrees = std::fmod(std::round(placed.azimuth * 10.0) / 10.0, 360.0);
        fields.direction.set(feature, numberValue(*fields.direction.field(), degrees));
    }
    if (fields.remark) {
        fields.remark.set(feature,
                          textValue(*fields.remark.field(), remarkFor(line, placed.state)));
    }
    fields.finish(feature, rng);
    return feature;
}

} // namespace
} // namespace synth

LuminaireLayout::LuminaireLayout()
    : mainStreet(synth::rule("generisk_gata", 10.0, 10.0, 30.0, 40.0)),
      localStreet(synth::rule("generisk_gata", 8.0, 8.0, 30.0, 40.0)),
      pedestrian(synth::rule("generisk_park", 4.0, 4.0, 18.0, 22.0)),
      square(synth::rule("generisk_park", 4.0, 4.0, 18.0, 22.0)),
      path(synth::rule("generisk_gangvag", 4.5, 5.0, 25.0, 30.0)),
      tunnel(synth::rule("generisk_gangvag", 3.0, 3.0, 12.0, 15.0)) {
    for (LampRule* street : {&mainStreet, &localStreet}) {
        street->setbackMin = 3.0;
        street->setbackMax = 4.0;
        street->tiltMax = 5.0;
    }
    mainStreet.fluxMin = 6000.0;
    mainStreet.fluxMax = 8000.0;
    mainStreet.halfWidth = 5.0;
    localStreet.fluxMin = 3500.0;
    localStreet.fluxMax = 5000.0;
    localStreet.halfWidth = 4.0;
    for (LampRule* lantern : {&pedestrian, &square}) {
        lantern->setbackMin = 3.0;
        lantern->setbackMax = 3.0;
        lantern->fluxMin = 2000.0;
        lantern->fluxMax = 3000.0;
    }
    pedestrian.alternateSides = true;
    pedestrian.halfWidth = 3.0;
    for (LampRule* along : {&path, &tunnel}) {
        along->facesAlong = true;
        along->fluxMin = 2500.0;
        along->fluxMax = 3500.0;
        along->halfWidth = 1.5;
    }
    tunnel.fluxMax = 3000.0;
}

const LampRule& LuminaireLayout::ruleFor(LitLineKind kind) const {
    switch (kind) {
    case LitLineKind::MainStreet:
        return mainStreet;
    case LitLineKind::LocalStreet:
        return localStreet;
    case LitLineKind::PedestrianStreet:
        return pedestrian;
    case LitLineKind::Square:
        return square;
    case LitLineKind::Path:
        return path;
    case LitLineKind::Tunnel:
        return tunnel;
    }
    return localStreet;
}

LightingPlan placeLuminaires(const LayerDef& belysning, std::span<const LitLine> lines,
                             const LuminaireLayout& layout, std::uint64_t seed) {
    using namespace synth;
    Rng rng(seed, kLayoutStream);
    Placement placement = placePoles(lines, layout, rng);
    assignStates(placement, lines, layout, rng);

    // Most of the centre is LED now; a few sodium lamps remain.
    const LuminaireFields fields(
        belysning, {{"led", 0.85}, {"hps", 0.12}, {"mh", 0.03}},
        {{"kommun", 0.9}, {"trafikverket", 0.05}, {"fastighet", 0.03}, {"privat", 0.02}});
    std::vector<Installation> installations;
    for (const LitLine& line : lines) {
        installations.push_back(installationFor(layout.ruleFor(line.kind), fields, rng));
    }
    LightingPlan plan;
    plan.gaps = std::move(placement.gaps);
    for (const PlacedLamp& placed : placement.lamps) {
        const LitLine& line = lines[placed.line];
        plan.luminaires.push_back(featureFor(placed, plan.luminaires.size() + 1, line,
                                             layout.ruleFor(line.kind), installations[placed.line],
                                             fields, rng));
        plan.lineOf.push_back(placed.line);
    }
    return plan;
}

} // namespace trygg
