#pragma once
// Private helpers for the shared PostgreSQL store: connecting with errors a planner can act
// on, running SQL through GDAL and quoting names and values into it.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstdint>
#include <gdal_priv.h>
#include <map>
#include <string>

namespace trygg::gdal {

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
