#pragma once
// Setting up a shared PostgreSQL/PostGIS database for a project, and moving a project between
// a GeoPackage and the database. See shared_store.h for opening and saving.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace trygg {

/// The database roles of a shared project. Roles belong to the whole server, so each is
/// prefixed with the database's name ("trygg" gives trygg_planner). They cannot log in:
/// an administrator grants them to people's own login roles.
struct SharedRoles {
    std::string planner;    ///< reads and writes everything
    std::string consultant; ///< reads everything except personal fields and photo EXIF
    std::string reader;     ///< the public: aggregate views only, never one observation
};

SharedRoles sharedRoles(const std::string& url);

/// The connection string that reads the project through the consultant's schema (views of
/// the project tables without personal fields, photo bytes and EXIF), as GIS programs and a
/// consultant's login must: "PG:... schemas=konsult" (GDAL then lists only those views, by
/// the tables' own names). openSharedProject uses it by itself for such a login.
std::string consultantConnection(const std::string& url);

/// The views the public role reads: observations counted per category and polarity, and per
/// hexagon; groups of fewer than kPublicMinimumCount are left out.
inline constexpr std::string_view kPublicCategoryView = "trygg_publik_kategorier";
inline constexpr std::string_view kPublicHexagonView = "trygg_publik_hexagoner";
inline constexpr int kPublicMinimumCount = 3;
inline constexpr double kPublicHexagonSize = 100.0; ///< metres, centre to corner

/// Creates (or completes, when run again after the layer definitions grew) the project
/// tables, the version column and trigger of every thematic table, the three roles with
/// their privileges and the public views. Needs a role that may create roles and PostGIS.
Result<void> initSharedDatabase(const std::string& url, const LayerCatalog& catalog, const Crs& crs,
                                Progress& progress = Progress::none());

/// Copies a project GeoPackage (features, links, photos, metadata) into an initialised
/// database that holds no features yet. Returns the number of features copied.
Result<std::uint64_t> importIntoDatabase(const std::string& url,
                                         const std::filesystem::path& project,
                                         const LayerCatalog& catalog,
                                         Progress& progress = Progress::none());

/// Writes the database's project to a new GeoPackage that opens like any project (refuses
/// to overwrite a file). Returns the number of features written.
Result<std::uint64_t> exportFromDatabase(const std::string& url, const std::filesystem::path& out,
                                         const LayerCatalog& catalog,
                                         Progress& progress = Progress::none());

} // namespace trygg
