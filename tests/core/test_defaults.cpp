#include "tryggkarta/core/defaults.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

using namespace trygg;

namespace {

FieldDef makeField(std::string name, FieldType type, FieldDefault::Kind kind) {
    FieldDef field;
    field.name = std::move(name);
    field.type = type;
    field.label = {field.name, field.name};
    field.defaultRule.kind = kind;
    return field;
}

FieldDef lightField() {
    auto field = makeField("ljusforh", FieldType::Text, FieldDefault::Kind::LightCondition);
    field.values = {{"dagsljus", {"Dagsljus", "Daylight"}},
                    {"skymning", {"Skymning", "Dusk"}},
                    {"morker", {"Mörker", "Darkness"}}};
    return field;
}

DefaultContext contextAt(const char* iso) {
    auto now = parseDateTime(iso);
    REQUIRE(now);
    DefaultContext context;
    context.now = *now;
    return context;
}

/// Sets TZ for one test and puts the old value back, so other tests see the zone they had.
class ScopedTimeZone {
public:
    explicit ScopedTimeZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) {
            m_old = old;
        }
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~ScopedTimeZone() {
        if (m_old) {
            ::setenv("TZ", m_old->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    ScopedTimeZone(const ScopedTimeZone&) = delete;
    ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

private:
    std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("$now gives the local time with its offset, or today on a date field") {
    auto context = contextAt("2025-10-14T19:30:15+02:00");
    auto tidpunkt =
        defaultValue(makeField("tidpunkt", FieldType::DateTime, FieldDefault::Kind::Now), context);
    REQUIRE(std::holds_alternative<DateTime>(tidpunkt));
    CHECK(toIsoString(std::get<DateTime>(tidpunkt)) == "2025-10-14T19:30:15+02:00");

    // Just after midnight in Sweden it is still yesterday in UTC; the walk's date is the local one.
    auto datum = defaultValue(makeField("datum", FieldType::Date, FieldDefault::Kind::Now),
                              contextAt("2025-10-15T00:10:00+02:00"));
    REQUIRE(std::holds_alternative<Date>(datum));
    CHECK(std::get<Date>(datum) == Date{2025, 10, 15});
}

TEST_CASE("$current_walk is the walk in progress, or NULL") {
    auto field = makeField("vandring", FieldType::Integer, FieldDefault::Kind::CurrentWalk);
    auto context = contextAt("2025-10-14T19:30:00+02:00");
    CHECK(isNull(defaultValue(field, context)));
    context.currentWalk = 7;
    CHECK(defaultValue(field, context) == Value{std::int64_t{7}});
}

TEST_CASE("$light_condition follows the sun over Vännäs") {
    auto field = lightField();
    CHECK(defaultValue(field, contextAt("2025-03-20T12:00:00+01:00")) ==
          Value{std::string("dagsljus")});
    CHECK(defaultValue(field, contextAt("2025-06-21T00:00:00+02:00")) ==
          Value{std::string("skymning")}); // midsummer night: the sun at -2.2°
    CHECK(defaultValue(field, contextAt("2025-12-21T16:00:00+01:00")) ==
          Value{std::string("morker")});
    // The same instant is dark in Rome: the place counts, not only the clock.
    auto rome = contextAt("2025-06-21T00:00:00+02:00");
    rome.latitude = 41.9;
    rome.longitude = 12.5;
    CHECK(defaultValue(field, rome) == Value{std::string("morker")});
    // Without a UTC offset the moment is unknown, so the form is left empty, not guessed.
    CHECK(isNull(defaultValue(field, contextAt("2025-03-20T12:00:00"))));
}

TEST_CASE("literal defaults and fields without one") {
    auto status = makeField("status", FieldType::Text, FieldDefault::Kind::Literal);
    status.defaultRule.literal = std::string("forslag");
    auto context = contextAt("2025-10-14T19:30:00+02:00");
    CHECK(defaultValue(status, context) == Value{std::string("forslag")});
    CHECK(isNull(
        defaultValue(makeField("beskrivn", FieldType::Text, FieldDefault::Kind::None), context)));
}

TEST_CASE("a new feature's values follow the field order") {
    LayerDef layer;
    layer.table = "observationer";
    layer.fields = {makeField("beskrivn", FieldType::Text, FieldDefault::Kind::None),
                    makeField("tidpunkt", FieldType::DateTime, FieldDefault::Kind::Now),
                    lightField(),
                    makeField("vandring", FieldType::Integer, FieldDefault::Kind::CurrentWalk)};
    auto context = contextAt("2025-12-21T16:00:00+01:00");
    context.currentWalk = 3;
    auto values = defaultValues(layer, context);
    REQUIRE(values.size() == 4);
    CHECK(isNull(values[0]));
    CHECK(toDisplayString(values[1]) == "2025-12-21T16:00:00+01:00");
    CHECK(values[2] == Value{std::string("morker")});
    CHECK(values[3] == Value{std::int64_t{3}});
}

TEST_CASE("the current context reads the clock in the local zone, at Vännäs") {
    ScopedTimeZone zone("Europe/Stockholm");
    auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto context = currentContext();
    auto after = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    REQUIRE(context.now.utcOffsetMinutes);
    const int offset = *context.now.utcOffsetMinutes;
    CHECK((offset == 60 || offset == 120)); // CET or CEST
    auto instant = utcInstant(context.now);
    REQUIRE(instant);
    CHECK(*instant >= before);
    CHECK(*instant <= after);
    CHECK_FALSE(context.currentWalk);
    CHECK(context.latitude == 63.9135);
    CHECK(context.longitude == 19.7545);

    ScopedTimeZone utc("UTC");
    CHECK(currentContext().now.utcOffsetMinutes == 0);
}
