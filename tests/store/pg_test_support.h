#pragma once
// The store tests run against the server of scripts/pg-test-server.sh (a ctest fixture
// starts it). Each test gets a database of its own, copied from the server's PostGIS
// template database and dropped, with its roles, at the end.

#include "test_support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <optional>
#include <string>
#include <unistd.h>

namespace trygg::test {

/// The connection string of the test server, or none when PostgreSQL is not installed.
inline std::optional<std::string> pgServerUrl() {
    std::string url = readAll(TRYGG_PG_URL_FILE);
    while (!url.empty() && (url.back() == '\n' || url.back() == ' ')) {
        url.pop_back();
    }
    return url.empty() ? std::nullopt : std::optional(url);
}

/// Runs SQL through GDAL's PostgreSQL driver; returns PostgreSQL's error text, "" on success.
inline std::string runSql(const std::string& url, const std::string& sql) {
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr dataset(GDALDataset::Open(url.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    std::string error;
    if (!dataset) {
        error = CPLGetLastErrorMsg();
    } else {
        CPLErrorReset();
        if (OGRLayer* result = dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
            dataset->ReleaseResultSet(result);
        }
        if (CPLGetLastErrorType() >= CE_Failure) {
            error = CPLGetLastErrorMsg();
        }
    }
    CPLPopErrorHandler();
    return error.empty() && !dataset ? "cannot connect" : error;
}

/// The rows of a query as text, each row's fields joined by '|'; empty on error.
inline std::vector<std::string> queryRows(const std::string& url, const std::string& sql) {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    std::vector<std::string> rows;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(url.c_str(), GDAL_OF_VECTOR));
    if (dataset) {
        if (OGRLayer* result = dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
            for (auto& feature : *result) {
                std::string row;
                for (int i = 0; i < feature->GetFieldCount(); ++i) {
                    row += (i > 0 ? "|" : "") + std::string(feature->GetFieldAsString(i));
                }
                rows.push_back(row);
            }
            dataset->ReleaseResultSet(result);
        }
    }
    CPLPopErrorHandler();
    return rows;
}

/// A database of one test, with PostGIS, dropped at the end with every role named after it.
class TestDatabase {
public:
    // Statements about databases run connected to "postgres": a session in the template
    // would stop every parallel test from copying it.
    explicit TestDatabase(const std::string& serverUrl)
        : m_server(serverUrl), m_admin(withDatabase(serverUrl, "postgres")) {
        static std::atomic<int> counter{0};
        m_name = "trygg_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        // The template must have no other session; a parallel test's copy may briefly hold it.
        for (int attempt = 0; attempt < 20; ++attempt) {
            m_error = runSql(m_admin, "CREATE DATABASE " + m_name + " TEMPLATE trygg_test");
            if (m_error.empty()) {
                break;
            }
            ::usleep(200 * 1000);
        }
    }
    ~TestDatabase() {
        runSql(m_admin, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        for (const auto& role : queryRows(
                 m_admin, "SELECT rolname FROM pg_roles WHERE rolname LIKE '" + m_name + "\\_%'")) {
            runSql(m_admin, "DROP ROLE IF EXISTS \"" + role + "\"");
        }
    }
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    /// "" when the database was made, else PostgreSQL's reason.
    [[nodiscard]] const std::string& error() const { return m_error; }
    [[nodiscard]] const std::string& name() const { return m_name; }
    /// Connected as the server's superuser.
    [[nodiscard]] std::string url() const { return withDatabase(m_server, m_name); }
    /// Connected as a login of this database (see createLogin).
    [[nodiscard]] std::string urlAs(const std::string& login, const std::string& password) const {
        std::string url = this->url();
        url.replace(url.find("user=postgres"), 13, "user=" + m_name + "_" + login);
        return url + " password=" + password;
    }
    /// A login role `<database>_<login>` that is a member of `role`.
    std::string createLogin(const std::string& login, const std::string& password,
                            const std::string& role) const {
        return runSql(url(), "CREATE ROLE \"" + m_name + "_" + login + "\" LOGIN PASSWORD '" +
                                 password + "' IN ROLE \"" + role + "\"");
    }

private:
    static std::string withDatabase(std::string url, const std::string& name) {
        std::size_t at = url.find("dbname=") + 7;
        return url.replace(at, url.find(' ', at) - at, name);
    }
    std::string m_server;
    std::string m_admin;
    std::string m_name;
    std::string m_error;
};

} // namespace trygg::test

/// Skips the rest of a test (with a message, not a failure) when there is no test server:
/// PostgreSQL is not installed (scripts/pg-test-server.sh then writes no url file).
#define TRYGG_REQUIRE_PG_SERVER(server)                                                            \
    auto server = trygg::test::pgServerUrl();                                                      \
    if (!server) {                                                                                 \
        WARN("no PostgreSQL test server (not installed, or ctest did not start it): skipped");     \
        return;                                                                                    \
    }

#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/shared_database.h"
#include "tryggkarta/io/shared_store.h"

namespace trygg::test {

/// An observation with the given fields set (others NULL) at `where`.
inline Feature observationAt(const Layer& layer, Point where,
                             const std::map<std::string, Value>& values) {
    Feature feature;
    feature.geometry = where;
    feature.values.resize(layer.definition().fields.size());
    for (const auto& [name, value] : values) {
        feature.values[*layer.definition().fieldIndex(name)] = value;
    }
    return feature;
}

/// The text of one field of a feature of a project ("" for NULL or no such feature).
inline std::string fieldText(const Project& project, std::string_view layer, FeatureId id,
                             std::string_view field) {
    const Layer* found = project.layer(layer);
    const Feature* feature = found != nullptr ? found->find(id) : nullptr;
    return feature != nullptr ? textOf(found->definition(), *feature, field) : "";
}

/// A project GeoPackage with `count` observations in Vännäs centrum (three categories in
/// turn, personal fields filled), the first one's text in Swedish with å/ä/ö, one measure
/// linked to observation 1 and one photo of it.
inline std::filesystem::path writeSampleProject(const TempDir& dir, int count) {
    auto path = dir / "delad.gpkg";
    REQUIRE(createProject(path, Crs::fromEpsg(3006), sourceCatalog()));
    auto project = openProject(path, sourceCatalog());
    REQUIRE(project);
    Layer& observations = *project->layer("observationer");
    const char* categories[] = {"belysning", "sikt", "gomstallen"};
    for (int i = 0; i < count; ++i) {
        std::string text =
            i == 0 ? "Mörkt vid ån, äldre lykta är trasig" : "obs " + std::to_string(i);
        observations.add(observationAt(
            observations, Point{733100.0 + 7.0 * (i % 30), 7096050.0 + 7.0 * (i / 30)},
            {{"kategori", Value{std::string(categories[i % 3])}},
             {"polaritet", Value{std::string(i % 4 == 3 ? "trygg" : "otrygg")}},
             {"beskrivn", Value{text}},
             {"rapportor", Value{std::string("Åsa Öberg")}},
             {"kontakt", Value{std::string("asa@example.se")}}}));
    }
    Layer& measures = *project->layer("atgarder");
    Feature measure;
    measure.values.resize(measures.definition().fields.size());
    measure.values[*measures.definition().fieldIndex("titel")] =
        Value{std::string("Ny belysning på gångvägen")};
    measure.geometry = Point{733110.0, 7096060.0};
    FeatureId measureId = measures.add(measure);
    project->links.push_back({measureId, FeatureId{1}});
    Photo photo;
    photo.id = PhotoId{1};
    photo.layer = "observationer";
    photo.feature = FeatureId{1};
    photo.fileName = "lykta.jpg";
    photo.mimeType = "image/jpeg";
    photo.byteSize = 4;
    photo.data = std::make_shared<const std::string>("\xff\xd8\xff\xd9");
    project->photos.push_back(photo);
    REQUIRE(saveProjectAs(path, *project));
    return path;
}

/// Initialises the test's database and imports the sample project of `count` observations.
inline void prepareSharedDatabase(const TestDatabase& db, const TempDir& dir, int count) {
    REQUIRE(db.error() == "");
    auto init = initSharedDatabase(db.url(), sourceCatalog(), Crs::fromEpsg(3006));
    INFO((init ? "" : init.error().describe()));
    REQUIRE(init);
    auto imported = importIntoDatabase(db.url(), writeSampleProject(dir, count), sourceCatalog());
    INFO((imported ? "" : imported.error().describe()));
    REQUIRE(imported);
    CHECK(*imported == static_cast<std::uint64_t>(count) + 1);
}

/// The fields of a queryRows row.
inline std::vector<std::string> splitFields(const std::string& row) {
    std::vector<std::string> fields(1);
    for (char c : row) {
        if (c == '|') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

} // namespace trygg::test
