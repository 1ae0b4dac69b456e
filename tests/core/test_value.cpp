#include <catch2/catch.hpp>

#include "tryggkarta/core/value.h"

using namespace trygg;

TEST_CASE("dates parse and print in ISO form") {
    auto date = parseDate("2024-02-29");
    REQUIRE(date);
    CHECK(date->year == 2024);
    CHECK(date->month == 2);
    CHECK(date->day == 29);
    CHECK(toIsoString(*date) == "2024-02-29");
    CHECK_FALSE(parseDate("2023-02-29")); // not a leap year
    CHECK_FALSE(parseDate("2024-13-01"));
    CHECK_FALSE(parseDate("24-1-1"));
}

TEST_CASE("date-times keep their zone and fractions") {
    auto dt = parseDateTime("2025-10-14T21:30:15.250+02:00");
    REQUIRE(dt);
    CHECK(dt->hour == 21);
    CHECK(dt->minute == 30);
    CHECK(dt->second == Approx(15.25));
    REQUIRE(dt->utcOffsetMinutes);
    CHECK(*dt->utcOffsetMinutes == 120);
    CHECK(toIsoString(*dt) == "2025-10-14T21:30:15.250+02:00");

    auto utc = parseDateTime("2025-10-14 19:30Z");
    REQUIRE(utc);
    CHECK(utc->utcOffsetMinutes == 0);
    CHECK(toIsoString(*utc) == "2025-10-14T19:30:00Z");

    auto local = parseDateTime("2025-10-14T19:30:00");
    REQUIRE(local);
    CHECK_FALSE(local->utcOffsetMinutes);
    CHECK_FALSE(parseDateTime("2025-10-14T25:00"));
    CHECK_FALSE(parseDateTime("kväll"));
}

TEST_CASE("display strings") {
    CHECK(toDisplayString(Value{}) == "");
    CHECK(toDisplayString(Value{std::int64_t{42}}) == "42");
    CHECK(toDisplayString(Value{2.5}) == "2.5");
    CHECK(toDisplayString(Value{std::string("Oskars torg")}) == "Oskars torg");
    CHECK(toDisplayString(Value{Date{2026, 6, 30}}) == "2026-06-30");
}
