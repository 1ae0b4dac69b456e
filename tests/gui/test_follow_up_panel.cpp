// The follow-up panel on a small made-up project: the charts' series (promises by status,
// cost per status, the timeline with today and the overdue measure, the observations'
// answers), the before/after tables of a measure from two safety walks, the panel following
// the document, and the plan dialog's switch for the follow-up page.

#include "follow_up_panel.h"
#include "plan_dialog.h"
#include "render/render_fixtures.h"
#include "test_support.h"
#include "tryggkarta/document/map_document.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <catch2/catch.hpp>

using namespace trygg;
using test::made;

namespace {

const Date kToday{2026, 11, 24};

Feature observation(std::int64_t id, Point at, const char* polarity,
                    std::optional<std::int64_t> feeling, std::optional<std::int64_t> walk) {
    const LayerDef& def = *test::sourceCatalog().find("observationer");
    Feature feature = made(def, id, at,
                           {{"kategori", std::string("belysning")},
                            {"polaritet", std::string(polarity)},
                            {"kalla", std::string("trygghetsvandring")},
                            {"ljusforh", std::string("morker")}});
    if (feeling) {
        feature.values[*def.fieldIndex("kansla")] = *feeling;
    }
    if (walk) {
        feature.values[*def.fieldIndex("vandring")] = *walk;
    }
    return feature;
}

/// Three measures: 1 a lamp by the station, decided 2025-03-01 and done by 2025-06-01;
/// 2 more lamps, planned and overdue; 3 a proposal without promise, cost or deadline. Walk
/// 21 (autumn 2024) noted observations 11 and 12 near the lamp, walk 22 (autumn 2025) noted
/// 13 there. 11 and 12 are answered by the lamp, 14 by the proposal, 15 by nothing.
Project followUpProject() {
    const LayerDef& measures = *test::sourceCatalog().find("atgarder");
    const LayerDef& walks = *test::sourceCatalog().find("vandringar");
    Project project;
    project.layers.push_back(
        test::layerOf("atgarder", {made(measures, 1, Point{733100, 7096100},
                                        {{"titel", std::string("Ny belysning vid stationen")},
                                         {"typ", std::string("ny_belysning")},
                                         {"status", std::string("klar")},
                                         {"kostnad", 85000.0},
                                         {"beslutad", Date{2025, 3, 1}},
                                         {"deadline", Date{2025, 6, 1}},
                                         {"lofte", std::string("2017_1")}}),
                                   made(measures, 2, Point{733600, 7096600},
                                        {{"titel", std::string("Lampor vid bron")},
                                         {"typ", std::string("ny_belysning")},
                                         {"status", std::string("planerad")},
                                         {"kostnad", 40000.0},
                                         {"deadline", Date{2026, 6, 30}},
                                         {"lofte", std::string("2017_1")}}),
                                   made(measures, 3, Point{733900, 7096900},
                                        {{"titel", std::string("Spegel i tunneln")},
                                         {"typ", std::string("annan")},
                                         {"status", std::string("forslag")}})}));
    project.layers.push_back(test::layerOf(
        "observationer",
        {observation(11, Point{733110, 7096100}, "otrygg", 0, 21),
         observation(12, Point{733100, 7096120}, "otrygg", 1, 21),
         observation(13, Point{733085, 7096100}, "trygg", 3, 22),
         observation(14, Point{734000, 7097000}, "otrygg", std::nullopt, std::nullopt),
         observation(15, Point{734100, 7097100}, "otrygg", std::nullopt, std::nullopt)}));
    Feature before = made(walks, 21, Point{733000, 7096000},
                          {{"namn", std::string("Kvällsvandring")},
                           {"datum", Date{2024, 10, 15}},
                           {"ljusforh", std::string("morker")}});
    Feature after = made(walks, 22, Point{733000, 7096000},
                         {{"namn", std::string("Kvällsvandring")},
                          {"datum", Date{2025, 10, 15}},
                          {"ljusforh", std::string("morker")}});
    before.geometry.reset();
    after.geometry.reset();
    project.layers.push_back(test::layerOf("vandringar", {std::move(before), std::move(after)}));
    project.links = {{FeatureId{1}, FeatureId{11}},
                     {FeatureId{1}, FeatureId{12}},
                     {FeatureId{3}, FeatureId{14}}};
    return project;
}

struct PanelOnProject {
    test::TempDir dir;
    MapDocument document{test::sourceCatalog()};
    FollowUpPanel panel{document};

    PanelOnProject() {
        document.setProject(followUpProject(), dir / "uppfoljning.gpkg");
        panel.setToday(kToday);
        panel.refresh();
    }
};

template <typename Series> Series* onlySeries(QChart* chart) {
    REQUIRE(chart->series().size() == 1);
    auto* series = qobject_cast<Series*>(chart->series().front());
    REQUIRE(series != nullptr);
    return series;
}

QBarSet* barSet(QAbstractBarSeries* series, const QString& label) {
    for (QBarSet* set : series->barSets()) {
        if (set->label() == label) {
            return set;
        }
    }
    FAIL("no bar set " << label.toStdString());
    return nullptr;
}

QStringList categories(QChart* chart) {
    const auto axes = chart->axes(Qt::Vertical);
    REQUIRE(axes.size() == 1);
    if (auto* bars = qobject_cast<QBarCategoryAxis*>(axes.front())) {
        return bars->categories();
    }
    auto* ranges = qobject_cast<QCategoryAxis*>(axes.front());
    REQUIRE(ranges != nullptr);
    return ranges->categoriesLabels();
}

QString kronor(double amount) {
    return QLocale(QLocale::Swedish, QLocale::Sweden).toString(static_cast<qlonglong>(amount)) +
           QStringLiteral(" kr");
}

double noonOf(int year, int month, int day) {
    return static_cast<double>(
        QDateTime(QDate(year, month, day), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}

QStringList rowOf(QTableWidget* table, int row) {
    QStringList values;
    for (int column = 0; column < table->columnCount(); ++column) {
        const QTableWidgetItem* item = table->item(row, column);
        values << (item != nullptr ? item->text() : QString());
    }
    return values;
}

} // namespace

TEST_CASE("follow-up panel: measures per promise and status, and the cost per status") {
    PanelOnProject fixture;
    const FollowUpPanel& panel = fixture.panel;
    REQUIRE(panel.followUp());
    CHECK(panel.statusLabel()->text() ==
          QStringLiteral("Läget 2026-11-24: 3 åtgärder, försenade: 1."));

    auto* promises = onlySeries<QHorizontalStackedBarSeries>(panel.promiseChart());
    // Every promise of the list and the measures without one; the first listed at the top,
    // which Qt draws as the last category.
    const QStringList rows = categories(panel.promiseChart());
    REQUIRE(rows.size() == 12);
    CHECK(rows.front() == QStringLiteral("Utan medborgarlöfte"));
    CHECK(rows.back().startsWith(QStringLiteral("Kompletterande belysning")));
    CHECK(rows.back().endsWith(QChar(0x2026))); // shortened
    REQUIRE(promises->count() == 3);            // the statuses that occur, in the list's order
    CHECK(promises->barSets()[0]->label() == QStringLiteral("Förslag"));
    CHECK(promises->barSets()[1]->label() == QStringLiteral("Planerad"));
    CHECK(promises->barSets()[2]->label() == QStringLiteral("Klar"));
    CHECK(barSet(promises, QStringLiteral("Förslag"))->at(0) == 1.0);
    CHECK(barSet(promises, QStringLiteral("Planerad"))->at(11) == 1.0);
    CHECK(barSet(promises, QStringLiteral("Klar"))->at(11) == 1.0);
    CHECK(barSet(promises, QStringLiteral("Klar"))->sum() == 1.0);
    // The measure layer's colours, as on the map.
    CHECK(barSet(promises, QStringLiteral("Planerad"))->color() ==
          QColor(QStringLiteral("#3182bd")));
    CHECK(barSet(promises, QStringLiteral("Klar"))->color() == QColor(QStringLiteral("#31a354")));

    auto* costs = onlySeries<QHorizontalStackedBarSeries>(panel.costChart());
    CHECK(categories(panel.costChart()) ==
          QStringList({QStringLiteral("Klar: ") + kronor(85000),
                       QStringLiteral("Planerad: ") + kronor(40000),
                       QStringLiteral("Förslag: ") + kronor(0)}));
    QBarSet* done = barSet(costs, QStringLiteral("Klar"));
    REQUIRE(done->count() == 3);
    CHECK(done->at(0) == 85000.0);
    CHECK(done->at(1) == 0.0);
    CHECK(barSet(costs, QStringLiteral("Planerad"))->at(1) == 40000.0);
}

TEST_CASE("follow-up panel: the timeline with today and the overdue measure in red") {
    PanelOnProject fixture;
    QChart* chart = fixture.panel.timelineChart();
    QScatterSeries* done = nullptr;
    QScatterSeries* late = nullptr;
    QLineSeries* today = nullptr;
    for (QAbstractSeries* series : chart->series()) {
        if (series->name() == QStringLiteral("Klar")) {
            done = qobject_cast<QScatterSeries*>(series);
        } else if (series->name() == QStringLiteral("Försenad")) {
            late = qobject_cast<QScatterSeries*>(series);
        } else if (series->name() == QStringLiteral("Idag 2026-11-24")) {
            today = qobject_cast<QLineSeries*>(series);
        }
    }
    CHECK(chart->series().size() == 3);
    REQUIRE(done != nullptr);
    REQUIRE(late != nullptr);
    REQUIRE(today != nullptr);
    // The earliest deadline at the top (row 1), the overdue lamps below it (row 0).
    REQUIRE(done->count() == 1);
    CHECK(done->at(0) == QPointF(noonOf(2025, 6, 1), 1.0));
    REQUIRE(late->count() == 1);
    CHECK(late->at(0) == QPointF(noonOf(2026, 6, 30), 0.0));
    CHECK(late->color() == QColor(QStringLiteral("#b01c1c")));
    REQUIRE(today->count() == 2);
    CHECK(today->at(0).x() == noonOf(2026, 11, 24));
    CHECK(today->at(1).x() == noonOf(2026, 11, 24));
    CHECK(categories(chart) == QStringList({QStringLiteral("Lampor vid bron (försenad)"),
                                            QStringLiteral("Ny belysning vid stationen")}));
}

TEST_CASE("follow-up panel: what is being done about the unsafe observations") {
    PanelOnProject fixture;
    auto* answers = onlySeries<QPieSeries>(fixture.panel.answerChart());
    REQUIRE(answers->count() == 3);
    CHECK(answers->slices()[0]->label() == QStringLiteral("Åtgärdas: 2"));
    CHECK(answers->slices()[0]->value() == 2.0);
    CHECK(answers->slices()[1]->label() == QStringLiteral("Förslag finns: 1"));
    CHECK(answers->slices()[1]->value() == 1.0);
    CHECK(answers->slices()[2]->label() == QStringLiteral("Inget görs: 1"));
    CHECK(answers->slices()[2]->value() == 1.0);
    CHECK(answers->slices()[0]->color() == QColor(QStringLiteral("#31a354")));
}

TEST_CASE("follow-up panel: a measure's place before and after, side by side") {
    PanelOnProject fixture;
    FollowUpPanel& panel = fixture.panel;
    REQUIRE(panel.measureChoice()->count() == 1);
    CHECK(panel.measureChoice()->currentText() ==
          QStringLiteral("Ny belysning vid stationen (nr 1)"));
    QTableWidget* before = panel.beforeTable();
    REQUIRE(before->rowCount() == 2); // nearest first
    CHECK(rowOf(before, 0) ==
          QStringList({QStringLiteral("2024-10-15"), QStringLiteral("Belysning"),
                       QStringLiteral("0 Skrämmande"), QStringLiteral("Mörker"),
                       QStringLiteral("10 m")}));
    CHECK(before->item(0, 0)->toolTip() == QStringLiteral("Kvällsvandring 2024-10-15"));
    CHECK(rowOf(before, 1)[2] == QStringLiteral("1 Obehaglig"));
    CHECK(rowOf(before, 1)[4] == QStringLiteral("20 m"));
    QTableWidget* after = panel.afterTable();
    REQUIRE(after->rowCount() == 1);
    CHECK(rowOf(after, 0)[0] == QStringLiteral("2025-10-15"));
    CHECK(after->item(0, 0)->toolTip() == QStringLiteral("Kvällsvandring 2025-10-15"));
    CHECK(rowOf(after, 0)[2] == QStringLiteral("3 Bekväm"));
    CHECK(panel.beforeSummary()->text() ==
          QStringLiteral("Synpunkter: 2 · medelkänsla 0,5 (0–3) · otrygga 100 %"));
    CHECK(panel.afterSummary()->text() ==
          QStringLiteral("Synpunkter: 1 · medelkänsla 3,0 (0–3) · otrygga 0 %"));

    // Within 10 m the after walk noted nothing near the lamp: no measure to compare.
    panel.radiusBox()->setValue(10);
    panel.refresh();
    CHECK(panel.measureChoice()->count() == 0);
    CHECK(panel.beforeTable()->rowCount() == 0);
    CHECK(panel.afterTable()->rowCount() == 0);
}

TEST_CASE("follow-up panel: follows the document, in the language of the values") {
    PanelOnProject fixture;
    FollowUpPanel& panel = fixture.panel;
    panel.resize(700, 500);
    panel.show();
    const LayerDef& measures = fixture.document.layer("atgarder")->definition();
    REQUIRE(
        fixture.document.addFeature("atgarder", made(measures, 0, Point{733200, 7096200},
                                                     {{"titel", std::string("Röjning i parken")},
                                                      {"typ", std::string("annan")},
                                                      {"status", std::string("beslutad")},
                                                      {"deadline", Date{2026, 1, 15}}})));
    for (int i = 0; i < 100 && panel.followUp()->promises.all.measures != 4; ++i) {
        QTest::qWait(20);
    }
    CHECK(panel.followUp()->promises.all.measures == 4);
    CHECK(panel.followUp()->timeline.overdue == 2);
    CHECK(panel.statusLabel()->text() ==
          QStringLiteral("Läget 2026-11-24: 4 åtgärder, försenade: 2."));

    panel.setLanguage("en");
    auto* promises = onlySeries<QHorizontalStackedBarSeries>(panel.promiseChart());
    CHECK(promises->barSets()[0]->label() == QStringLiteral("Proposed"));
    CHECK(categories(panel.promiseChart()).back().startsWith(QStringLiteral("Extra lighting")));
}

TEST_CASE("plan dialog: the follow-up page is in the plan unless switched off") {
    test::TempDir dir;
    MapDocument document{test::sourceCatalog()};
    document.setProject(followUpProject(), dir / "uppfoljning.gpkg");
    PlanDialog dialog(document, Box(Point{0, 0}, Point{1, 1}), QStringLiteral("sv"));
    REQUIRE(dialog.followUpBox()->isChecked());
    CHECK(dialog.options().followUp);
    dialog.followUpBox()->setChecked(false);
    CHECK_FALSE(dialog.options().followUp);
}
