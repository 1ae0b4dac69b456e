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

    [[nodiscard]] bool isCoded() const { return !values.empty(); }
    /// The code for user input that names a code or either label, case-insensitively.
    [[nodiscard]] std::optional<std::string> matchCode(std::string_view input) const;
    [[nodiscard]] const CodedValue* findCode(std::string_view code) const;
};

/// Layer groups as the layer panel shows them.
inline constexpr std::string_view kThematicGroup = "tema";
inline constexpr std::string_view kBaseMapGroup = "baskarta";

struct LayerDef {
    std::string table; ///< GeoPackage table name, also the shapefile base name
    Label title;
    std::string group = std::string(kThematicGroup); ///< kThematicGroup or kBaseMapGroup
    GeometryKind geometry = GeometryKind::Point;
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

} // namespace trygg
