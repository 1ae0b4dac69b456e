#include "shared_sql.h"

#include "gdal_util.h"
#include "tryggkarta/io/project_store.h"

#include <ogrsf_frmts.h>

namespace trygg::gdal {
namespace {

bool mentions(const std::string& text, const char* words) {
    return text.find(words) != std::string::npos;
}

Error connectionError(const std::string& url, const std::string& detail) {
    std::string message = "cannot open the database";
    if (mentions(detail, "Connection refused") || mentions(detail, "could not connect") ||
        mentions(detail, "could not translate host")) {
        message = "cannot reach the database server (is it running, and are host and port right?)";
    } else if (mentions(detail, "password authentication failed") ||
               mentions(detail, "no password supplied") ||
               mentions(detail, "authentication failed")) {
        message = "the server refused the user name or password";
    } else if (mentions(detail, "does not exist") && mentions(detail, "database")) {
        message = "the server has no such database";
    }
    return Error{ErrorCode::OpenFailed, message, displayName(url), detail};
}

} // namespace

std::string projectConnection(const std::string& url) {
    // Tables of other schemas (PostGIS's topology, a DBA's own) are no project tables.
    return url + (mentions(url, "schemas=") ? "" : " schemas=public");
}

Result<GDALDatasetUniquePtr> openDatabase(const std::string& url, bool update,
                                          bool requireProject) {
    if (!isDatabaseLocation(url)) {
        return fail(ErrorCode::Usage, "a database is named by a connection string \"PG:...\"", url);
    }
    ErrorCapture errors;
    unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    std::string connection = projectConnection(url);
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(connection.c_str(), flags, nullptr, nullptr, nullptr));
    if (!dataset) {
        return std::unexpected(connectionError(url, errors.last()));
    }
    if (requireProject && dataset->GetLayerByName(std::string(kMetaTable).c_str()) == nullptr) {
        return fail(ErrorCode::InvalidFormat,
                    "not a Tryggkarta database (no table trygg_meta; run `tryggkarta-cli db init`)",
                    displayName(url));
    }
    return dataset;
}

Result<void> executeSql(GDALDataset& dataset, const std::string& sql, const std::string& where) {
    ErrorCapture errors;
    CPLErrorReset();
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result != nullptr) {
        dataset.ReleaseResultSet(result);
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
        return fail(ErrorCode::WriteFailed, "the database refused a command", where, errors.last());
    }
    return {};
}

Result<std::map<std::int64_t, std::int64_t>>
queryPairs(GDALDataset& dataset, const std::string& sql, const std::string& where) {
    ErrorCapture errors;
    CPLErrorReset();
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) {
        return fail(ErrorCode::OpenFailed, "cannot read from the database", where, errors.last());
    }
    std::map<std::int64_t, std::int64_t> pairs;
    for (auto& row : *result) {
        pairs[row->GetFieldAsInteger64(0)] = row->GetFieldAsInteger64(1);
    }
    dataset.ReleaseResultSet(result);
    return pairs;
}

Result<std::vector<std::int64_t>> queryColumn(GDALDataset& dataset, const std::string& sql,
                                              const std::string& where) {
    ErrorCapture errors;
    CPLErrorReset();
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) {
        return fail(ErrorCode::OpenFailed, "cannot read from the database", where, errors.last());
    }
    std::vector<std::int64_t> values;
    for (auto& row : *result) {
        values.push_back(row->GetFieldAsInteger64(0));
    }
    dataset.ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure) { // PostgreSQL refused while the rows were read
        return fail(ErrorCode::OpenFailed, "cannot read from the database", where, errors.last());
    }
    return values;
}

std::string quoteIdentifier(const std::string& name) {
    std::string quoted = "\"";
    for (char c : name) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

std::string quoteLiteral(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    return quoted + "'";
}

bool isVersionConflict(const std::string& message) {
    return mentions(message, "trygg_conflict");
}

} // namespace trygg::gdal
