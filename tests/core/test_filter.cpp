#include <catch2/catch.hpp>

#include "test_support.h"
#include "tryggkarta/core/filter.h"

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace trygg;

namespace {

const LayerDef& layerNamed(std::string_view table) {
    const LayerDef* def = test::sourceCatalog().find(table);
    REQUIRE(def != nullptr);
    return *def;
}

/// A feature of `def` with the named fields set and every other field NULL.
Feature featureOf(const LayerDef& def, std::int64_t id,
                  std::vector<std::pair<std::string_view, Value>> values) {
    Feature feature;
    feature.id = FeatureId{id};
    feature.values.resize(def.fields.size());
    for (auto& [name, value] : values) {
        auto index = def.fieldIndex(name);
        REQUIRE(index);
        feature.values[*index] = std::move(value);
    }
    return feature;
}

DateTime at(std::string_view text) {
    auto time = parseDateTime(text);
    REQUIRE(time);
    return *time;
}

/// Ten observations from a walk in Vännäs centrum.
std::vector<Feature> observations() {
    const LayerDef& def = layerNamed("observationer");
    using S = std::string;
    using I = std::int64_t;
    std::vector<Feature> features{
        featureOf(def, 1, {{"kategori", S("belysning")}, {"polaritet", S("otrygg")},
                           {"beskrivn", S("Mörkt vid ÅTERVINNINGEN")}, {"kansla", I{0}},
                           {"tidpunkt", at("2025-10-01T21:30")}, {"ljusforh", S("morker")}}),
        featureOf(def, 2, {{"kategori", S("belysning")}, {"polaritet", S("trygg")},
                           {"beskrivn", S("Bra ljus på torget")}, {"kansla", I{3}},
                           {"tidpunkt", at("2025-09-15T12:00")}, {"ljusforh", S("dagsljus")}}),
        featureOf(def, 3, {{"kategori", S("klotter")}, {"polaritet", S("otrygg")},
                           {"beskrivn", S("Klotter på återvinningsstationen")}, {"kansla", I{1}},
                           {"tidpunkt", at("2025-10-01T08:15")}}),
        featureOf(def, 4, {{"kategori", S("gomstallen")}, {"polaritet", S("otrygg")},
                           {"beskrivn", S("Buskage, MÖRKT")}, {"kansla", I{1}},
                           {"tidpunkt", at("2025-10-02T22:00+02:00")}}),
        featureOf(def, 5, {{"kategori", S("folkliv")}, {"polaritet", S("trivsam")},
                           {"beskrivn", S("Många människor")}, {"kansla", I{2}},
                           {"tidpunkt", at("2025-08-20T18:00")}}),
        featureOf(def, 6, {{"kategori", S("sikt")}, {"polaritet", S("otrygg")}}),
        featureOf(def, 7, {{"kategori", S("passage")}, {"polaritet", S("otrygg")},
                           {"beskrivn", S("")}, {"kansla", I{0}},
                           {"tidpunkt", at("2025-10-01T23:59")}}),
        featureOf(def, 8, {{"kategori", S("trafik")}, {"polaritet", S("trygg")},
                           {"beskrivn", S("Säker övergång")}, {"kansla", I{2}},
                           {"tidpunkt", at("2024-12-24T16:00")}}),
        featureOf(def, 9, {{"kategori", S("belysning")}, {"polaritet", S("otrygg")},
                           {"beskrivn", S("Trasig lampa")}, {"kansla", I{1}},
                           {"tidpunkt", at("2025-09-30T23:59:59")}}),
        featureOf(def, 10, {{"kategori", S("annat")}, {"polaritet", S("trivsam")}}),
    };
    features.back().values.resize(2); // a short row: the missing values count as NULL
    return features;
}

Filter parsed(std::string_view text, const LayerDef& def) {
    auto filter = parseFilter(text, def);
    INFO("filter: " << text);
    REQUIRE(filter);
    return *filter;
}

std::vector<std::int64_t> matchingIds(std::string_view text, const LayerDef& def,
                                      const std::vector<Feature>& features) {
    Filter filter = parsed(text, def);
    std::vector<std::int64_t> ids;
    for (const auto& feature : features) {
        if (filter.matches(feature)) {
            ids.push_back(toInt(feature.id));
        }
    }
    return ids;
}

std::vector<std::int64_t> observed(std::string_view text) {
    return matchingIds(text, layerNamed("observationer"), observations());
}

Error failure(std::string_view text, std::string_view table = "observationer") {
    auto filter = parseFilter(text, layerNamed(table));
    INFO("filter: " << text);
    REQUIRE_FALSE(filter);
    return filter.error();
}

using Ids = std::vector<std::int64_t>;

} // namespace

TEST_CASE("a coded field takes the code or either label", "[filter]") {
    CHECK(observed("kategori = belysning") == Ids{1, 2, 9});
    CHECK(observed("kategori = Belysning") == Ids{1, 2, 9});
    CHECK(observed("Category = lighting") == Ids{1, 2, 9});
    CHECK(observed("kategori = 'Klotter/skadegörelse'") == Ids{3});
    CHECK(observed("kategori = \"GRAFFITI/VANDALISM\"") == Ids{3});
    CHECK(observed("\"Upplevelse\" = otrygg") == Ids{1, 3, 4, 6, 7, 9});
    CHECK(observed("Upplevelse <> otrygg") == Ids{2, 5, 8, 10});
    CHECK(observed("Känsla = Obehaglig") == Ids{3, 4, 9});
    CHECK(observed("kansla=1") == Ids{3, 4, 9});
    CHECK(observed("kansla <= 1") == Ids{1, 3, 4, 7, 9});
    CHECK(observed("kansla ≥ Acceptabel") == Ids{2, 5, 8});
}

TEST_CASE("IN and NOT IN take a list of codes, labels or numbers", "[filter]") {
    CHECK(observed("kategori IN (belysning, Klotter/skadegörelse, 'Hiding places')") ==
          Ids{1, 2, 3, 4, 9});
    CHECK(observed("kansla IN (0,3)") == Ids{1, 2, 7});
    CHECK(observed("kansla in (1, 2)") == Ids{3, 4, 5, 8, 9});
    // NULL is in no list and outside none: feature 6 and 10 have no feeling.
    CHECK(observed("kansla NOT IN (0, 1)") == Ids{2, 5, 8});
    CHECK(observed("kansla INTE I (0, 1)") == Ids{2, 5, 8});
}

TEST_CASE("NOT, AND and OR follow SQL: AND binds tighter and NULL stays unknown", "[filter]") {
    CHECK(observed("NOT kategori = belysning") == Ids{3, 4, 5, 6, 7, 8, 10});
    CHECK(observed("not kansla = 1") == Ids{1, 2, 5, 7, 8});
    CHECK(observed("kansla != 1") == Ids{1, 2, 5, 7, 8});
    CHECK(observed("NOT NOT kansla = 1") == Ids{3, 4, 9});
    CHECK(observed("kategori = belysning OR kategori = klotter AND kansla = 3") == Ids{1, 2, 9});
    CHECK(observed("(kategori = belysning OR kategori = klotter) AND kansla = 3") == Ids{2});
    CHECK(observed("kategori = klotter AND kansla = 3 OR kategori = belysning") == Ids{1, 2, 9});
    CHECK(observed("kansla = 0 OR kansla = 3 OR polaritet = trivsam") == Ids{1, 2, 5, 7, 10});
    CHECK(observed("NOT (kansla = 1 OR kansla IS NULL)") == Ids{1, 2, 5, 7, 8});
    CHECK(observed("((kategori = belysning) and (((polaritet = otrygg))))") == Ids{1, 9});
}

TEST_CASE("IS NULL finds missing values, empty text included", "[filter]") {
    CHECK(observed("beskrivn IS NULL") == Ids{6, 7, 10});
    CHECK(observed("beskrivn is not null") == Ids{1, 2, 3, 4, 5, 8, 9});
    CHECK(observed("Beskrivning ÄR TOM") == Ids{6, 7, 10});
    CHECK(observed("kansla är inte tom") == Ids{1, 2, 3, 4, 5, 7, 8, 9});
    CHECK(observed("tidpunkt IS NULL") == Ids{6, 10});
}

TEST_CASE("CONTAINS ignores case, å, ä and ö included", "[filter]") {
    CHECK(observed("beskrivn CONTAINS 'mörkt'") == Ids{1, 4});
    CHECK(observed("beskrivn contains MÖRKT") == Ids{1, 4});
    CHECK(observed("Beskrivning INNEHÅLLER 'ÅTERVINNING'") == Ids{1, 3});
    CHECK(observed("beskrivn innehåller 'säker ÖVERGÅNG'") == Ids{8});
    CHECK(observed("beskrivn NOT CONTAINS 'mörkt'") == Ids{2, 3, 5, 8, 9});
    // On a coded field CONTAINS searches codes and labels.
    CHECK(observed("kategori CONTAINS 'skadegörelse'") == Ids{3});
    CHECK(observed("kategori contains LIGHT") == Ids{1, 2, 9});
}

TEST_CASE("dates and date-times compare chronologically", "[filter]") {
    CHECK(observed("tidpunkt = 2025-10-01") == Ids{1, 3, 7});
    CHECK(observed("tidpunkt > 2025-10-01") == Ids{4});
    CHECK(observed("tidpunkt >= 2025-10-01") == Ids{1, 3, 4, 7});
    CHECK(observed("tidpunkt < 2025-10-01") == Ids{2, 5, 8, 9});
    CHECK(observed("tidpunkt <= 2024-12-24") == Ids{8});
    CHECK(observed("tidpunkt >= '2025-10-01 21:00'") == Ids{1, 4, 7});
    CHECK(observed("tidpunkt < 2025-10-01T08:15:01") == Ids{2, 3, 5, 8, 9});
    // 22:00+02:00 is 20:00 UTC: compared as an instant when both sides carry an offset.
    CHECK(observed("tidpunkt < 2025-10-02T21:00Z AND tidpunkt > 2025-10-01") == Ids{4});
    CHECK(observed("tidpunkt < 2025-10-02T21:00 AND tidpunkt > 2025-10-01") == Ids{});
}

TEST_CASE("numbers take a decimal comma or point", "[filter]") {
    CHECK(observed("kansla < 1,5") == Ids{1, 3, 4, 7, 9});
    CHECK(observed("kansla > 1.5") == Ids{2, 5, 8});
    CHECK(observed("kansla >= -1 AND kansla < 0,5") == Ids{1, 7});

    const LayerDef& def = layerNamed("atgarder");
    using S = std::string;
    std::vector<Feature> measures{
        featureOf(def, 1, {{"typ", S("ny_belysning")}, {"status", S("forslag")},
                           {"kostnad", 12500.5}, {"deadline", Date{2025, 11, 30}}}),
        featureOf(def, 2, {{"typ", S("klotter")}, {"status", S("klar")}, {"kostnad", 3000.0},
                           {"deadline", Date{2025, 6, 1}}}),
        featureOf(def, 3, {{"typ", S("beskarning")}, {"status", S("pagar")}}),
        featureOf(def, 4, {{"typ", S("ny_belysning")}, {"status", S("beslutad")},
                           {"kostnad", std::int64_t{80000}}, {"deadline", Date{2026, 3, 15}}}),
    };
    CHECK(matchingIds("kostnad > 12500,25", def, measures) == Ids{1, 4});
    CHECK(matchingIds("kostnad <= 3000", def, measures) == Ids{2});
    CHECK(matchingIds("Kostnad = 80000,0", def, measures) == Ids{4});
    CHECK(matchingIds("kostnad IN ('12500,5', 3000)", def, measures) == Ids{1, 2});
    CHECK(matchingIds("\"Typ av åtgärd\" = 'Ny belysning'", def, measures) == Ids{1, 4});
    CHECK(matchingIds("\"Klart senast\" < 2026-01-01", def, measures) == Ids{1, 2});
    CHECK(matchingIds("status I (Förslag, beslutad, Planned)", def, measures) == Ids{1, 4});
    CHECK(parsed("kostnad > 12500,25", def).describe("sv") == "Kostnad > 12500,25");
    CHECK(parsed("kostnad > 12500,25", def).describe("en") == "Cost > 12500.25");
}

TEST_CASE("keywords in Swedish or English, in any case", "[filter]") {
    CHECK(observed("kategori = belysning OCH INTE kansla = 3") == Ids{1, 9});
    CHECK(observed("Upplevelse = trivsam ELLER kategori I (trafik)") == Ids{5, 8, 10});
    CHECK(observed("KATEGORI = BELYSNING and Känsla >= 1") == Ids{2, 9});
    CHECK(observed("inte (kategori = belysning eller kategori = klotter) och kansla < 2") ==
          Ids{4, 7});
}

TEST_CASE("an empty filter matches every feature", "[filter]") {
    const LayerDef& def = layerNamed("observationer");
    for (std::string_view text : {"", "   ", "\t\n"}) {
        Filter filter = parsed(text, def);
        CHECK(filter.matchesEverything());
        CHECK(observed(text).size() == 10);
        CHECK(filter.describe("sv") == "alla objekt");
        CHECK(filter.describe("en") == "all features");
    }
    CHECK(Filter().matches(Feature{}));
    CHECK_FALSE(parsed("kansla = 1", def).matchesEverything());
    CHECK(parsed(" kansla = 1", def).text() == " kansla = 1");
}

TEST_CASE("describe reads the filter back with labels", "[filter]") {
    const LayerDef& def = layerNamed("observationer");
    Filter filter = parsed("kategori = belysning AND kansla <= 1", def);
    CHECK(filter.describe("sv") == "Kategori = Belysning och Känsla ≤ 1");
    CHECK(filter.describe("en") == "Category = Lighting and Feeling ≤ 1");

    filter = parsed("(kategori IN (belysning, klotter) OR beskrivn CONTAINS 'mörk') "
                    "AND NOT kansla IS NULL AND kansla != Bekväm",
                    def);
    CHECK(filter.describe("sv") == "(Kategori i (Belysning, Klotter/skadegörelse) eller "
                                   "Beskrivning innehåller \"mörk\") och inte (Känsla är tom) "
                                   "och Känsla ≠ Bekväm");
    CHECK(filter.describe("en") == "(Category in (Lighting, Graffiti/vandalism) or "
                                   "Description contains \"mörk\") and not (Feeling is empty) "
                                   "and Feeling ≠ Comfortable");
    CHECK(parsed("tidpunkt >= 2025-10-01 OCH beskrivn = 'Trasig lampa'", def).describe("sv") ==
          "Tidpunkt ≥ 2025-10-01 och Beskrivning = \"Trasig lampa\"");
}

TEST_CASE("errors name the problem and its character position", "[filter]") {
    Error error = failure("kateogri = belysning");
    CHECK(error.code == ErrorCode::Usage);
    CHECK(error.message.starts_with(
        "position 1: unknown field 'kateogri' (fields: kategori, polaritet, beskrivn,"));
    CHECK(error.describe().starts_with("filter: position 1: unknown field"));

    // Positions count characters, not bytes: "Känsla" is 6.
    CHECK(failure("Känsla = 1 OCH kateogri = x").message.starts_with("position 16: unknown field"));

    error = failure("kategori = ufo");
    CHECK(error.code == ErrorCode::InvalidValue);
    CHECK(error.message == "position 12: unknown value 'ufo' for kategori (values: belysning, "
                           "sikt, orientering, gomstallen, folkliv, klotter, nedskrapning, "
                           "passage, parkering, busshallplats, trafik, tillganglighet, annat)");
    CHECK(failure("kansla IN (1, 7)")
              .message.starts_with("position 15: unknown value '7' for kansla"));

    error = failure("(kategori = belysning OR kansla = 1");
    CHECK(error.code == ErrorCode::Usage);
    CHECK(error.message == "position 36: expected ')' to close the '(' at position 1, "
                           "found the end of the filter");
    CHECK(failure("kansla IN (1, 2").message ==
          "position 16: expected ',' or ')' to close the list at position 11, found the end of "
          "the filter");

    CHECK(failure("kategori = belysning kansla").message ==
          "position 22: unexpected 'kansla' (expected AND, OR or the end; values with spaces "
          "go in quotes)");
    CHECK(failure("kalla = Annan källa").message.starts_with("position 15: unexpected 'källa'"));
    CHECK(failure("kategori = belysning)").message ==
          "position 21: unexpected ')' without a matching '('");

    CHECK(failure("kategori = belysning AND").message ==
          "position 25: expected a field name, found the end of the filter");
    CHECK(failure("kategori =").message ==
          "position 11: expected a value after '=', found the end of the filter");
    CHECK(failure("kategori belysning").message ==
          "position 10: expected an operator (=, !=, <, <=, >, >=, IN, CONTAINS or IS) after "
          "kategori, found 'belysning'");
    CHECK(failure("beskrivn = 'oavslutad").message ==
          "position 12: unclosed quote: no ' ends the text started here");
    CHECK(failure("kansla ! 1").message.starts_with("position 8: unexpected '!'"));
    CHECK(failure("kansla = NULL").message.starts_with("position 10: nothing equals NULL"));
    CHECK(failure("kategori < belysning").message ==
          "position 10: '<' cannot order text: kategori is a text field (use =, !=, IN or "
          "CONTAINS)");
    CHECK(failure("kansla CONTAINS 1").message ==
          "position 8: CONTAINS needs a text field; kansla is integer");
    CHECK(failure("kategori CONTAINS xyz").code == ErrorCode::InvalidValue);

    error = failure("vandring = tre");
    CHECK(error.code == ErrorCode::InvalidValue);
    CHECK(error.message == "position 12: 'tre' is not a number (vandring)");
    CHECK(failure("tidpunkt > 2025-13-01").message.starts_with(
        "position 12: '2025-13-01' is not a date or date-time"));
    CHECK(failure("deadline = 2025-10-01T12:00", "atgarder").message ==
          "position 12: '2025-10-01T12:00' is not a date (YYYY-MM-DD) (deadline)");
}

TEST_CASE("a label that two fields share must be written as a field name", "[filter]") {
    LayerDef def = layerNamed("observationer");
    def.fields[6].label.en = "Source"; // kansla now shares kalla's English label
    auto filter = parseFilter("Source = polis", def);
    REQUIRE_FALSE(filter);
    CHECK(filter.error().message ==
          "position 1: field 'Source' is ambiguous (kalla, kansla): write the field name");
    CHECK(parseFilter("kalla = polis", def));
}

TEST_CASE("hostile input gives an error, never a crash", "[filter]") {
    const LayerDef& def = layerNamed("observationer");
    std::string deep = std::string(10'000, '(') + "kansla = 1" + std::string(10'000, ')');
    auto filter = parseFilter(deep, def);
    REQUIRE_FALSE(filter);
    CHECK(filter.error().code == ErrorCode::Usage);
    CHECK(filter.error().message ==
          "position 65: nesting deeper than 64 levels of parentheses and NOT");

    std::string nots;
    for (int i = 0; i < 10'000; ++i) {
        nots += "NOT ";
    }
    CHECK(failure(nots + "kansla = 1").message.starts_with("position 257: nesting deeper"));

    std::string limit = std::string(64, '(') + "kansla = 1" + std::string(64, ')');
    CHECK(observed(limit) == Ids{3, 4, 9});

    std::string chain = "kansla = 1";
    for (int i = 0; i < 2'000; ++i) {
        chain += " OR kansla = 1 AND kategori = belysning";
    }
    CHECK(observed(chain) == Ids{3, 4, 9});

    CHECK(failure(std::string(kMaxFilterLength + 1, ' ')).message ==
          "filter is too long (100001 bytes; at most 100000)");
    CHECK(failure("beskrivn = '\xC3('").message == "filter is not valid UTF-8 text");

    // Random token soup: every input parses or fails cleanly, and what parses can match.
    const std::vector<std::string> pieces{
        "(",        ")",    ",",      "=",        "<=",        "!=",        "≥",       "<>",
        "==",       "'",    "\"",     "''",       "!",         "-",         "\t",      "AND",
        "or",       "INTE", "IN",     "ÄR",       "TOM",       "NULL",      "IS",      "NOT",
        "contains", "1,",   ",5",     "1,5",      "2025-10-01", "belysning", "'Mörkt'", "ö",
        "kansla",   "kategori",       "tidpunkt", "beskrivn",  "Känsla"};
    const std::string_view separators[] = {" ", "", "\n"};
    std::mt19937 random(20251001);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    auto features = observations();
    int parsedCount = 0;
    for (int round = 0; round < 20'000; ++round) {
        std::string text;
        auto length = std::uniform_int_distribution<int>(0, 12)(random);
        for (int i = 0; i < length; ++i) {
            text += pieces[pick(random)];
            text += separators[std::uniform_int_distribution<std::size_t>(0, 2)(random)];
        }
        auto result = parseFilter(text, def);
        if (result) {
            ++parsedCount;
            for (const auto& feature : features) {
                (void)result->matches(feature);
            }
            CHECK_FALSE(result->describe("en").empty());
        } else {
            CHECK(result.error().message.size() < 1000);
        }
    }
    CHECK(parsedCount > 1000);
}
