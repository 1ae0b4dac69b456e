#include "filter_resolve.h"

#include "tryggkarta/core/text.h"

#include <charconv>
#include <cmath>

namespace trygg {
namespace {

std::string inQuotes(std::string_view text) { return "'" + std::string(text) + "'"; }

/// The codes of a value list, for "unknown value" messages.
std::string codeList(const FieldDef& field) {
    std::string list;
    for (const auto& value : field.values) {
        list += (list.empty() ? "" : ", ") + value.code;
    }
    return list;
}

/// A number as planners write it: "3", "-2", "1,5", "1.5". Nothing for anything else.
std::optional<Value> parseNumber(std::string_view text) {
    std::string plain(trim(text));
    for (auto& c : plain) {
        c = c == ',' ? '.' : c;
    }
    const char* first = plain.data();
    const char* last = first + plain.size();
    std::int64_t whole = 0;
    if (auto [end, ec] = std::from_chars(first, last, whole); ec == std::errc{} && end == last) {
        return Value(whole);
    }
    double real = 0.0;
    auto [end, ec] = std::from_chars(first, last, real);
    if (plain.empty() || ec != std::errc{} || end != last || !std::isfinite(real)) {
        return std::nullopt; // from_chars reads "inf" and "nan", which no planner means
    }
    return Value(real);
}

} // namespace

Result<std::size_t> resolveField(const LayerDef& layer, const Token& token,
                                 const FilterLexer& lexer) {
    auto wanted = foldCase(trim(token.text));
    std::vector<std::size_t> byLabel;
    std::string names;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        const FieldDef& field = layer.fields[i];
        if (foldCase(field.name) == wanted) {
            return i; // a name wins over any label
        }
        if (foldCase(field.label.sv) == wanted ||
            (!field.label.en.empty() && foldCase(field.label.en) == wanted)) {
            byLabel.push_back(i);
        }
        names += (names.empty() ? "" : ", ") + field.name;
    }
    if (byLabel.size() == 1) {
        return byLabel.front();
    }
    if (byLabel.size() > 1) {
        std::string candidates;
        for (auto i : byLabel) {
            candidates += (candidates.empty() ? "" : ", ") + layer.fields[i].name;
        }
        return lexer.failAt(token.offset, ErrorCode::Usage,
                            "field " + inQuotes(token.text) + " is ambiguous (" + candidates +
                                "): write the field name");
    }
    return lexer.failAt(token.offset, ErrorCode::Usage,
                        "unknown field " + inQuotes(token.text) + " (fields: " + names + ")");
}

Result<Value> resolveValue(const FieldDef& field, const Token& token, bool ordering,
                           const FilterLexer& lexer) {
    auto invalid = [&](const std::string& what) {
        return lexer.failAt(token.offset, ErrorCode::InvalidValue,
                            inQuotes(token.text) + " is not " + what + " (" + field.name + ")");
    };
    if (field.isCoded()) {
        if (auto code = field.matchCode(token.text)) {
            if (field.type == FieldType::Text) {
                return Value(*code);
            }
            if (auto number = parseNumber(*code)) {
                return *number;
            }
        }
        auto number = parseNumber(token.text);
        if (ordering && number && field.type != FieldType::Text) {
            return *number;
        }
        return lexer.failAt(token.offset, ErrorCode::InvalidValue,
                            "unknown value " + inQuotes(token.text) + " for " + field.name +
                                " (values: " + codeList(field) + ")");
    }
    switch (field.type) {
    case FieldType::Text: return Value(token.text);
    case FieldType::Integer:
    case FieldType::Real:
        if (auto number = parseNumber(token.text)) {
            return *number;
        }
        return invalid("a number");
    case FieldType::Date:
        if (auto date = parseDate(trim(token.text))) {
            return Value(*date);
        }
        return invalid("a date (YYYY-MM-DD)");
    case FieldType::DateTime: {
        auto text = trim(token.text);
        if (auto date = parseDate(text)) {
            return Value(*date); // a whole day: compared with the date part, see filter.h
        }
        if (auto time = parseDateTime(text)) {
            return Value(*time);
        }
        return invalid("a date or date-time (YYYY-MM-DD or YYYY-MM-DDThh:mm)");
    }
    }
    return invalid("a value");
}

Result<std::vector<Value>> resolveCodesContaining(const FieldDef& field, const Token& token,
                                                  const FilterLexer& lexer) {
    auto part = foldCase(token.text);
    std::vector<Value> codes;
    for (const auto& value : field.values) {
        for (const auto* text : {&value.code, &value.label.sv, &value.label.en}) {
            if (foldCase(*text).find(part) != std::string::npos) {
                codes.emplace_back(value.code);
                break;
            }
        }
    }
    if (codes.empty()) {
        return lexer.failAt(token.offset, ErrorCode::InvalidValue,
                            "no value of " + field.name + " contains " + inQuotes(token.text) +
                                " (values: " + codeList(field) + ")");
    }
    return codes;
}

} // namespace trygg
