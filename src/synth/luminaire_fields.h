#pragma once
// The belysning fields as the luminaire generators fill them: the pole number, the lamp
// (height, flux, and from its light source the power, colour temperature and installation
// date) and the mix of light sources and owners. Shared by the generator that scatters lamps
// over a schematic grid and the one that places them along a base map's streets.

#include "generators.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace trygg::synth {

/// What lamps of one light source are like.
struct SourceTraits {
    std::string_view name; ///< for a luminaire description ("LED-armatur")
    double lumenPerWatt[2];
    double kelvin[2];
    int installedYears[2]; ///< when such lamps were put up
};

/// The lamp proper, as a generator decides it.
struct Lamp {
    double height = 8.0;               ///< metres
    double lumen = 6000.0;             ///< luminous flux
    std::optional<std::size_t> source; ///< index into LuminaireFields::sources; none: LED
    std::optional<Date> installed;     ///< none for a lamp not yet put up
};

/// The fields of a belysning definition, looked up once. Absent fields are skipped, as
/// everywhere in the generator.
struct LuminaireFields {
    LuminaireFields(const LayerDef& def, CodePicker::Weights sourceMix,
                    CodePicker::Weights ownerMix);

    /// Feature `number` (also its id), pole number "VN-nnnn", generic values in the fields
    /// that no generator sets.
    [[nodiscard]] Feature start(std::size_t number, Rng& rng) const;
    /// Height, flux, light source; power and colour temperature from the source's traits;
    /// the installation date.
    void setLamp(Feature& feature, const Lamp& lamp, Rng& rng) const;
    /// Required fields the generator left NULL get a generic value.
    void finish(Feature& feature, Rng& rng) const;

    /// A light source from the mix; none when the definition has no coded ljuskalla.
    [[nodiscard]] std::optional<std::size_t> pickSource(Rng& rng) const;
    [[nodiscard]] SourceTraits traits(std::optional<std::size_t> source) const;
    /// A date in the years that lamps of `source` were put up.
    [[nodiscard]] Date installDate(std::optional<std::size_t> source, Rng& rng) const;

    const LayerDef& def;
    const Slot pole;
    const Slot status;
    const Slot height;
    const Slot flux;
    const Slot power;
    const Slot source;
    const Slot kelvin;
    const Slot model;
    const Slot owner;
    const Slot tilt;
    const Slot direction;
    const Slot installed;
    const Slot remark;
    const CodePicker statuses; ///< every status code, unweighted: for finding codes
    const CodePicker sources;
    const CodePicker owners;

private:
    std::vector<bool> m_handled;
};

} // namespace trygg::synth
