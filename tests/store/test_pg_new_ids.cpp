// Two walk teams add observations to one shared database at once: each new feature takes
// its id from the database, so neither team's additions clash with the other's, and the
// links and photos of the new features follow them to their stored ids.

#include "pg_test_support.h"

#include <catch2/catch.hpp>
#include <thread>

using namespace trygg;
using trygg::test::queryRows;
using trygg::test::TempDir;
using trygg::test::TestDatabase;

namespace {

/// One team's editor. Catch2's assertions are not thread-safe: the main thread checks it.
struct Team {
    SharedProject shared;
    std::string name;
    int added = 0;
    int conflicts = 0;
    std::vector<std::string> failures;
    std::map<std::int64_t, std::string> stored; ///< stored id → beskrivn, per AssignedIds
};

Team openTeam(const std::string& url, const std::string& name) {
    auto shared = openSharedProject(url, trygg::test::sourceCatalog());
    REQUIRE(shared);
    Team team;
    team.shared = std::move(*shared);
    team.name = name;
    return team;
}

/// The sample database with three observations, opened by anna's team and by bo's.
std::pair<Team, Team> openTwoTeams(const TestDatabase& db, const TempDir& dir) {
    trygg::test::prepareSharedDatabase(db, dir, 3);
    return {openTeam(db.url(), "anna"), openTeam(db.url(), "bo")};
}

/// Adds `count` observations, each with a photo and a link to measure 1, and saves once.
void addAndSave(const std::string& url, Team& team, int count) {
    Project& project = team.shared.project;
    Layer& observations = *project.layer("observationer");
    ChangeSet changes;
    for (int i = 0; i < count; ++i) {
        std::string text = team.name + "-" + std::to_string(team.added++);
        FeatureId id = observations.add(trygg::test::observationAt(
            observations, Point{733200.0 + team.added, 7096100.0},
            {{"kategori", Value{std::string("sikt")}},
             {"polaritet", Value{std::string("otrygg")}},
             {"beskrivn", Value{text}},
             {"rapportor", Value{team.name}}}));
        changes.markWritten("observationer", id);
        Photo photo;
        photo.id = nextPhotoId(project.photos);
        photo.layer = "observationer";
        photo.feature = id;
        photo.fileName = text + ".jpg";
        photo.mimeType = "image/jpeg";
        photo.byteSize = 4;
        photo.data = std::make_shared<const std::string>("\xff\xd8\xff\xd9");
        project.photos.push_back(photo);
        changes.markPhotoWritten(photo.id);
        project.links.push_back({FeatureId{1}, id});
    }
    changes.linksChanged = true;
    AssignedIds assigned;
    std::vector<FeatureConflict> conflicts;
    auto saved =
        saveSharedChanges(url, project, changes, team.shared.versions, &conflicts, &assigned);
    if (!saved) {
        team.failures.push_back(saved.error().describe());
        team.conflicts += static_cast<int>(conflicts.size());
        return;
    }
    for (auto [client, stored] : assigned["observationer"]) {
        team.stored[toInt(stored)] =
            trygg::test::fieldText(project, "observationer", client, "beskrivn");
    }
    applyAssignedIds(project, assigned);
}

/// What the database holds of the teams' additions, checked against what each was told.
void checkStored(const TestDatabase& db, const std::vector<Team*>& teams, int perTeam) {
    std::map<std::int64_t, std::string> expected;
    for (const Team* team : teams) {
        for (const auto& failure : team->failures) {
            UNSCOPED_INFO(failure);
        }
        CHECK(team->failures.empty());
        CHECK(team->conflicts == 0);
        CHECK(team->stored.size() == static_cast<std::size_t>(perTeam));
        expected.insert(team->stored.begin(), team->stored.end());
    }
    REQUIRE(expected.size() == teams.size() * static_cast<std::size_t>(perTeam));

    std::map<std::int64_t, std::string> rows;
    for (const auto& row : queryRows(db.url(), "SELECT fid, beskrivn FROM observationer")) {
        auto fields = trygg::test::splitFields(row);
        rows[std::stoll(fields[0])] = fields[1];
    }
    CHECK(rows.size() == 3 + expected.size());
    for (const auto& [id, text] : expected) {
        INFO("stored id " << id);
        CHECK(rows[id] == text);
    }
    // Every new observation's link and photo point at its stored row.
    std::set<std::string> links;
    for (const auto& row : queryRows(db.url(), "SELECT atgard, observation FROM "
                                               "atgard_observation")) {
        links.insert(row);
    }
    CHECK(links.size() == 1 + expected.size());
    CHECK(links.contains("1|1"));
    std::map<std::string, std::int64_t> photos; // file name → feature
    for (const auto& row : queryRows(db.url(), "SELECT filnamn, objekt FROM trygg_foto")) {
        auto fields = trygg::test::splitFields(row);
        photos[fields[0]] = std::stoll(fields[1]);
    }
    CHECK(photos.size() == 1 + expected.size());
    for (const auto& [id, text] : expected) {
        CHECK(links.contains("1|" + std::to_string(id)));
        CHECK(photos[text + ".jpg"] == id);
    }
    // Each team's project now names its additions by their stored ids, at version 1.
    for (const Team* team : teams) {
        const Project& project = team->shared.project;
        // The original three and its own additions; no client id left behind.
        CHECK(team->shared.versions.at("observationer").size() == 3 + team->stored.size());
        for (const auto& [id, text] : team->stored) {
            CHECK(trygg::test::fieldText(project, "observationer", FeatureId{id}, "beskrivn") ==
                  text);
            CHECK(team->shared.versions.at("observationer").at(FeatureId{id}) == 1);
        }
        for (const Photo& photo : project.photos) {
            if (photo.fileName.starts_with(team->name)) {
                CHECK(photos[photo.fileName] == toInt(photo.feature));
            }
        }
    }
}

} // namespace

TEST_CASE("two teams adding observations in turns: ids from the database, no conflicts") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    auto [anna, bo] = openTwoTeams(db, dir);
    for (int round = 0; round < 5; ++round) {
        addAndSave(db.url(), anna, 10);
        addAndSave(db.url(), bo, 10);
    }
    checkStored(db, {&anna, &bo}, 50);
    // Both counted 4 for their first addition; bo's went elsewhere, anna's row is hers.
    CHECK(anna.stored.begin()->first == 4);
    CHECK(anna.stored.begin()->second == "anna-0");
    CHECK(bo.stored.begin()->first == 14);
}

TEST_CASE("two teams adding observations in parallel threads: all stored, no conflicts") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    auto [anna, bo] = openTwoTeams(db, dir);
    auto work = [&db](Team& team) {
        for (int round = 0; round < 10; ++round) {
            addAndSave(db.url(), team, 5);
        }
    };
    std::thread first(work, std::ref(anna));
    std::thread second(work, std::ref(bo));
    first.join();
    second.join();
    checkStored(db, {&anna, &bo}, 50);
}

TEST_CASE("applyAssignedIds renames features, links and photos, even onto each other's ids") {
    Project project;
    project.layers.emplace_back(*trygg::test::sourceCatalog().find("observationer"));
    project.layers.emplace_back(*trygg::test::sourceCatalog().find("atgarder"));
    Layer& observations = *project.layer("observationer");
    for (int i = 0; i < 3; ++i) {
        observations.add(trygg::test::observationAt(
            observations, Point{1.0 * i, 0.0}, {{"beskrivn", Value{std::to_string(i + 1)}}}));
    }
    project.links = {{FeatureId{1}, FeatureId{2}}, {FeatureId{1}, FeatureId{3}}};
    Photo photo;
    photo.id = PhotoId{7};
    photo.layer = "observationer";
    photo.feature = FeatureId{3};
    project.photos.push_back(photo);
    // 2 → 3 and 3 → 9: the new 3 is the old 2.
    AssignedIds assigned = {{"observationer", {{FeatureId{2}, FeatureId{3}}, {FeatureId{3}, FeatureId{9}}}},
                            {std::string(kPhotoTable), {{FeatureId{7}, FeatureId{40}}}}};
    applyAssignedIds(project, assigned);
    CHECK(observations.size() == 3);
    CHECK(trygg::test::fieldText(project, "observationer", FeatureId{1}, "beskrivn") == "1");
    CHECK(trygg::test::fieldText(project, "observationer", FeatureId{3}, "beskrivn") == "2");
    CHECK(trygg::test::fieldText(project, "observationer", FeatureId{9}, "beskrivn") == "3");
    CHECK(project.links ==
          std::vector<MeasureLink>{{FeatureId{1}, FeatureId{3}}, {FeatureId{1}, FeatureId{9}}});
    CHECK(project.photos[0].id == PhotoId{40});
    CHECK(project.photos[0].feature == FeatureId{9});
}
