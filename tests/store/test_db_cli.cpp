#include "pg_test_support.h"

#include <catch2/catch.hpp>

using namespace trygg;
using trygg::test::q;
using trygg::test::runCli;
using trygg::test::TempDir;
using trygg::test::TestDatabase;

TEST_CASE("tryggkarta-cli db init, import and export round-trip a project") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    REQUIRE(db.error() == "");
    TempDir dir;
    auto project = trygg::test::writeSampleProject(dir, 4);
    std::string url = "'" + db.url() + "'";

    auto init = runCli(TRYGG_CLI, dir, "db init " + url);
    INFO(init.err);
    REQUIRE(init.exitCode == 0);
    CHECK_THAT(init.out, Catch::Contains("roles " + db.name() + "_planner, " + db.name() +
                                         "_consultant, " + db.name() + "_public"));
    auto imported = runCli(TRYGG_CLI, dir, "db import " + url + " " + q(project));
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out == "Imported 5 features from " + project.string() + "\n");

    auto out = dir / "export.gpkg";
    auto exported = runCli(TRYGG_CLI, dir, "db export " + url + " " + q(out));
    INFO(exported.err);
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out == "Exported 5 features to " + out.string() + "\n");
    auto back = openProject(out, trygg::test::sourceCatalog());
    REQUIRE(back);
    CHECK(back->layer("observationer")->size() == 4);
    CHECK(trygg::test::fieldText(*back, "observationer", FeatureId{1}, "beskrivn") ==
          "Mörkt vid ån, äldre lykta är trasig");

    auto info = runCli(TRYGG_CLI, dir, "info " + q(out));
    CHECK(info.exitCode == 0);
}

TEST_CASE("tryggkarta-cli db says why it cannot use a database") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    REQUIRE(db.error() == "");
    TempDir dir;

    auto refused =
        runCli(TRYGG_CLI, dir, "db init 'PG:host=127.0.0.1 port=1 dbname=trygg user=anna'");
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err,
               Catch::StartsWith("tryggkarta-cli: database trygg on 127.0.0.1:1: cannot "
                                 "reach the database server"));
    auto notOurs = runCli(TRYGG_CLI, dir, "db export '" + db.url() + "' " + q(dir / "x.gpkg"));
    CHECK(notOurs.exitCode == 1);
    CHECK_THAT(notOurs.err, Catch::Contains(": not a Tryggkarta database"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.gpkg"));
    auto notUrl = runCli(TRYGG_CLI, dir, "db init " + q(dir / "p.gpkg"));
    CHECK(notUrl.exitCode == 2);
    CHECK_THAT(notUrl.err, Catch::Contains("a database is named by a connection string"));
}
