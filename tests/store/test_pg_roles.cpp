#include "pg_test_support.h"

#include <catch2/catch.hpp>

using namespace trygg;
using trygg::test::queryRows;
using trygg::test::runSql;
using trygg::test::TempDir;
using trygg::test::TestDatabase;

namespace {

const LayerCatalog& catalog() {
    return trygg::test::sourceCatalog();
}

} // namespace

TEST_CASE("roles are named after the database") {
    SharedRoles roles = sharedRoles("PG:host=db port=5432 dbname=Vannas-2025 user=anna");
    CHECK(roles.planner == "vannas_2025_planner");
    CHECK(roles.consultant == "vannas_2025_consultant");
    CHECK(roles.reader == "vannas_2025_public");
}

TEST_CASE("a consultant reads observations, but PostgreSQL refuses their personal fields") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    trygg::test::prepareSharedDatabase(db, dir, 4);
    REQUIRE(db.createLogin("konsult", "k0nsult", sharedRoles(db.url()).consultant) == "");
    std::string consultant = db.urlAs("konsult", "k0nsult");

    CHECK_THAT(runSql(consultant, "SELECT rapportor FROM observationer"),
               Catch::Contains("permission denied for table observationer"));
    CHECK_THAT(runSql(consultant, "SELECT kontakt FROM observationer"),
               Catch::Contains("permission denied"));
    CHECK_THAT(runSql(consultant, "SELECT * FROM observationer"),
               Catch::Contains("permission denied"));
    CHECK_THAT(runSql(consultant, "SELECT data FROM trygg_foto"),
               Catch::Contains("permission denied"));
    CHECK(queryRows(consultant, "SELECT kategori, beskrivn FROM observationer WHERE fid = 1") ==
          std::vector<std::string>{"belysning|Mörkt vid ån, äldre lykta är trasig"});
    CHECK(queryRows(consultant, "SELECT count(*) FROM atgarder") == std::vector<std::string>{"1"});
    CHECK_THAT(
        runSql(consultant, "UPDATE observationer SET beskrivn = 'x', version = 2 WHERE fid = 1"),
        Catch::Contains("permission denied"));
}

TEST_CASE("the public sees counts of three or more, never one observation") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    trygg::test::prepareSharedDatabase(db, dir,
                                       10); // belysning 4, sikt 3, gomstallen 3; every 4th is trygg
    REQUIRE(db.createLogin("allman", "allman1", sharedRoles(db.url()).reader) == "");
    std::string reader = db.urlAs("allman", "allman1");

    CHECK_THAT(runSql(reader, "SELECT kategori FROM observationer"),
               Catch::Contains("permission denied"));
    CHECK_THAT(runSql(reader, "SELECT * FROM atgarder"), Catch::Contains("permission denied"));
    // Observation i has category i % 3 and is "trygg" when i % 4 == 3: belysning/otrygg and
    // gomstallen/otrygg have 3 each, the other groups 1 or 2 and stay hidden.
    auto expected =
        queryRows(db.url(), "SELECT kategori, polaritet, count(*) FROM observationer GROUP BY 1, 2 "
                            "HAVING count(*) >= 3 ORDER BY 1, 2");
    auto seen = queryRows(reader, "SELECT kategori, polaritet, antal FROM " +
                                      std::string(kPublicCategoryView) + " ORDER BY 1, 2");
    CHECK(seen == expected);
    CHECK(seen == std::vector<std::string>{"belysning|otrygg|3", "gomstallen|otrygg|3"});
    auto cells =
        queryRows(reader, "SELECT sum(antal), min(antal) FROM " + std::string(kPublicHexagonView));
    REQUIRE(cells.size() == 1);
    // The ten lie on 63 m of one line: nine in one hexagon, the first alone in the next one,
    // which is left out (fewer than three).
    CHECK(cells[0] == "9|9");
    CHECK(queryRows(reader, "SELECT count(*) FROM " + std::string(kPublicHexagonView)) ==
          std::vector<std::string>{"1"});
}

TEST_CASE("a planner login reads and saves through the store") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    trygg::test::prepareSharedDatabase(db, dir, 2);
    REQUIRE(db.createLogin("planerare", "pl4n", sharedRoles(db.url()).planner) == "");
    std::string planner = db.urlAs("planerare", "pl4n");
    auto shared = openSharedProject(planner, catalog());
    INFO((shared ? "" : shared.error().describe()));
    REQUIRE(shared);
    Layer& observations = *shared->project.layer("observationer");
    Feature added = trygg::test::observationAt(
        observations, Point{733150, 7096100},
        {{"kategori", Value{std::string("sikt")}}, {"polaritet", Value{std::string("otrygg")}}});
    FeatureId id = observations.add(added);
    ChangeSet changes;
    changes.markWritten("observationer", id);
    auto saved = saveSharedChanges(planner, shared->project, changes, shared->versions);
    INFO((saved ? "" : saved.error().describe()));
    REQUIRE(saved);
    CHECK(queryRows(db.url(), "SELECT kategori, version FROM observationer WHERE fid = " +
                                  std::to_string(toInt(id))) == std::vector<std::string>{"sikt|1"});
}

namespace {

/// Runs a shell command, returning what it printed (stdout and stderr).
std::string commandOutput(const TempDir& dir, const std::string& command) {
    auto out = dir / "command.txt";
    std::system((command + " >'" + out.string() + "' 2>&1 </dev/null").c_str());
    return trygg::test::readAll(out);
}

} // namespace

TEST_CASE("a consultant login opens the project through views without personal values") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    trygg::test::prepareSharedDatabase(db, dir, 6);
    REQUIRE(db.createLogin("konsult", "k0nsult", sharedRoles(db.url()).consultant) == "");
    std::string consultant = db.urlAs("konsult", "k0nsult");

    auto planner = openSharedProject(db.url(), catalog());
    REQUIRE(planner);
    CHECK_FALSE(planner->readOnly);
    CHECK_FALSE(planner->withoutPersonal);
    auto seen = openSharedProject(consultant, catalog());
    INFO((seen ? "" : seen.error().describe()));
    REQUIRE(seen);
    CHECK(seen->readOnly);
    CHECK(seen->withoutPersonal);
    for (const Layer& layer : planner->project.layers) {
        const Layer* theirs = seen->project.layer(layer.name());
        REQUIRE(theirs != nullptr);
        REQUIRE(theirs->size() == layer.size());
        const auto& fields = layer.definition().fields;
        for (const Feature& feature : layer.features()) {
            const Feature* other = theirs->find(feature.id);
            REQUIRE(other != nullptr);
            REQUIRE(other->geometry.has_value() == feature.geometry.has_value());
            if (const Point* point = feature.geometry ? std::get_if<Point>(&*feature.geometry)
                                                      : nullptr) {
                CHECK(std::get<Point>(*other->geometry).x() == point->x());
                CHECK(std::get<Point>(*other->geometry).y() == point->y());
            }
            for (std::size_t i = 0; i < fields.size(); ++i) {
                INFO(layer.name() << " " << toInt(feature.id) << " " << fields[i].name);
                if (fields[i].personal) {
                    CHECK(std::holds_alternative<std::monostate>(other->values[i]));
                } else {
                    CHECK(other->values[i] == feature.values[i]);
                }
            }
        }
    }
    CHECK(seen->project.layer("observationer")->size() == 6);
    CHECK(trygg::test::fieldText(seen->project, "observationer", FeatureId{1}, "rapportor") == "");
    CHECK(trygg::test::fieldText(seen->project, "observationer", FeatureId{1}, "beskrivn") ==
          "Mörkt vid ån, äldre lykta är trasig");
    CHECK(seen->project.links == planner->project.links);
    REQUIRE(seen->project.photos.size() == 1);
    CHECK(seen->project.photos[0].fileName == "lykta.jpg");
    CHECK(seen->project.photos[0].feature == FeatureId{1});
    CHECK(seen->project.crs.epsg == 3006);

    // The database still refuses the personal column of the table itself, and any save.
    CHECK_THAT(runSql(consultant, "SELECT kontakt FROM public.observationer"),
               Catch::Contains("permission denied"));
    Layer& observations = *seen->project.layer("observationer");
    Feature changed = *observations.find(FeatureId{2});
    changed.values[*observations.definition().fieldIndex("beskrivn")] = Value{std::string("x")};
    observations.replace(changed);
    ChangeSet changes;
    changes.markWritten("observationer", FeatureId{2});
    auto saved = saveSharedChanges(consultant, seen->project, changes, seen->versions);
    REQUIRE_FALSE(saved);
    INFO(saved.error().describe());
    CHECK_THAT(saved.error().detail, Catch::Contains("permission denied"));

    // Any GIS program reads the same views: ogrinfo lists them (those without geometry are
    // read by name, as in public), with the real feature ids.
    std::string connection = "'" + consultantConnection(consultant) + "'";
    std::string layers = commandOutput(dir, "ogrinfo -ro -q " + connection);
    CHECK_THAT(layers, Catch::Contains("observationer (Point)"));
    CHECK_THAT(layers, Catch::Contains("atgarder"));
    std::string feature = commandOutput(dir, "ogrinfo -ro -q " + connection + " observationer -fid 4");
    CHECK_THAT(feature, Catch::Contains("OGRFeature(observationer):4"));
    CHECK_THAT(feature, Catch::Contains("beskrivn (String) = obs 3"));
    CHECK_THAT(feature, !Catch::Contains("rapportor") && !Catch::Contains("Öberg"));
    std::string photo = commandOutput(dir, "ogrinfo -ro -q " + connection + " trygg_foto");
    CHECK_THAT(photo, Catch::Contains("filnamn (String) = lykta.jpg"));
    CHECK_THAT(photo, !Catch::Contains("data (Binary)"));
}

TEST_CASE("tryggkarta-cli db export as a consultant writes a project without personal values") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    trygg::test::prepareSharedDatabase(db, dir, 3);
    REQUIRE(db.createLogin("konsult", "k0nsult", sharedRoles(db.url()).consultant) == "");
    auto out = dir / "konsult.gpkg";
    auto exported = trygg::test::runCli(
        TRYGG_CLI, dir, "db export '" + db.urlAs("konsult", "k0nsult") + "' " + trygg::test::q(out));
    INFO(exported.err);
    REQUIRE(exported.exitCode == 0);
    auto back = openProject(out, catalog());
    REQUIRE(back);
    CHECK(back->layer("observationer")->size() == 3);
    CHECK(trygg::test::fieldText(*back, "observationer", FeatureId{1}, "rapportor") == "");
    CHECK(trygg::test::fieldText(*back, "observationer", FeatureId{1}, "kontakt") == "");
    CHECK(trygg::test::fieldText(*back, "observationer", FeatureId{1}, "beskrivn") ==
          "Mörkt vid ån, äldre lykta är trasig");
    CHECK(back->links.size() == 1);
    CHECK(back->photos.empty()); // the image bytes are withheld from consultants
}
