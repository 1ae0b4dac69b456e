#include <catch2/catch.hpp>

#include "tryggkarta/core/schema.h"

using namespace trygg;

namespace {

LayerDef sampleLayer() {
    LayerDef def;
    def.table = "observationer";
    def.title = {"Observationer", "Observations"};
    def.sourceFile = "observationer.json";
    FieldDef kategori;
    kategori.name = "kategori";
    kategori.label = {"Kategori", "Category"};
    kategori.required = true;
    kategori.values = {{"belysning", {"Belysning", "Lighting"}},
                       {"folkliv", {"Folkliv/ödsligt", "People present or deserted"}}};
    FieldDef kansla;
    kansla.name = "kansla";
    kansla.type = FieldType::Integer;
    kansla.label = {"Känsla", "Feeling"};
    kansla.min = 0;
    kansla.max = 3;
    def.fields = {kategori, kansla};
    def.symbology.field = "kategori";
    def.symbology.byValue["belysning"] = Style{};
    return def;
}

} // namespace

TEST_CASE("a sound definition validates") { CHECK(validate(sampleLayer())); }

TEST_CASE("validation names the file and the field") {
    auto def = sampleLayer();
    def.fields[0].name = "kategori_lang"; // 13 characters
    auto result = validate(def);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::InvalidDefinition);
    CHECK(result.error().where == "observationer.json: fields[0] ('kategori_lang')");
    CHECK(result.error().message.find("at most 10") != std::string::npos);

    def = sampleLayer();
    def.fields[1].name = "känsla"; // not ASCII
    CHECK_FALSE(validate(def));

    def = sampleLayer();
    def.fields[1].name = "kategori";
    CHECK(validate(def).error().message == "field name appears twice");

    def = sampleLayer();
    def.symbology.byValue["okand"] = Style{};
    CHECK(validate(def).error().message.find("'okand'") != std::string::npos);

    def = sampleLayer();
    def.fields[0].values.push_back({"Belysning", {"Dubblett", ""}});
    CHECK(validate(def).error().message == "code appears twice");

    def = sampleLayer();
    def.symbology.fallback.fill = "red";
    CHECK_FALSE(validate(def));
}

TEST_CASE("coded values match code or label, ignoring case") {
    auto def = sampleLayer();
    const FieldDef& kategori = def.fields[0];
    CHECK(kategori.matchCode("belysning") == "belysning");
    CHECK(kategori.matchCode(" LIGHTING ") == "belysning");
    CHECK(kategori.matchCode("FOLKLIV/ÖDSLIGT") == "folkliv");
    CHECK_FALSE(kategori.matchCode("gatubelysning"));
}

TEST_CASE("checkValue explains what is wrong") {
    auto def = sampleLayer();
    CHECK(checkValue(def.fields[0], Value{}) == "a value is required");
    CHECK(checkValue(def.fields[0], Value{std::string("gatubelysning")}) ==
          "unknown value 'gatubelysning' (allowed: belysning, folkliv)");
    CHECK_FALSE(checkValue(def.fields[0], Value{std::string("belysning")}));
    CHECK(checkValue(def.fields[1], Value{std::int64_t{4}}) == "above the maximum 3");
    CHECK(checkValue(def.fields[1], Value{std::int64_t{-1}}) == "below the minimum 0");
    CHECK(checkValue(def.fields[1], Value{std::string("3")}) == "expected a whole number");
    CHECK_FALSE(checkValue(def.fields[1], Value{}));
}
