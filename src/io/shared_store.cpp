#include "tryggkarta/io/shared_store.h"

#include "gdal_util.h"
#include "ogr_convert.h"
#include "project_photos.h"
#include "project_schema.h"
#include "shared_sql.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>

namespace trygg {
namespace {

constexpr const char* kVersionColumn = "version";

std::string featureWhere(const std::string& layer, FeatureId id) {
    return layer + ": feature " + std::to_string(toInt(id));
}

std::optional<std::int64_t> baseVersion(const FeatureVersions& versions, const std::string& layer,
                                        FeatureId id) {
    auto byLayer = versions.find(layer);
    if (byLayer == versions.end()) {
        return std::nullopt;
    }
    auto it = byLayer->second.find(id);
    return it == byLayer->second.end() ? std::nullopt : std::optional(it->second);
}

/// The layer's changed features in ascending id, so every editor locks rows in the same
/// order and two saves cannot deadlock.
std::vector<std::pair<FeatureId, bool>> changedInOrder(const ChangeSet::LayerChanges& changes) {
    std::vector<std::pair<FeatureId, bool>> ids; // (id, removed)
    for (FeatureId id : changes.written) {
        if (!changes.removed.contains(id)) {
            ids.emplace_back(id, false);
        }
    }
    for (FeatureId id : changes.removed) {
        ids.emplace_back(id, true);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string geometryText(const std::optional<Geometry>& geometry) {
    if (!geometry) {
        return {};
    }
    char* wkt = nullptr;
    gdal::toOgr(*geometry)->exportToWkt(&wkt);
    std::string text = wkt != nullptr ? wkt : "";
    CPLFree(wkt);
    return text;
}

std::vector<FieldConflict> differingFields(const LayerDef& def, const Feature* ours,
                                           const Feature* theirs) {
    std::vector<FieldConflict> fields;
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        auto valueOf = [i](const Feature* feature) {
            return feature != nullptr && i < feature->values.size()
                       ? toDisplayString(feature->values[i])
                       : std::string();
        };
        std::string mine = valueOf(ours);
        std::string other = valueOf(theirs);
        if (mine != other) {
            fields.push_back(
                FieldConflict{.field = def.fields[i].name, .ours = mine, .theirs = other});
        }
    }
    std::string mine = ours != nullptr ? geometryText(ours->geometry) : "";
    std::string other = theirs != nullptr ? geometryText(theirs->geometry) : "";
    if (mine != other) {
        fields.push_back(FieldConflict{.field = "geom", .ours = mine, .theirs = other});
    }
    return fields;
}

/// What the database holds now for one changed feature, compared with our base version.
Result<std::optional<FeatureConflict>> checkFeature(OGRLayer& table,
                                                    const std::vector<int>& indices,
                                                    const Layer& layer, FeatureId id, bool removed,
                                                    std::optional<std::int64_t> base) {
    OGRFeatureUniquePtr current(table.GetFeature(toInt(id)));
    std::int64_t version = 0;
    std::optional<Feature> theirs;
    if (current) {
        version = current->GetFieldAsInteger64(kVersionColumn);
        auto read = gdal::readFeature(*current, indices, layer.definition());
        if (!read) {
            return std::unexpected(read.error());
        }
        theirs = std::move(*read);
    }
    bool stale = base ? (current ? version != *base : !removed) : current != nullptr;
    if (!stale) {
        return std::optional<FeatureConflict>();
    }
    FeatureConflict conflict;
    conflict.layer = layer.name();
    conflict.id = id;
    conflict.removedByUs = removed;
    conflict.theirVersion = version;
    conflict.fields = differingFields(layer.definition(), removed ? nullptr : layer.find(id),
                                      theirs ? &*theirs : nullptr);
    conflict.theirs = std::move(theirs);
    return std::optional(std::move(conflict));
}

/// Every changed feature whose row moved on since we read it, read after the refused save.
Result<std::vector<FeatureConflict>> findConflicts(const std::string& url, const Project& project,
                                                   const ChangeSet& changes,
                                                   const FeatureVersions& versions) {
    auto opened = gdal::openDatabase(url, false);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    std::vector<FeatureConflict> conflicts;
    for (const auto& [name, layerChanges] : changes.layers) {
        const Layer* layer = project.layer(name);
        OGRLayer* table = (*opened)->GetLayerByName(name.c_str());
        if (layer == nullptr || table == nullptr) {
            continue;
        }
        auto indices = gdal::fieldIndices(*table, layer->definition());
        for (auto [id, removed] : changedInOrder(layerChanges)) {
            auto conflict =
                checkFeature(*table, indices, *layer, id, removed, baseVersion(versions, name, id));
            if (!conflict) {
                return std::unexpected(conflict.error());
            }
            if (*conflict) {
                conflicts.push_back(std::move(**conflict));
            }
        }
    }
    return conflicts;
}

enum class Outcome { Done, Conflict };

/// Writes one feature as `base` + 1 (a new row as version 1); the trigger refuses a stale base.
Result<Outcome> writeVersioned(OGRLayer& table, const std::vector<int>& indices,
                               const Feature& feature, std::optional<std::int64_t> base,
                               const std::string& layerName) {
    OGRFeatureUniquePtr out = gdal::toOgrFeature(table, indices, feature);
    out->SetField(kVersionColumn, static_cast<GIntBig>(base ? *base + 1 : 1));
    gdal::ErrorCapture errors;
    OGRErr err = base ? table.SetFeature(out.get()) : table.CreateFeature(out.get());
    if (err == OGRERR_NONE) {
        return Outcome::Done;
    }
    std::string detail = errors.last();
    // Updating a row that is gone: they deleted it. Inserting an id that exists: they added it.
    if (gdal::isVersionConflict(detail) || (base && err == OGRERR_NON_EXISTING_FEATURE) ||
        (!base && detail.find("duplicate key") != std::string::npos)) {
        return Outcome::Conflict;
    }
    return fail(ErrorCode::WriteFailed, "cannot write feature", featureWhere(layerName, feature.id),
                detail);
}

/// Deletes one feature; one read before is first stamped `base` + 1, so deleting a feature
/// someone changed meanwhile is refused by the trigger like any stale edit.
Result<Outcome> removeVersioned(GDALDataset& dataset, OGRLayer& table, FeatureId id,
                                std::optional<std::int64_t> base, const std::string& layerName) {
    if (base) {
        std::string stamp = "UPDATE " + gdal::quoteIdentifier(layerName) + " SET " +
                            kVersionColumn + " = " + std::to_string(*base + 1) +
                            " WHERE fid = " + std::to_string(toInt(id));
        auto stamped = gdal::executeSql(dataset, stamp, featureWhere(layerName, id));
        if (!stamped) {
            if (gdal::isVersionConflict(stamped.error().detail)) {
                return Outcome::Conflict;
            }
            return std::unexpected(stamped.error());
        }
    }
    gdal::ErrorCapture errors;
    OGRErr err = table.DeleteFeature(toInt(id));
    if (err != OGRERR_NONE && err != OGRERR_NON_EXISTING_FEATURE) {
        return fail(ErrorCode::WriteFailed, "cannot delete feature", featureWhere(layerName, id),
                    errors.last());
    }
    return Outcome::Done;
}

/// Applies the feature changes; stops at the first conflict (the transaction is then void).
Result<Outcome> writeFeatures(GDALDataset& dataset, const Project& project,
                              const ChangeSet& changes, const FeatureVersions& versions) {
    for (const auto& [name, layerChanges] : changes.layers) {
        const Layer* layer = project.layer(name);
        if (layer == nullptr) {
            return fail(ErrorCode::NotFound, "no such layer in the project", name);
        }
        OGRLayer* table = dataset.GetLayerByName(name.c_str());
        if (table == nullptr || table->GetLayerDefn()->GetFieldIndex(kVersionColumn) < 0) {
            return fail(ErrorCode::NotFound,
                        "the database lacks this layer; run `tryggkarta-cli db init` again", name);
        }
        auto indices = gdal::fieldIndices(*table, layer->definition());
        for (auto [id, removed] : changedInOrder(layerChanges)) {
            auto base = baseVersion(versions, name, id);
            Result<Outcome> outcome = Outcome::Done;
            if (removed) {
                outcome = removeVersioned(dataset, *table, id, base, name);
            } else if (const Feature* feature = layer->find(id)) {
                outcome = writeVersioned(*table, indices, *feature, base, name);
            } else {
                return fail(ErrorCode::NotFound, "changed feature is missing",
                            featureWhere(name, id));
            }
            if (!outcome || *outcome == Outcome::Conflict) {
                return outcome;
            }
        }
    }
    return Outcome::Done;
}

/// Links and metadata are whole-table rewrites: one editor at a time (until commit).
Result<void> writeLinksAndMetadata(GDALDataset& dataset, const Project& project,
                                   const ChangeSet& changes) {
    if (!changes.linksChanged && !changes.metadataChanged) {
        return {};
    }
    if (auto locked = gdal::executeSql(dataset, "SELECT pg_advisory_xact_lock(736482)", "lock");
        !locked) {
        return locked;
    }
    if (changes.linksChanged) {
        if (auto ok = gdal::replaceLinks(dataset, project.links); !ok) {
            return ok;
        }
    }
    return changes.metadataChanged ? gdal::writeMetadata(dataset, project.metadata)
                                   : Result<void>();
}

void advanceVersions(FeatureVersions& versions, const ChangeSet& changes) {
    for (const auto& [name, layerChanges] : changes.layers) {
        auto& layer = versions[name];
        for (auto [id, removed] : changedInOrder(layerChanges)) {
            if (removed) {
                layer.erase(id);
            } else {
                auto it = layer.find(id);
                layer[id] = it == layer.end() ? 1 : it->second + 1;
            }
        }
    }
}

Result<void> conflictError(const std::string& url, std::vector<FeatureConflict> found,
                           std::vector<FeatureConflict>* conflicts) {
    std::string where = gdal::displayName(url);
    std::string detail = found.empty() ? "" : found.front().describe();
    if (found.size() > 1) {
        detail += " (and " + std::to_string(found.size() - 1) + " more)";
    }
    if (conflicts != nullptr) {
        *conflicts = std::move(found);
    }
    return fail(ErrorCode::Conflict,
                "someone else changed the same features since you opened them; nothing was saved",
                where, detail);
}

Result<FeatureVersions> readVersions(GDALDataset& dataset, const LayerCatalog& catalog,
                                     const std::string& url) {
    FeatureVersions versions;
    for (const auto& def : catalog.layers) {
        OGRLayer* table = dataset.GetLayerByName(def.table.c_str());
        if (table == nullptr || table->GetLayerDefn()->GetFieldIndex(kVersionColumn) < 0) {
            continue;
        }
        auto pairs = gdal::queryPairs(
            dataset, "SELECT fid, version FROM " + gdal::quoteIdentifier(def.table),
            gdal::displayName(url) + ": " + def.table);
        if (!pairs) {
            return std::unexpected(pairs.error());
        }
        auto& layer = versions[def.table];
        for (auto [fid, version] : *pairs) {
            layer.emplace(FeatureId{fid}, version);
        }
    }
    return versions;
}

} // namespace

std::string FeatureConflict::describe() const {
    std::string text = featureWhere(layer, id) + ": ";
    if (!theirs) {
        return text + "deleted by someone else" + (removedByUs ? "" : " while you changed it");
    }
    if (removedByUs) {
        return text + "changed by someone else while you deleted it";
    }
    if (fields.empty()) {
        return text + "saved by someone else with the same values";
    }
    const FieldConflict& first = fields.front();
    return text + "field '" + first.field + "': yours '" + first.ours + "', theirs '" +
           first.theirs + "'" +
           (fields.size() > 1 ? " (and " + std::to_string(fields.size() - 1) + " more fields)"
                              : "");
}

bool isDatabaseLocation(const std::string& location) {
    return gdal::isDatabaseLocation(location);
}

Result<SharedProject> openSharedProject(const std::string& url, const LayerCatalog& catalog,
                                        Progress& progress) {
    // Versions first, then features: a feature changed in between pairs newer values with
    // an older version, so the next save of it is refused, never silently lost.
    SharedProject shared;
    {
        auto opened = gdal::openDatabase(url, false);
        if (!opened) {
            return std::unexpected(opened.error());
        }
        auto versions = readVersions(**opened, catalog, url);
        if (!versions) {
            return std::unexpected(versions.error());
        }
        shared.versions = std::move(*versions);
    }
    auto project = openProject(gdal::projectConnection(url), catalog, progress);
    if (!project) {
        return std::unexpected(project.error());
    }
    shared.project = std::move(*project);
    return shared;
}

Result<void> saveSharedChanges(const std::string& url, const Project& project,
                               const ChangeSet& changes, FeatureVersions& versions,
                               std::vector<FeatureConflict>* conflicts) {
    auto opened = gdal::openDatabase(url, true);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*opened);
    gdal::ErrorCapture errors;
    if (dataset->StartTransaction(TRUE) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot start a transaction", gdal::displayName(url),
                    errors.last());
    }
    auto outcome = [&]() -> Result<Outcome> {
        auto written = writeFeatures(*dataset, project, changes, versions);
        if (!written || *written == Outcome::Conflict) {
            return written;
        }
        if (auto ok = gdal::applyPhotoChanges(*dataset, project, changes); !ok) {
            return std::unexpected(ok.error());
        }
        if (auto ok = writeLinksAndMetadata(*dataset, project, changes); !ok) {
            return std::unexpected(ok.error());
        }
        errors.clear();
        if (dataset->CommitTransaction() != OGRERR_NONE) {
            if (gdal::isVersionConflict(errors.last())) {
                return Outcome::Conflict;
            }
            return fail(ErrorCode::WriteFailed, "the database refused to save", "", errors.last());
        }
        return Outcome::Done;
    }();
    if (!outcome || *outcome == Outcome::Conflict) {
        dataset->RollbackTransaction();
        dataset.reset();
        if (!outcome) {
            Error error = outcome.error();
            error.where = gdal::displayName(url) + (error.where.empty() ? "" : ": " + error.where);
            return std::unexpected(error);
        }
        auto found = findConflicts(url, project, changes, versions);
        if (!found) {
            return std::unexpected(found.error());
        }
        return conflictError(url, std::move(*found), conflicts);
    }
    advanceVersions(versions, changes);
    return {};
}

void keepTheirs(Project& project, ChangeSet& changes, FeatureVersions& versions,
                const FeatureConflict& conflict) {
    if (Layer* layer = project.layer(conflict.layer)) {
        if (!conflict.theirs) {
            layer->remove(conflict.id);
        } else if (!layer->replace(*conflict.theirs)) {
            layer->add(*conflict.theirs);
        }
    }
    if (auto it = changes.layers.find(conflict.layer); it != changes.layers.end()) {
        it->second.written.erase(conflict.id);
        it->second.removed.erase(conflict.id);
    }
    keepOurs(versions, conflict);
}

void keepOurs(FeatureVersions& versions, const FeatureConflict& conflict) {
    if (conflict.theirs) {
        versions[conflict.layer][conflict.id] = conflict.theirVersion;
    } else {
        versions[conflict.layer].erase(conflict.id);
    }
}

} // namespace trygg
