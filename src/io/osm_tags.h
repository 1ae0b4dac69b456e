#pragma once
// OpenStreetMap tags as GDAL's OSM driver delivers them, and the rules that say which project
// table (and which codes) an OSM object becomes. Kept apart from the reading loop so the rules
// read as one table.

#include <ogr_feature.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg::gdal {

/// The tags of one OSM object: the driver's own columns (name, highway, building, ...) and the
/// rest from its `other_tags` column.
class OsmTags {
public:
    explicit OsmTags(const OGRFeature& feature);
    /// The value of a tag, "" when the object does not have it.
    [[nodiscard]] std::string_view get(std::string_view key) const;
    [[nodiscard]] bool isYes(std::string_view key) const;

private:
    std::map<std::string, std::string, std::less<>> m_tags;
};

/// Parses the driver's HSTORE text: "key"=>"value","key2"=>"value \"quoted\"".
std::map<std::string, std::string, std::less<>> parseOtherTags(std::string_view text);

/// Which of the driver's layers an object came from.
enum class OsmLayerKind { Points, Lines, Multipolygons };

/// Where an OSM object goes: a project table and text values for some of its fields.
struct OsmTarget {
    std::string table;
    std::vector<std::pair<std::string, std::string>> values; ///< field name -> code or text
    bool closedWayIsArea = false; ///< a closed line the driver left as a line (riverbank)
};

/// The table and values for an object, or nothing when the base map has no place for it.
std::optional<OsmTarget> classifyOsm(OsmLayerKind kind, const OsmTags& tags);

} // namespace trygg::gdal
