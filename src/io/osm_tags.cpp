#include "osm_tags.h"

#include <array>
#include <span>

namespace trygg::gdal {
namespace {

using Rule = std::pair<std::string_view, std::string_view>; ///< OSM value -> our code

/// The code for `value` in a rule table, `fallback` when it is not listed.
std::string_view lookup(std::span<const Rule> rules, std::string_view value,
                        std::string_view fallback) {
    for (const auto& [osm, code] : rules) {
        if (osm == value) {
            return code;
        }
    }
    return fallback;
}

constexpr std::array kStreetClasses = {
    Rule{"trunk", "huvudgata"},         Rule{"primary", "huvudgata"},
    Rule{"secondary", "huvudgata"},     Rule{"tertiary", "huvudgata"},
    Rule{"trunk_link", "huvudgata"},    Rule{"primary_link", "huvudgata"},
    Rule{"secondary_link", "huvudgata"}, Rule{"tertiary_link", "huvudgata"},
    Rule{"residential", "lokalgata"},   Rule{"unclassified", "lokalgata"},
    Rule{"service", "lokalgata"},       Rule{"living_street", "lokalgata"},
    Rule{"pedestrian", "gagata"},
};

constexpr std::array kPathTypes = {
    Rule{"footway", "gangvag"}, Rule{"path", "gangvag"}, Rule{"pedestrian_path", "gangvag"},
    Rule{"cycleway", "cykelvag"}, Rule{"steps", "trappa"},
};

constexpr std::array kBuildingTypes = {
    Rule{"house", "bostad"},        Rule{"residential", "bostad"}, Rule{"apartments", "bostad"},
    Rule{"detached", "bostad"},     Rule{"terrace", "bostad"},     Rule{"semidetached_house", "bostad"},
    Rule{"retail", "handel"},       Rule{"commercial", "handel"},  Rule{"supermarket", "handel"},
    Rule{"kiosk", "handel"},        Rule{"hotel", "handel"},       Rule{"public", "offentlig"},
    Rule{"civic", "offentlig"},     Rule{"school", "offentlig"},   Rule{"government", "offentlig"},
    Rule{"hospital", "offentlig"},  Rule{"townhall", "offentlig"}, Rule{"kindergarten", "offentlig"},
    Rule{"church", "kyrka"},        Rule{"chapel", "kyrka"},       Rule{"cathedral", "kyrka"},
    Rule{"train_station", "station"}, Rule{"transportation", "station"},
    Rule{"industrial", "industri"}, Rule{"warehouse", "industri"}, Rule{"factory", "industri"},
};

constexpr std::array kPlaceTypes = {
    Rule{"city", "ort"},          Rule{"town", "ort"},         Rule{"village", "ort"},
    Rule{"hamlet", "ort"},        Rule{"suburb", "stadsdel"},  Rule{"quarter", "stadsdel"},
    Rule{"neighbourhood", "stadsdel"}, Rule{"locality", "plats"}, Rule{"square", "plats"},
    Rule{"isolated_dwelling", "plats"}, Rule{"farm", "plats"},
};

OsmTarget target(std::string table, std::string_view field, std::string_view code,
                 const OsmTags& tags) {
    OsmTarget out{std::move(table), {}, false};
    if (auto name = tags.get("name"); !name.empty()) {
        out.values.emplace_back("namn", std::string(name));
    }
    out.values.emplace_back(std::string(field), std::string(code));
    return out;
}

std::optional<OsmTarget> classifyPoint(const OsmTags& tags) {
    if (tags.get("highway") == "street_lamp") {
        OsmTarget lamp{"belysning", {{"status", "fungerar"}}, false};
        if (auto ref = tags.get("ref"); !ref.empty()) {
            lamp.values.emplace_back("stolpnr", std::string(ref));
        }
        return lamp;
    }
    // A place without a name has nothing to show on a map of names.
    if (auto place = tags.get("place"); !place.empty() && !tags.get("name").empty()) {
        return target("bas_ortnamn", "typ", lookup(kPlaceTypes, place, "plats"), tags);
    }
    return std::nullopt;
}

std::optional<OsmTarget> classifyLine(const OsmTags& tags) {
    const std::string_view highway = tags.get("highway");
    if (auto code = lookup(kStreetClasses, highway, ""); !code.empty()) {
        // Parking aisles are service roads, but a planner reads them as car park, not street.
        if (highway == "service" && tags.get("service") == "parking_aisle") {
            code = "parkering";
        }
        return target("bas_gata", "klass", code, tags);
    }
    if (auto code = lookup(kPathTypes, highway, ""); !code.empty()) {
        const bool shared = (highway == "cycleway" && tags.get("foot") == "designated") ||
                            (highway != "cycleway" && tags.get("bicycle") == "designated");
        if (tags.isYes("tunnel") || tags.get("tunnel") == "building_passage") {
            code = "tunnel"; // underpasses are what safety walks look at first
        } else if (shared && code != "trappa") {
            code = "gang_cykel";
        }
        return target("bas_gangvag", "typ", code, tags);
    }
    if (tags.get("railway") == "rail") {
        std::string_view code = "huvudspar";
        if (tags.isYes("tunnel")) {
            code = "tunnel";
        } else if (!tags.get("service").empty()) {
            code = "sidospar"; // siding, yard, spur, crossover
        }
        return target("bas_jarnvag", "typ", code, tags);
    }
    if (tags.get("waterway") == "riverbank") {
        auto out = target("bas_vatten", "typ", "alv", tags);
        out.closedWayIsArea = true;
        return out;
    }
    return std::nullopt;
}

std::optional<OsmTarget> classifyArea(const OsmTags& tags) {
    if (auto building = tags.get("building"); !building.empty() && building != "no") {
        std::string_view code = lookup(kBuildingTypes, building, "ovrig");
        if (code == "ovrig" && tags.get("amenity") == "place_of_worship") {
            code = "kyrka";
        }
        return target("bas_byggnad", "typ", code, tags);
    }
    if (tags.get("natural") == "water" || tags.get("waterway") == "riverbank") {
        const std::string_view water = tags.get("water");
        const bool river = tags.get("waterway") == "riverbank" || water == "river" ||
                           water == "canal";
        return target("bas_vatten", "typ", river ? "alv" : water == "stream" ? "a" : "sjo", tags);
    }
    const std::string_view leisure = tags.get("leisure");
    const std::string_view landuse = tags.get("landuse");
    if (leisure == "park" || landuse == "grass") {
        return target("bas_ytor", "typ", "park", tags);
    }
    if (tags.get("place") == "square" || tags.get("highway") == "pedestrian") {
        return target("bas_ytor", "typ", "torg", tags);
    }
    if (tags.get("amenity") == "parking") {
        return target("bas_ytor", "typ", "parkering", tags);
    }
    if (leisure == "pitch" || leisure == "sports_centre" || leisure == "stadium") {
        return target("bas_ytor", "typ", "idrott", tags);
    }
    if (landuse == "residential") {
        return target("bas_ytor", "typ", "bostad", tags);
    }
    if (landuse == "industrial") {
        return target("bas_ytor", "typ", "industri", tags);
    }
    if (landuse == "forest" || tags.get("natural") == "wood") {
        return target("bas_ytor", "typ", "skog", tags);
    }
    return std::nullopt;
}

} // namespace

OsmTags::OsmTags(const OGRFeature& feature) {
    const OGRFeatureDefn* defn = feature.GetDefnRef();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (!feature.IsFieldSetAndNotNull(i)) {
            continue;
        }
        std::string_view name = defn->GetFieldDefn(i)->GetNameRef();
        if (name == "other_tags") {
            m_tags.merge(parseOtherTags(feature.GetFieldAsString(i)));
        } else if (name != "osm_id" && name != "osm_way_id" && name != "z_order") {
            m_tags.emplace(std::string(name), feature.GetFieldAsString(i));
        }
    }
}

std::string_view OsmTags::get(std::string_view key) const {
    auto it = m_tags.find(key);
    return it == m_tags.end() ? std::string_view() : std::string_view(it->second);
}

bool OsmTags::isYes(std::string_view key) const {
    auto value = get(key);
    return value == "yes" || value == "true" || value == "1";
}

std::map<std::string, std::string, std::less<>> parseOtherTags(std::string_view text) {
    std::map<std::string, std::string, std::less<>> tags;
    std::size_t pos = 0;
    // Reads one quoted string at `pos`, undoing the driver's backslash escapes.
    auto quoted = [&](std::string& out) {
        out.clear();
        if (pos >= text.size() || text[pos] != '"') {
            return false;
        }
        for (++pos; pos < text.size(); ++pos) {
            if (text[pos] == '\\' && pos + 1 < text.size()) {
                out += text[++pos];
            } else if (text[pos] == '"') {
                ++pos;
                return true;
            } else {
                out += text[pos];
            }
        }
        return false;
    };
    std::string key;
    std::string value;
    while (pos < text.size()) {
        if (!quoted(key) || text.substr(pos, 2) != "=>") {
            break;
        }
        pos += 2;
        if (!quoted(value)) {
            break;
        }
        tags.emplace(key, value);
        if (pos < text.size() && text[pos] == ',') {
            ++pos;
        }
    }
    return tags;
}

std::optional<OsmTarget> classifyOsm(OsmLayerKind kind, const OsmTags& tags) {
    switch (kind) {
    case OsmLayerKind::Points: return classifyPoint(tags);
    case OsmLayerKind::Lines: return classifyLine(tags);
    case OsmLayerKind::Multipolygons: return classifyArea(tags);
    }
    return std::nullopt;
}

} // namespace trygg::gdal
