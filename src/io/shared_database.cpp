#include "tryggkarta/io/shared_database.h"

#include "gdal_util.h"
#include "project_schema.h"
#include "shared_sql.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/shared_store.h"

namespace trygg {
namespace {

using gdal::quoteIdentifier;

/// The trigger that makes the database the judge of stale edits: an update must write the
/// version it was based on plus one. Two editors who read version 4 both write 5; the first
/// commit wins, and the second's update then sees 5 as the old version and is refused.
constexpr const char* kVersionFunction = R"SQL(
CREATE OR REPLACE FUNCTION trygg_check_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
        RAISE EXCEPTION 'trygg_conflict: %.% is at version %, the edit was based on version %',
            TG_TABLE_NAME, OLD.fid, OLD.version, NEW.version - 1
            USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN NEW;
END $$)SQL";

Result<void> addVersioning(GDALDataset& dataset, const std::string& table,
                           const std::string& where) {
    std::string name = quoteIdentifier(table);
    for (const std::string& sql :
         {"ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 1",
          "DROP TRIGGER IF EXISTS trygg_version ON " + name,
          "CREATE TRIGGER trygg_version BEFORE UPDATE ON " + name +
              " FOR EACH ROW EXECUTE FUNCTION trygg_check_version()"}) {
        if (auto ok = gdal::executeSql(dataset, sql, where + ": " + table); !ok) {
            return ok;
        }
    }
    return {};
}

Result<void> createTables(GDALDataset& dataset, const std::string& url, const LayerCatalog& catalog,
                          const Crs& crs, Progress& progress) {
    std::string where = gdal::displayName(url);
    if (auto ok = gdal::executeSql(dataset, "CREATE EXTENSION IF NOT EXISTS postgis", where); !ok) {
        Error error = ok.error();
        error.message =
            "PostGIS is not available in the database (install postgresql-15-postgis-3)";
        return std::unexpected(error);
    }
    if (auto ok = gdal::executeSql(dataset, kVersionFunction, where); !ok) {
        return ok;
    }
    auto srs = gdal::makeSrs(crs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    if (auto ok = gdal::ensureAuxiliaryTables(dataset); !ok) {
        return ok;
    }
    std::uint64_t done = 0;
    for (const auto& def : catalog.layers) {
        auto table = gdal::ensureThematicLayer(dataset, def, **srs);
        if (!table) {
            Error error = table.error();
            error.where = where + ": " + error.where;
            return std::unexpected(error);
        }
        if (auto ok = addVersioning(dataset, def.table, where); !ok) {
            return ok;
        }
        progress.update(++done, catalog.layers.size());
        if (progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "setting up the database was cancelled", where);
        }
    }
    auto metadata = gdal::readMetadata(dataset);
    if (metadata && metadata->empty()) {
        return gdal::writeMetadata(dataset,
                                   {{"schema_version", std::to_string(kProjectSchemaVersion)},
                                    {"crs", crs.identifier()},
                                    {"shared", "postgresql"}});
    }
    return {};
}

/// Features and photos are imported with the ids they had in the file, and new ones get
/// theirs from the fid sequences: these must continue after the rows, or a new feature
/// would be refused as a duplicate. Run by init too, which repairs a database whose rows
/// were written by other means.
Result<void> advanceSequences(GDALDataset& dataset, const LayerCatalog& catalog,
                              const std::string& where) {
    std::vector<std::string> tables = {std::string(kPhotoTable)};
    for (const auto& def : catalog.layers) {
        tables.push_back(def.table);
    }
    for (const auto& table : tables) {
        if (dataset.GetLayerByName(table.c_str()) == nullptr) {
            continue;
        }
        std::string sql = "SELECT setval(pg_get_serial_sequence(" + gdal::quoteLiteral(table) +
                          ", 'fid'), (SELECT COALESCE(max(fid), 0) + 1 FROM " +
                          quoteIdentifier(table) + "), false)";
        if (auto ok = gdal::executeSql(dataset, sql, where); !ok) {
            return ok;
        }
    }
    return {};
}

std::uint64_t featureCount(const Project& project) {
    std::uint64_t count = 0;
    for (const auto& layer : project.layers) {
        count += layer.size();
    }
    return count;
}

} // namespace

Result<void> initSharedDatabase(const std::string& url, const LayerCatalog& catalog, const Crs& crs,
                                Progress& progress) {
    auto opened = gdal::openDatabase(url, true, false);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    progress.setStage("tables");
    if (auto ok = createTables(**opened, url, catalog, crs, progress); !ok) {
        return ok;
    }
    // A fresh connection sees the version columns just added in its table definitions.
    opened->reset();
    auto reopened = gdal::openDatabase(url, true);
    if (!reopened) {
        return std::unexpected(reopened.error());
    }
    if (auto ok = advanceSequences(**reopened, catalog, gdal::displayName(url)); !ok) {
        return ok;
    }
    progress.setStage("roles");
    return gdal::grantSharedRoles(**reopened, url, catalog, crs);
}

std::string consultantConnection(const std::string& url) {
    std::string schema = gdal::kConsultantSchema;
    std::string current = gdal::connectionValue(url, "schemas");
    if (current.empty()) {
        return url + " schemas=" + schema;
    }
    std::string text = url;
    std::string key = "schemas=" + current;
    return text.replace(text.find(key), key.size(), "schemas=" + schema);
}

Result<std::uint64_t> importIntoDatabase(const std::string& url, const std::filesystem::path& path,
                                         const LayerCatalog& catalog, Progress& progress) {
    auto target = openSharedProject(url, catalog);
    if (!target) {
        return std::unexpected(target.error());
    }
    if (featureCount(target->project) > 0) {
        return fail(ErrorCode::Usage, "the database already holds a project; import into a new one",
                    gdal::displayName(url));
    }
    progress.setStage("read");
    auto source = openProject(path, catalog, progress);
    if (!source) {
        return std::unexpected(source.error());
    }
    if (source->crs.identifier() != target->project.crs.identifier()) {
        return fail(ErrorCode::CrsMismatch,
                    "the project's coordinate system (" + source->crs.identifier() +
                        ") differs from the database's (" + target->project.crs.identifier() + ")",
                    path.string());
    }
    ChangeSet changes;
    for (const auto& layer : source->layers) {
        for (const auto& feature : layer.features()) {
            changes.markWritten(layer.name(), feature.id);
        }
    }
    progress.setStage("photos");
    for (auto& photo : source->photos) {
        auto data = readPhotoData(path, photo.id);
        if (!data) {
            return std::unexpected(data.error());
        }
        photo.data = std::make_shared<const std::string>(std::move(*data));
        changes.markPhotoWritten(photo.id);
    }
    changes.linksChanged = true;
    changes.metadataChanged = true;
    source->metadata["crs"] = source->crs.identifier();
    progress.setStage("write");
    if (auto ok = gdal::saveShared(url, *source, changes, target->versions, nullptr, nullptr,
                                   gdal::NewFeatureIds::AsGiven);
        !ok) {
        return std::unexpected(ok.error());
    }
    auto opened = gdal::openDatabase(url, true);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    if (auto ok = advanceSequences(**opened, catalog, gdal::displayName(url)); !ok) {
        return std::unexpected(ok.error());
    }
    return featureCount(*source);
}

Result<std::uint64_t> exportFromDatabase(const std::string& url, const std::filesystem::path& out,
                                         const LayerCatalog& catalog, Progress& progress) {
    std::error_code ec;
    if (std::filesystem::exists(out, ec)) {
        return fail(ErrorCode::WriteFailed, "file already exists; choose another name",
                    out.string());
    }
    auto shared = openSharedProject(url, catalog, progress);
    if (!shared) {
        return std::unexpected(shared.error());
    }
    if (shared->withoutPersonal) {
        shared->project.photos.clear(); // their bytes are withheld from this login
    }
    progress.setStage("write");
    if (auto ok = saveProjectAs(out, shared->project, progress, gdal::projectConnection(url));
        !ok) {
        return std::unexpected(ok.error());
    }
    return featureCount(shared->project);
}

} // namespace trygg
