#pragma once
// Attribute values. One variant alternative per field type, plus NULL.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace trygg {

/// A calendar date without time (a shapefile-safe deadline, a walk's day).
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;
};

/// A date and time of day. `utcOffsetMinutes` is empty when the source said nothing of the zone.
struct DateTime {
    Date date;
    int hour = 0;
    int minute = 0;
    double second = 0.0;
    std::optional<int> utcOffsetMinutes;
    auto operator<=>(const DateTime&) const = default;
};

/// NULL is std::monostate.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Date, DateTime>;

inline bool isNull(const Value& value) { return std::holds_alternative<std::monostate>(value); }

/// ISO 8601: "2024-10-05", "2024-10-05T21:30:00", "2024-10-05T21:30:00+02:00".
std::string toIsoString(const Date& date);
std::string toIsoString(const DateTime& dateTime);

/// Parses the ISO forms above (also with a space instead of 'T', "Z", fractional seconds).
std::optional<Date> parseDate(std::string_view text);
std::optional<DateTime> parseDateTime(std::string_view text);

/// Human-readable text for a value ("" for NULL); dates in ISO form.
std::string toDisplayString(const Value& value);

} // namespace trygg
