#include "pdf_support.h"
#include "render_fixtures.h"
#include "test_support.h"
#include "tryggkarta/render/measure_plan.h"
#include "tryggkarta/render/scene_builder.h"

#include <QImage>
#include <catch2/catch.hpp>

using namespace trygg;
using namespace trygg::test;

namespace {

const Date kPlanDate{2026, 11, 24};

Polygon square(double x, double y, double side) {
    Polygon polygon;
    bg::append(polygon.outer(), Point{x, y});
    bg::append(polygon.outer(), Point{x, y + side});
    bg::append(polygon.outer(), Point{x + side, y + side});
    bg::append(polygon.outer(), Point{x + side, y});
    bg::append(polygon.outer(), Point{x, y});
    return polygon;
}

/// Four measures stored out of id order: 7 a new lamp (point, planned, overdue), 3 a path
/// (line, decided, no cost), 5 clearing bushes (area, done long ago: not overdue) and 9 a
/// police patrol without a place. 7 answers observations 1 and 2 (lighting) and 4 (graffiti),
/// 5 answers 3.
Project planProject() {
    const LayerDef& measures = *sourceCatalog().find("atgarder");
    const LayerDef& observations = *sourceCatalog().find("observationer");
    Project project;
    std::vector<Feature> measureFeatures{
            made(measures, 7, Point{733100, 7096100},
                 {{"titel", std::string("Ny belysning vid stationen")},
                  {"typ", std::string("ny_belysning")},
                  {"status", std::string("planerad")},
                  {"ansvarig", std::string("kommun")},
                  {"kostnad", 85000.0},
                  {"deadline", Date{2026, 6, 30}},
                  {"lofte", std::string("2017_1")}}),
            made(measures, 3, LineString{{733000, 7096000}, {733200, 7096000}},
                 {{"titel", std::string("Gångväg längs Storgatan")},
                  {"typ", std::string("ny_gangvag")},
                  {"status", std::string("beslutad")},
                  {"ansvarig", std::string("kommun")},
                  {"deadline", Date{2027, 9, 1}}}),
            made(measures, 5, square(733300, 7096300, 40),
                 {{"titel", std::string("Beskärning i parken")},
                  {"typ", std::string("beskarning")},
                  {"status", std::string("klar")},
                  {"ansvarig", std::string("vannas_fastigheter")},
                  {"kostnad", 12500.0},
                  {"deadline", Date{2025, 5, 1}}}),
            made(measures, 9, Point{733400, 7096050},
                 {{"titel", std::string("Polisnärvaro fredagskvällar")},
                  {"typ", std::string("polisnarvaro")},
                  {"status", std::string("planerad")},
                  {"ansvarig", std::string("polisen")},
                  {"kostnad", 40000.0}}),
    };
    measureFeatures.back().geometry.reset();
    project.layers.push_back(layerOf("atgarder", std::move(measureFeatures)));
    project.layers.push_back(layerOf(
        "observationer",
        {
            made(observations, 1, Point{733105, 7096095}, {{"kategori", std::string("belysning")}}),
            made(observations, 2, Point{733095, 7096110}, {{"kategori", std::string("belysning")}}),
            made(observations, 3, Point{733310, 7096310}, {{"kategori", std::string("sikt")}}),
            made(observations, 4, Point{733120, 7096090}, {{"kategori", std::string("klotter")}}),
        }));
    project.links = {{FeatureId{7}, FeatureId{1}}, {FeatureId{7}, FeatureId{2}},
                     {FeatureId{7}, FeatureId{4}}, {FeatureId{5}, FeatureId{3}}};
    return project;
}

MeasurePlan built(const Project& project, PlanOptions options = {}) {
    options.date = kPlanDate;
    auto plan = buildMeasurePlan(project, options);
    REQUIRE(plan);
    return std::move(*plan);
}

PlanOptions inLanguage(std::string language) {
    PlanOptions options;
    options.language = std::move(language);
    return options;
}

PlanOptions withStatuses(std::vector<std::string> statuses) {
    PlanOptions options;
    options.statuses = std::move(statuses);
    return options;
}

class CancelAtOnce final : public Progress {
public:
    [[nodiscard]] bool isCancelled() const override { return true; }
};

} // namespace

TEST_CASE("measure plan: measures numbered by id, labels, anchors, links and overdue deadlines") {
    const Project project = planProject();
    const MeasurePlan plan = built(project);
    CHECK(plan.title == "Åtgärdsplan – Vännäs centrum");
    CHECK(plan.subtitle == "Alla åtgärder utom avförda");
    CHECK(plan.date == kPlanDate);
    REQUIRE(plan.measures.size() == 4);
    const PlanMeasure& path = plan.measures[0];
    CHECK(path.number == 1);
    CHECK(path.id == FeatureId{3});
    CHECK(path.type == "Ny gångväg eller passage");
    CHECK(path.status == "Beslutad");
    CHECK_FALSE(path.cost.has_value());
    CHECK_FALSE(path.overdue); // its deadline is ahead
    REQUIRE(path.anchor);
    CHECK(path.anchor->x() == Approx(733100)); // halfway along the line
    const PlanMeasure& park = plan.measures[1];
    CHECK(park.id == FeatureId{5});
    CHECK_FALSE(park.overdue); // past its deadline, but done
    CHECK(park.anchor->x() == Approx(733320));
    CHECK(park.anchor->y() == Approx(7096320));
    CHECK(park.observations == 1);
    const PlanMeasure& lamp = plan.measures[2];
    CHECK(lamp.number == 3);
    CHECK(lamp.title == "Ny belysning vid stationen");
    CHECK(lamp.responsible == "Vännäs kommun");
    CHECK(lamp.overdue);
    CHECK(*lamp.cost == 85000.0);
    CHECK(lamp.promise.starts_with("Kompletterande belysning"));
    CHECK(lamp.observations == 3);
    CHECK(lamp.answered == "Belysning 2, Klotter/skadegörelse 1");
    CHECK(lamp.markerColour == "#3182bd"); // the measure layer's colour for planerad
    CHECK_FALSE(plan.measures[3].anchor.has_value());

    const MeasurePlan english = built(project, inLanguage("en"));
    CHECK(english.title == "Action plan – Vännäs centrum");
    CHECK(english.measures[2].answered == "Lighting 2, Graffiti/vandalism 1");
}

TEST_CASE("measure plan: cost per responsible body and status, only those that occur") {
    const MeasurePlan plan = built(planProject());
    const PlanTotals& totals = plan.totals;
    CHECK(totals.statuses == std::vector<std::string>{"Beslutad", "Planerad", "Klar"});
    CHECK(totals.responsibles ==
          std::vector<std::string>{"Vännäs kommun", "Polisen", "Vännäs Fastigheter AB"});
    CHECK(totals.cells[0][0].measures == 1); // kommun, beslutad: the path without a cost
    CHECK(totals.cells[0][0].cost == 0.0);
    CHECK(totals.cells[0][1].cost == 85000.0);
    CHECK(totals.cells[1][1].cost == 40000.0);
    CHECK(totals.cells[2][2].cost == 12500.0);
    CHECK(totals.cells[1][0].measures == 0);
    CHECK(totals.byResponsible[0].measures == 2);
    CHECK(totals.byResponsible[0].cost == 85000.0);
    CHECK(totals.byStatus[1].measures == 2);
    CHECK(totals.byStatus[1].cost == 125000.0);
    CHECK(totals.all.measures == 4);
    CHECK(totals.all.cost == 137500.0);
    CHECK(totals.withoutCost == 1);
}

TEST_CASE("measure plan: chosen statuses only; an unknown status names the valid ones") {
    const Project project = planProject();
    const MeasurePlan planned = built(project, withStatuses({"planerad", "klar"}));
    REQUIRE(planned.measures.size() == 3);
    CHECK(planned.measures[0].id == FeatureId{5});
    CHECK(planned.measures[0].number == 1);
    CHECK(planned.subtitle == "Status: Planerad, Klar");
    CHECK(planned.totals.all.cost == 137500.0);

    auto wrong = buildMeasurePlan(project, withStatuses({"gjord"}));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::InvalidValue);
    CHECK(wrong.error().message == "unknown measure status 'gjord'");
    CHECK(wrong.error().detail.find("forslag, beslutad") != std::string::npos);

    auto none = buildMeasurePlan(Project{}, PlanOptions{});
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::NotFound);
}

TEST_CASE("measure plan: the map's area is around the measures, at least 300 m across") {
    const MeasurePlan plan = built(planProject());
    // Measures span 733000..733340 east, 7096000..7096340 north; 8 % more on each side.
    CHECK(plan.extent.min_corner().x() == Approx(733000 - 340 * 0.08));
    CHECK(plan.extent.max_corner().y() == Approx(7096340 + 340 * 0.08));
    const Box chosen(Point{1, 2}, Point{3, 4});
    PlanOptions options;
    options.extent = chosen;
    CHECK(bg::equals(built(planProject(), options).extent, chosen));
}

TEST_CASE("measure plan PDF: landscape A4, the map page, one table row per measure, totals") {
    ensureGuiApplication();
    TempDir dir;
    const Project project = planProject();
    const MeasurePlan plan = built(project);
    auto layout = writeMeasurePlan(dir / "plan.pdf", plan, sceneFromProject(project, "sv"),
                                   PaperSize::A4);
    REQUIRE(layout);
    CHECK(layout->pages == 3); // the map, the table, the follow-up
    CHECK(layout->tableRows == 4);
    CHECK(layout->files == std::vector<std::filesystem::path>{dir / "plan.pdf"});
    const std::string pdf = readAll(dir / "plan.pdf");
    CHECK(pageObjects(pdf) == 3);
    CHECK(pdf.find("/MediaBox [0 0 842.000000 595.000000]") != std::string::npos);
    const std::string text = pdfText(dir / "plan.pdf");
    const std::string mapPage = text.substr(0, text.find('\f'));
    CHECK(mapPage.find("Åtgärdsplan – Vännäs centrum") != std::string::npos);
    CHECK(mapPage.find("2026-11-24") != std::string::npos);
    CHECK(mapPage.find("Teckenförklaring") != std::string::npos);
    const std::size_t tableStart = text.find('\f');
    const std::string table = text.substr(tableStart, text.find('\f', tableStart + 1) - tableStart);
    for (const char* title : {"Ny belysning vid stationen", "Gångväg längs Storgatan",
                              "Beskärning i parken", "Polisnärvaro fredagskvällar"}) {
        CHECK(occurrences(table, title) == 1);
    }
    CHECK(table.find("85 000 kr") != std::string::npos);
    CHECK(table.find("försenad") != std::string::npos);
    CHECK(table.find("137 500 kr (4)") != std::string::npos); // the grand total
    CHECK(table.find("1 av åtgärderna saknar kostnad") != std::string::npos);
    // Nothing else is left in the folder: the temporary file was renamed into place.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("measure plan: many measures flow onto pages with the table heading on each") {
    ensureGuiApplication();
    TempDir dir;
    Project project = planProject();
    Layer& measures = *project.layer("atgarder");
    for (std::int64_t id = 20; id < 80; ++id) {
        measures.add(made(measures.definition(), id, Point{733000.0 + double(id), 7096200},
                          {{"titel", std::string("Åtgärd ") + std::to_string(id)},
                           {"status", std::string("forslag")},
                           {"ansvarig", std::string("trafikverket")},
                           {"kostnad", 1000.0}}));
    }
    const MeasurePlan plan = built(project, inLanguage("en"));
    auto layout = writeMeasurePlan(dir / "plan.pdf", plan, sceneFromProject(project, "en"),
                                   PaperSize::A4);
    REQUIRE(layout);
    CHECK(layout->tableRows == 64);
    CHECK(layout->pages >= 4);
    const std::string text = pdfText(dir / "plan.pdf");
    CHECK(pageObjects(readAll(dir / "plan.pdf")) == layout->pages);
    // The heading row is repeated on every table page (not the map's, not the follow-up's);
    // the footer counts the pages.
    CHECK(occurrences(text, "Deadline") == static_cast<std::size_t>(layout->pages - 2));
    CHECK(text.find("Page " + std::to_string(layout->pages) + " of " +
                    std::to_string(layout->pages)) != std::string::npos);
    for (std::int64_t id = 20; id < 80; ++id) {
        CHECK(occurrences(text, "Åtgärd " + std::to_string(id) + " ") +
                  occurrences(text, "Åtgärd " + std::to_string(id) + "\n") ==
              1);
    }
    CHECK(text.find("SEK 197,500 (64)") != std::string::npos);
}

TEST_CASE("measure plan PNG: one image per page at 150 dpi, the map drawn with the numbers") {
    ensureGuiApplication();
    TempDir dir;
    const Project project = planProject();
    auto layout = writeMeasurePlan(dir / "plan.png", built(project), sceneFromProject(project, "sv"),
                                   PaperSize::A3);
    REQUIRE(layout);
    REQUIRE(layout->files == std::vector<std::filesystem::path>{dir / "plan.png", dir / "plan-2.png",
                                                                dir / "plan-3.png"});
    const QImage map(QString::fromStdString((dir / "plan.png").string()));
    CHECK(map.width() == 2480); // A3 landscape, 420 mm at 150 dpi
    CHECK(map.height() == 1754);
    // The planned lamp's marker (#3182bd) is drawn on the map, left of the legend column.
    std::size_t marker = 0;
    for (int y = 0; y < map.height(); ++y) {
        for (int x = 0; x < map.width() * 3 / 4; ++x) {
            marker += map.pixel(x, y) == qRgb(0x31, 0x82, 0xbd) ? 1 : 0;
        }
    }
    CHECK(marker > 200);
}

TEST_CASE("measure plan: cancelled or unwritable leaves no file and names the path") {
    ensureGuiApplication();
    TempDir dir;
    const MeasurePlan plan = built(planProject());
    CancelAtOnce cancel;
    for (const char* name : {"plan.pdf", "plan.png"}) {
        auto cancelled = writeMeasurePlan(dir / name, plan, MapScene{}, PaperSize::A4, cancel);
        REQUIRE_FALSE(cancelled);
        CHECK(cancelled.error().code == ErrorCode::Cancelled);
        CHECK(cancelled.error().where == (dir / name).string());
    }
    CHECK(std::filesystem::is_empty(dir.path()));
    auto unwritable = writeMeasurePlan(dir / "saknas" / "plan.pdf", plan, MapScene{}, PaperSize::A4);
    REQUIRE_FALSE(unwritable);
    CHECK(unwritable.error().code == ErrorCode::WriteFailed);
    CHECK(unwritable.error().where == (dir / "saknas" / "plan.pdf").string());
}
