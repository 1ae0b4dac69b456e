#include "pdf_support.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <regex>

using trygg::test::pageObjects;
using trygg::test::q;
using trygg::test::TempDir;

namespace {

trygg::test::CliRun cli(const TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

} // namespace

TEST_CASE("protocol: the shipped example's first walk as PDF, one entry per observation") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    for (const char* language : {"sv", "en"}) {
        INFO(language);
        const auto pdf = dir / (std::string("walk-") + language + ".pdf");
        trygg::test::CliRun run = cli(dir, "protocol " + q(sample) + " --walk 1 --output " +
                                               q(pdf) + " --lang " + language);
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        std::smatch match;
        REQUIRE(std::regex_match(
            run.out, match,
            std::regex("Wrote (.*): protocol of walk 1 with 16 entries on (\\d+) pages\n")));
        CHECK(match[1] == pdf.string());
        const std::string written = trygg::test::readAll(pdf);
        CHECK(written.starts_with("%PDF"));
        CHECK(pageObjects(written) == std::stol(match[2]));
    }
}

TEST_CASE("protocol: an unknown walk or a missing project names what is missing") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    trygg::test::CliRun unknown =
        cli(dir, "protocol " + q(sample) + " --walk 999 --output " + q(dir / "walk.pdf"));
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err == "tryggkarta-cli: " + sample + ": walk 999: no safety walk with this id\n");
    CHECK(unknown.out.empty());
    CHECK_FALSE(std::filesystem::exists(dir / "walk.pdf"));

    trygg::test::CliRun missing = cli(dir, "protocol " + q(dir / "saknas.gpkg") +
                                               " --walk 1 --output " + q(dir / "walk.pdf"));
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find((dir / "saknas.gpkg").string()) != std::string::npos);

    CHECK(cli(dir, "protocol " + q(sample) + " --output " + q(dir / "walk.pdf")).exitCode ==
          2); // --walk missing
    CHECK(cli(dir, "protocol --help").out.find("--walk") != std::string::npos);
}
