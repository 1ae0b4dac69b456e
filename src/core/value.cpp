#include "tryggkarta/core/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace trygg {
namespace {

bool parseInt(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) {
        return false;
    }
    auto first = text.data() + pos;
    auto [ptr, ec] = std::from_chars(first, first + len, out);
    return ec == std::errc{} && ptr == first + len;
}

bool isLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : days[month - 1];
}

} // namespace

std::string toIsoString(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string toIsoString(const DateTime& dt) {
    char buffer[48];
    double whole = std::floor(dt.second);
    int millis = static_cast<int>(std::lround((dt.second - whole) * 1000.0));
    int n = 0;
    if (millis == 0) {
        n = std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d", toIsoString(dt.date).c_str(),
                          dt.hour, dt.minute, static_cast<int>(whole));
    } else {
        n = std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03d",
                          toIsoString(dt.date).c_str(), dt.hour, dt.minute,
                          static_cast<int>(whole), millis);
    }
    std::string text(buffer, static_cast<std::size_t>(n));
    if (dt.utcOffsetMinutes) {
        int offset = *dt.utcOffsetMinutes;
        if (offset == 0) {
            text += 'Z';
        } else {
            std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset < 0 ? '-' : '+',
                          std::abs(offset) / 60, std::abs(offset) % 60);
            text += buffer;
        }
    }
    return text;
}

std::optional<Date> parseDate(std::string_view text) {
    Date date;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parseInt(text, 0, 4, date.year) ||
        !parseInt(text, 5, 2, date.month) || !parseInt(text, 8, 2, date.day)) {
        return std::nullopt;
    }
    if (date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > daysInMonth(date.year, date.month)) {
        return std::nullopt;
    }
    return date;
}

std::optional<DateTime> parseDateTime(std::string_view text) {
    if (text.size() == 10) {
        if (auto date = parseDate(text)) {
            return DateTime{*date, 0, 0, 0.0, std::nullopt};
        }
        return std::nullopt;
    }
    if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) {
        return std::nullopt;
    }
    auto date = parseDate(text.substr(0, 10));
    DateTime dt;
    if (!date || !parseInt(text, 11, 2, dt.hour) || text[13] != ':' ||
        !parseInt(text, 14, 2, dt.minute)) {
        return std::nullopt;
    }
    dt.date = *date;
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        int whole = 0;
        if (!parseInt(text, pos + 1, 2, whole)) {
            return std::nullopt;
        }
        dt.second = whole;
        pos += 3;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            std::size_t end = pos + 1;
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
                ++end;
            }
            if (end == pos + 1) {
                return std::nullopt;
            }
            double fraction = 0.0;
            double scale = 0.1;
            for (std::size_t k = pos + 1; k < end; ++k, scale /= 10.0) {
                fraction += (text[k] - '0') * scale;
            }
            dt.second += fraction;
            pos = end;
        }
    }
    if (pos < text.size()) {
        if (text[pos] == 'Z' && pos + 1 == text.size()) {
            dt.utcOffsetMinutes = 0;
        } else if ((text[pos] == '+' || text[pos] == '-') && text.size() - pos == 6 &&
                   text[pos + 3] == ':') {
            int hours = 0;
            int minutes = 0;
            if (!parseInt(text, pos + 1, 2, hours) || !parseInt(text, pos + 4, 2, minutes)) {
                return std::nullopt;
            }
            int offset = hours * 60 + minutes;
            dt.utcOffsetMinutes = text[pos] == '-' ? -offset : offset;
        } else {
            return std::nullopt;
        }
    }
    if (dt.hour > 23 || dt.minute > 59 || dt.second >= 61.0) {
        return std::nullopt;
    }
    return dt;
}

std::string toDisplayString(const Value& value) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const {
            char buffer[32];
            auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
            return std::string(buffer, ptr);
        }
        std::string operator()(const std::string& v) const { return v; }
        std::string operator()(const Date& v) const { return toIsoString(v); }
        std::string operator()(const DateTime& v) const { return toIsoString(v); }
    };
    return std::visit(Visitor{}, value);
}

} // namespace trygg
