#pragma once
// Where the sun stands, so that a form can tell daylight, twilight and darkness apart: walks
// are made in both, and an observation's light condition explains much of how a place feels.

#include "tryggkarta/core/value.h"

#include <chrono>
#include <optional>
#include <string_view>

namespace trygg {

/// A WGS 84 position in degrees, north and east positive. Named members, not x/y, because
/// latitude and longitude are the pair most easily swapped.
struct GeoPosition {
    double latitude = 0.0;
    double longitude = 0.0;
};

/// The centre of Vännäs, where forms assume the user stands when no GPS position is known.
inline constexpr GeoPosition kVannasCentrum{63.9135, 19.7545};

/// The codes of the light-condition fields (ljusforh in observationer and vandringar).
enum class LightCondition { Daylight, Twilight, Darkness };

/// Sunrise and sunset: the sun's centre 0.833° below the horizon (50′ of refraction and
/// semi-diameter), as almanacs and NOAA define them.
inline constexpr double kSunriseElevation = -0.833;
/// The end of civil twilight: below this the sky gives no useful light.
inline constexpr double kCivilTwilightElevation = -6.0;

/// The sun's geometric elevation in degrees (its centre, no atmosphere) at an instant, by the
/// algorithm of NOAA's solar calculator (after Meeus); good to about 0.01° for 1900–2100.
double geometricSolarElevation(std::chrono::sys_seconds instant, GeoPosition where);

/// The sun's apparent elevation in degrees: the geometric elevation plus NOAA's atmospheric
/// refraction, the number NOAA's solar calculator shows.
double solarElevation(std::chrono::sys_seconds instant, GeoPosition where);

/// Daylight above kSunriseElevation, twilight down to kCivilTwilightElevation, darkness below.
/// Takes the *geometric* elevation: both thresholds are defined on it, and -0.833° already
/// holds the refraction.
LightCondition lightConditionForElevation(double geometricElevation);

LightCondition lightCondition(std::chrono::sys_seconds instant, GeoPosition where);

/// The stored code: "dagsljus", "skymning" or "morker".
std::string_view lightConditionCode(LightCondition condition);
std::optional<LightCondition> parseLightCondition(std::string_view code);

/// The instant a date-time names; nothing when it carries no UTC offset, since a wall-clock
/// time alone is not a moment. Fractions of a second are dropped.
std::optional<std::chrono::sys_seconds> utcInstant(const DateTime& dateTime);

/// The wall-clock date-time at an instant for a UTC offset, carrying that offset.
DateTime localDateTime(std::chrono::sys_seconds instant, int utcOffsetMinutes);

} // namespace trygg
