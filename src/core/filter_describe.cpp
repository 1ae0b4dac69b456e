// Filters in words, with the labels planners know, for the UI and logs.

#include "filter_tree.h"

#include <charconv>
#include <string>

namespace trygg {
namespace {

struct Words {
    std::string_view conjunction;
    std::string_view disjunction;
    std::string_view negation;
    std::string_view in;
    std::string_view notIn;
    std::string_view contains;
    std::string_view notContains;
    std::string_view isEmpty;
    std::string_view isNotEmpty;
    std::string_view everything;
};

constexpr Words kSwedish{.conjunction = "och",
                         .disjunction = "eller",
                         .negation = "inte",
                         .in = "i",
                         .notIn = "inte i",
                         .contains = "innehåller",
                         .notContains = "innehåller inte",
                         .isEmpty = "är tom",
                         .isNotEmpty = "är inte tom",
                         .everything = "alla objekt"};
constexpr Words kEnglish{.conjunction = "and",
                         .disjunction = "or",
                         .negation = "not",
                         .in = "in",
                         .notIn = "not in",
                         .contains = "contains",
                         .notContains = "does not contain",
                         .isEmpty = "is empty",
                         .isNotEmpty = "is not empty",
                         .everything = "all features"};

std::string_view symbol(CompareOp op) {
    switch (op) {
    case CompareOp::Equal: return "=";
    case CompareOp::NotEqual: return "≠";
    case CompareOp::Less: return "<";
    case CompareOp::LessEqual: return "≤";
    case CompareOp::Greater: return ">";
    case CompareOp::GreaterEqual: return "≥";
    }
    return "=";
}

class Describer {
public:
    Describer(const Filter::Tree& tree, std::string_view language)
        : m_tree(tree), m_language(language), m_words(language == "en" ? kEnglish : kSwedish) {}

    std::string node(std::size_t index) const {
        const FilterNode& n = m_tree.nodes[index];
        switch (n.kind) {
        case FilterNodeKind::And: return joined(n, m_words.conjunction, true);
        case FilterNodeKind::Or: return joined(n, m_words.disjunction, false);
        case FilterNodeKind::Not:
            return std::string(m_words.negation) + " (" + node(n.children.front()) + ")";
        case FilterNodeKind::IsNull:
            return fieldLabel(n) + " " +
                   std::string(n.negated ? m_words.isNotEmpty : m_words.isEmpty);
        case FilterNodeKind::Compare:
            return fieldLabel(n) + " " + std::string(symbol(n.op)) + " " +
                   value(n, n.values.front(),
                         n.op == CompareOp::Equal || n.op == CompareOp::NotEqual);
        case FilterNodeKind::In: {
            std::string list;
            for (const auto& v : n.values) {
                list += (list.empty() ? "" : ", ") + value(n, v, true);
            }
            return fieldLabel(n) + " " + std::string(n.negated ? m_words.notIn : m_words.in) +
                   " (" + list + ")";
        }
        case FilterNodeKind::Contains:
            return fieldLabel(n) + " " +
                   std::string(n.negated ? m_words.notContains : m_words.contains) + " \"" +
                   n.text + "\"";
        }
        return {};
    }

private:
    std::string joined(const FilterNode& n, std::string_view word, bool bracketOr) const {
        std::string text;
        for (auto child : n.children) {
            if (!text.empty()) {
                text += " " + std::string(word) + " ";
            }
            bool bracket = bracketOr && m_tree.nodes[child].kind == FilterNodeKind::Or;
            text += bracket ? "(" + node(child) + ")" : node(child);
        }
        return text;
    }

    std::string fieldLabel(const FilterNode& n) const {
        return m_tree.layer.fields[n.field].label.in(m_language);
    }

    /// Codes read as their labels, except that a coded number ordered with < or > reads as the
    /// number ("Känsla ≤ 1"): a scale, not a category.
    std::string value(const FilterNode& n, const Value& v, bool asLabel) const {
        const FieldDef& field = m_tree.layer.fields[n.field];
        if (const auto* text = std::get_if<std::string>(&v)) {
            const CodedValue* coded = field.findCode(*text);
            return coded != nullptr ? coded->label.in(m_language) : "\"" + *text + "\"";
        }
        if (const auto* number = std::get_if<std::int64_t>(&v)) {
            const CodedValue* coded = asLabel ? field.findCode(std::to_string(*number)) : nullptr;
            return coded != nullptr ? coded->label.in(m_language) : std::to_string(*number);
        }
        if (const auto* number = std::get_if<double>(&v)) {
            char buffer[32];
            auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *number);
            std::string text(buffer, end);
            if (m_language != "en") {
                for (auto& c : text) {
                    c = c == '.' ? ',' : c;
                }
            }
            return text;
        }
        return toDisplayString(v);
    }

    const Filter::Tree& m_tree;
    std::string_view m_language;
    const Words& m_words;
};

} // namespace

std::string Filter::describe(std::string_view language) const {
    if (m_tree == nullptr) {
        return std::string(language == "en" ? kEnglish.everything : kSwedish.everything);
    }
    return Describer(*m_tree, language).node(m_tree->root);
}

} // namespace trygg
