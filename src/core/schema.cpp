#include "tryggkarta/core/schema.h"

#include "tryggkarta/core/sun.h"
#include "tryggkarta/core/text.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace trygg {
namespace {

constexpr std::string_view kSymbols[] = {"circle", "square",   "triangle", "diamond",
                                         "star",   "cross",    "line",     "dashed",
                                         "fill",   "hatched"};

bool isIdentifier(std::string_view name) {
    if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) {
        return false;
    }
    return std::ranges::all_of(name, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool isColour(std::string_view text) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') {
        return false;
    }
    return std::all_of(text.begin() + 1, text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

std::size_t codePoints(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string inQuotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string numberText(double v) {
    char buffer[32];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, ptr);
}

Result<void> validateStyle(const Style& style, const std::string& where) {
    if (std::ranges::find(kSymbols, style.symbol) == std::end(kSymbols)) {
        return fail(ErrorCode::InvalidDefinition, "unknown symbol " + inQuotes(style.symbol), where);
    }
    if (!isColour(style.fill) || !isColour(style.stroke)) {
        return fail(ErrorCode::InvalidDefinition,
                    "colours must be written #rrggbb or #rrggbbaa", where);
    }
    if (!(style.size > 0.0) || !(style.strokeWidth >= 0.0)) {
        return fail(ErrorCode::InvalidDefinition, "symbol size must be above zero", where);
    }
    return {};
}

Result<void> validateField(const FieldDef& field, const std::string& where) {
    if (field.name.size() > 10) {
        return fail(ErrorCode::InvalidDefinition,
                    "field name is " + std::to_string(field.name.size()) +
                        " characters; at most 10 survive a shapefile",
                    where);
    }
    if (!isIdentifier(field.name)) {
        return fail(ErrorCode::InvalidDefinition,
                    "field name must be lower-case ASCII letters, digits or '_' "
                    "and start with a letter (no å/ä/ö: shapefiles cut them)",
                    where);
    }
    if (field.name == "fid" || field.name == "geom") {
        return fail(ErrorCode::InvalidDefinition, "field name is reserved for the GeoPackage",
                    where);
    }
    if (field.label.sv.empty()) {
        return fail(ErrorCode::InvalidDefinition, "field has no Swedish label", where);
    }
    bool numeric = field.type == FieldType::Integer || field.type == FieldType::Real;
    if ((field.min || field.max) && !numeric) {
        return fail(ErrorCode::InvalidDefinition, "min and max apply to numbers only", where);
    }
    if (field.min && field.max && *field.min > *field.max) {
        return fail(ErrorCode::InvalidDefinition, "min is greater than max", where);
    }
    if (field.maxLength && (field.type != FieldType::Text || *field.maxLength < 1)) {
        return fail(ErrorCode::InvalidDefinition,
                    "max_length applies to text fields and must be at least 1", where);
    }
    if (field.isCoded() && field.type != FieldType::Text && field.type != FieldType::Integer) {
        return fail(ErrorCode::InvalidDefinition,
                    "a value list needs a text or integer field", where);
    }
    std::set<std::string> seen;
    for (const auto& value : field.values) {
        std::string at = where + ", value " + inQuotes(value.code);
        if (trim(value.code).empty() || value.label.sv.empty()) {
            return fail(ErrorCode::InvalidDefinition,
                        "every value needs a code and a Swedish label", at);
        }
        if (field.type == FieldType::Integer) {
            std::int64_t parsed = 0;
            auto [ptr, ec] = std::from_chars(value.code.data(),
                                             value.code.data() + value.code.size(), parsed);
            if (ec != std::errc{} || ptr != value.code.data() + value.code.size()) {
                return fail(ErrorCode::InvalidDefinition, "code of an integer field is not a number",
                            at);
            }
        }
        if (!seen.insert(foldCase(value.code)).second) {
            return fail(ErrorCode::InvalidDefinition, "code appears twice", at);
        }
    }
    if (auto reason = checkDefault(field)) {
        return fail(ErrorCode::InvalidDefinition, "default: " + *reason, where);
    }
    return {};
}

} // namespace

std::string_view defaultTokenName(FieldDefault::Kind kind) {
    switch (kind) {
    case FieldDefault::Kind::None:
    case FieldDefault::Kind::Literal: return {};
    case FieldDefault::Kind::Now: return "$now";
    case FieldDefault::Kind::CurrentWalk: return "$current_walk";
    case FieldDefault::Kind::LightCondition: return "$light_condition";
    }
    return {};
}

std::optional<FieldDefault::Kind> parseDefaultToken(std::string_view token) {
    for (auto kind : {FieldDefault::Kind::Now, FieldDefault::Kind::CurrentWalk,
                      FieldDefault::Kind::LightCondition}) {
        if (defaultTokenName(kind) == token) {
            return kind;
        }
    }
    return std::nullopt;
}

std::string_view fieldTypeName(FieldType type) {
    switch (type) {
    case FieldType::Integer: return "integer";
    case FieldType::Real: return "real";
    case FieldType::Text: return "text";
    case FieldType::Date: return "date";
    case FieldType::DateTime: return "datetime";
    }
    return "text";
}

std::optional<FieldType> parseFieldType(std::string_view name) {
    for (auto type : {FieldType::Integer, FieldType::Real, FieldType::Text, FieldType::Date,
                      FieldType::DateTime}) {
        if (fieldTypeName(type) == name) {
            return type;
        }
    }
    return std::nullopt;
}

const std::string& Label::in(std::string_view language) const {
    return language == "en" && !en.empty() ? en : sv;
}

const Style& Symbology::styleFor(std::string_view code) const {
    auto it = byValue.find(std::string(code));
    return it == byValue.end() ? fallback : it->second;
}

std::optional<std::string> FieldDef::matchCode(std::string_view input) const {
    auto folded = foldCase(trim(input));
    for (const auto& value : values) {
        if (foldCase(value.code) == folded || foldCase(value.label.sv) == folded ||
            (!value.label.en.empty() && foldCase(value.label.en) == folded)) {
            return value.code;
        }
    }
    return std::nullopt;
}

const CodedValue* FieldDef::findCode(std::string_view code) const {
    auto it = std::ranges::find_if(values, [&](const CodedValue& v) { return v.code == code; });
    return it == values.end() ? nullptr : &*it;
}

std::optional<std::size_t> LayerDef::fieldIndex(std::string_view name) const {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

const FieldDef* LayerDef::field(std::string_view name) const {
    auto index = fieldIndex(name);
    return index ? &fields[*index] : nullptr;
}

Result<void> validate(const LayerDef& def) {
    const std::string file = def.sourceFile.empty() ? def.table : def.sourceFile;
    if (!isIdentifier(def.table)) {
        return fail(ErrorCode::InvalidDefinition,
                    "table name " + inQuotes(def.table) +
                        " must be lower-case ASCII letters, digits or '_'",
                    file);
    }
    if (def.title.sv.empty()) {
        return fail(ErrorCode::InvalidDefinition, "layer has no Swedish title", file);
    }
    if (def.geometry == GeometryKind::None) {
        return fail(ErrorCode::InvalidDefinition, "a thematic layer needs a geometry type", file);
    }
    if (def.fields.empty()) {
        return fail(ErrorCode::InvalidDefinition, "layer has no fields", file);
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        const auto& field = def.fields[i];
        std::string where = file + ": fields[" + std::to_string(i) + "] (" + inQuotes(field.name) + ")";
        if (auto ok = validateField(field, where); !ok) {
            return ok;
        }
        if (!names.insert(field.name).second) {
            return fail(ErrorCode::InvalidDefinition, "field name appears twice", where);
        }
    }
    if (def.group != kThematicGroup && def.group != kBaseMapGroup && def.group != kAnalysisGroup) {
        return fail(ErrorCode::InvalidDefinition,
                    "group must be \"tema\", \"baskarta\" or \"analys\"",
                    file + ": group");
    }
    const auto& sym = def.symbology;
    std::string where = file + ": symbology";
    if (!sym.labelField.empty() && def.field(sym.labelField) == nullptr) {
        return fail(ErrorCode::InvalidDefinition,
                    "label_field " + inQuotes(sym.labelField) + " is not a field of the layer", where);
    }
    if (sym.maxScale < 0.0 || sym.labelMaxScale < 0.0) {
        return fail(ErrorCode::InvalidDefinition, "scale limits must be 0 or more", where);
    }
    if (auto ok = validateStyle(sym.fallback, where + ".default"); !ok) {
        return ok;
    }
    if (!sym.field.empty()) {
        const FieldDef* field = def.field(sym.field);
        if (field == nullptr || !field->isCoded()) {
            return fail(ErrorCode::InvalidDefinition,
                        "symbology field " + inQuotes(sym.field) + " is not a field with a value list",
                        where);
        }
        for (const auto& [code, style] : sym.byValue) {
            if (field->findCode(code) == nullptr) {
                return fail(ErrorCode::InvalidDefinition,
                            "style for " + inQuotes(code) + ", which is not a code of " +
                                inQuotes(sym.field),
                            where);
            }
            if (auto ok = validateStyle(style, where + ".values." + code); !ok) {
                return ok;
            }
        }
    } else if (!sym.byValue.empty()) {
        return fail(ErrorCode::InvalidDefinition, "styles per value need a symbology field", where);
    }
    return {};
}

std::optional<std::string> checkValue(const FieldDef& field, const Value& value) {
    if (isNull(value)) {
        if (field.required) {
            return std::string("a value is required");
        }
        return std::nullopt;
    }
    switch (field.type) {
    case FieldType::Integer:
        if (!std::holds_alternative<std::int64_t>(value)) {
            return std::string("expected a whole number");
        }
        break;
    case FieldType::Real:
        if (!std::holds_alternative<double>(value) && !std::holds_alternative<std::int64_t>(value)) {
            return std::string("expected a number");
        }
        break;
    case FieldType::Text:
        if (!std::holds_alternative<std::string>(value)) {
            return std::string("expected text");
        }
        break;
    case FieldType::Date:
        if (!std::holds_alternative<Date>(value)) {
            return std::string("expected a date (YYYY-MM-DD)");
        }
        break;
    case FieldType::DateTime:
        if (!std::holds_alternative<DateTime>(value)) {
            return std::string("expected a date and time (YYYY-MM-DDThh:mm)");
        }
        break;
    }
    if (field.isCoded()) {
        const auto* text = std::get_if<std::string>(&value);
        std::string code = text != nullptr ? std::string() : toDisplayString(value);
        if (field.findCode(text != nullptr ? *text : code) == nullptr) {
            if (text != nullptr) {
                code = *text;
            }
            std::string allowed;
            for (const auto& v : field.values) {
                allowed += (allowed.empty() ? "" : ", ") + v.code;
            }
            return "unknown value " + inQuotes(code) + " (allowed: " + allowed + ")";
        }
    }
    // min, max and max_length only where they apply: a definition being read checks its
    // defaults before validate() rejects "min" on a text field, and that must not throw.
    const auto* real = std::get_if<double>(&value);
    const auto* integer = std::get_if<std::int64_t>(&value);
    if ((field.min || field.max) && (real != nullptr || integer != nullptr)) {
        const double number = real != nullptr ? *real : static_cast<double>(*integer);
        if (field.min && number < *field.min) {
            return "below the minimum " + numberText(*field.min);
        }
        if (field.max && number > *field.max) {
            return "above the maximum " + numberText(*field.max);
        }
    }
    const auto* string = std::get_if<std::string>(&value);
    if (field.maxLength && string != nullptr &&
        codePoints(*string) > static_cast<std::size_t>(*field.maxLength)) {
        return "longer than " + std::to_string(*field.maxLength) + " characters";
    }
    return std::nullopt;
}

std::optional<std::string> checkDefault(const FieldDef& field) {
    const auto& rule = field.defaultRule;
    const std::string token(defaultTokenName(rule.kind));
    switch (rule.kind) {
    case FieldDefault::Kind::None: return std::nullopt;
    case FieldDefault::Kind::Literal:
        if (isNull(rule.literal)) {
            return std::string("a literal default needs a value");
        }
        return checkValue(field, rule.literal);
    case FieldDefault::Kind::Now:
        if (field.type != FieldType::Date && field.type != FieldType::DateTime) {
            return token + " needs a date or datetime field";
        }
        return std::nullopt;
    case FieldDefault::Kind::CurrentWalk:
        if (field.type != FieldType::Integer || field.isCoded()) {
            return token + " needs an integer field without a value list (it holds a walk's id)";
        }
        return std::nullopt;
    case FieldDefault::Kind::LightCondition:
        for (auto condition :
             {LightCondition::Daylight, LightCondition::Twilight, LightCondition::Darkness}) {
            if (field.type != FieldType::Text ||
                field.findCode(lightConditionCode(condition)) == nullptr) {
                return token + " needs a text field with the codes dagsljus, skymning and morker";
            }
        }
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace trygg
