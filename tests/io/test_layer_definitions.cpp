#include <catch2/catch.hpp>

#include "test_support.h"
#include "tryggkarta/io/layer_definitions.h"

#include <algorithm>

using namespace trygg;
using trygg::test::TempDir;

namespace {

std::string minimalLayer(const std::string& fieldJson) {
    return R"({"format": "tryggkarta-layer/1", "table": "observationer",
  "title": {"sv": "Observationer", "en": "Observations"}, "geometry": "Point",
  "fields": [)" + fieldJson + "]}";
}

} // namespace

TEST_CASE("the shipped layer definitions load and validate") {
    auto catalog = loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
    REQUIRE(catalog);
    // Four thematic layers, four analysis result layers, seven of the base map, listed top
    // first: the observations' light under the observations, the path results above the
    // base map.
    std::vector<std::string> tables;
    for (const LayerDef& def : catalog->layers) {
        tables.push_back(def.table);
    }
    CHECK(tables == std::vector<std::string>{"observationer", "ljus_observationer", "belysning",
                                             "atgarder", "vandringar", "ljus_morka",
                                             "ljus_strackor", "hotspot_celler", "bas_ortnamn",
                                             "bas_gata", "bas_gangvag", "bas_jarnvag",
                                             "bas_byggnad", "bas_vatten", "bas_ytor"});
    CHECK(catalog->find("atgarder")->geometry == GeometryKind::Any);
    CHECK(catalog->find("vandringar")->geometry == GeometryKind::LineString);
    CHECK_FALSE(catalog->find("vandringar")->geometryRequired); // a walk exists before its route
    CHECK(catalog->find("observationer")->geometryRequired);
    for (const LayerDef& def : catalog->layers) {
        INFO(def.table);
        const bool base = def.table.starts_with("bas_");
        const bool result = def.table.starts_with("ljus_") || def.table == "hotspot_celler";
        CHECK(def.group == (base ? kBaseMapGroup : result ? kAnalysisGroup : kThematicGroup));
    }
    CHECK(catalog->find("bas_byggnad")->symbology.maxScale == 10000.0);
    CHECK(catalog->find("bas_gata")->symbology.labelField == "namn");

    const LayerDef& obs = *catalog->find("observationer");
    for (const char* name : {"kategori", "polaritet", "beskrivn", "kalla", "tidpunkt", "ljusforh",
                             "kansla", "vandring", "rapportor", "kontakt", "foto"}) {
        INFO(name);
        CHECK(obs.field(name) != nullptr);
    }
    CHECK(obs.field("rapportor")->personal);
    CHECK(obs.field("kontakt")->personal);
    CHECK_FALSE(obs.field("kategori")->personal);
    CHECK(obs.field("tidpunkt")->type == FieldType::DateTime);
    CHECK(obs.field("polaritet")->matchCode("Otrygg") == "otrygg");
    CHECK(obs.field("ljusforh")->matchCode("MÖRKER") == "morker");
    CHECK(obs.field("kansla")->type == FieldType::Integer);
    CHECK(obs.field("kansla")->values.size() == 4);
    CHECK(obs.symbology.field == "polaritet");

    const LayerDef& measures = *catalog->find("atgarder");
    const FieldDef* lofte = measures.field("lofte");
    REQUIRE(lofte != nullptr);
    CHECK(lofte->values.size() == 11); // 2017, nine of 2019-2020, 2023-2025
    CHECK(lofte->findCode("2019_2020_7") != nullptr);
    CHECK(measures.field("status")->values.size() == 7);

    const LayerDef& lights = *catalog->find("belysning");
    CHECK(lights.field("status")->findCode("medvetet_slackt")->label.sv == "Medvetet släckt");
    for (const auto& def : catalog->layers) {
        for (const auto& field : def.fields) {
            CHECK(field.name.size() <= 10);
        }
    }
}

TEST_CASE("a planner adds a category and a field without rebuilding") {
    TempDir dir;
    std::filesystem::copy(TRYGG_SOURCE_LAYERS_DIR, dir.path(),
                          std::filesystem::copy_options::recursive);
    auto text = trygg::test::readAll(dir / "observationer.json");
    auto at = text.find("\"fields\": [");
    REQUIRE(at != std::string::npos);
    text.insert(at + 11, R"({"name": "snoroj", "type": "text", "label": {"sv": "Snöröjning", "en": "Snow clearance"},
      "values": [{"code": "ja", "sv": "Ja", "en": "Yes"}, {"code": "nej", "sv": "Nej", "en": "No"}]},)");
    dir.write("observationer.json", text);
    auto catalog = loadLayerCatalog(dir.path());
    REQUIRE(catalog);
    const FieldDef* added = catalog->find("observationer")->field("snoroj");
    REQUIRE(added != nullptr);
    CHECK(added->matchCode("NEJ") == "nej");
}

TEST_CASE("broken definitions give errors naming file and place") {
    SECTION("unknown type") {
        auto def = parseLayerDefinition(
            minimalLayer(R"({"name": "kansla", "type": "int", "label": {"sv": "Känsla"}})"), "obs.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().where == "obs.json: fields[0].type");
        CHECK(def.error().message ==
              "unknown type 'int' (use integer, real, text, date or datetime)");
    }
    SECTION("a misspelt key") {
        auto def = parseLayerDefinition(
            minimalLayer(R"({"name": "kansla", "type": "integer", "requried": true, "label": {"sv": "K"}})"),
            "obs.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().where == "obs.json: fields[0].requried");
    }
    SECTION("not JSON") {
        auto def = parseLayerDefinition("{\n  \"format\": \"tryggkarta-layer/1\",\n  \"table\" \"x\"\n}",
                                        "obs.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().where == "obs.json: line 3, column 14");
    }
    SECTION("a field name that a shapefile would cut") {
        TempDir dir;
        dir.write("obs.json", minimalLayer(R"({"name": "beskrivning", "type": "text", "label": {"sv": "B"}})"));
        auto catalog = loadLayerCatalog(dir.path());
        REQUIRE_FALSE(catalog);
        CHECK(catalog.error().code == ErrorCode::InvalidDefinition);
        CHECK(catalog.error().where == "obs.json: fields[0] ('beskrivning')");
    }
    SECTION("a value list that does not exist") {
        TempDir dir;
        dir.write("obs.json", minimalLayer(R"({"name": "lofte", "type": "text", "label": {"sv": "Löfte"}, "values_from": "loften"})"));
        auto catalog = loadLayerCatalog(dir.path());
        REQUIRE_FALSE(catalog);
        CHECK(catalog.error().where == "obs.json: fields[0].values_from");
    }
    SECTION("a missing folder") {
        auto catalog = loadLayerCatalog("/nonexistent/layers");
        REQUIRE_FALSE(catalog);
        CHECK(catalog.error().code == ErrorCode::OpenFailed);
        CHECK(catalog.error().where == "/nonexistent/layers");
    }
}

TEST_CASE("the shipped forms fill in time, walk, light and first states") {
    auto catalog = loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
    REQUIRE(catalog);
    using Kind = FieldDefault::Kind;
    const LayerDef& obs = *catalog->find("observationer");
    CHECK(obs.field("tidpunkt")->defaultRule.kind == Kind::Now);
    CHECK(obs.field("ljusforh")->defaultRule.kind == Kind::LightCondition);
    CHECK(obs.field("vandring")->defaultRule.kind == Kind::CurrentWalk);
    CHECK(obs.field("kategori")->defaultRule.kind == Kind::None);
    const LayerDef& walks = *catalog->find("vandringar");
    CHECK(walks.field("datum")->defaultRule.kind == Kind::Now);
    CHECK(walks.field("ljusforh")->defaultRule.kind == Kind::LightCondition);
    const FieldDef* measureStatus = catalog->find("atgarder")->field("status");
    CHECK(measureStatus->defaultRule.kind == Kind::Literal);
    CHECK(measureStatus->defaultRule.literal == Value{std::string("forslag")});
    CHECK(measureStatus->values.front().code == "forslag"); // the first state of the workflow
    const FieldDef* lightStatus = catalog->find("belysning")->field("status");
    CHECK(lightStatus->defaultRule.literal == Value{std::string("fungerar")});
}

TEST_CASE("field defaults are read and checked against their field") {
    SECTION("a literal inside the field's range") {
        auto def = parseLayerDefinition(minimalLayer(R"({"name": "kansla", "type": "integer",
            "label": {"sv": "Känsla"}, "min": 0, "max": 3, "default": 2})"), "obs.json");
        REQUIRE(def);
        const auto& rule = def->fields[0].defaultRule;
        CHECK(rule.kind == FieldDefault::Kind::Literal);
        CHECK(rule.literal == Value{std::int64_t{2}});
    }
    SECTION("literals take the field's type") {
        auto def = parseLayerDefinition(minimalLayer(R"(
            {"name": "kostnad", "type": "real", "label": {"sv": "Kostnad"}, "default": 5000},
            {"name": "deadline", "type": "date", "label": {"sv": "Deadline"}, "default": "2026-06-30"},
            {"name": "polaritet", "type": "text", "label": {"sv": "Upplevelse"}, "default": "otrygg",
             "values": [{"code": "otrygg", "sv": "Otrygg"}, {"code": "trygg", "sv": "Trygg"}]})"),
                                        "obs.json");
        REQUIRE(def);
        CHECK(def->fields[0].defaultRule.literal == Value{5000.0});
        CHECK(def->fields[1].defaultRule.literal == Value{Date{2026, 6, 30}});
        CHECK(def->fields[2].defaultRule.literal == Value{std::string("otrygg")});
    }
    SECTION("a literal outside the range is refused, naming file and field") {
        auto def = parseLayerDefinition(minimalLayer(R"({"name": "kansla", "type": "integer",
            "label": {"sv": "Känsla"}, "min": 0, "max": 3, "default": 5})"), "obs.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().code == ErrorCode::InvalidDefinition);
        CHECK(def.error().where == "obs.json: fields[0].default");
        CHECK(def.error().message == "default for field 'kansla': above the maximum 3");
    }
    SECTION("a literal that is not a code of the value list") {
        auto def = parseLayerDefinition(minimalLayer(R"({"name": "status", "type": "text",
            "label": {"sv": "Status"}, "default": "Fungerar",
            "values": [{"code": "fungerar", "sv": "Fungerar"}, {"code": "trasig", "sv": "Trasig"}]})"),
                                        "belysning.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().where == "belysning.json: fields[0].default");
        CHECK(def.error().message ==
              "default for field 'status': unknown value 'Fungerar' (allowed: fungerar, trasig)");
    }
    SECTION("an unknown token is refused") {
        auto def = parseLayerDefinition(minimalLayer(R"({"name": "tidpunkt", "type": "datetime",
            "label": {"sv": "Tidpunkt"}, "default": "$today"})"), "obs.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().where == "obs.json: fields[0].default");
        CHECK(def.error().message == "default for field 'tidpunkt': unknown token '$today' "
                                     "(known: $now, $current_walk, $light_condition)");
    }
    SECTION("a token on a field it cannot fill") {
        auto def = parseLayerDefinition(minimalLayer(R"({"name": "beskrivn", "type": "text",
            "label": {"sv": "Beskrivning"}, "default": "$now"})"), "obs.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().message == "default for field 'beskrivn': $now needs a date or datetime field");
        auto light = parseLayerDefinition(minimalLayer(R"({"name": "ljus", "type": "text",
            "label": {"sv": "Ljus"}, "default": "$light_condition",
            "values": [{"code": "dagsljus", "sv": "Dagsljus"}, {"code": "morker", "sv": "Mörker"}]})"),
                                          "obs.json");
        REQUIRE_FALSE(light);
        CHECK(light.error().message == "default for field 'ljus': $light_condition needs a text "
                                       "field with the codes dagsljus, skymning and morker");
    }
    SECTION("neither text nor a number") {
        auto def = parseLayerDefinition(minimalLayer(R"({"name": "kansla", "type": "integer",
            "label": {"sv": "Känsla"}, "default": true})"), "obs.json");
        REQUIRE_FALSE(def);
        CHECK(def.error().where == "obs.json: fields[0].default");
    }
}
