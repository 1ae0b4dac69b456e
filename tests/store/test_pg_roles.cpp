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
