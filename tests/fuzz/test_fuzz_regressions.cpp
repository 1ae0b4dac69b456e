// What the fuzz targets (tests/fuzz, scripts/fuzz.sh) found, kept fixed in the normal build;
// and their seed inputs, which must keep parsing so that fuzzing starts past the first checks.
#include "fuzz/nmea_reader.h"
#include "test_support.h"

#include "cli/cli_support.h"
#include "gui/gps_fix.h"
#include "tryggkarta/analysis/lighting_classes.h"
#include "tryggkarta/analysis/photometry.h"
#include "tryggkarta/io/import_mapping.h"

#include <catch2/catch.hpp>

using namespace trygg;
using trygg::test::readAll;
using trygg::test::sourceCatalog;

namespace {

std::string seed(const std::string& target, const std::string& name) {
    return readAll(std::filesystem::path(TRYGG_FUZZ_CORPUS_DIR) / target / name);
}

} // namespace

TEST_CASE("a JSON number beyond a double's range is an error naming the file, not a crash",
          "[fuzz]") {
    // fuzz_import_mapping, then fuzz_layer_definition: nlohmann-json reports the overflow as
    // out_of_range, not parse_error, and only parse_error was caught.
    const std::string huge = "[1.7e41998]";

    auto mapping = parseImportMapping(huge, "enkat.json", sourceCatalog());
    REQUIRE_FALSE(mapping);
    CHECK(mapping.error().code == ErrorCode::InvalidFormat);
    CHECK(mapping.error().where == "enkat.json");

    auto layer = parseLayerDefinition(R"({"format": "tryggkarta-layer/1", "order": 1e999})",
                                      "lager.json");
    REQUIRE_FALSE(layer);
    CHECK(layer.error().code == ErrorCode::InvalidDefinition);
    CHECK(layer.error().where == "lager.json");

    auto classes = parseLightingClassTable(huge, "belysningsklasser.json");
    REQUIRE_FALSE(classes);
    CHECK(classes.error().code == ErrorCode::InvalidFormat);
    CHECK(classes.error().where == "belysningsklasser.json");
}

TEST_CASE("a text length no int can hold is an error at its key, not undefined behaviour",
          "[fuzz]") {
    // fuzz_layer_definition: "max_length": 2e42 went through static_cast<int>.
    for (const char* length : {"2e42", "-1e30", "12.5", "0"}) {
        const std::string json = std::string(R"({"format": "tryggkarta-layer/1", "table": "t",
            "title": {"sv": "T"}, "geometry": "Point", "fields": [{"name": "namn",
            "type": "text", "label": {"sv": "Namn"}, "max_length": )") + length + "}]}";
        auto layer = parseLayerDefinition(json, "lager.json");
        REQUIRE_FALSE(layer);
        CHECK(layer.error().code == ErrorCode::InvalidDefinition);
        CHECK(layer.error().where == "lager.json: fields[0].max_length");
    }
}

TEST_CASE("a default on a field with limits of another type is checked without throwing",
          "[fuzz]") {
    // fuzz_layer_definition: "min" on a text field (or "max_length" on a number field) with a
    // default reached std::get of the wrong alternative in checkValue: bad_variant_access,
    // before validate() could reject the definition.
    const auto definition = [](const std::string& field) {
        return R"({"format": "tryggkarta-layer/1", "table": "t", "title": {"sv": "T"},
            "geometry": "Point", "fields": [)" + field + "]}";
    };
    auto text = parseLayerDefinition(definition(R"({"name": "namn", "type": "text",
        "label": {"sv": "Namn"}, "min": 1, "default": "Storgatan"})"), "lager.json");
    REQUIRE(text);
    auto textValid = validate(*text);
    REQUIRE_FALSE(textValid);
    CHECK(textValid.error().message == "min and max apply to numbers only");

    auto number = parseLayerDefinition(definition(R"({"name": "antal", "type": "integer",
        "label": {"sv": "Antal"}, "max_length": 5, "default": 3})"), "lager.json");
    REQUIRE(number);
    CHECK_FALSE(validate(*number));

    FieldDef field;
    field.name = "namn";
    field.type = FieldType::Text;
    field.min = 1.0;
    CHECK_FALSE(checkValue(field, Value(std::string("Storgatan"))));
}

TEST_CASE("the photometry seeds parse", "[fuzz][seeds]") {
    auto ldt = parseEulumdat(seed("eulumdat", "tiny.ldt"), "tiny.ldt");
    REQUIRE(ldt);
    CHECK(ldt->isRotationallySymmetric());
    CHECK(ldt->gammaAngles().size() == 5);
    CHECK(ldt->intensity(123.0, 0.0) == Approx(300.0)); // 300 cd/klm for 1000 lm
    CHECK(ldt->intensity(0.0, 22.5) == Approx(280.5));  // written with a decimal comma

    auto ies = parseIes(seed("ies", "tiny_2002.ies"), "tiny_2002.ies");
    REQUIRE(ies);
    CHECK(ies->intensity(0.0, 0.0) == Approx(300.0));
    CHECK(ies->intensity(90.0, 45.0) == Approx(150.0));
    CHECK(ies->intensity(180.0, 45.0) == Approx(200.0)); // quadrant symmetry mirrors C0

    auto absolute = parseIes(seed("ies", "tiny_1991_absolute.ies"), "tiny_1991_absolute.ies");
    REQUIRE(absolute);
    CHECK(absolute->intensity(0.0, 0.0) == Approx(100.0));
}

TEST_CASE("the definition and mapping seeds parse", "[fuzz][seeds]") {
    auto layer = parseLayerDefinition(seed("layer_definition", "tiny.json"), "tiny.json");
    INFO((layer ? std::string() : layer.error().describe()));
    REQUIRE(layer);
    CHECK(layer->table == "t");
    CHECK(layer->fields.size() == 2);

    const std::string input = seed("import_mapping", "tiny_with_answers.bin");
    const std::size_t nul = input.find('\0');
    REQUIRE(nul != std::string::npos);
    auto mapping = parseImportMapping(input.substr(0, nul), "tiny.json", sourceCatalog());
    REQUIRE(mapping);
    CHECK(mapping->fields.at("kategori").apply({std::string("MÖRKT")}) == "belysning");
    CHECK(mapping->fields.at("kategori").apply({std::string("Klotter")}) == "klotter"); // ours
    CHECK(mapping->fields.at("kategori").apply({std::string("Trasig bänk")}) == "annat");
    CHECK(mapping->fields.at("tidpunkt").apply({std::string("12/10/2025 18:30")}) ==
          "2025-10-12T18:30:00");
    CHECK(mapping->fields.at("beskrivn").apply({std::string("Torget"), std::nullopt}) == "Torget");
}

TEST_CASE("the extent seeds parse", "[fuzz][seeds]") {
    auto extent = cli::parseExtent(seed("extent", "sweref.txt"));
    REQUIRE(extent);
    CHECK(extent->min_corner().x() == 756000.5);
    CHECK(extent->max_corner().y() == 7088500.0);
    CHECK_FALSE(cli::parseExtent(seed("extent", "extremes.txt")));
}

TEST_CASE("the NMEA seed gives positions in SWEREF 99 TM", "[fuzz][seeds]") {
    auto fromWgs84 = CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84),
                                                 Crs::fromEpsg(crs::kSweref99Tm));
    REQUIRE(fromWgs84);
    fuzz::NmeaSentenceReader reader;
    std::string text = seed("nmea", "walk.nmea");
    std::string_view rest = text;
    std::vector<GpsFix> fixes;
    while (!rest.empty()) {
        QGeoPositionInfo info;
        if (reader.read(fuzz::takeLine(rest), info)) {
            if (auto fix = gpsFix(info, *fromWgs84)) {
                fixes.push_back(*fix);
            }
        }
    }
    REQUIRE_FALSE(fixes.empty());
    // 63°54.7170'N 19°40.4670'E, as cs2cs EPSG:4326 EPSG:3006 puts it
    CHECK(fixes.front().position.x() == Approx(729200.549).margin(0.01));
    CHECK(fixes.front().position.y() == Approx(7095606.106).margin(0.01));
    CHECK(fixes.front().accuracyMetres == 0.0); // HDOP only: accuracy unknown, not NaN
}
