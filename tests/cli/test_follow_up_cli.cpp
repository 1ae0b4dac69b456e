// tryggkarta-cli followup: the promise × status table, overdue measures and observation
// answers, and one measure's before/after, on a small made-up project.

#include "analysis/follow_up_project.h"
#include "test_support.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using nlohmann::json;
using trygg::test::day;
using trygg::test::q;
using trygg::test::TempDir;
using MeasureSpec = trygg::test::FollowUpProject::MeasureSpec;

namespace trygg {
namespace {

/// Three measures (one done, one late, one proposed), two walks past the done one, and four
/// observations.
std::filesystem::path writeFollowUp(const TempDir& dir) {
    test::FollowUpProject p;
    const FeatureId done = p.measure(MeasureSpec()
                                         .status("klar")
                                         .promise("2017_1")
                                         .cost(1000.0)
                                         .deadline(day(2024, 8, 1))
                                         .decided(day(2024, 5, 1)),
                                     "Ny belysning i tunneln");
    p.measure(MeasureSpec().status("pagar").cost(500.0).deadline(day(2025, 3, 1)),
              "Röjning vid stationen");
    const FeatureId proposal =
        p.measure(MeasureSpec().status("forslag").promise("2017_1"), "Skyltning");
    const FeatureId spring = p.walk(day(2024, 3, 10), "Vår 2024");
    const FeatureId autumn = p.walk(day(2024, 10, 20), "Höst 2024");
    const FeatureId dark = p.observation(Point(110, 100), "otrygg", 0, spring);
    p.observation(Point(100, 120), "trygg", 3, autumn, "folkliv");
    const FeatureId proposed = p.observation(Point(500, 500), "otrygg", 1, std::nullopt);
    p.observation(Point(800, 800), "otrygg", 1, std::nullopt);
    p.link(done, dark);
    p.link(proposal, proposed);
    for (const LayerDef& def : test::sourceCatalog().layers) {
        if (p.project.layer(def.table) == nullptr) {
            p.project.layers.emplace_back(def);
        }
    }
    const auto path = dir / "uppfoljning.gpkg";
    REQUIRE(saveProjectAs(path, p.project));
    return path;
}

test::CliRun followUp(const TempDir& dir, const std::filesystem::path& project,
                      const std::string& options) {
    return test::runCli(TRYGG_CLI, dir, "followup " + q(project) + " " + options);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("followup CLI: the table, overdue measures and answers", "[cli][follow_up]") {
    TempDir dir;
    const auto project = writeFollowUp(dir);
    const auto run = followUp(dir, project, "--today 2025-06-01");
    INFO(run.out << run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(contains(run.out, "Follow-up on 2025-06-01: 3 measures, 1500 SEK (1 without a cost)\n"));
    CHECK(contains(run.out, "promise     forslag beslutad planerad pagar  klar utvarderad avford "
                            " total     cost SEK  no cost\n"));
    CHECK(contains(run.out, "2017_1            1        0        0     0     1          0      0 "
                            "     2         1000        1\n"));
    CHECK(contains(run.out, "(none)            0        0        0     1     0          0      0 "
                            "     1          500        0\n"));
    CHECK(contains(run.out, "all               1        0        0     1     1          0      0 "
                            "     3         1500        1\n"));
    CHECK(contains(run.out, "  2017_1      Kompletterande belysning på minst tre utpekade mörka "
                            "platser i Vännäs centrum\n"));
    CHECK(contains(run.out, "Deadlines: 2 measures with one, 1 overdue, 1 without a deadline\n"));
    CHECK(contains(run.out, "  #2    2025-03-01  Pågår  Vännäs kommun  Röjning vid stationen\n"));
    CHECK(contains(run.out, "Unsafe observations: 3\n"));
    CHECK(contains(run.out, "measure: 1 (33 %)\n"));
    CHECK(contains(run.out, "  by a proposal only: 1 (33 %)\n"));
    CHECK(contains(run.out, "  by nothing: 1 (33 %)\n"));
    CHECK(contains(run.out, "Measures with safety walks before and after (within 50 m): 1\n"));
}

TEST_CASE("followup CLI: JSON", "[cli][follow_up]") {
    TempDir dir;
    const auto project = writeFollowUp(dir);
    const auto run = followUp(dir, project, "--today 2025-06-01 --json --lang en");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const json out = json::parse(run.out);
    CHECK(out["today"] == "2025-06-01");
    const json& promises = out["promises"];
    CHECK(promises["statuses"][4] == "klar");
    CHECK(promises["status_labels"][4] == "Done");
    REQUIRE(promises["rows"].size() == 12);
    CHECK(promises["rows"][0]["code"] == "2017_1");
    CHECK(promises["rows"][0]["by_status"][4]["cost"] == 1000.0);
    CHECK(promises["rows"][0]["by_status"][0]["without_cost"] == 1);
    CHECK(promises["rows"][11]["code"].is_null());
    CHECK(promises["rows"][11]["total"]["cost"] == 500.0);
    CHECK(promises["all"]["measures"] == 3);
    const json& timeline = out["timeline"];
    REQUIRE(timeline["measures"].size() == 2);
    CHECK(timeline["measures"][0]["id"] == 1);
    CHECK(timeline["measures"][0]["overdue"] == false);
    CHECK(timeline["measures"][1]["deadline"] == "2025-03-01");
    CHECK(timeline["measures"][1]["status_label"] == "In progress");
    CHECK(timeline["measures"][1]["overdue"] == true);
    CHECK(out["answers"]["unsafe"] ==
          json({{"acting", 1}, {"proposal_only", 1}, {"nothing", 1}, {"total", 3}}));
    CHECK(out["answers"]["observations"][0]["best_status"] == "klar");
    CHECK(out["answers"]["observations"][0]["answer"] == "acting");
    CHECK(out["answers"]["observations"][0]["measures"] == json::array({1}));
    CHECK(out["measures_with_before_and_after"] == json::array({1}));
}

TEST_CASE("followup CLI: before and after one measure", "[cli][follow_up]") {
    TempDir dir;
    const auto project = writeFollowUp(dir);
    SECTION("text") {
        const auto run = followUp(dir, project, "--measure 1");
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        CHECK(contains(run.out, "Measure #1: Ny belysning i tunneln (klar)\n"));
        CHECK(contains(run.out, "Walks within 50 m; before: dated before 2024-05-01; after: on or "
                                "after 2024-08-01 (deadline)\n"));
        CHECK(contains(run.out, "Before: walks 1, observations 1, unsafe 1 (100 %), mean "
                                "feeling 0.00"));
        CHECK(contains(run.out, "  2024-03-10  walk #1 Vår 2024 (Mörker)\n"));
        CHECK(contains(run.out, "    #1      10.0 m  Belysning, feeling 0, Mörker, unsafe\n"));
        CHECK(contains(run.out, "After: walks 1, observations 1, unsafe 0 (0 %), mean feeling "
                                "3.00"));
        CHECK(contains(run.out, "    #2      20.0 m  Folkliv/ödsligt, feeling 3, Mörker\n"));
    }
    SECTION("JSON") {
        const auto run = followUp(dir, project, "--measure 1 --radius 15 --json");
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        const json out = json::parse(run.out);
        CHECK(out["start"] == "2024-05-01");
        CHECK(out["done"] == "2024-08-01");
        CHECK(out["done_from"] == "deadline");
        CHECK(out["radius_m"] == 15.0);
        REQUIRE(out["before"]["walks"].size() == 1);
        CHECK(out["before"]["walks"][0]["name"] == "Vår 2024");
        CHECK(out["before"]["walks"][0]["observations"][0]["distance_m"] == 10.0);
        CHECK(out["before"]["summary"]["unsafe_share"] == 1.0);
        CHECK(out["after"]["walks"].empty());
        CHECK(out["after"]["summary"]["mean_feeling"].is_null());
    }
}

TEST_CASE("followup CLI: errors name the file, the measure or the option", "[cli][follow_up]") {
    TempDir dir;
    const auto project = writeFollowUp(dir);
    const auto unknown = followUp(dir, project, "--measure 99");
    CHECK(unknown.exitCode == 1);
    CHECK(contains(unknown.err, "uppfoljning.gpkg: atgarder: feature 99: no such measure"));
    const auto badDate = followUp(dir, project, "--today 2025-13-45");
    CHECK(badDate.exitCode == 2);
    CHECK(contains(badDate.err, "--today"));
}

} // namespace trygg
