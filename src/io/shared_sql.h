#pragma once
// Private helpers for the shared PostgreSQL store: connecting with errors a planner can act
// on, running SQL through GDAL and quoting names and values into it.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/io/layer_definitions.h"
#include "tryggkarta/io/shared_store.h"

#include <cstdint>
#include <gdal_priv.h>
#include <map>
#include <string>
#include <vector>

namespace trygg::gdal {

/// Where a save takes the ids of new features from: the tables' sequences (editors sharing
/// the database), or the ids they have (the import of a file into an empty database).
enum class NewFeatureIds { FromSequence, AsGiven };

/// saveSharedChanges with the choice of ids for new features.
Result<void> saveShared(const std::string& url, const Project& project, const ChangeSet& changes,
                        FeatureVersions& versions, std::vector<FeatureConflict>* conflicts,
                        AssignedIds* assigned, NewFeatureIds newIds);

/// Opens a "PG:" connection. A refused connection, a wrong password, a missing database and
/// a database without Tryggkarta's tables each get their own message naming the database.
Result<GDALDatasetUniquePtr> openDatabase(const std::string& url, bool update,
                                          bool requireProject = true);

/// The connection string limited to the public schema, where the project tables live.
std::string projectConnection(const std::string& url);

/// Runs one statement; a failure carries PostgreSQL's own words and names `where`.
Result<void> executeSql(GDALDataset& dataset, const std::string& sql, const std::string& where);

/// The first column of every row of a query, as integers keyed by the first (fid, version).
Result<std::map<std::int64_t, std::int64_t>>
queryPairs(GDALDataset& dataset, const std::string& sql, const std::string& where);

/// The first column of every row of a query, as integers (ids from a sequence, flags).
Result<std::vector<std::int64_t>> queryColumn(GDALDataset& dataset, const std::string& sql,
                                              const std::string& where);

/// The schema of views a consultant reads: the project tables without personal fields.
inline constexpr const char* kConsultantSchema = "konsult";

/// "name" with embedded quotes doubled, for identifiers in SQL.
std::string quoteIdentifier(const std::string& name);
/// 'text' with embedded quotes doubled, for literals in SQL.
std::string quoteLiteral(const std::string& text);

/// Whether a GDAL/PostgreSQL message is the version trigger refusing a stale edit.
bool isVersionConflict(const std::string& message);

/// Creates the three roles of the database (see SharedRoles), grants them what they may read
/// and write, and (re)creates the public aggregate views.
Result<void> grantSharedRoles(GDALDataset& dataset, const std::string& url,
                              const LayerCatalog& catalog, const Crs& crs);

} // namespace trygg::gdal
