#include "analysis/follow_up_project.h"
#include "tryggkarta/core/follow_up.h"

#include <catch2/catch.hpp>
#include <optional>

using namespace trygg;
using trygg::test::day;
using trygg::test::FollowUpProject;
using MeasureSpec = trygg::test::FollowUpProject::MeasureSpec;

namespace {

std::vector<FeatureId> idsOf(const std::vector<WalkVisit>& walks) {
    std::vector<FeatureId> ids;
    for (const WalkVisit& walk : walks) {
        ids.push_back(walk.walk);
    }
    return ids;
}

std::vector<FeatureId> idsOf(const WalkVisit& walk) {
    std::vector<FeatureId> ids;
    for (const WalkObservation& observation : walk.observations) {
        ids.push_back(observation.id);
    }
    return ids;
}

} // namespace

TEST_CASE("statuses rank from dropped to evaluated", "[follow_up]") {
    CHECK(statusRank("avford") == 0u);
    CHECK(statusRank("forslag") == 1u);
    CHECK(statusRank("utvarderad") == 6u);
    CHECK_FALSE(statusRank("okand"));
    CHECK(isClosedStatus("klar"));
    CHECK(isClosedStatus("avford"));
    CHECK_FALSE(isClosedStatus("pagar"));
    CHECK(isDoneStatus("utvarderad"));
    CHECK_FALSE(isDoneStatus("avford"));
}

TEST_CASE("measures are counted and costed per promise and status", "[follow_up]") {
    FollowUpProject p;
    p.measure(MeasureSpec().status("klar").promise("2017_1").cost(1000.0));
    p.measure(MeasureSpec().status("forslag").promise("2017_1"));
    p.measure(MeasureSpec().status("pagar").cost(500.0));
    p.measure(MeasureSpec().status("beslutad").promise("2030_9").cost(200.0));
    p.measure(MeasureSpec().status("klar").promise("2023_2025_1").cost(50.5));

    const PromiseStatusTable table = promiseStatusTable(p.layer("atgarder"));
    REQUIRE(table.statuses == std::vector<std::string>{"forslag", "beslutad", "planerad", "pagar",
                                                       "klar", "utvarderad", "avford"});
    CHECK(table.statusLabels[0] == "Förslag");
    CHECK(table.statusLabels[3] == "Pågår");
    // The 11 promises of the list, the unknown code, then the measures without a promise.
    REQUIRE(table.rows.size() == 13);
    const PromiseRow& first = table.rows[0];
    CHECK(first.code == "2017_1");
    CHECK(first.text ==
          "Kompletterande belysning på minst tre utpekade mörka platser i Vännäs centrum");
    CHECK(first.byStatus[4].measures == 1);
    CHECK(first.byStatus[4].cost == 1000.0);
    CHECK(first.byStatus[0].measures == 1);
    CHECK(first.byStatus[0].withoutCost == 1);
    CHECK(first.total.measures == 2);
    CHECK(first.total.cost == 1000.0);
    CHECK(first.total.withoutCost == 1);
    CHECK(table.rows[1].total.measures == 0); // a promise nothing was done for stays listed
    CHECK(table.rows[10].code == "2023_2025_1");
    CHECK(table.rows[10].byStatus[4].cost == 50.5);
    CHECK(table.rows[11].code == "2030_9");
    CHECK(table.rows[11].text == "2030_9");
    CHECK(table.rows[11].byStatus[1].cost == 200.0);
    CHECK(table.rows[12].code.empty());
    CHECK(table.rows[12].byStatus[3].measures == 1);
    CHECK(table.rows[12].byStatus[3].cost == 500.0);
    CHECK(table.byStatus[4].measures == 2);
    CHECK(table.byStatus[4].cost == 1050.5);
    CHECK(table.all.measures == 5);
    CHECK(table.all.cost == 1750.5);
    CHECK(table.all.withoutCost == 1);

    const PromiseStatusTable english = promiseStatusTable(p.layer("atgarder"), "en");
    CHECK(english.statusLabels[0] == "Proposed");
    CHECK(english.rows[0].text ==
          "Extra lighting at three or more named dark places in Vännäs centrum");
}

TEST_CASE("an unknown status gets its own column and no row without promise is added",
          "[follow_up]") {
    FollowUpProject p;
    p.measure(MeasureSpec().status("vilande").promise("2017_1").cost(10.0));
    const PromiseStatusTable table = promiseStatusTable(p.layer("atgarder"));
    REQUIRE(table.statuses.size() == 8);
    CHECK(table.statuses[7] == "vilande");
    CHECK(table.statusLabels[7] == "vilande");
    CHECK(table.rows.size() == 11);
    CHECK(table.rows[0].byStatus[7].measures == 1);
}

TEST_CASE("the timeline sorts by deadline and marks overdue measures", "[follow_up]") {
    FollowUpProject p;
    const FeatureId late =
        p.measure(MeasureSpec().status("pagar").deadline(day(2025, 3, 1)), "Sen");
    const FeatureId done =
        p.measure(MeasureSpec().status("klar").deadline(day(2025, 2, 1)), "Klar");
    const FeatureId future = p.measure(
        MeasureSpec().status("forslag").promise("2017_1").cost(7.0).deadline(day(2025, 9, 1)),
        "Framtid");
    const FeatureId today = p.measure(MeasureSpec().status("beslutad").deadline(day(2025, 6, 1)));
    p.measure(MeasureSpec().status("pagar"));

    const Timeline timeline = measureTimeline(p.layer("atgarder"), day(2025, 6, 1));
    REQUIRE(timeline.measures.size() == 4);
    CHECK(timeline.measures[0].id == done);
    CHECK(timeline.measures[1].id == late);
    CHECK(timeline.measures[2].id == today);
    CHECK(timeline.measures[3].id == future);
    CHECK(timeline.measures[1].overdue);
    CHECK(timeline.measures[1].title == "Sen");
    CHECK(timeline.measures[1].statusLabel == "Pågår");
    CHECK(timeline.measures[1].responsible == "Vännäs kommun");
    CHECK_FALSE(timeline.measures[0].overdue); // done in time or not: done is not late
    CHECK_FALSE(timeline.measures[2].overdue); // due today is not yet late
    CHECK(timeline.measures[3].promise == "2017_1");
    CHECK(timeline.measures[3].cost == 7.0);
    CHECK(timeline.overdue == 1);
    CHECK(timeline.withoutDeadline == 1);
}

TEST_CASE("each observation is answered by its most advanced measure", "[follow_up]") {
    FollowUpProject p;
    const FeatureId proposal = p.measure(MeasureSpec().status("forslag"));
    const FeatureId dropped = p.measure(MeasureSpec().status("avford"));
    const FeatureId done = p.measure(MeasureSpec().status("klar"));
    const FeatureId proposed = p.observation(Point(0, 0), "otrygg", 1, std::nullopt);
    const FeatureId onlyDropped = p.observation(Point(1, 0), "otrygg", 1, std::nullopt);
    const FeatureId acted = p.observation(Point(2, 0), "otrygg", 0, std::nullopt);
    const FeatureId safe = p.observation(Point(3, 0), "trygg", 3, std::nullopt);
    const FeatureId dangling = p.observation(Point(4, 0), "otrygg", 2, std::nullopt);
    p.link(proposal, proposed);
    p.link(dropped, proposed);
    p.link(dropped, onlyDropped);
    p.link(done, acted);
    p.link(proposal, acted);
    p.link(proposal, acted); // a repeated link counts once
    p.link(FeatureId{99}, dangling);

    const ObservationAnswers answers = observationAnswers(p.project);
    REQUIRE(answers.observations.size() == 5);
    const ObservationAnswer& first = answers.observations[0];
    CHECK(first.observation == proposed);
    CHECK(first.unsafe);
    CHECK(first.bestStatus == "forslag");
    CHECK(first.answer == Answer::ProposalOnly);
    CHECK(first.measures == std::vector<FeatureId>{proposal, dropped});
    CHECK(answers.observations[1].bestStatus == "avford");
    CHECK(answers.observations[1].answer == Answer::Nothing);
    CHECK(answers.observations[2].bestStatus == "klar");
    CHECK(answers.observations[2].answer == Answer::Acting);
    CHECK(answers.observations[2].measures == std::vector<FeatureId>{proposal, done});
    CHECK(answers.observations[3].observation == safe);
    CHECK_FALSE(answers.observations[3].unsafe);
    CHECK(answers.observations[4].measures.empty());
    CHECK(answers.observations[4].bestStatus.empty());
    CHECK(answers.unsafe.acting == 1);
    CHECK(answers.unsafe.proposalOnly == 1);
    CHECK(answers.unsafe.nothing == 2);
    CHECK(answers.all.nothing == 3);
    CHECK(answers.all.total() == 5);
    CHECK(answerName(Answer::ProposalOnly) == "proposal");
}

TEST_CASE("buildFollowUp needs a measure layer", "[follow_up]") {
    Project empty;
    auto missing = buildFollowUp(empty, day(2025, 1, 1));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().where == "atgarder");

    FollowUpProject p;
    p.measure(MeasureSpec().status("pagar").deadline(day(2024, 1, 1)));
    auto built = buildFollowUp(p.project, day(2025, 1, 1), "en");
    REQUIRE(built);
    CHECK(built->today == day(2025, 1, 1));
    CHECK(built->promises.all.measures == 1);
    CHECK(built->timeline.overdue == 1);
    CHECK(built->answers.observations.empty());
}

TEST_CASE("before and after a done measure: walks split at its decision and deadline",
          "[follow_up]") {
    FollowUpProject p;
    const FeatureId measure = p.measure(MeasureSpec()
                                            .status("klar")
                                            .deadline(day(2024, 8, 1))
                                            .decided(day(2024, 5, 1))
                                            .followUp(day(2025, 5, 1)),
                                        "Ny belysning i tunneln");
    const FeatureId spring = p.walk(day(2024, 3, 10), "Vår 2024");
    const FeatureId during = p.walk(day(2024, 6, 15), "Under arbetet");
    const FeatureId autumn = p.walk(day(2024, 10, 20), "Höst 2024");
    // Passed 30 m from the measure and noted nothing there.
    const FeatureId winter =
        p.walk(day(2025, 2, 1), "Vinter", Geometry(LineString{Point(0, 130), Point(200, 130)}));
    const FeatureId undated = p.walk(std::nullopt, "Utan datum");
    const FeatureId far = p.walk(day(2024, 1, 1), "Långt bort");

    const FeatureId o1 = p.observation(Point(110, 100), "otrygg", 0, spring);
    const FeatureId o2 = p.observation(Point(100, 140), "otrygg", 1, spring);
    p.observation(Point(100, 170), "otrygg", 0, spring); // 70 m: outside
    p.observation(Point(105, 100), "otrygg", 1, during);
    const FeatureId o5 = p.observation(Point(100, 120), "trygg", 3, autumn, "folkliv");
    const FeatureId o6 = p.observation(Point(130, 100), "otrygg", 2, autumn);
    p.observation(Point(100, 101), "otrygg", 0, std::nullopt); // not from a walk
    p.observation(Point(101, 100), "otrygg", 0, undated);
    p.observation(Point(500, 500), "otrygg", 0, far);

    auto result = beforeAfter(p.project, measure);
    REQUIRE(result);
    CHECK(result->title == "Ny belysning i tunneln");
    CHECK(result->radius == 50.0);
    CHECK(result->start == day(2024, 5, 1));
    CHECK(result->done == day(2024, 8, 1));
    CHECK(result->doneFrom == "deadline");
    CHECK(result->walksDuring == 1);
    CHECK(result->walksUndated == 1);

    REQUIRE(idsOf(result->before.walks) == std::vector<FeatureId>{spring});
    const WalkVisit& before = result->before.walks[0];
    CHECK(before.name == "Vår 2024");
    CHECK(before.date == day(2024, 3, 10));
    CHECK(before.light == "Mörker");
    CHECK(idsOf(before) == std::vector<FeatureId>{o1, o2});
    CHECK(before.observations[0].distance == Approx(10.0));
    CHECK(before.observations[0].category == "Belysning");
    CHECK(before.observations[0].categoryCode == "belysning");
    CHECK(before.observations[0].feeling == 0);
    CHECK(before.observations[0].light == "Mörker");
    CHECK(before.observations[0].unsafe);
    CHECK(result->before.summary.observations == 2);
    CHECK(result->before.summary.unsafe == 2);
    CHECK(result->before.summary.meanFeeling == Approx(0.5));
    CHECK(result->before.summary.unsafeShare == Approx(1.0));

    REQUIRE(idsOf(result->after.walks) == std::vector<FeatureId>{autumn, winter});
    CHECK(idsOf(result->after.walks[0]) == std::vector<FeatureId>{o5, o6});
    CHECK(result->after.walks[0].observations[0].category == "Folkliv/ödsligt");
    CHECK(result->after.walks[1].observations.empty());
    CHECK(result->after.summary.observations == 2);
    CHECK(result->after.summary.unsafe == 1);
    CHECK(result->after.summary.meanFeeling == Approx(2.5));
    CHECK(result->after.summary.unsafeShare == Approx(0.5));

    auto narrow = beforeAfter(p.project, measure, {.radius = 25.0, .language = "en"});
    REQUIRE(narrow);
    CHECK(idsOf(narrow->before.walks[0]) == std::vector<FeatureId>{o1});
    CHECK(narrow->before.walks[0].light == "Darkness");
    CHECK(idsOf(narrow->after.walks) == std::vector<FeatureId>{autumn});

    CHECK(measuresWithBeforeAndAfter(p.project) == std::vector<FeatureId>{measure});
}

TEST_CASE("a measure not yet done has no after, and without dates every walk is before",
          "[follow_up]") {
    FollowUpProject p;
    const FeatureId ongoing =
        p.measure(MeasureSpec().status("pagar").deadline(day(2024, 8, 1)).decided(day(2024, 5, 1)));
    const FeatureId undatedDone = p.measure(MeasureSpec().status("klar"));
    const FeatureId byFollowUp =
        p.measure(MeasureSpec().status("utvarderad").followUp(day(2024, 9, 1)));
    const FeatureId spring = p.walk(day(2024, 3, 10), "Vår");
    const FeatureId autumn = p.walk(day(2024, 10, 20), "Höst");
    p.observation(Point(100, 110), "otrygg", 1, spring);
    p.observation(Point(100, 90), "otrygg", 2, autumn);

    auto notDone = beforeAfter(p.project, ongoing);
    REQUIRE(notDone);
    CHECK_FALSE(notDone->done);
    CHECK(notDone->start == day(2024, 5, 1));
    CHECK(idsOf(notDone->before.walks) == std::vector<FeatureId>{spring});
    CHECK(notDone->after.walks.empty());
    CHECK_FALSE(notDone->after.summary.meanFeeling);
    CHECK_FALSE(notDone->after.summary.unsafeShare);
    CHECK(notDone->walksDuring == 1);

    auto noDates = beforeAfter(p.project, undatedDone);
    REQUIRE(noDates);
    CHECK_FALSE(noDates->start);
    CHECK(idsOf(noDates->before.walks) == std::vector<FeatureId>{spring, autumn});

    auto followedUp = beforeAfter(p.project, byFollowUp);
    REQUIRE(followedUp);
    CHECK(followedUp->doneFrom == "uppfoljn");
    CHECK(followedUp->start == day(2024, 9, 1));
    CHECK(idsOf(followedUp->before.walks) == std::vector<FeatureId>{spring});
    CHECK(idsOf(followedUp->after.walks) == std::vector<FeatureId>{autumn});

    CHECK(measuresWithBeforeAndAfter(p.project) == std::vector<FeatureId>{byFollowUp});
}

TEST_CASE("distance to a line or polygon measure is to its geometry", "[follow_up]") {
    FollowUpProject p;
    Polygon square;
    bg::append(square.outer(), Point(0, 0));
    bg::append(square.outer(), Point(100, 0));
    bg::append(square.outer(), Point(100, 100));
    bg::append(square.outer(), Point(0, 100));
    bg::append(square.outer(), Point(0, 0));
    bg::correct(square);
    const FeatureId area = p.measure(MeasureSpec().status("klar").geometry(Geometry(square)));
    const FeatureId line = p.measure(MeasureSpec().status("klar").geometry(
        Geometry(LineString{Point(0, 300), Point(100, 300)})));
    // Crosses the square with no vertex inside it.
    const FeatureId across =
        p.walk(day(2024, 1, 1), "Tvärs över", Geometry(LineString{Point(-50, 50), Point(150, 50)}));
    const FeatureId below =
        p.walk(day(2024, 1, 2), "Söder om", Geometry(LineString{Point(-50, -60), Point(150, -60)}));
    const FeatureId inside = p.walk(day(2024, 1, 3), "Inne");
    const FeatureId o = p.observation(Point(50, 50), "otrygg", 0, inside);
    const FeatureId nearLine = p.walk(day(2024, 1, 4), "Vid linjen");
    p.observation(Point(50, 340), "otrygg", 0, nearLine);

    auto onArea = beforeAfter(p.project, area);
    REQUIRE(onArea);
    CHECK(idsOf(onArea->before.walks) == std::vector<FeatureId>{across, inside});
    CHECK(idsOf(onArea->before.walks[1]) == std::vector<FeatureId>{o});
    CHECK(onArea->before.walks[1].observations[0].distance == 0.0);
    auto wider = beforeAfter(p.project, area, {.radius = 70.0, .language = "sv"});
    REQUIRE(wider);
    CHECK(idsOf(wider->before.walks) == std::vector<FeatureId>{across, below, inside});

    auto onLine = beforeAfter(p.project, line);
    REQUIRE(onLine);
    REQUIRE(idsOf(onLine->before.walks) == std::vector<FeatureId>{nearLine});
    CHECK(onLine->before.walks[0].observations[0].distance == Approx(40.0));
}

TEST_CASE("before/after errors name the measure", "[follow_up]") {
    FollowUpProject p;
    const FeatureId placeless = p.measure(MeasureSpec().status("klar").geometry(std::nullopt));
    const FeatureId placed = p.measure(MeasureSpec().status("klar"));

    auto unknown = beforeAfter(p.project, FeatureId{99});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK(unknown.error().where == "atgarder: feature 99");

    auto noPlace = beforeAfter(p.project, placeless);
    REQUIRE_FALSE(noPlace);
    CHECK(noPlace.error().code == ErrorCode::InvalidGeometry);

    auto zero = beforeAfter(p.project, placed, {.radius = 0.0, .language = "sv"});
    REQUIRE_FALSE(zero);
    CHECK(zero.error().code == ErrorCode::Usage);
}
