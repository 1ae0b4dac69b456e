#include "pdf_support.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <regex>

using trygg::test::occurrences;
using trygg::test::pageObjects;
using trygg::test::pdfText;
using trygg::test::q;
using trygg::test::TempDir;

namespace {

trygg::test::CliRun cli(const TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

/// The titles of the sample project's measures with one of `statuses`, read through GDAL as
/// a consultant's tool would.
std::vector<std::string> measureTitles(const std::vector<std::string>& statuses) {
    GDALAllRegister();
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(TRYGG_SAMPLE_PROJECT, GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("atgarder");
    REQUIRE(layer != nullptr);
    std::vector<std::string> titles;
    for (const auto& feature : *layer) {
        const std::string status = feature->GetFieldAsString("status");
        if (std::ranges::find(statuses, status) != statuses.end()) {
            titles.emplace_back(feature->GetFieldAsString("titel"));
        }
    }
    return titles;
}

} // namespace

TEST_CASE("plan: the shipped example's measure plan as PDF, every measure but the dismissed "
          "ones once in the table") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    const auto pdf = dir / "plan.pdf";
    trygg::test::CliRun run =
        cli(dir, "plan " + q(sample) + " --output " + q(pdf) + " --date 2026-11-24");
    REQUIRE(run.exitCode == 0);
    const std::vector<std::string> titles =
        measureTitles({"forslag", "beslutad", "planerad", "pagar", "klar", "utvarderad"});
    REQUIRE(titles.size() == 11);
    std::smatch match;
    REQUIRE(std::regex_match(run.out, match,
                             std::regex("Wrote the plan with 11 measures on (\\d+) pages: (.*)\n")));
    CHECK(match[2] == pdf.string());
    CHECK(pageObjects(trygg::test::readAll(pdf)) == std::stol(match[1]));
    const std::string text = trygg::test::collapsedSpaces(pdfText(pdf, "-raw"));
    // The table's pages: after the map page, before the follow-up page (the last one).
    std::size_t followUpPage = 0;
    for (long page = 1; page < std::stol(match[1]); ++page) {
        followUpPage = text.find('\f', followUpPage) + 1;
    }
    const std::string table = text.substr(text.find('\f'), followUpPage - text.find('\f'));
    for (const std::string& title : titles) {
        INFO(title);
        CHECK(occurrences(table, title) == 1);
    }
    CHECK(text.find("Åtgärdsplan – Vännäs centrum") != std::string::npos);
    CHECK(text.find("Kostnad per ansvarig och status") != std::string::npos);
    for (const std::string& title : measureTitles({"avford"})) {
        INFO(title);
        CHECK(occurrences(text, title) == 0);
    }
}

TEST_CASE("plan: chosen statuses, English, A3 as PNG pages") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    trygg::test::CliRun run = cli(dir, "plan " + q(sample) + " -o " + q(dir / "plan.png") +
                                           " --status beslutad,planerad --lang en --paper a3");
    REQUIRE(run.exitCode == 0);
    const std::size_t chosen = measureTitles({"beslutad", "planerad"}).size();
    CHECK(chosen == 4); // one planned measure is done before the follow-up walk
    CHECK(run.out == "Wrote the plan with 4 measures on 3 pages: " + (dir / "plan.png").string() +
                         " " + (dir / "plan-2.png").string() + " " + (dir / "plan-3.png").string() +
                         "\n");
    CHECK(std::filesystem::file_size(dir / "plan-2.png") > 10000);
}

TEST_CASE("plan: an unknown status, a bad extent or a missing project is a clear error") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    const std::string output = " --output " + q(dir / "plan.pdf");
    trygg::test::CliRun status = cli(dir, "plan " + q(sample) + output + " --status gjord");
    CHECK(status.exitCode == 1);
    CHECK(status.err == "tryggkarta-cli: " + sample +
                            ": atgarder.status: unknown measure status 'gjord' (valid: forslag, "
                            "beslutad, planerad, pagar, klar, utvarderad, avford)\n");
    CHECK(cli(dir, "plan " + q(sample) + output + " --extent 1,2,3").exitCode == 2);
    CHECK(cli(dir, "plan " + q(sample) + output + " --date 24/11/2026").exitCode == 2);
    trygg::test::CliRun missing = cli(dir, "plan " + q(dir / "saknas.gpkg") + output);
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find((dir / "saknas.gpkg").string()) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "plan.pdf"));
}
