#include "pg_test_support.h"

#include <catch2/catch.hpp>

using namespace trygg;
using trygg::test::TempDir;
using trygg::test::TestDatabase;

namespace {

const LayerCatalog& catalog() {
    return trygg::test::sourceCatalog();
}

/// Two editors who opened the same shared project.
struct TwoEditors {
    SharedProject anna;
    SharedProject bo;
};

TwoEditors openTwice(const TestDatabase& db, const TempDir& dir) {
    trygg::test::prepareSharedDatabase(db, dir, 3);
    auto anna = openSharedProject(db.url(), catalog());
    auto bo = openSharedProject(db.url(), catalog());
    REQUIRE(anna);
    REQUIRE(bo);
    return TwoEditors{.anna = std::move(*anna), .bo = std::move(*bo)};
}

void setText(Project& project, ChangeSet& changes, FeatureId id, const std::string& field,
             const std::string& value) {
    Layer& layer = *project.layer("observationer");
    Feature feature = *layer.find(id);
    feature.values[*layer.definition().fieldIndex(field)] = Value{value};
    REQUIRE(layer.replace(feature));
    changes.markWritten("observationer", id);
}

} // namespace

TEST_CASE("db init, import and export keep values, å/ä/ö, geometry, links and photos") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    trygg::test::prepareSharedDatabase(db, dir, 5);

    auto shared = openSharedProject(db.url(), catalog());
    REQUIRE(shared);
    const Layer& observations = *shared->project.layer("observationer");
    REQUIRE(observations.size() == 5);
    CHECK(shared->versions.at("observationer").size() == 5);
    CHECK(shared->versions.at("observationer").at(FeatureId{3}) == 1);
    CHECK(trygg::test::fieldText(shared->project, "observationer", FeatureId{1}, "beskrivn") ==
          "Mörkt vid ån, äldre lykta är trasig");
    CHECK(shared->project.crs.epsg == 3006);

    auto out = dir / "tillbaka.gpkg";
    auto exported = exportFromDatabase(db.url(), out, catalog());
    INFO((exported ? "" : exported.error().describe()));
    REQUIRE(exported);
    CHECK(*exported == 6);
    auto back = openProject(out, catalog());
    REQUIRE(back);
    const Layer& again = *back->layer("observationer");
    REQUIRE(again.size() == 5);
    const Feature& first = *again.find(FeatureId{1});
    CHECK(textOf(again.definition(), first, "beskrivn") == "Mörkt vid ån, äldre lykta är trasig");
    CHECK(textOf(again.definition(), first, "rapportor") == "Åsa Öberg");
    CHECK(textOf(again.definition(), first, "kategori") == "belysning");
    REQUIRE(first.geometry);
    const auto& point = std::get<Point>(*first.geometry);
    CHECK(point.x() == Approx(733100.0));
    CHECK(point.y() == Approx(7096050.0));
    const Feature& fifth = *again.find(FeatureId{5});
    CHECK(std::get<Point>(*fifth.geometry).x() == Approx(733128.0));
    CHECK(back->links.size() == 1);
    REQUIRE(back->photos.size() == 1);
    CHECK(back->photos[0].fileName == "lykta.jpg");
    auto bytes = readPhotoData(out, back->photos[0].id);
    REQUIRE(bytes);
    CHECK(*bytes == "\xff\xd8\xff\xd9");

    auto twice = exportFromDatabase(db.url(), out, catalog());
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message == "file already exists; choose another name");
    auto reimport = importIntoDatabase(db.url(), out, catalog());
    REQUIRE_FALSE(reimport);
    CHECK(reimport.error().message ==
          "the database already holds a project; import into a new one");
}

TEST_CASE("a stale edit is refused with both values, then the user keeps theirs or overwrites") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    auto [anna, bo] = openTwice(db, dir);

    ChangeSet annaChanges;
    setText(anna.project, annaChanges, FeatureId{2}, "beskrivn", "Buskage skymmer sikten");
    REQUIRE(saveSharedChanges(db.url(), anna.project, annaChanges, anna.versions));
    CHECK(anna.versions.at("observationer").at(FeatureId{2}) == 2);

    ChangeSet boChanges;
    setText(bo.project, boChanges, FeatureId{2}, "beskrivn", "Trasig lampa på stolpen");
    std::vector<FeatureConflict> conflicts;
    auto refused = saveSharedChanges(db.url(), bo.project, boChanges, bo.versions, &conflicts);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().detail ==
          "observationer: feature 2: field 'beskrivn': yours 'Trasig lampa på stolpen', theirs "
          "'Buskage skymmer sikten'");
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].layer == "observationer");
    CHECK(conflicts[0].id == FeatureId{2});
    CHECK(conflicts[0].theirVersion == 2);
    REQUIRE(conflicts[0].fields.size() == 1);
    CHECK(conflicts[0].fields[0].field == "beskrivn");
    CHECK(conflicts[0].fields[0].ours == "Trasig lampa på stolpen");
    CHECK(conflicts[0].fields[0].theirs == "Buskage skymmer sikten");
    CHECK(bo.versions.at("observationer").at(FeatureId{2}) == 1);

    SECTION("keeping theirs puts their feature in our project and drops our change") {
        keepTheirs(bo.project, boChanges, bo.versions, conflicts[0]);
        CHECK(trygg::test::fieldText(bo.project, "observationer", FeatureId{2}, "beskrivn") ==
              "Buskage skymmer sikten");
        CHECK(boChanges.layers.at("observationer").written.empty());
        setText(bo.project, boChanges, FeatureId{2}, "kategori", "sikt");
        REQUIRE(saveSharedChanges(db.url(), bo.project, boChanges, bo.versions));
    }
    SECTION("overwriting writes ours on top of their version") {
        keepOurs(bo.versions, conflicts[0]);
        auto saved = saveSharedChanges(db.url(), bo.project, boChanges, bo.versions);
        INFO((saved ? "" : saved.error().describe()));
        REQUIRE(saved);
        auto now = openSharedProject(db.url(), catalog());
        REQUIRE(now);
        CHECK(trygg::test::fieldText(now->project, "observationer", FeatureId{2}, "beskrivn") ==
              "Trasig lampa på stolpen");
        CHECK(now->versions.at("observationer").at(FeatureId{2}) == 3);
    }
}

TEST_CASE("deleting a feature someone changed, or changing one someone deleted, is a conflict") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    auto [anna, bo] = openTwice(db, dir);

    ChangeSet annaChanges;
    setText(anna.project, annaChanges, FeatureId{1}, "kategori", "sikt");
    anna.project.layer("observationer")->remove(FeatureId{3});
    annaChanges.markRemoved("observationer", FeatureId{3});
    REQUIRE(saveSharedChanges(db.url(), anna.project, annaChanges, anna.versions));

    ChangeSet deleteChanged;
    bo.project.layer("observationer")->remove(FeatureId{1});
    deleteChanged.markRemoved("observationer", FeatureId{1});
    std::vector<FeatureConflict> conflicts;
    auto refused = saveSharedChanges(db.url(), bo.project, deleteChanged, bo.versions, &conflicts);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].removedByUs);
    CHECK(conflicts[0].describe() ==
          "observationer: feature 1: changed by someone else while you deleted it");

    auto bo2 = openSharedProject(db.url(), catalog());
    REQUIRE(bo2);
    ChangeSet changeDeleted;
    setText(bo.project, changeDeleted, FeatureId{3}, "beskrivn", "ändrad");
    refused = saveSharedChanges(db.url(), bo.project, changeDeleted, bo.versions, &conflicts);
    REQUIRE_FALSE(refused);
    REQUIRE(conflicts.size() == 1);
    CHECK_FALSE(conflicts[0].theirs);
    CHECK(refused.error().detail ==
          "observationer: feature 3: deleted by someone else while you changed it");
    CHECK(bo2->project.layer("observationer")->size() == 2);
}

TEST_CASE("the database itself refuses an update that does not build on the current version") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    trygg::test::prepareSharedDatabase(db, dir, 2);
    std::string refused =
        trygg::test::runSql(db.url(), "UPDATE observationer SET beskrivn = 'x' WHERE fid = 1");
    CHECK_THAT(refused, Catch::Contains("trygg_conflict: observationer.1 is at version 1"));
    CHECK(trygg::test::runSql(
              db.url(), "UPDATE observationer SET beskrivn = 'x', version = 2 WHERE fid = 1") ==
          "");

    Project project;
    auto plain = saveChanges(db.url(), project, ChangeSet{});
    REQUIRE_FALSE(plain);
    CHECK(plain.error().code == ErrorCode::Usage);
}

TEST_CASE("connection failures say what went wrong, naming the database") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    REQUIRE(db.error() == "");
    std::string url = db.url();

    auto refused = openSharedProject("PG:host=127.0.0.1 port=1 dbname=trygg user=anna", catalog());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          "cannot reach the database server (is it running, and are host and port right?)");
    CHECK(refused.error().where == "database trygg on 127.0.0.1:1");

    auto noInit = openSharedProject(url, catalog());
    REQUIRE_FALSE(noInit);
    CHECK(noInit.error().code == ErrorCode::InvalidFormat);
    CHECK_THAT(noInit.error().message, Catch::StartsWith("not a Tryggkarta database"));

    REQUIRE(initSharedDatabase(url, catalog(), Crs::fromEpsg(3006)));
    REQUIRE(db.createLogin("eva", "hemligt", sharedRoles(url).planner) == "");
    auto wrong = openSharedProject(db.urlAs("eva", "fel"), catalog());
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().message == "the server refused the user name or password");
    CHECK(wrong.error().where.find("fel") == std::string::npos);

    auto missing = openSharedProject(
        url.substr(0, url.find("dbname=")) + "dbname=finns_inte user=postgres", catalog());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == "the server has no such database");
}
