#include "photo_exif.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace trygg::gdal {
namespace {

std::string_view item(CSLConstList metadata, const char* key) {
    const char* value = CSLFetchNameValue(metadata, key);
    return value != nullptr ? std::string_view(value) : std::string_view();
}

std::optional<int> utcOffset(std::string_view text) {
    // EXIF 2.31 OffsetTime*: "+02:00"
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
        return std::nullopt;
    }
    int hours = 0;
    int minutes = 0;
    if (std::from_chars(text.data() + 1, text.data() + 3, hours).ec != std::errc() ||
        std::from_chars(text.data() + 4, text.data() + 6, minutes).ec != std::errc()) {
        return std::nullopt;
    }
    int offset = hours * 60 + minutes;
    return text[0] == '-' ? -offset : offset;
}

/// "2024:10:05 21:30:15" (EXIF's own form; unknown parts are blanks or zeros).
std::optional<DateTime> parseExifTime(std::string_view text, std::string_view offset) {
    if (text.size() < 19 || text[4] != ':' || text[7] != ':' || text[10] != ' ') {
        return std::nullopt;
    }
    std::string iso(text.substr(0, 19));
    iso[4] = '-';
    iso[7] = '-';
    auto parsed = parseDateTime(iso);
    if (parsed) {
        parsed->utcOffsetMinutes = utcOffset(offset);
    }
    return parsed;
}

std::optional<DateTime> takenAt(CSLConstList metadata) {
    static constexpr std::pair<const char*, const char*> kCandidates[] = {
        {"EXIF_DateTimeOriginal", "EXIF_OffsetTimeOriginal"},
        {"EXIF_DateTimeDigitized", "EXIF_OffsetTimeDigitized"},
        {"EXIF_DateTime", "EXIF_OffsetTime"},
    };
    for (const auto& [timeKey, offsetKey] : kCandidates) {
        if (auto time = parseExifTime(item(metadata, timeKey), item(metadata, offsetKey))) {
            return time;
        }
    }
    return std::nullopt;
}

std::optional<double> signedAngle(CSLConstList metadata, const char* key, const char* refKey,
                                  char negative, double limit) {
    auto angle = parseExifAngle(item(metadata, key));
    if (!angle || *angle > limit) {
        return std::nullopt;
    }
    std::string_view ref = item(metadata, refKey);
    bool flipped = !ref.empty() && std::toupper(static_cast<unsigned char>(ref[0])) == negative;
    return flipped ? -*angle : *angle;
}

std::optional<Point> position(CSLConstList metadata) {
    // "V" is a receiver's void measurement: the numbers are left-overs, not a position.
    if (std::string_view status = item(metadata, "EXIF_GPSStatus"); status.starts_with('V')) {
        return std::nullopt;
    }
    auto lat = signedAngle(metadata, "EXIF_GPSLatitude", "EXIF_GPSLatitudeRef", 'S', 90.0);
    auto lon = signedAngle(metadata, "EXIF_GPSLongitude", "EXIF_GPSLongitudeRef", 'W', 180.0);
    // Some cameras write zeros when they had no fix; nobody maps safety off West Africa.
    if (!lat || !lon || (*lat == 0.0 && *lon == 0.0)) {
        return std::nullopt;
    }
    return Point{*lon, *lat};
}

} // namespace

std::optional<double> parseExifAngle(std::string_view text) {
    std::vector<double> parts;
    std::size_t pos = 0;
    while (pos < text.size()) {
        char c = text[pos];
        if (c == '(' || c == ')' || c == ' ' || c == ',') {
            ++pos;
            continue;
        }
        double value = 0.0;
        auto [end, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), value);
        if (ec != std::errc() || !std::isfinite(value) || value < 0.0) {
            return std::nullopt;
        }
        parts.push_back(value);
        pos = static_cast<std::size_t>(end - text.data());
    }
    if (parts.empty() || parts.size() > 3) {
        return std::nullopt;
    }
    double degrees = 0.0;
    double unit = 1.0;
    for (double part : parts) {
        degrees += part / unit;
        unit *= 60.0;
    }
    return degrees;
}

ExifFacts exifFacts(CSLConstList metadata) {
    ExifFacts facts;
    facts.position = position(metadata);
    facts.takenAt = takenAt(metadata);
    int orientation = 1;
    std::string_view text = item(metadata, "EXIF_Orientation");
    if (std::from_chars(text.data(), text.data() + text.size(), orientation).ec == std::errc() &&
        orientation >= 1 && orientation <= 8) {
        facts.orientation = orientation;
    }
    return facts;
}

} // namespace trygg::gdal
