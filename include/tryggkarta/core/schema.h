#pragma once
// Layer definitions: what a thematic layer holds, in the planner's words. They are data
// (layers/*.json, read at run time); this is their in-memory form and its rules.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/value.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

enum class FieldType { Integer, Real, Text, Date, DateTime };

std::string_view fieldTypeName(FieldType type);
std::optional<FieldType> parseFieldType(std::string_view name);

/// Text in the two UI languages.
struct Label {
    std::string sv;
    std::string en;
    /// The label for a language code ("sv", "en"); Swedish when the language is unknown.
    [[nodiscard]] const std::string& in(std::string_view language) const;
};

/// One entry of a value list: the stored code and what people read.
struct CodedValue {
    std::string code;
    Label label;
};

/// How features are drawn. Colours are "#rrggbb" or "#rrggbbaa".
struct Style {
    std::string symbol = "circle"; ///< circle, square, triangle, diamond, star, cross, line, fill
    std::string fill = "#808080";
    std::string stroke = "#202020";
    double size = 3.0;        ///< symbol diameter in mm
    double strokeWidth = 0.4; ///< in mm
};

/// Rule-based symbology: one style per code of one field, and a default for the rest.
struct Symbology {
    std::string field; ///< empty: every feature gets `fallback`
    Style fallback;
    std::map<std::string, Style> byValue;
    std::string labelField;      ///< field whose text labels each feature; empty: none
    double maxScale = 0.0;       ///< drawn only at 1:maxScale or closer; 0: at every scale
    double labelMaxScale = 0.0;  ///< labels only at 1:labelMaxScale or closer; 0: always
    [[nodiscard]] const Style& styleFor(std::string_view code) const;
};

/// What a new feature holds in a field before anyone types: nothing, a fixed value, or a value
/// taken from the moment of entry (see core/defaults.h, which resolves the last three).
struct FieldDefault {
    enum class Kind {
        None,
        Literal,        ///< `literal`, checked against the field when the definition loads
        Now,            ///< "$now": the local date and time, or today on a date field
        CurrentWalk,    ///< "$current_walk": the id of the safety walk in progress
        LightCondition, ///< "$light_condition": daylight, twilight or darkness from the sun
    };
    Kind kind = Kind::None;
    Value literal;
};

/// The token a definition file writes for a kind ("$now", ...); empty for None and Literal.
std::string_view defaultTokenName(FieldDefault::Kind kind);
/// The kind a token names; nothing for text that is not a known token.
std::optional<FieldDefault::Kind> parseDefaultToken(std::string_view token);

struct FieldDef {
    std::string name; ///< at most 10 ASCII characters: it must survive a shapefile
    FieldType type = FieldType::Text;
    Label label;
    bool required = false;
    bool personal = false; ///< personal data (GDPR): left out of consultant and public exports
    std::vector<CodedValue> values; ///< empty: free input
    std::optional<double> min;
    std::optional<double> max;
    std::optional<int> maxLength; ///< text only
    std::string unit;             ///< "m", "lm", "W", "SEK", ...
    Label description;
    FieldDefault defaultRule; ///< the JSON key "default"

    [[nodiscard]] bool isCoded() const { return !values.empty(); }
    /// The code for user input that names a code or either label, case-insensitively.
    [[nodiscard]] std::optional<std::string> matchCode(std::string_view input) const;
    [[nodiscard]] const CodedValue* findCode(std::string_view code) const;
};

/// Layer groups as the layer panel shows them.
inline constexpr std::string_view kThematicGroup = "tema";
inline constexpr std::string_view kBaseMapGroup = "baskarta";
/// Results an analysis writes (lighting along paths, dark gaps): shown, not edited by hand.
inline constexpr std::string_view kAnalysisGroup = "analys";

struct LayerDef {
    std::string table; ///< GeoPackage table name, also the shapefile base name
    Label title;
    std::string group = std::string(kThematicGroup); ///< kThematicGroup, kBaseMapGroup or kAnalysisGroup
    GeometryKind geometry = GeometryKind::Point;
    /// False when a feature may exist before it has a shape (a safety walk is recorded
    /// before the GPS has given a route, or walked without GPS). JSON "geometry_required".
    bool geometryRequired = true;
    std::vector<FieldDef> fields;
    Symbology symbology;
    std::string sourceFile; ///< where the definition was read from, for messages
    double order = 1000.0;  ///< position in layer lists, smallest first

    [[nodiscard]] std::optional<std::size_t> fieldIndex(std::string_view name) const;
    [[nodiscard]] const FieldDef* field(std::string_view name) const;
};

/// Checks the rules a definition must follow (names, types, ranges, value lists, symbology).
/// The error names the definition file and the field.
Result<void> validate(const LayerDef& definition);

/// Checks one value against a field: type, range, length, value list, required.
/// Returns a reason in English ("unknown value 'x'", "above maximum 3") or nothing.
std::optional<std::string> checkValue(const FieldDef& field, const Value& value);

/// Checks a field's default: a literal as checkValue does, a token against the field it fills
/// ("$now" needs a date or datetime field, ...). Returns a reason in English or nothing.
std::optional<std::string> checkDefault(const FieldDef& field);

} // namespace trygg
