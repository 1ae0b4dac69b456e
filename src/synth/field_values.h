#pragma once
// Random attribute values that fit a field definition, for the synthetic project generator.
// Everything is derived from the FieldDef (type, value list, range, length) so fields added
// to layers/*.json later still get valid values without touching the generator.

#include "tryggkarta/core/schema.h"
#include "tryggkarta/core/value.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg::synth {

/// std::mt19937_64 with our own distributions on top: the engine's output is fixed by the
/// standard, the standard distributions are not, so ours keep a seed's output portable.
class Rng {
public:
    /// One independent stream per purpose, so changing one layer's count leaves the others be.
    Rng(std::uint64_t seed, std::uint64_t stream);

    std::uint64_t next() { return m_engine(); }
    double uniform01();
    double uniform(double low, double high) { return low + (high - low) * uniform01(); }
    /// Uniform in [0, count); count must be above zero.
    std::size_t index(std::size_t count);
    /// Uniform in [low, high], both included.
    std::int64_t integer(std::int64_t low, std::int64_t high);
    bool chance(double probability) { return uniform01() < probability; }
    double normal();

private:
    std::mt19937_64 m_engine;
};

/// Calendar helpers; the generator works in local (Swedish) wall-clock time.
int daysInMonth(int year, int month);
Date randomDate(Rng& rng, int firstYear, int lastYear);
/// The same day `months` later, or the month's last day when it is shorter.
Date addMonths(Date date, int months);
/// A time of day weighted towards the afternoon and evening, when people are out.
DateTime randomDateTimeIn(Rng& rng, int year);

/// Daylight, twilight or dark at Vännäs (64° N) for a month and local hour.
enum class Light { Day, Dusk, Dark };
Light lightAt(int month, double hour);

/// Text cut to the field's max_length, counted in code points so å/ä/ö are never split.
std::string fitText(const FieldDef& field, std::string text);

/// `number` as the field's type (rounded for integers), clamped to its min and max.
Value numberValue(const FieldDef& field, double number);
/// A moment as the field wants it: Date, DateTime or ISO text.
Value timeValue(const FieldDef& field, const DateTime& when);
/// A day as the field wants it (midnight for a date-time field).
Value dateValue(const FieldDef& field, const Date& date);
/// Text for text fields, a number for numeric fields when the text is one, else NULL.
Value textValue(const FieldDef& field, std::string text);

/// A value of the right type for any field. Personal fields stay NULL unless required:
/// the generator never makes up anything that looks like a person.
Value genericValue(const FieldDef& field, Rng& rng);

/// Codes of one coded field, picked with weights found by fragments of the code or label,
/// so a definition may rename or add codes and the mix stays sensible.
class CodePicker {
public:
    using Weights = std::initializer_list<std::pair<std::string_view, double>>;

    /// An empty picker (absent or free-text field): everything returns NULL or nothing.
    CodePicker() = default;
    /// The first fragment contained in a code (or its label) gives that code's weight;
    /// codes matching none get `otherWeight`. All weights zero: uniform.
    CodePicker(const FieldDef* field, Weights weights, double otherWeight = 1.0);

    [[nodiscard]] bool empty() const { return m_values.empty(); }
    [[nodiscard]] std::size_t size() const { return m_values.size(); }
    [[nodiscard]] std::size_t pickIndex(Rng& rng) const;
    [[nodiscard]] Value pick(Rng& rng) const;
    [[nodiscard]] const Value& value(std::size_t index) const { return m_values[index]; }
    /// The first code whose code or label contains one of `fragments` (case-folded).
    [[nodiscard]] std::optional<std::size_t> find(std::initializer_list<std::string_view> fragments) const;
    /// The index of a code given as a value (as value() returns it); nothing when not a code.
    [[nodiscard]] std::optional<std::size_t> indexOf(const Value& value) const;
    /// Folded "code|label" text, for callers that classify codes themselves.
    [[nodiscard]] const std::string& text(std::size_t index) const { return m_texts[index]; }

private:
    std::vector<Value> m_values;
    std::vector<std::string> m_texts;
    std::vector<double> m_cumulative;
};

/// The code index for a light condition in a field such as ljusforh; nothing when unmatched.
std::optional<std::size_t> lightCode(const CodePicker& picker, Light light);

} // namespace trygg::synth
