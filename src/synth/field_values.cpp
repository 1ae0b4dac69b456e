#include "field_values.h"

#include "tryggkarta/core/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>

namespace trygg::synth {
namespace {

std::uint32_t low32(std::uint64_t v) { return static_cast<std::uint32_t>(v & 0xFFFFFFFFu); }
std::uint32_t high32(std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32); }

std::size_t codePoints(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Value codeAsValue(const FieldDef& field, const std::string& code) {
    if (field.type == FieldType::Integer) {
        std::int64_t number = 0;
        std::from_chars(code.data(), code.data() + code.size(), number);
        return number;
    }
    return code;
}

// Sunrise and sunset at Vännäs in the middle of each month, local time (CET/CEST), hours.
constexpr double kSunrise[12] = {9.6, 8.1, 6.4, 5.4, 3.8, 2.3, 3.0, 4.8, 6.3, 7.9, 8.7, 10.1};
constexpr double kSunset[12] = {14.7, 16.4, 18.0, 20.6, 22.1, 23.6, 23.1, 21.2, 19.4, 17.6, 15.3, 13.9};

// Weights of the hour of day at which observations are made: most by day and in the evening.
constexpr double kHourWeights[24] = {1, 1, 1, 1, 1, 1, 2, 4, 5, 4, 4, 5,
                                     6, 5, 5, 6, 8, 9, 9, 9, 8, 6, 4, 2};

} // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t stream) {
    std::seed_seq sequence{low32(seed), high32(seed), low32(stream), high32(stream)};
    m_engine.seed(sequence);
}

double Rng::uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::size_t Rng::index(std::size_t count) {
    auto n = static_cast<std::uint64_t>(count);
    // Rejecting the top remainder keeps every index equally likely.
    std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                          std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t draw = next();
    while (draw >= limit) {
        draw = next();
    }
    return static_cast<std::size_t>(draw % n);
}

std::int64_t Rng::integer(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(index(static_cast<std::size_t>(high - low) + 1));
}

double Rng::normal() {
    double u1 = 1.0 - uniform01(); // (0, 1]: the logarithm stays finite
    double u2 = uniform01();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

int daysInMonth(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

Date randomDate(Rng& rng, int firstYear, int lastYear) {
    Date date;
    date.year = static_cast<int>(rng.integer(firstYear, lastYear));
    date.month = static_cast<int>(rng.integer(1, 12));
    date.day = static_cast<int>(rng.integer(1, daysInMonth(date.year, date.month)));
    return date;
}

Date addMonths(Date date, int months) {
    int index = date.year * 12 + (date.month - 1) + months;
    date.year = index / 12;
    date.month = index % 12 + 1;
    date.day = std::min(date.day, daysInMonth(date.year, date.month));
    return date;
}

DateTime randomDateTimeIn(Rng& rng, int year) {
    static const std::vector<double> cumulative = [] {
        std::vector<double> sums;
        double sum = 0.0;
        for (double w : kHourWeights) {
            sums.push_back(sum += w);
        }
        return sums;
    }();
    DateTime when;
    when.date = randomDate(rng, year, year);
    double u = rng.uniform01() * cumulative.back();
    when.hour = static_cast<int>(std::ranges::upper_bound(cumulative, u) - cumulative.begin());
    when.hour = std::min(when.hour, 23);
    when.minute = static_cast<int>(rng.integer(0, 59));
    return when;
}

Light lightAt(int month, double hour) {
    int m = std::clamp(month, 1, 12) - 1;
    double rise = kSunrise[m];
    double set = kSunset[m];
    if (hour >= rise && hour <= set) {
        return Light::Day;
    }
    // Twilight lasts longer in the bright half of the year; midsummer nights never get dark.
    double twilight = (m >= 4 && m <= 7) ? 1.5 : 1.0;
    double afterSunset = std::fmod(hour - set + 24.0, 24.0);
    double beforeSunrise = std::fmod(rise - hour + 24.0, 24.0);
    return afterSunset <= twilight || beforeSunrise <= twilight ? Light::Dusk : Light::Dark;
}

std::string fitText(const FieldDef& field, std::string text) {
    if (!field.maxLength || codePoints(text) <= static_cast<std::size_t>(*field.maxLength)) {
        return text;
    }
    std::size_t kept = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        bool starts = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts && kept++ == static_cast<std::size_t>(*field.maxLength)) {
            break;
        }
    }
    text.resize(i);
    while (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    return text;
}

Value numberValue(const FieldDef& field, double number) {
    double low = field.min.value_or(-std::numeric_limits<double>::max());
    double high = field.max.value_or(std::numeric_limits<double>::max());
    if (field.type == FieldType::Integer) {
        double rounded = std::clamp(std::round(number), std::ceil(low), std::floor(high));
        return static_cast<std::int64_t>(rounded);
    }
    if (field.type == FieldType::Real) {
        return std::clamp(number, low, high);
    }
    return std::monostate{};
}

Value timeValue(const FieldDef& field, const DateTime& when) {
    switch (field.type) {
    case FieldType::Date: return when.date;
    case FieldType::DateTime: return when;
    case FieldType::Text: return field.isCoded() ? Value{} : Value{fitText(field, toIsoString(when))};
    default: return std::monostate{};
    }
}

Value dateValue(const FieldDef& field, const Date& date) {
    DateTime when;
    when.date = date;
    return timeValue(field, when);
}

Value textValue(const FieldDef& field, std::string text) {
    if (field.isCoded()) {
        auto code = field.matchCode(text);
        return code ? codeAsValue(field, *code) : Value{};
    }
    if (field.type == FieldType::Text) {
        return fitText(field, std::move(text));
    }
    if (field.type == FieldType::Integer || field.type == FieldType::Real) {
        double number = 0.0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc{} && ptr == text.data() + text.size()) {
            return numberValue(field, number);
        }
    }
    return std::monostate{};
}

Value genericValue(const FieldDef& field, Rng& rng) {
    if (field.personal && !field.required) {
        return std::monostate{};
    }
    if (field.isCoded()) {
        return codeAsValue(field, field.values[rng.index(field.values.size())].code);
    }
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Real: {
        double low = field.min.value_or(field.max ? std::min(0.0, *field.max) : 0.0);
        double high = field.max.value_or(low + 100.0);
        double number = rng.uniform(low, high);
        // A tenth (or a hundredth in narrow ranges) reads like a measured value.
        double step = high - low >= 10.0 ? 10.0 : 100.0;
        return numberValue(field, std::round(number * step) / step);
    }
    case FieldType::Text: return fitText(field, "[Exempel] " + field.label.sv);
    case FieldType::Date: return randomDate(rng, 2024, 2026);
    case FieldType::DateTime: return randomDateTimeIn(rng, static_cast<int>(rng.integer(2024, 2026)));
    }
    return std::monostate{};
}

CodePicker::CodePicker(const FieldDef* field, Weights weights, double otherWeight) {
    if (field == nullptr || !field->isCoded()) {
        return;
    }
    double sum = 0.0;
    for (const auto& coded : field->values) {
        m_values.push_back(codeAsValue(*field, coded.code));
        m_texts.push_back(foldCase(coded.code) + "|" + foldCase(coded.label.sv));
        double weight = otherWeight;
        for (const auto& [fragment, w] : weights) {
            if (m_texts.back().find(fragment) != std::string::npos) {
                weight = w;
                break;
            }
        }
        m_cumulative.push_back(sum += std::max(weight, 0.0));
    }
    if (sum <= 0.0) {
        for (std::size_t i = 0; i < m_cumulative.size(); ++i) {
            m_cumulative[i] = static_cast<double>(i + 1);
        }
    }
}

std::size_t CodePicker::pickIndex(Rng& rng) const {
    double u = rng.uniform01() * m_cumulative.back();
    auto it = std::ranges::upper_bound(m_cumulative, u);
    return std::min(static_cast<std::size_t>(it - m_cumulative.begin()), m_values.size() - 1);
}

Value CodePicker::pick(Rng& rng) const { return empty() ? Value{} : m_values[pickIndex(rng)]; }

std::optional<std::size_t> CodePicker::find(std::initializer_list<std::string_view> fragments) const {
    for (std::size_t i = 0; i < m_texts.size(); ++i) {
        for (auto fragment : fragments) {
            if (m_texts[i].find(fragment) != std::string::npos) {
                return i;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> CodePicker::indexOf(const Value& value) const {
    auto it = std::ranges::find(m_values, value);
    return it == m_values.end() ? std::nullopt
                                : std::optional(static_cast<std::size_t>(it - m_values.begin()));
}

std::optional<std::size_t> lightCode(const CodePicker& picker, Light light) {
    switch (light) {
    case Light::Day: return picker.find({"dag", "ljust"});
    case Light::Dusk: return picker.find({"skym", "gryn"});
    case Light::Dark: return picker.find({"mork", "mörk"});
    }
    return std::nullopt;
}

} // namespace trygg::synth
