#include "tryggkarta/io/project_store.h"

#include "gdal_util.h"
#include "ogr_convert.h"
#include "photo_table.h"
#include "project_photos.h"
#include "project_schema.h"

#include <chrono>
#include <ctime>
#include <unistd.h>

namespace trygg {
namespace {

namespace fs = std::filesystem;

std::string nowIso() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::map<std::string, std::string> metadataToWrite(const Project& project) {
    auto values = project.metadata;
    values["schema_version"] = std::to_string(kProjectSchemaVersion);
    values["crs"] = project.crs.identifier();
    values["written_by"] = "Tryggkarta " TRYGG_VERSION;
    values["saved"] = nowIso();
    if (!values.contains("created")) {
        values["created"] = values["saved"];
    }
    return values;
}

Result<void> writeWholeProject(GDALDataset& dataset, const Project& project, Progress& progress,
                               const fs::path& photoSource) {
    auto srs = gdal::makeSrs(project.crs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    if (auto ok = gdal::ensureAuxiliaryTables(dataset); !ok) {
        return ok;
    }
    std::uint64_t total = 0;
    for (const auto& layer : project.layers) {
        total += layer.size();
    }
    std::uint64_t done = 0;
    for (const auto& layer : project.layers) {
        auto table = gdal::ensureThematicLayer(dataset, layer.definition(), **srs);
        if (!table) {
            return std::unexpected(table.error());
        }
        auto indices = gdal::fieldIndices(**table, layer.definition());
        for (const auto& feature : layer.features()) {
            if (auto ok = gdal::writeFeature(**table, indices, feature, layer.name()); !ok) {
                return ok;
            }
            if (++done % 10000 == 0) {
                progress.update(done, total);
                if (progress.isCancelled()) {
                    return fail(ErrorCode::Cancelled, "saving was cancelled");
                }
            }
        }
    }
    if (auto ok = gdal::replaceLinks(dataset, project.links); !ok) {
        return ok;
    }
    if (auto ok = gdal::writeAllPhotos(dataset, project, photoSource, progress); !ok) {
        return ok;
    }
    return gdal::writeMetadata(dataset, metadataToWrite(project));
}

} // namespace

Result<void> saveProjectAs(const fs::path& path, const Project& project, Progress& progress,
                           const fs::path& photoSource) {
    gdal::ErrorCapture errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) {
        return fail(ErrorCode::WriteFailed, "GDAL has no GeoPackage driver", path.string());
    }
    fs::path temporary = gdal::temporaryBeside(path);
    gdal::removeQuietly(temporary);
    GDALDatasetUniquePtr dataset(
        driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) {
        return fail(ErrorCode::WriteFailed, "cannot create file (folder missing or read-only?)",
                    path.string(), errors.last());
    }
    dataset->StartTransaction(TRUE);
    auto written = writeWholeProject(*dataset, project, progress, photoSource);
    if (written && dataset->CommitTransaction() != OGRERR_NONE) {
        written = fail(ErrorCode::WriteFailed, "cannot commit", path.string(), errors.last());
    }
    auto closed = gdal::close(std::move(dataset), path);
    if (!written || !closed) {
        gdal::removeQuietly(temporary);
        Error error = !written ? written.error() : closed.error();
        if (error.where.empty()) {
            error.where = path.string();
        }
        return std::unexpected(error);
    }
    return gdal::moveIntoPlace(temporary, path);
}

Result<void> createProject(const fs::path& path, const Crs& crs, const LayerCatalog& catalog) {
    std::error_code ec;
    if (fs::exists(path, ec)) {
        return fail(ErrorCode::WriteFailed, "file already exists; choose another name",
                    path.string());
    }
    Project project;
    project.crs = crs;
    for (const auto& def : catalog.layers) {
        project.layers.emplace_back(def);
    }
    return saveProjectAs(path, project);
}

Result<Project> openProject(const fs::path& path, const LayerCatalog& catalog, Progress& progress) {
    auto opened = gdal::openProjectFile(path, false);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    GDALDataset& dataset = *opened->dataset;
    Project project;
    project.metadata = std::move(opened->metadata);
    if (auto it = project.metadata.find("schema_version"); it != project.metadata.end() &&
                                                          std::atoi(it->second.c_str()) >
                                                              kProjectSchemaVersion) {
        return fail(ErrorCode::InvalidFormat,
                    "written by a newer Tryggkarta (schema " + it->second + "); update the program",
                    path.string());
    }
    project.crs = opened->crs;

    std::uint64_t total = 0;
    for (const auto& def : catalog.layers) {
        if (OGRLayer* table = dataset.GetLayerByName(def.table.c_str())) {
            total += static_cast<std::uint64_t>(std::max<GIntBig>(0, table->GetFeatureCount(TRUE)));
        }
    }
    progress.setStage("open");
    project.layers.reserve(catalog.layers.size());
    std::uint64_t done = 0;
    for (const auto& def : catalog.layers) {
        OGRLayer* table = dataset.GetLayerByName(def.table.c_str());
        std::vector<Feature> features;
        if (table != nullptr) {
            auto indices = gdal::fieldIndices(*table, def);
            features.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, table->GetFeatureCount(TRUE))));
            table->ResetReading();
            for (auto& in : *table) {
                auto feature = gdal::readFeature(*in, indices, def);
                if (!feature) {
                    Error error = feature.error();
                    error.where = gdal::displayName(path) + ": " + error.where;
                    return std::unexpected(error);
                }
                features.push_back(std::move(*feature));
                if (++done % 20000 == 0) {
                    progress.update(done, total);
                    if (progress.isCancelled()) {
                        return fail(ErrorCode::Cancelled, "opening was cancelled", path.string());
                    }
                }
            }
        }
        project.layers.emplace_back(def, std::move(features));
    }
    auto links = gdal::readLinks(dataset);
    if (!links) {
        return std::unexpected(links.error());
    }
    project.links = std::move(*links);
    auto photos = gdal::readPhotos(dataset);
    if (!photos) {
        return std::unexpected(photos.error());
    }
    project.photos = std::move(*photos);
    progress.update(total, total);
    return project;
}

Result<void> saveChanges(const fs::path& path, const Project& project, const ChangeSet& changes) {
    if (gdal::isDatabaseLocation(path)) {
        // Without the versions read at opening, a save could overwrite someone else's edit.
        return fail(ErrorCode::Usage, "a shared database is saved with saveSharedChanges",
                    gdal::displayName(path));
    }
    auto opened = gdal::openVector(path, true);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*opened);
    auto srs = gdal::makeSrs(project.crs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    gdal::ErrorCapture errors;
    if (dataset->StartTransaction(TRUE) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot start a transaction (file locked?)",
                    path.string(), errors.last());
    }
    auto apply = [&]() -> Result<void> {
        if (auto ok = gdal::ensureAuxiliaryTables(*dataset); !ok) {
            return ok;
        }
        for (const auto& [name, layerChanges] : changes.layers) {
            const Layer* layer = project.layer(name);
            if (layer == nullptr) {
                return fail(ErrorCode::NotFound, "no such layer in the project", name);
            }
            auto table = gdal::ensureThematicLayer(*dataset, layer->definition(), **srs);
            if (!table) {
                return std::unexpected(table.error());
            }
            for (FeatureId id : layerChanges.removed) {
                OGRErr err = (*table)->DeleteFeature(toInt(id));
                if (err != OGRERR_NONE && err != OGRERR_NON_EXISTING_FEATURE) {
                    return fail(ErrorCode::WriteFailed, "cannot delete feature",
                                name + ": feature " + std::to_string(toInt(id)), errors.last());
                }
            }
            auto indices = gdal::fieldIndices(**table, layer->definition());
            for (FeatureId id : layerChanges.written) {
                const Feature* feature = layer->find(id);
                if (feature == nullptr) {
                    return fail(ErrorCode::NotFound, "changed feature is missing",
                                name + ": feature " + std::to_string(toInt(id)));
                }
                if (auto ok = gdal::writeFeature(**table, indices, *feature, name, true); !ok) {
                    return ok;
                }
            }
        }
        if (auto ok = gdal::applyPhotoChanges(*dataset, project, changes); !ok) {
            return ok;
        }
        if (changes.linksChanged) {
            if (auto ok = gdal::replaceLinks(*dataset, project.links); !ok) {
                return ok;
            }
        }
        return gdal::writeMetadata(*dataset, metadataToWrite(project));
    };
    auto applied = apply();
    if (!applied) {
        dataset->RollbackTransaction();
        static_cast<void>(gdal::close(std::move(dataset), path));
        Error error = applied.error();
        error.where = gdal::displayName(path) + (error.where.empty() ? "" : ": " + error.where);
        return std::unexpected(error);
    }
    if (dataset->CommitTransaction() != OGRERR_NONE) {
        std::string detail = errors.last();
        static_cast<void>(gdal::close(std::move(dataset), path));
        return fail(ErrorCode::WriteFailed, "cannot save (disk full or file locked?)", path.string(),
                    detail);
    }
    return gdal::close(std::move(dataset), path);
}

} // namespace trygg
