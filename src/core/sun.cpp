#include "tryggkarta/core/sun.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace trygg {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;

double sinDeg(double degrees) {
    return std::sin(degrees * kDegree);
}
double cosDeg(double degrees) {
    return std::cos(degrees * kDegree);
}
double tanDeg(double degrees) {
    return std::tan(degrees * kDegree);
}

/// Always in [0, period), also for negative input (fmod keeps the sign).
double wrap(double value, double period) {
    double r = std::fmod(value, period);
    return r < 0.0 ? r + period : r;
}

/// NOAA's refraction model (the solar calculator spreadsheet), in degrees. Below the horizon
/// it keeps a small lift, as NOAA does, so the curve stays continuous around sunrise.
double atmosphericRefraction(double elevation) {
    if (elevation > 85.0) {
        return 0.0;
    }
    double t = tanDeg(elevation);
    double arcSeconds = 0.0;
    if (elevation > 5.0) {
        arcSeconds = 58.1 / t - 0.07 / (t * t * t) + 0.000086 / std::pow(t, 5);
    } else if (elevation > -0.575) {
        double e = elevation;
        arcSeconds = 1735.0 + e * (-518.2 + e * (103.4 + e * (-12.79 + e * 0.711)));
    } else {
        arcSeconds = -20.772 / t;
    }
    return arcSeconds / 3600.0;
}

} // namespace

double geometricSolarElevation(std::chrono::sys_seconds instant, GeoPosition where) {
    const double seconds = static_cast<double>(instant.time_since_epoch().count());
    const double julianDay = seconds / 86400.0 + 2440587.5;
    const double t = (julianDay - 2451545.0) / 36525.0; // Julian centuries since J2000.0

    const double meanLongitude = wrap(280.46646 + t * (36000.76983 + t * 0.0003032), 360.0);
    const double meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
    const double eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
    const double centre = sinDeg(meanAnomaly) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
                          sinDeg(2.0 * meanAnomaly) * (0.019993 - 0.000101 * t) +
                          sinDeg(3.0 * meanAnomaly) * 0.000289;
    const double omega = 125.04 - 1934.136 * t;
    const double apparentLongitude = meanLongitude + centre - 0.00569 - 0.00478 * sinDeg(omega);
    const double meanObliquity =
        23.0 + (26.0 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60.0) / 60.0;
    const double obliquity = meanObliquity + 0.00256 * cosDeg(omega);
    const double declination = std::asin(sinDeg(obliquity) * sinDeg(apparentLongitude)) / kDegree;

    const double y = tanDeg(obliquity / 2.0) * tanDeg(obliquity / 2.0);
    const double equationOfTimeMinutes =
        4.0 / kDegree *
        (y * sinDeg(2.0 * meanLongitude) - 2.0 * eccentricity * sinDeg(meanAnomaly) +
         4.0 * eccentricity * y * sinDeg(meanAnomaly) * cosDeg(2.0 * meanLongitude) -
         0.5 * y * y * sinDeg(4.0 * meanLongitude) -
         1.25 * eccentricity * eccentricity * sinDeg(2.0 * meanAnomaly));

    const double utcMinutes = wrap(seconds, 86400.0) / 60.0;
    const double trueSolarMinutes =
        wrap(utcMinutes + equationOfTimeMinutes + 4.0 * where.longitude, 1440.0);
    const double hourAngle = trueSolarMinutes / 4.0 - 180.0;

    const double cosZenith = sinDeg(where.latitude) * sinDeg(declination) +
                             cosDeg(where.latitude) * cosDeg(declination) * cosDeg(hourAngle);
    return 90.0 - std::acos(std::clamp(cosZenith, -1.0, 1.0)) / kDegree;
}

double solarElevation(std::chrono::sys_seconds instant, GeoPosition where) {
    double elevation = geometricSolarElevation(instant, where);
    return elevation + atmosphericRefraction(elevation);
}

LightCondition lightConditionForElevation(double geometricElevation) {
    if (geometricElevation > kSunriseElevation) {
        return LightCondition::Daylight;
    }
    if (geometricElevation >= kCivilTwilightElevation) {
        return LightCondition::Twilight;
    }
    return LightCondition::Darkness;
}

LightCondition lightCondition(std::chrono::sys_seconds instant, GeoPosition where) {
    return lightConditionForElevation(geometricSolarElevation(instant, where));
}

std::string_view lightConditionCode(LightCondition condition) {
    switch (condition) {
    case LightCondition::Daylight:
        return "dagsljus";
    case LightCondition::Twilight:
        return "skymning";
    case LightCondition::Darkness:
        return "morker";
    }
    return "morker";
}

std::optional<LightCondition> parseLightCondition(std::string_view code) {
    for (auto condition :
         {LightCondition::Daylight, LightCondition::Twilight, LightCondition::Darkness}) {
        if (lightConditionCode(condition) == code) {
            return condition;
        }
    }
    return std::nullopt;
}

std::optional<std::chrono::sys_seconds> utcInstant(const DateTime& dateTime) {
    using namespace std::chrono;
    if (!dateTime.utcOffsetMinutes) {
        return std::nullopt;
    }
    const year_month_day day{year{dateTime.date.year},
                             month{static_cast<unsigned>(dateTime.date.month)},
                             std::chrono::day{static_cast<unsigned>(dateTime.date.day)}};
    const auto wholeSeconds = static_cast<long long>(std::floor(dateTime.second));
    return sys_seconds{sys_days{day}} + hours{dateTime.hour} + minutes{dateTime.minute} +
           seconds{wholeSeconds} - minutes{*dateTime.utcOffsetMinutes};
}

DateTime localDateTime(std::chrono::sys_seconds instant, int utcOffsetMinutes) {
    using namespace std::chrono;
    const auto local = instant + minutes{utcOffsetMinutes};
    const auto day = floor<days>(local);
    const year_month_day date{day};
    const hh_mm_ss time{local - day};
    DateTime result;
    result.date =
        Date{static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
             static_cast<int>(static_cast<unsigned>(date.day()))};
    result.hour = static_cast<int>(time.hours().count());
    result.minute = static_cast<int>(time.minutes().count());
    result.second = static_cast<double>(time.seconds().count());
    result.utcOffsetMinutes = utcOffsetMinutes;
    return result;
}

} // namespace trygg
