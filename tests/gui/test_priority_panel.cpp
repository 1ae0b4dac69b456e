// The priority list panel on a small made-up project: its rows in order with their
// explanations, the zoom signal with the place's extent, weights that reorder at once,
// settings and document changes that recompute it in the background.

#include "analysis/priority_places.h"
#include "observation_filter_box.h"
#include "priority_panel.h"
#include "test_support.h"
#include "tryggkarta/document/map_document.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <catch2/catch.hpp>

#include <optional>

using namespace trygg;

namespace {

struct PanelOnPlaces {
    test::TempDir dir;
    test::PriorityPlaces data;
    std::vector<FeatureId> placeA = data.placeA;
    MapDocument document{test::sourceCatalog()};
    PriorityPanel panel{document};

    PanelOnPlaces() {
        data.addLighting();
        document.setProject(std::move(data.project), dir / "platser.gpkg");
        panel.resize(900, 500);
        panel.show(); // shown: computes (the document changed while it was hidden)
        panel.waitForUpdate();
    }

    [[nodiscard]] QString text(int row, int column) const {
        const QTableWidgetItem* item = panel.table()->item(row, column);
        return item != nullptr ? item->text() : QString();
    }
};

} // namespace

TEST_CASE("priority panel: ranked rows that explain themselves", "[gui][priorities]") {
    PanelOnPlaces f;
    QTableWidget* table = f.panel.table();
    REQUIRE(table->rowCount() == 2);
    CHECK(f.text(0, PriorityPanel::RankColumn) == "1");
    CHECK(f.text(0, PriorityPanel::PlaceColumn) == "Storgatan");
    CHECK(f.text(0, PriorityPanel::ScoreColumn) == "3,73");
    CHECK(f.text(0, PriorityPanel::CountColumn) == "5");
    CHECK(f.text(0, PriorityPanel::WhyColumn).toStdString() ==
          "5 otrygga synpunkter (2 skrämmande, 1 obehaglig, 1 acceptabel), 3 i mörker, "
          "1 i skymning, 2,7 lx, 15 m till mörkt parti, ingen åtgärd");
    CHECK(f.text(1, PriorityPanel::PlaceColumn) == "N 7096000, Ö 735010");
    CHECK(f.text(1, PriorityPanel::ScoreColumn) == "1,60");
    CHECK(table->item(0, PriorityPanel::ScoreColumn)->toolTip().endsWith("= 3,73"));
    CHECK(f.panel.statusLabel()->text().contains("av 9 synpunkter; 1 hör inte till någon plats"));
}

TEST_CASE("priority panel: a click asks the map to show the place", "[gui][priorities]") {
    PanelOnPlaces f;
    std::optional<Box> shown;
    QList<qint64> chosen;
    QObject::connect(&f.panel, &PriorityPanel::zoomRequested, [&](const Box& box) { shown = box; });
    QObject::connect(&f.panel, &PriorityPanel::observationsChosen,
                     [&](const QList<qint64>& ids) { chosen = ids; });
    QTableWidget* table = f.panel.table();
    const QRect rect = table->visualItemRect(table->item(0, PriorityPanel::PlaceColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    REQUIRE(shown);
    CHECK(shown->min_corner().x() == test::placeAt(1000, 0).x());
    CHECK(shown->min_corner().y() == test::placeAt(0, 1000).y());
    CHECK(shown->max_corner().x() == test::placeAt(1005, 0).x());
    CHECK(shown->max_corner().y() == test::placeAt(0, 1005).y());
    CHECK(chosen == QList<qint64>{1, 2, 3, 4, 5});
}

TEST_CASE("priority panel: weights reorder at once, settings recompute", "[gui][priorities]") {
    PanelOnPlaces f;
    SECTION("severity alone puts place B first") {
        for (PriorityFactor factor : {PriorityFactor::Count, PriorityFactor::Darkness,
                                      PriorityFactor::Light, PriorityFactor::Gap}) {
            f.panel.weightBox(factor)->setValue(0.0);
        }
        CHECK(f.text(0, PriorityPanel::CountColumn) == "3");
        CHECK(f.text(0, PriorityPanel::ScoreColumn) == "1,00");
        CHECK(f.text(1, PriorityPanel::ScoreColumn) == "0,60");
        CHECK(f.text(0, PriorityPanel::RankColumn) == "1");
    }
    SECTION("four observations make a place: B is no place") {
        f.panel.minimumBox()->setValue(4);
        f.panel.waitForUpdate();
        REQUIRE(f.panel.table()->rowCount() == 1);
        CHECK(f.panel.list()->noise == 4);
    }
    SECTION("every polarity: the safe cluster is a place too") {
        QComboBox* polarity = f.panel.filterBox()->choice("polaritet");
        REQUIRE(polarity != nullptr);
        polarity->setCurrentIndex(0); // Alla
        f.panel.waitForUpdate();
        CHECK(f.panel.table()->rowCount() == 3);
        CHECK(f.text(2, PriorityPanel::WhyColumn).startsWith("3 synpunkter"));
    }
}

TEST_CASE("priority panel: a measure linked in the document lowers the place", "[gui][priorities]") {
    PanelOnPlaces f;
    const LayerDef& def = *test::sourceCatalog().find("atgarder");
    Feature measure;
    measure.geometry = test::placeAt(1002.0, 1002.0);
    measure.values.resize(def.fields.size());
    measure.values[*def.fieldIndex("titel")] = std::string("Ny belysning");
    measure.values[*def.fieldIndex("status")] = std::string("planerad");
    measure.values[*def.fieldIndex("typ")] = std::string("ny_belysning");
    auto id = f.document.addFeature("atgarder", measure);
    INFO((id ? std::string() : id.error().describe()));
    REQUIRE(id);
    REQUIRE(f.document.linkMeasure(*id, f.placeA));
    f.panel.waitForUpdate();
    CHECK(f.text(0, PriorityPanel::PlaceColumn) == "Storgatan");
    CHECK(f.text(0, PriorityPanel::ScoreColumn) == "1,73");
    CHECK(f.text(0, PriorityPanel::WhyColumn).endsWith("åtgärd för alla"));
    f.panel.weightBox(PriorityFactor::Answered)->setValue(4.0); // now it drops below B
    CHECK(f.text(0, PriorityPanel::CountColumn) == "3");
}
