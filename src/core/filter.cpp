// Matching and describing parsed filters; the parser is in filter_parser.cpp.

#include "tryggkarta/core/filter.h"

#include "filter_tree.h"
#include "tryggkarta/core/text.h"

#include <charconv>
#include <chrono>
#include <compare>
#include <cstdint>

namespace trygg {
namespace {

/// SQL's three-valued logic: a comparison with NULL is Unknown, and NOT Unknown stays Unknown,
/// so that `NOT kategori = x` does not pick up features without a category.
enum class Truth : std::uint8_t { False, True, Unknown };

Truth truth(bool value) { return value ? Truth::True : Truth::False; }

Truth negate(Truth value) {
    switch (value) {
    case Truth::False: return Truth::True;
    case Truth::True: return Truth::False;
    case Truth::Unknown: return Truth::Unknown;
    }
    return Truth::Unknown;
}

const Value& valueOf(const Feature& feature, std::size_t field) {
    static const Value null;
    return field < feature.values.size() ? feature.values[field] : null;
}

/// Empty or blank text counts as no value: forms and imports store it for "nothing typed".
bool isMissing(const Value& value) {
    const auto* text = std::get_if<std::string>(&value);
    return isNull(value) || (text != nullptr && trim(*text).empty());
}

// foldCase maps every byte to one byte and looks only at the byte before (an upper-case
// Latin-1 letter is 0xC3 then 0x80..0x9E), so text can be compared folded in place, without
// allocating a folded copy for every feature.
char foldedAt(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
        return static_cast<char>(c + ('a' - 'A'));
    }
    if (i > 0 && static_cast<unsigned char>(text[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E &&
        c != 0x97) {
        return static_cast<char>(c + 0x20);
    }
    return text[i];
}

bool equalFolded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (foldedAt(a, i) != foldedAt(b, i)) {
            return false;
        }
    }
    return true;
}

bool containsFolded(std::string_view text, std::string_view part) {
    if (part.size() > text.size()) {
        return false;
    }
    for (std::size_t start = 0; start + part.size() <= text.size(); ++start) {
        std::size_t k = 0;
        while (k < part.size() && foldedAt(text, start + k) == foldedAt(part, k)) {
            ++k;
        }
        if (k == part.size()) {
            return true;
        }
    }
    return false;
}

std::partial_ordering compareNumbers(const Value& a, const Value& b) {
    const auto* intA = std::get_if<std::int64_t>(&a);
    const auto* intB = std::get_if<std::int64_t>(&b);
    if (intA != nullptr && intB != nullptr) {
        return *intA <=> *intB;
    }
    auto asDouble = [](const Value& v) {
        const auto* i = std::get_if<std::int64_t>(&v);
        return i != nullptr ? static_cast<double>(*i) : std::get<double>(v);
    };
    return asDouble(a) <=> asDouble(b);
}

/// Seconds since 1970 on the clock the time was written in, or in UTC when `inUtc`.
double secondsOf(const DateTime& time, bool inUtc) {
    using namespace std::chrono;
    auto day = sys_days{year{time.date.year} / month{static_cast<unsigned>(time.date.month)} /
                        std::chrono::day{static_cast<unsigned>(time.date.day)}};
    double seconds = static_cast<double>(day.time_since_epoch().count()) * 86400.0 +
                     time.hour * 3600.0 + time.minute * 60.0 + time.second;
    return inUtc ? seconds - *time.utcOffsetMinutes * 60.0 : seconds;
}

std::partial_ordering compareTimes(const DateTime& a, const DateTime& b) {
    bool inUtc = a.utcOffsetMinutes && b.utcOffsetMinutes;
    return secondsOf(a, inUtc) <=> secondsOf(b, inUtc);
}

/// How a feature's value orders against an operand; unordered when they cannot be compared.
std::partial_ordering order(const Value& value, const Value& operand) {
    bool numericValue =
        std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value);
    bool numericOperand =
        std::holds_alternative<std::int64_t>(operand) || std::holds_alternative<double>(operand);
    if (numericValue && numericOperand) {
        return compareNumbers(value, operand);
    }
    const auto* date = std::get_if<Date>(&value);
    const auto* time = std::get_if<DateTime>(&value);
    if (const auto* day = std::get_if<Date>(&operand)) {
        if (date != nullptr) {
            return *date <=> *day;
        }
        return time != nullptr ? time->date <=> *day : std::partial_ordering::unordered;
    }
    if (const auto* instant = std::get_if<DateTime>(&operand)) {
        if (time != nullptr) {
            return compareTimes(*time, *instant);
        }
        return date != nullptr ? compareTimes(DateTime{*date, 0, 0, 0.0, std::nullopt}, *instant)
                               : std::partial_ordering::unordered;
    }
    return std::partial_ordering::unordered;
}

bool equalTo(const Value& value, const Value& operand) {
    if (const auto* expected = std::get_if<std::string>(&operand)) {
        const auto* text = std::get_if<std::string>(&value);
        return text != nullptr && equalFolded(*text, *expected);
    }
    return order(value, operand) == std::partial_ordering::equivalent;
}

bool holds(CompareOp op, std::partial_ordering ordering) {
    switch (op) {
    case CompareOp::Equal: return ordering == 0;
    case CompareOp::NotEqual: return ordering != 0;
    case CompareOp::Less: return ordering < 0;
    case CompareOp::LessEqual: return ordering <= 0;
    case CompareOp::Greater: return ordering > 0;
    case CompareOp::GreaterEqual: return ordering >= 0;
    }
    return false;
}

Truth compare(const FilterNode& node, const Value& value) {
    if (isMissing(value)) {
        return Truth::Unknown;
    }
    const Value& operand = node.values.front();
    if (node.op == CompareOp::Equal || node.op == CompareOp::NotEqual) {
        return truth(equalTo(value, operand) == (node.op == CompareOp::Equal));
    }
    auto ordering = order(value, operand);
    if (ordering == std::partial_ordering::unordered) {
        return Truth::Unknown;
    }
    return truth(holds(node.op, ordering));
}

bool equalToAny(const Value& value, const std::vector<Value>& operands) {
    for (const auto& operand : operands) {
        if (equalTo(value, operand)) {
            return true;
        }
    }
    return false;
}

Truth evaluate(const Filter::Tree& tree, std::size_t index, const Feature& feature) {
    const FilterNode& node = tree.nodes[index];
    switch (node.kind) {
    case FilterNodeKind::And: {
        Truth result = Truth::True;
        for (auto child : node.children) {
            Truth part = evaluate(tree, child, feature);
            if (part == Truth::False) {
                return Truth::False;
            }
            if (part == Truth::Unknown) {
                result = Truth::Unknown;
            }
        }
        return result;
    }
    case FilterNodeKind::Or: {
        Truth result = Truth::False;
        for (auto child : node.children) {
            Truth part = evaluate(tree, child, feature);
            if (part == Truth::True) {
                return Truth::True;
            }
            if (part == Truth::Unknown) {
                result = Truth::Unknown;
            }
        }
        return result;
    }
    case FilterNodeKind::Not: return negate(evaluate(tree, node.children.front(), feature));
    case FilterNodeKind::IsNull:
        return truth(isMissing(valueOf(feature, node.field)) != node.negated);
    case FilterNodeKind::Compare: return compare(node, valueOf(feature, node.field));
    case FilterNodeKind::In: {
        const Value& value = valueOf(feature, node.field);
        if (isMissing(value)) {
            return Truth::Unknown;
        }
        return truth(equalToAny(value, node.values) != node.negated);
    }
    case FilterNodeKind::Contains: {
        const Value& value = valueOf(feature, node.field);
        const auto* text = std::get_if<std::string>(&value);
        if (isMissing(value) || text == nullptr) {
            return Truth::Unknown;
        }
        bool found = tree.layer.fields[node.field].isCoded() ? equalToAny(value, node.values)
                                                             : containsFolded(*text, node.text);
        return truth(found != node.negated);
    }
    }
    return Truth::Unknown;
}

} // namespace

bool Filter::matches(const Feature& feature) const {
    return m_tree == nullptr || evaluate(*m_tree, m_tree->root, feature) == Truth::True;
}

const std::string& Filter::text() const {
    static const std::string empty;
    return m_tree == nullptr ? empty : m_tree->text;
}

} // namespace trygg
