#include "tryggkarta/core/sun.h"

#include <catch2/catch.hpp>

using namespace trygg;

namespace {

// Expected elevations come from a one-off Python check that ran two independent algorithms:
// NOAA's solar calculator formulas (geometric and refraction-corrected) and the Astronomical
// Almanac's low-precision sun (RA/Dec and sidereal time). The two agreed within 0.003°.
std::chrono::sys_seconds at(const char* iso) {
    auto dateTime = parseDateTime(iso);
    REQUIRE(dateTime);
    auto instant = utcInstant(*dateTime);
    REQUIRE(instant);
    return *instant;
}

constexpr double kTolerance = 0.1; // degrees

} // namespace

TEST_CASE("midsummer in Vännäs: high noon, and the sun only grazes below the horizon") {
    // Solar noon 10:43 UTC: 90 - 63.91 + 23.44 ≈ 49.5°.
    CHECK(solarElevation(at("2025-06-21T10:43:00Z"), kVannasCentrum) ==
          Approx(49.538).margin(kTolerance));
    CHECK(geometricSolarElevation(at("2025-06-21T10:43:00Z"), kVannasCentrum) ==
          Approx(49.525).margin(kTolerance));

    // Local midnight (summer time) and the lowest point at solar midnight, 22:43 UTC.
    auto midnight = at("2025-06-21T00:00:00+02:00");
    CHECK(geometricSolarElevation(midnight, kVannasCentrum) == Approx(-2.247).margin(kTolerance));
    CHECK(solarElevation(midnight, kVannasCentrum) == Approx(-2.100).margin(kTolerance));
    CHECK(lightCondition(midnight, kVannasCentrum) == LightCondition::Twilight);
    auto solarMidnight = at("2025-06-21T22:43:00Z");
    CHECK(geometricSolarElevation(solarMidnight, kVannasCentrum) ==
          Approx(-2.650).margin(kTolerance));
    CHECK(solarElevation(solarMidnight, kVannasCentrum) == Approx(-2.526).margin(kTolerance));
    CHECK(lightCondition(solarMidnight, kVannasCentrum) == LightCondition::Twilight);
}

TEST_CASE("midwinter in Vännäs: a low noon sun, dark by four") {
    auto noon = at("2025-12-21T12:00:00+01:00");
    // Refraction lifts a sun this low by a quarter of a degree.
    CHECK(geometricSolarElevation(noon, kVannasCentrum) == Approx(2.553).margin(kTolerance));
    CHECK(solarElevation(noon, kVannasCentrum) == Approx(2.804).margin(kTolerance));
    CHECK(lightCondition(noon, kVannasCentrum) == LightCondition::Daylight);

    auto afternoon = at("2025-12-21T16:00:00+01:00");
    CHECK(solarElevation(afternoon, kVannasCentrum) == Approx(-10.803).margin(kTolerance));
    CHECK(lightCondition(afternoon, kVannasCentrum) == LightCondition::Darkness);
}

TEST_CASE("equinox and autumn in Vännäs: daylight, dusk, dark") {
    auto noon = at("2025-03-20T12:00:00+01:00");
    CHECK(solarElevation(noon, kVannasCentrum) == Approx(26.119).margin(kTolerance));
    CHECK(lightCondition(noon, kVannasCentrum) == LightCondition::Daylight);

    auto dusk = at("2025-03-20T18:15:00+01:00");
    CHECK(solarElevation(dusk, kVannasCentrum) == Approx(-2.690).margin(kTolerance));
    CHECK(lightCondition(dusk, kVannasCentrum) == LightCondition::Twilight);

    auto evening = at("2025-10-14T19:30:00+02:00");
    CHECK(solarElevation(evening, kVannasCentrum) == Approx(-14.454).margin(kTolerance));
    CHECK(lightCondition(evening, kVannasCentrum) == LightCondition::Darkness);
}

TEST_CASE("sunset is judged on the geometric elevation, which already allows for refraction") {
    // Two minutes after the almanac's sunset (17:56 CET): the centre is 0.95° down, though
    // refraction still shows it at -0.60°. It counts as twilight.
    auto justAfter = at("2025-03-20T17:58:00+01:00");
    CHECK(geometricSolarElevation(justAfter, kVannasCentrum) == Approx(-0.948).margin(kTolerance));
    CHECK(solarElevation(justAfter, kVannasCentrum) == Approx(-0.599).margin(kTolerance));
    CHECK(lightCondition(justAfter, kVannasCentrum) == LightCondition::Twilight);
    CHECK(lightCondition(at("2025-03-20T17:56:00+01:00"), kVannasCentrum) ==
          LightCondition::Daylight);
}

TEST_CASE("light-condition thresholds and codes") {
    CHECK(lightConditionForElevation(10.0) == LightCondition::Daylight);
    CHECK(lightConditionForElevation(-0.8) == LightCondition::Daylight);
    CHECK(lightConditionForElevation(-0.9) == LightCondition::Twilight);
    CHECK(lightConditionForElevation(-6.0) == LightCondition::Twilight);
    CHECK(lightConditionForElevation(-6.1) == LightCondition::Darkness);
    CHECK(lightConditionCode(LightCondition::Daylight) == "dagsljus");
    CHECK(lightConditionCode(LightCondition::Twilight) == "skymning");
    CHECK(lightConditionCode(LightCondition::Darkness) == "morker");
    CHECK(parseLightCondition("skymning") == LightCondition::Twilight);
    CHECK_FALSE(parseLightCondition("mörker"));
}

TEST_CASE("date-times become instants only with a UTC offset") {
    using namespace std::chrono;
    auto summer = parseDateTime("2025-06-21T00:30:15.750+02:00");
    REQUIRE(summer);
    CHECK(utcInstant(*summer) == sys_days{2025y / June / 20} + 22h + 30min + 15s);
    auto local = parseDateTime("2025-06-21T00:30:00");
    REQUIRE(local);
    CHECK_FALSE(utcInstant(*local));

    auto back = localDateTime(sys_days{2025y / December / 31} + 23h + 30min, 60);
    CHECK(toIsoString(back) == "2026-01-01T00:30:00+01:00");
    auto west = localDateTime(sys_days{2025y / January / 1} + 1h, -300);
    CHECK(toIsoString(west) == "2024-12-31T20:00:00-05:00");
}
