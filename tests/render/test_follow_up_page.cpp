// The measure plan's follow-up page: the model it is drawn from, the page in the PDF with its
// text in Swedish and English, the colours on a PNG page, and the plan without it (also
// through `tryggkarta-cli plan --no-follow-up`).

#include "pdf_support.h"
#include "render_fixtures.h"
#include "test_support.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/render/measure_plan.h"
#include "tryggkarta/render/scene_builder.h"

#include <QImage>
#include <catch2/catch.hpp>

using namespace trygg;
using namespace trygg::test;

namespace {

const Date kPlanDate{2026, 11, 24};

/// Four measures: 1 a lamp (planned, overdue), 2 pruning (done), 3 traffic controls (under
/// way, no cost, deadline ahead), 4 a mirror (proposal, no promise, no deadline). Five unsafe
/// observations: 11 and 12 answered by the lamp, 13 by the proposal, 14 and 15 by nothing;
/// 16 is a safe place.
Project followUpProject() {
    const LayerDef& measures = *sourceCatalog().find("atgarder");
    const LayerDef& observations = *sourceCatalog().find("observationer");
    Project project;
    project.layers.push_back(
        layerOf("atgarder", {made(measures, 1, Point{733100, 7096100},
                                  {{"titel", std::string("Ny belysning vid stationen")},
                                   {"typ", std::string("ny_belysning")},
                                   {"status", std::string("planerad")},
                                   {"ansvarig", std::string("kommun")},
                                   {"kostnad", 85000.0},
                                   {"deadline", Date{2026, 6, 30}},
                                   {"lofte", std::string("2017_1")}}),
                             made(measures, 2, Point{733300, 7096300},
                                  {{"titel", std::string("Beskärning i parken")},
                                   {"typ", std::string("beskarning")},
                                   {"status", std::string("klar")},
                                   {"ansvarig", std::string("vannas_fastigheter")},
                                   {"kostnad", 12500.0},
                                   {"deadline", Date{2025, 5, 1}},
                                   {"lofte", std::string("2023_2025_1")}}),
                             made(measures, 3, Point{733200, 7096000},
                                  {{"titel", std::string("Trafikkontroller på Storgatan")},
                                   {"typ", std::string("polisnarvaro")},
                                   {"status", std::string("pagar")},
                                   {"ansvarig", std::string("polisen")},
                                   {"deadline", Date{2027, 3, 1}},
                                   {"lofte", std::string("2019_2020_3")}}),
                             made(measures, 4, Point{733150, 7096050},
                                  {{"titel", std::string("Spegel i tunneln")},
                                   {"typ", std::string("annan")},
                                   {"status", std::string("forslag")},
                                   {"ansvarig", std::string("kommun")},
                                   {"kostnad", 5000.0}})}));
    auto observation = [&](std::int64_t id, double x, const char* polarity) {
        return made(observations, id, Point{x, 7096100},
                    {{"kategori", std::string("belysning")}, {"polaritet", std::string(polarity)}});
    };
    project.layers.push_back(layerOf(
        "observationer", {observation(11, 733100, "otrygg"), observation(12, 733110, "otrygg"),
                          observation(13, 733150, "otrygg"), observation(14, 733400, "otrygg"),
                          observation(15, 733500, "otrygg"), observation(16, 733600, "trygg")}));
    project.links = {{FeatureId{1}, FeatureId{11}},
                     {FeatureId{1}, FeatureId{12}},
                     {FeatureId{4}, FeatureId{13}}};
    return project;
}

MeasurePlan built(const Project& project, PlanOptions options = {}) {
    options.date = kPlanDate;
    auto plan = buildMeasurePlan(project, options);
    REQUIRE(plan);
    return std::move(*plan);
}

/// Pixels of `image` within `tolerance` of `colour` in the columns [from, to).
std::size_t pixelsNear(const QImage& image, QRgb colour, int from, int to, int tolerance = 24) {
    std::size_t count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = from; x < to; ++x) {
            const QRgb pixel = image.pixel(x, y);
            count += std::abs(qRed(pixel) - qRed(colour)) +
                                 std::abs(qGreen(pixel) - qGreen(colour)) +
                                 std::abs(qBlue(pixel) - qBlue(colour)) <=
                             tolerance
                         ? 1
                         : 0;
        }
    }
    return count;
}

} // namespace

TEST_CASE("follow-up page: the plan carries the follow-up of every measure on its date") {
    const Project project = followUpProject();
    PlanOptions doneOnly;
    doneOnly.statuses = {"klar"};
    const MeasurePlan plan = built(project, doneOnly);
    REQUIRE(plan.measures.size() == 1);
    REQUIRE(plan.followUp);
    const FollowUp& model = plan.followUp->model;
    CHECK(model.today == kPlanDate);
    CHECK(model.promises.all.measures == 4); // all of them, not only the plan's
    CHECK(model.timeline.overdue == 1);
    CHECK(model.timeline.withoutDeadline == 1);
    CHECK(model.answers.unsafe.acting == 2);
    CHECK(model.answers.unsafe.proposalOnly == 1);
    CHECK(model.answers.unsafe.nothing == 2);
    // The measure layer's colours, parallel to the statuses.
    REQUIRE(plan.followUp->statusColours.size() == model.promises.statuses.size());
    const auto planned =
        std::ranges::find(model.promises.statuses, "planerad") - model.promises.statuses.begin();
    CHECK(plan.followUp->statusColours[static_cast<std::size_t>(planned)] == "#3182bd");

    PlanOptions without;
    without.followUp = false;
    CHECK_FALSE(built(project, without).followUp);
    Project empty;
    empty.layers.push_back(layerOf("atgarder", {}));
    CHECK_FALSE(built(empty).followUp);
}

TEST_CASE("follow-up page: the last page of the PDF, in Swedish and in English") {
    ensureGuiApplication();
    TempDir dir;
    const Project project = followUpProject();
    auto layout = writeMeasurePlan(dir / "plan.pdf", built(project),
                                   sceneFromProject(project, "sv"), PaperSize::A4);
    REQUIRE(layout);
    CHECK(layout->pages == 3);
    CHECK(layout->tableRows == 4);
    CHECK(pageObjects(readAll(dir / "plan.pdf")) == 3);
    const std::string text = collapsedSpaces(pdfText(dir / "plan.pdf", "-raw"));
    REQUIRE(occurrences(text, "\f") >= 2);
    const std::string page = text.substr(text.find('\f', text.find('\f') + 1));
    // pdftotext reads "fi" as one ligature: "Trafikkontroller" and "finns" are checked in part.
    for (const char* expected :
         {"Uppföljning", "Läget 2026-11-24 · alla projektets åtgärder (4)",
          "Åtgärder per medborgarlöfte och status", "Kompletterande belysning",
          "Utan medborgarlöfte", "inga åtgärder", "Åtgärder efter datum för klart senast",
          "Försenade (i rött): 1 · utan datum för klart senast: 1", "idag",
          "Ny belysning vid stationen", "på Storgatan", "Vad görs åt de otrygga synpunkterna?",
          "Åtgärdas (beslutad, planerad, pågår, klar): 2 (40 %)", "nns: 1 (20 %)",
          "Inget görs: 2 (40 %)",
          "Alla synpunkter, även trygga och trivsamma: 6, varav 2 åtgärdas.", "Sida 3 av 3"}) {
        INFO(expected);
        CHECK(page.find(expected) != std::string::npos);
    }
    // A measure without a deadline is not on the timeline; the legend counts the statuses.
    CHECK(page.find("Spegel i tunneln") == std::string::npos);
    CHECK(page.find("Förslag (1)") != std::string::npos); // the status legend

    PlanOptions english;
    english.language = "en";
    REQUIRE(writeMeasurePlan(dir / "plan-en.pdf", built(project, english),
                             sceneFromProject(project, "en"), PaperSize::A4));
    const std::string englishText = collapsedSpaces(pdfText(dir / "plan-en.pdf", "-raw"));
    const std::string englishPage =
        englishText.substr(englishText.find('\f', englishText.find('\f') + 1));
    for (const char* expected :
         {"Follow-up", "Measures by citizen promise and status", "No citizen promise",
          "Overdue (in red): 1 · without a deadline: 1", "today",
          "Being acted on (decided, planned, under way, done): 2 (40%)", "Nothing done: 2 (40%)",
          "SEK 85,000", "Page 3 of 3"}) {
        INFO(expected);
        CHECK(englishPage.find(expected) != std::string::npos);
    }
}

TEST_CASE("follow-up page: bars in the status colours, overdue in red, left out on request") {
    ensureGuiApplication();
    TempDir dir;
    const Project project = followUpProject();
    auto layout = writeMeasurePlan(dir / "plan.png", built(project),
                                   sceneFromProject(project, "sv"), PaperSize::A4);
    REQUIRE(layout);
    REQUIRE(layout->files.size() == 3);
    CHECK(layout->files.back() == dir / "plan-3.png");
    const QImage page(QString::fromStdString((dir / "plan-3.png").string()));
    REQUIRE(page.width() == 1753); // A4 landscape at 150 dpi
    const int half = page.width() / 2;
    // The promises' bars on the left: planned (#3182bd), done (#31a354), under way (#fd8d3c).
    CHECK(pixelsNear(page, qRgb(0x31, 0x82, 0xbd), 0, half) > 300);
    CHECK(pixelsNear(page, qRgb(0xfd, 0x8d, 0x3c), 0, half) > 300);
    // On the right the overdue lamp in red, and the answers' bar: acted on, proposal, nothing.
    CHECK(pixelsNear(page, qRgb(0xb0, 0x1c, 0x1c), half, page.width()) > 100);
    CHECK(pixelsNear(page, qRgb(0x31, 0xa3, 0x54), half, page.width()) > 300);
    CHECK(pixelsNear(page, qRgb(0xfe, 0xc4, 0x4f), half, page.width()) > 300);
    CHECK(pixelsNear(page, qRgb(0xde, 0x2d, 0x26), half, page.width()) > 300);

    PlanOptions without;
    without.followUp = false;
    auto shorter = writeMeasurePlan(dir / "short.pdf", built(project, without),
                                    sceneFromProject(project, "sv"), PaperSize::A4);
    REQUIRE(shorter);
    CHECK(shorter->pages == 2);
    CHECK(pdfText(dir / "short.pdf").find("Uppföljning") == std::string::npos);
}

TEST_CASE("follow-up page: tryggkarta-cli plan adds it, --no-follow-up leaves it out") {
    TempDir dir;
    const auto project = dir / "uppfoljning.gpkg";
    REQUIRE(saveProjectAs(project, followUpProject()));
    const std::string plan = "plan " + q(project) + " --date 2026-11-24 -o ";
    const CliRun with = runCli(TRYGG_CLI, dir, plan + q(dir / "med.pdf"));
    INFO(with.err);
    REQUIRE(with.exitCode == 0);
    CHECK(with.out ==
          "Wrote the plan with 4 measures on 3 pages: " + (dir / "med.pdf").string() + "\n");
    CHECK(pdfText(dir / "med.pdf").find("Uppföljning") != std::string::npos);
    const CliRun without = runCli(TRYGG_CLI, dir, plan + q(dir / "utan.pdf") + " --no-follow-up");
    REQUIRE(without.exitCode == 0);
    CHECK(without.out ==
          "Wrote the plan with 4 measures on 2 pages: " + (dir / "utan.pdf").string() + "\n");
}
