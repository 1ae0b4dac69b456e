#pragma once
// Attribute filters: a small condition language that planners type ("kategori = Belysning
// och känsla <= 1"), used for selection by attribute, the attribute table, and the CLI's
// --where and --status options.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace trygg {

/// Longest filter text parseFilter accepts, in bytes; longer input is a Usage error.
inline constexpr std::size_t kMaxFilterLength = 100'000;
/// Deepest nesting of parentheses and NOT that parseFilter accepts.
inline constexpr int kMaxFilterDepth = 64;

/// A parsed condition on the attributes of one layer's features.
///
/// The language (keywords in any case; Swedish and English forms mean the same):
/// ```
///   filter     := [ or ]                      empty or blank text matches every feature
///   or         := and { (OR | ELLER) and }
///   and        := unary { (AND | OCH) unary }   AND binds tighter than OR
///   unary      := (NOT | INTE) unary | '(' or ')' | predicate
///   predicate  := field op value                 op: = == != <> ≠ < <= ≤ > >= ≥
///               | field [NOT|INTE] (IN | I) '(' value { ',' value } ')'
///               | field [NOT|INTE] (CONTAINS | INNEHÅLLER) value
///               | field (IS | ÄR) [NOT | INTE] (NULL | TOM | EMPTY)
/// ```
/// - A field is its name (`kategori`) or its Swedish or English label (`Upplevelse`,
///   `Category`) when only one field has that label; labels with spaces go in double quotes
///   (`"Typ av åtgärd"`). Names and labels are matched case-insensitively.
/// - A value is a bare word (`Belysning`, `2025-10-01`, `-3`), or text in single or double
///   quotes (`'Klotter/skadegörelse'`; a quote inside is written twice: `'it''s'`).
/// - Coded fields take the code or either label (`kategori = Belysning`, `= lighting`), resolved
///   to the code when parsed; anything else is an error. Coded integer fields (känsla 0–3)
///   also take plain numbers with <, <=, > and >=, and compare numerically.
/// - Numbers take a decimal comma or point (`1,5`, `1.5`). In an IN list commas separate the
///   values, so write decimals there with a point or in quotes (`'1,5'`).
/// - Dates are `YYYY-MM-DD`, date-times `YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]` (in quotes when written
///   with a space). Comparisons are chronological. A date compared with a date-time field
///   compares the day: `tidpunkt = 2025-10-01` is any time that day, `tidpunkt > 2025-10-01`
///   from the next day on. Two date-times compare as instants when both carry a UTC offset,
///   otherwise by their clock time.
/// - Text compares with = and != ignoring case (å/ä/ö included); < and > are not defined for
///   text. CONTAINS finds a substring ignoring case; on a coded field it matches the codes
///   whose code or label contains the text.
/// - NULL (and empty text) is "no value". As in SQL, no comparison, IN or CONTAINS is true for
///   it, not even != or NOT IN, and NOT of an unknown stays unknown: `INTE kategori = belysning`
///   leaves out features without a category. Only IS NULL / IS NOT NULL test for it.
///
/// Field indices and values are resolved when parsed, so matching does no text parsing. A
/// filter belongs to the layer definition it was parsed against. Copies share the parsed tree,
/// which never changes: a filter may be used from several threads at once.
class Filter {
public:
    /// Matches every feature (as does an empty filter text).
    Filter() = default;

    /// True when the feature satisfies the condition. Values missing at the end of
    /// `feature.values` count as NULL.
    [[nodiscard]] bool matches(const Feature& feature) const;

    /// True for the filter of empty text: callers can skip matching altogether.
    [[nodiscard]] bool matchesEverything() const { return m_tree == nullptr; }

    /// The condition in words with field and value labels, for the UI and logs; `language` is
    /// "sv" or "en": `Kategori = Belysning och Känsla ≤ 1`. Not meant to be parsed back.
    [[nodiscard]] std::string describe(std::string_view language) const;

    /// The text the filter was parsed from ("" for the default filter).
    [[nodiscard]] const std::string& text() const;

    /// The parsed form; defined in the library's sources only.
    struct Tree;

private:
    explicit Filter(std::shared_ptr<const Tree> tree) : m_tree(std::move(tree)) {}
    friend Result<Filter> parseFilter(std::string_view text, const LayerDef& layer);

    std::shared_ptr<const Tree> m_tree;
};

/// Parses a filter for the features of `layer`. Errors are Usage for the language (unknown
/// field, missing ')', unexpected word, nesting too deep, text too long) and InvalidValue for
/// values (unknown code, not a number or date); their message starts with the 1-based
/// character position, in English: "position 1: unknown field 'kateogri' (fields: ...)".
Result<Filter> parseFilter(std::string_view text, const LayerDef& layer);

} // namespace trygg
