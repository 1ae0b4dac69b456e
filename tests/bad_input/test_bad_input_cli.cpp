// Bad files given to the built tryggkarta-cli: it exits non-zero, its message names the file,
// and the project file's bytes are what they were.

#include "bad_input_support.h"

#include <catch2/catch.hpp>

using namespace trygg::test::bad;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using trygg::test::q;

namespace {

trygg::test::CliRun cli(const GuardedProject& project, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, project.dir(), arguments);
}

/// `tryggkarta-cli import [flags] PROJECT CORPUS-FILE --layer observationer`.
trygg::test::CliRun importFile(const GuardedProject& project, const std::string& name,
                               const std::string& flags = {}) {
    return cli(project, "import " + flags + q(project.file()) + " " + q(corpus(name)) +
                            " --layer observationer");
}

} // namespace

TEST_CASE("bad input, CLI: refused imports exit non-zero, name the file, leave the project") {
    GuardedProject project;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"truncated_dbf.shp", "the file is damaged: reading stopped after row 2 of 5"},
        {"truncated_shx.shp", "cannot read"},
        {"no_prj.shp", "does not say which coordinate system"},
        {"not_json.geojson", "cannot read"},
        {"unterminated_quote.csv", "is never closed"},
        {"missing_required_column.csv", "required field 'kategori'"},
        {"not_a_geopackage.gpkg", "cannot read"},
    };
    for (const auto& [name, words] : cases) {
        INFO(name);
        auto run = importFile(project, name);
        CHECK(run.exitCode != 0);
        CHECK_THAT(run.err, StartsWith("tryggkarta-cli: ") && Contains(name) && Contains(words));
        project.requireUnchanged();
    }
}

TEST_CASE("bad input, CLI: an import where no row can go in lists every row and fails") {
    GuardedProject project;
    auto run = importFile(project, "wrong_delimiter.csv");
    CHECK(run.exitCode != 0);
    CHECK_THAT(run.err,
               Contains("wrong_delimiter.csv: row 1: the whole row is in the first column") &&
                   Contains("wrong_delimiter.csv: row 2: "));
    CHECK_THAT(run.out, Contains("Imported 0 of 2 rows"));
    project.requireUnchanged();
}

TEST_CASE("bad input, CLI: a strict import of a damaged shapefile imports nothing") {
    GuardedProject project;
    auto run = importFile(project, "truncated_shp.shp", "--strict ");
    CHECK(run.exitCode != 0);
    CHECK_THAT(run.err,
               Contains("truncated_shp.shp: row 3: the geometry cannot be read") &&
                   Contains("3 of 5 rows cannot be imported; --strict: nothing was imported"));
    project.requireUnchanged();
}

TEST_CASE("bad input, CLI: a project that is not a GeoPackage") {
    GuardedProject project;
    for (const char* name : {"not_a_geopackage.gpkg", "sqlite_not_gpkg.gpkg"}) {
        INFO(name);
        auto copy = project.dir() / name;
        std::filesystem::copy_file(corpus(name), copy);
        const auto before = checksum(copy);
        auto info = cli(project, "info " + q(copy));
        CHECK(info.exitCode != 0);
        CHECK_THAT(info.err, StartsWith("tryggkarta-cli: ") && Contains(name));
        auto import = cli(project, "import " + q(copy) + " " + q(corpus("bom.csv")) +
                                       " --layer observationer");
        CHECK(import.exitCode != 0);
        CHECK_THAT(import.err, Contains(name));
        CHECK(checksum(copy) == before);
    }
}
