// The analyses on the map: the observation choices composed into one filter text, the heat
// map dialog's defaults, and the heat map shown, followed live and removed.

#include "heatmap_controller.h"
#include "heatmap_dialog.h"
#include "hotspot_dialog.h"
#include "observation_filter_box.h"
#include "test_support.h"

#include "tryggkarta/analysis/heatmap.h"
#include "tryggkarta/analysis/hotspot_results.h"
#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/project_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QTest>
#include <catch2/catch.hpp>

#include <cmath>

using namespace trygg;

namespace {

constexpr double kX = 733000.0;
constexpr double kY = 7096000.0;

/// An observation's values, without a place.
Feature reported(const LayerDef& def, const char* polarity, const char* light,
                 std::int64_t feeling) {
    Feature feature;
    feature.values.resize(def.fields.size());
    feature.values[*def.fieldIndex("kategori")] = std::string("belysning");
    feature.values[*def.fieldIndex("polaritet")] = std::string(polarity);
    feature.values[*def.fieldIndex("kalla")] = std::string("trygghetsvandring");
    feature.values[*def.fieldIndex("ljusforh")] = std::string(light);
    feature.values[*def.fieldIndex("kansla")] = feeling;
    feature.values[*def.fieldIndex("tidpunkt")] = DateTime{Date{2025, 11, 12}, 19, 30, 0, {}};
    return feature;
}

Feature observation(const LayerDef& def, double dx, double dy, const char* polarity,
                    const char* light, std::int64_t feeling) {
    Feature feature = reported(def, polarity, light, feeling);
    feature.geometry = Point{kX + dx, kY + dy};
    return feature;
}

/// Six unsafe observations within 30 m of each other (four in darkness), two safe ones 400 m
/// away, and one observation without a place.
struct HeatWorkspace {
    test::TempDir dir;
    std::filesystem::path path = dir / "vannas.gpkg";
    MapDocument document{test::sourceCatalog()};

    HeatWorkspace() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        Layer& layer = *project->layer("observationer");
        const LayerDef& def = layer.definition();
        layer.add(observation(def, 0, 0, "otrygg", "morker", 0));
        layer.add(observation(def, 10, 5, "otrygg", "morker", 1));
        layer.add(observation(def, 20, -5, "otrygg", "morker", 1));
        layer.add(observation(def, 5, 25, "otrygg", "morker", 2));
        layer.add(observation(def, -10, 10, "otrygg", "dagsljus", 1));
        layer.add(observation(def, 25, 20, "otrygg", "dagsljus", 3));
        layer.add(observation(def, 400, 0, "trygg", "dagsljus", 3));
        layer.add(observation(def, 420, 10, "trygg", "dagsljus", 3));
        layer.add(reported(def, "otrygg", "morker", 0));
        document.setProject(std::move(*project), path);
    }

    [[nodiscard]] const Layer& observations() const { return *document.layer("observationer"); }
};

const SceneRaster* heatRaster(const MapDocument& document) {
    for (const SceneRaster& raster : document.analysisRasters()) {
        if (raster.name == HeatmapController::kRasterName) {
            return &raster;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("The observation choices become one filter text that the library reads",
          "[gui][analysis]") {
    HeatWorkspace workspace;
    ObservationFilterBox box(workspace.document, QStringLiteral("sv"));
    CHECK(box.filterText().isEmpty());
    CHECK(box.matchCount() == 8); // the one without a place is not counted

    REQUIRE(box.choose("polaritet", QStringLiteral("otrygg")));
    REQUIRE(box.choose("ljusforh", QStringLiteral("morker")));
    CHECK_FALSE(box.choose("ljusforh", QStringLiteral("natt")));
    CHECK(box.filterText() == QStringLiteral("polaritet = 'otrygg' och ljusforh = 'morker'"));
    CHECK(box.matchCount() == 4);

    box.dateSpanCheck()->setChecked(true);
    box.fromDate()->setDate(QDate(2025, 11, 1));
    box.toDate()->setDate(QDate(2025, 11, 30));
    box.conditionEdit()->setText(QStringLiteral("känsla <= 1"));
    CHECK(box.filterText() ==
          QStringLiteral("polaritet = 'otrygg' och ljusforh = 'morker' och tidpunkt >= 2025-11-01 "
                         "och tidpunkt <= 2025-11-30 och (känsla <= 1)"));
    CHECK(box.matchCount() == 3);
    box.toDate()->setDate(QDate(2025, 11, 11));
    CHECK(box.matchCount() == 0);

    box.conditionEdit()->setText(QStringLiteral("känsla <="));
    CHECK(box.matchCount() == -1);
}

TEST_CASE("The heat map dialog starts on the unsafe observations with Silverman's radius",
          "[gui][analysis]") {
    HeatWorkspace workspace;
    HeatmapDialog dialog(workspace.document, QStringLiteral("sv"), nullptr);
    const HeatmapRequest request = dialog.request();
    CHECK(request.filter == QStringLiteral("polaritet = 'otrygg'"));
    CHECK(request.options.kernel == Kernel::Quartic);
    CHECK(request.options.pixelSize == 2.0);
    CHECK_FALSE(request.options.scaled);
    CHECK(request.weightField.isEmpty());

    auto unsafe = selectObservations(workspace.observations(), "polaritet = otrygg", {});
    REQUIRE(unsafe);
    const double silverman = silvermanRadius(unsafe->points);
    REQUIRE(silverman > 1.0);
    CHECK(request.options.radius == std::round(silverman));

    // The weight list offers the numbers a planner can weigh by, not the walk's id.
    CHECK(dialog.weightChoice()->findData(QStringLiteral("kansla")) > 0);
    CHECK(dialog.weightChoice()->findData(QStringLiteral("vandring")) < 0);
}

TEST_CASE("The heat map is shown with its legend, follows new observations and is removed",
          "[gui][analysis]") {
    HeatWorkspace workspace;
    HeatmapController controller(workspace.document, nullptr);
    HeatmapRequest request;
    request.filter = QStringLiteral("polaritet = 'otrygg'");
    request.options.radius = 40.0;
    request.options.pixelSize = 5.0;
    REQUIRE(controller.run(request));

    const SceneRaster* raster = heatRaster(workspace.document);
    REQUIRE(raster != nullptr);
    CHECK(raster->legend.size() == 5);
    CHECK(raster->legendTitle.sv == "Täthet av synpunkter (radie 40 m)");
    REQUIRE(controller.result() != nullptr);
    CHECK(controller.result()->observations == 6);
    CHECK(controller.result()->leftOut == 1); // the unsafe one without a place

    // The grid is the library's for the same six points.
    auto unsafe = selectObservations(workspace.observations(), "polaritet = otrygg", {});
    REQUIRE(unsafe);
    auto expected = heatmap(unsafe->points, {}, request.options, Progress::none());
    REQUIRE(expected);
    const HeatmapGrid& shown = controller.result()->grid;
    CHECK(shown.columns == expected->columns);
    CHECK(shown.rows == expected->rows);
    CHECK(shown.values == expected->values);
    CHECK(raster->image.width() == static_cast<int>(shown.columns));
    // QGIS's grid: the points' extent (x -10 … 25) grown by the radius, ceil(115 / 5) + 1.
    CHECK(shown.columns == 24);

    // A new unsafe observation 300 m east widens the map once the worker has run.
    const LayerDef& def = workspace.observations().definition();
    REQUIRE(workspace.document.addFeature("observationer",
                                          observation(def, 300, 0, "otrygg", "morker", 0)));
    QTest::qWait(400); // the debounce
    controller.waitForUpdate();
    CHECK(controller.result()->observations == 7);
    CHECK(controller.result()->grid.columns == 79); // x -10 … 300: ceil(390 / 5) + 1
    // A new safe one is not chosen: the map stays as it is.
    REQUIRE(workspace.document.addFeature("observationer",
                                          observation(def, -300, 0, "trygg", "dagsljus", 3)));
    QTest::qWait(400);
    controller.waitForUpdate();
    CHECK(controller.result()->observations == 7);

    controller.clear();
    CHECK(heatRaster(workspace.document) == nullptr);
    CHECK_FALSE(controller.isShown());
}

TEST_CASE("Hot and cold cells become the result layer in one undo step", "[gui][analysis]") {
    HeatWorkspace workspace;
    MapDocument& document = workspace.document;
    HotspotDialog dialog(document, QStringLiteral("sv"));
    // The dialog starts on the unsafe observations, like the heat map.
    CHECK(dialog.options().where == "polaritet = 'otrygg'");
    CHECK(dialog.options().falseDiscoveryRate);
    dialog.cellSizeEdit()->setValue(20.0);
    const HexagonOptions options = dialog.options();
    CHECK(options.cellSize == 20.0);
    CHECK(options.distanceBand == 0.0); // the cell and its six neighbours

    dialog.accept();
    REQUIRE(dialog.statistics().has_value());
    const HexagonStatistics& stats = *dialog.statistics();
    CHECK(stats.observations == 6);
    CHECK(stats.withoutGeometry == 1);

    // The same numbers as the library's for the same choice, one feature per cell.
    auto expected = hexagonStatistics(workspace.observations(), options, Progress::none());
    REQUIRE(expected);
    REQUIRE(expected->cells.size() == stats.cells.size());
    const Layer* cells = document.layer(kHotSpotLayer);
    REQUIRE(cells != nullptr);
    CHECK(cells->size() == stats.cells.size());
    std::int64_t counted = 0;
    const auto antal = *cells->definition().fieldIndex("antal");
    for (const Feature& cell : cells->features()) {
        counted += std::get<std::int64_t>(cell.values[antal]);
    }
    CHECK(counted == 6);
    const auto bins = stats.binCounts();
    std::size_t binned = 0;
    for (const std::size_t n : bins) {
        binned += n;
    }
    CHECK(binned == stats.cells.size());
    CHECK(HotspotDialog::summary(stats).startsWith(QStringLiteral("%1 rutor: ").arg(stats.cells.size())));

    document.undoStack().undo();
    CHECK(document.layer(kHotSpotLayer)->size() == 0);
}
