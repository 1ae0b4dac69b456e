#include "tryggkarta/io/shared_store.h"

#include "gdal_util.h"
#include "ogr_convert.h"
#include "project_photos.h"
#include "project_schema.h"
#include "shared_sql.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/shared_database.h"

#include <algorithm>
#include <set>

namespace trygg {
namespace {

constexpr const char* kVersionColumn = "version";

std::string featureWhere(const std::string& layer, FeatureId id) {
    return layer + ": feature " + std::to_string(toInt(id));
}

std::optional<std::int64_t> baseVersion(const FeatureVersions& versions, std::string_view layer,
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
                                                    std::int64_t base) {
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
    bool stale = current ? version != base : !removed;
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
            auto base = baseVersion(versions, name, id);
            if (!base) {
                continue; // a new feature gets an id of its own: it cannot meet anyone's
            }
            auto conflict = checkFeature(*table, indices, *layer, id, removed, *base);
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
                               const std::string& layerName, FeatureId* stored = nullptr) {
    OGRFeatureUniquePtr out = gdal::toOgrFeature(table, indices, feature);
    out->SetField(kVersionColumn, static_cast<GIntBig>(base ? *base + 1 : 1));
    gdal::ErrorCapture errors;
    OGRErr err = base ? table.SetFeature(out.get()) : table.CreateFeature(out.get());
    if (err == OGRERR_NONE) {
        if (stored != nullptr) {
            *stored = FeatureId{out->GetFID()};
        }
        return Outcome::Done;
    }
    std::string detail = errors.last();
    // Updating a row that is gone: they deleted it.
    if (gdal::isVersionConflict(detail) || (base && err == OGRERR_NON_EXISTING_FEATURE)) {
        return Outcome::Conflict;
    }
    if (!base && detail.find("duplicate key") != std::string::npos) {
        return fail(ErrorCode::WriteFailed,
                    "the table's id counter is behind its rows; run `tryggkarta-cli db init` again",
                    featureWhere(layerName, feature.id), detail);
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

/// `count` new ids from the fid sequence of `table`, ascending. Taken inside the save's
/// transaction; a rolled-back save leaves a gap, never a shared id.
Result<std::vector<FeatureId>> freshIds(GDALDataset& dataset, const std::string& table,
                                        std::size_t count) {
    std::vector<FeatureId> ids;
    if (count == 0) {
        return ids;
    }
    std::string sql = "SELECT nextval(pg_get_serial_sequence(" + gdal::quoteLiteral(table) +
                      ", 'fid')) FROM generate_series(1, " + std::to_string(count) + ")";
    auto values = gdal::queryColumn(dataset, sql, table);
    if (!values) {
        return std::unexpected(values.error());
    }
    if (values->size() != count) {
        return fail(ErrorCode::WriteFailed, "cannot take new ids from the database", table);
    }
    std::sort(values->begin(), values->end());
    for (std::int64_t value : *values) {
        ids.push_back(FeatureId{value});
    }
    return ids;
}

/// Gives `ids` (ascending) the next ids of `table`, recorded in `assigned`.
Result<void> assignIds(GDALDataset& dataset, const std::string& table,
                       const std::vector<FeatureId>& ids, AssignedIds& assigned) {
    auto fresh = freshIds(dataset, table, ids.size());
    if (!fresh) {
        return std::unexpected(fresh.error());
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        assigned[table][ids[i]] = (*fresh)[i];
    }
    return {};
}

/// The ids of the written photos that the database holds as ours: the same id with the
/// same feature and file name. Any other written photo is new, or its id is another
/// editor's (both counted the next free id): it must not overwrite that row.
Result<std::set<std::int64_t>> storedAsOurs(GDALDataset& dataset, const Project& project,
                                            const ChangeSet& changes) {
    std::string rows;
    for (const Photo& photo : project.photos) {
        if (changes.photos.written.contains(photo.id)) {
            rows += std::string(rows.empty() ? "" : ", ") + "(" + std::to_string(toInt(photo.id)) +
                    ", " + gdal::quoteLiteral(photo.layer) + ", " +
                    std::to_string(toInt(photo.feature)) + ", " +
                    gdal::quoteLiteral(photo.fileName) + ")";
        }
    }
    if (rows.empty()) {
        return std::set<std::int64_t>();
    }
    auto ours = gdal::queryColumn(dataset,
                                  "SELECT fid FROM " + std::string(kPhotoTable) +
                                      " WHERE (fid, lager, objekt, filnamn) IN (VALUES " + rows +
                                      ")",
                                  std::string(kPhotoTable));
    if (!ours) {
        return std::unexpected(ours.error());
    }
    return std::set<std::int64_t>(ours->begin(), ours->end());
}

/// New photos get ids from the photo table's sequence: the ids the client counted for them
/// may already be another editor's. The photo table's writer inserts them with explicit
/// ids, after which GDAL moves the sequence back to max(fid): editors taking photo ids
/// therefore take turns (the lock is held until commit), so no uncommitted id can be handed
/// out twice. The lock comes first, so that the check of which photos are ours sees every
/// committed photo.
Result<void> assignPhotoIds(GDALDataset& dataset, const Project& project, const ChangeSet& changes,
                            AssignedIds& assigned) {
    if (changes.photos.written.empty()) {
        return {};
    }
    if (auto locked = gdal::executeSql(dataset, "SELECT pg_advisory_xact_lock(736483)", "lock");
        !locked) {
        return locked;
    }
    auto ours = storedAsOurs(dataset, project, changes);
    if (!ours) {
        return std::unexpected(ours.error());
    }
    std::vector<FeatureId> ids;
    for (const Photo& photo : project.photos) {
        auto layer = assigned.find(photo.layer);
        const bool ofNewFeature = layer != assigned.end() && layer->second.contains(photo.feature);
        if (changes.photos.written.contains(photo.id) &&
            (ofNewFeature || !ours->contains(toInt(photo.id)))) {
            ids.push_back(FeatureId{toInt(photo.id)});
        }
    }
    std::sort(ids.begin(), ids.end());
    return assignIds(dataset, std::string(kPhotoTable), ids, assigned);
}

/// Writes or removes one changed feature. A new one is inserted without an id, so the table's
/// default takes it from the sequence: GDAL moves a sequence back to max(fid) after an
/// insert with an explicit id, which would hand a concurrent editor's uncommitted ids out
/// again.
Result<Outcome> writeChange(GDALDataset& dataset, OGRLayer& table, const std::vector<int>& indices,
                            const Layer& layer, FeatureId id, bool removed,
                            std::optional<std::int64_t> base, gdal::NewFeatureIds newIds,
                            AssignedIds& assigned) {
    const std::string& name = layer.name();
    if (removed) {
        // Never stored by us: nothing of ours to delete (a row of that id is another's).
        return base ? removeVersioned(dataset, table, id, base, name) : Outcome::Done;
    }
    const Feature* feature = layer.find(id);
    if (feature == nullptr) {
        return fail(ErrorCode::NotFound, "changed feature is missing", featureWhere(name, id));
    }
    if (base || newIds == gdal::NewFeatureIds::AsGiven) {
        return writeVersioned(table, indices, *feature, base, name);
    }
    Feature fresh = *feature;
    fresh.id = kNoFeatureId;
    FeatureId stored = kNoFeatureId;
    auto outcome = writeVersioned(table, indices, fresh, base, name, &stored);
    if (outcome && *outcome == Outcome::Done) {
        assigned[name][id] = stored;
    }
    return outcome;
}

/// Applies the feature changes; stops at the first conflict (the transaction is then void).
Result<Outcome> writeFeatures(GDALDataset& dataset, const Project& project,
                              const ChangeSet& changes, const FeatureVersions& versions,
                              gdal::NewFeatureIds newIds, AssignedIds& assigned) {
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
            auto outcome = writeChange(dataset, *table, indices, *layer, id, removed,
                                       baseVersion(versions, name, id), newIds, assigned);
            if (!outcome || *outcome == Outcome::Conflict) {
                return outcome;
            }
        }
    }
    return Outcome::Done;
}

/// What applyPhotoChanges needs after new ids: the photos renamed, and the owners of the
/// written ones under their new ids (it checks that each photo's owner is in the project;
/// these few stand in for a copy of whole layers).
struct PhotoStep {
    Project project;
    ChangeSet changes;
};

PhotoStep photoStep(const Project& project, const ChangeSet& changes,
                    const FeatureVersions& versions, const AssignedIds& assigned) {
    PhotoStep step;
    step.project.photos = project.photos;
    renumberPhotos(step.project.photos, assigned);
    step.changes.photos.removed = changes.photos.removed;
    std::string photos(kPhotoTable);
    for (PhotoId id : changes.photos.written) {
        step.changes.photos.written.insert(
            PhotoId{toInt(assignedId(assigned, photos, FeatureId{toInt(id)}))});
        const Photo* photo = findPhoto(project.photos, id);
        const Layer* layer = photo != nullptr ? project.layer(photo->layer) : nullptr;
        const Feature* owner = layer != nullptr ? layer->find(photo->feature) : nullptr;
        if (owner == nullptr) {
            continue; // applyPhotoChanges names the photo
        }
        Layer* target = step.project.layer(photo->layer);
        if (target == nullptr) {
            target = &step.project.layers.emplace_back(layer->definition());
        }
        Feature renamed = *owner;
        renamed.id = assignedId(assigned, photo->layer, owner->id);
        if (target->find(renamed.id) == nullptr) {
            target->add(std::move(renamed));
        }
    }
    for (const auto& [name, layerChanges] : changes.layers) {
        auto& removed = step.changes.layers[name].removed;
        for (FeatureId id : layerChanges.removed) {
            if (baseVersion(versions, name, id)) { // else the photos of that id are another's
                removed.insert(id);
            }
        }
    }
    return step;
}

/// The links to write: ours (with the new ids), and the stored ones that touch a feature we
/// never read, whose other end we still have: another editor added them meanwhile, and we
/// cannot have meant to remove them.
Result<std::vector<MeasureLink>> mergedLinks(GDALDataset& dataset, const Project& project,
                                             const FeatureVersions& versions,
                                             const AssignedIds& assigned) {
    auto stored = gdal::readLinks(dataset);
    if (!stored) {
        return std::unexpected(stored.error());
    }
    std::vector<MeasureLink> links = project.links;
    renumberLinks(links, assigned);
    auto status = [&](std::string_view layer, FeatureId id) {
        const Layer* ours = project.layer(layer);
        bool known = baseVersion(versions, layer, id).has_value();
        return std::pair{known, !known || (ours != nullptr && ours->find(id) != nullptr)};
    };
    for (const MeasureLink& link : *stored) {
        auto [measureKnown, measureKept] = status(kMeasureLayer, link.measure);
        auto [observationKnown, observationKept] = status(kObservationLayer, link.observation);
        if (!(measureKnown && observationKnown) && measureKept && observationKept) {
            links.push_back(link);
        }
    }
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    return links;
}

/// Links and metadata are whole-table rewrites: one editor at a time (until commit).
Result<void> writeLinksAndMetadata(GDALDataset& dataset, const Project& project,
                                   const ChangeSet& changes, const FeatureVersions& versions,
                                   const AssignedIds& assigned) {
    if (!changes.linksChanged && !changes.metadataChanged) {
        return {};
    }
    if (auto locked = gdal::executeSql(dataset, "SELECT pg_advisory_xact_lock(736482)", "lock");
        !locked) {
        return locked;
    }
    if (changes.linksChanged) {
        auto links = mergedLinks(dataset, project, versions, assigned);
        if (!links) {
            return std::unexpected(links.error());
        }
        if (auto ok = gdal::replaceLinks(dataset, *links); !ok) {
            return ok;
        }
    }
    return changes.metadataChanged ? gdal::writeMetadata(dataset, project.metadata)
                                   : Result<void>();
}

void advanceVersions(FeatureVersions& versions, const ChangeSet& changes,
                     const AssignedIds& assigned) {
    for (const auto& [name, layerChanges] : changes.layers) {
        auto& layer = versions[name];
        std::vector<FeatureId> added; // stored ids of new features, set after all erasing:
        for (auto [id, removed] : changedInOrder(layerChanges)) { // one may be another's old id
            FeatureId stored = assignedId(assigned, name, id);
            if (removed || stored != id) {
                layer.erase(id);
            }
            if (!removed && stored != id) {
                added.push_back(stored);
            } else if (!removed) {
                auto it = layer.find(id);
                layer[id] = it == layer.end() ? 1 : it->second + 1;
            }
        }
        for (FeatureId id : added) {
            layer[id] = 1;
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

/// What the login may do with the project tables, by PostgreSQL's own privilege checks: a
/// consultant holds column privileges only, so no SELECT on the whole table.
struct Access {
    bool readsAll = false;
    bool writes = false;
};

Result<Access> loginAccess(GDALDataset& dataset, const LayerCatalog& catalog,
                           const std::string& url) {
    std::string tables;
    for (const auto& def : catalog.layers) {
        tables += (tables.empty() ? "" : ", ") + gdal::quoteLiteral(def.table);
    }
    auto allowed = [&](const std::string& privilege) -> Result<bool> {
        auto values = gdal::queryColumn(
            dataset,
            "SELECT COALESCE(bool_and(has_table_privilege(c.oid, '" + privilege +
                "')), true)::integer FROM pg_class c JOIN pg_namespace n ON n.oid = "
                "c.relnamespace WHERE n.nspname = 'public' AND c.relname IN (" +
                tables + ")",
            gdal::displayName(url) + ": privileges");
        if (!values) {
            return std::unexpected(values.error());
        }
        return !values->empty() && values->front() != 0;
    };
    Access access;
    auto reads = allowed("SELECT");
    if (!reads) {
        return std::unexpected(reads.error());
    }
    access.readsAll = *reads;
    access.writes = *reads;
    for (const char* privilege : {"INSERT", "UPDATE", "DELETE"}) {
        auto granted = allowed(privilege);
        if (!granted) {
            return std::unexpected(granted.error());
        }
        access.writes = access.writes && *granted;
    }
    return access;
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
    // A login that may not read whole tables (a consultant) reads the views made for it.
    SharedProject shared;
    std::string location = gdal::projectConnection(url);
    {
        auto opened = gdal::openDatabase(url, false);
        if (!opened) {
            return std::unexpected(opened.error());
        }
        auto access = loginAccess(**opened, catalog, url);
        if (!access) {
            return std::unexpected(access.error());
        }
        shared.withoutPersonal = !access->readsAll ||
                                 gdal::connectionValue(url, "schemas") == gdal::kConsultantSchema;
        shared.readOnly = !access->writes || shared.withoutPersonal;
        if (shared.withoutPersonal) {
            location = consultantConnection(url);
        } else {
            auto versions = readVersions(**opened, catalog, url);
            if (!versions) {
                return std::unexpected(versions.error());
            }
            shared.versions = std::move(*versions);
        }
    }
    auto project = openProject(location, catalog, progress);
    if (!project) {
        return std::unexpected(project.error());
    }
    shared.project = std::move(*project);
    return shared;
}

Result<void> saveSharedChanges(const std::string& url, const Project& project,
                               const ChangeSet& changes, FeatureVersions& versions,
                               std::vector<FeatureConflict>* conflicts, AssignedIds* assigned) {
    return gdal::saveShared(url, project, changes, versions, conflicts, assigned,
                            gdal::NewFeatureIds::FromSequence);
}

Result<void> gdal::saveShared(const std::string& url, const Project& project,
                              const ChangeSet& changes, FeatureVersions& versions,
                              std::vector<FeatureConflict>* conflicts, AssignedIds* assigned,
                              NewFeatureIds newIds) {
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
    AssignedIds given;
    auto outcome = [&]() -> Result<Outcome> {
        auto written = writeFeatures(*dataset, project, changes, versions, newIds, given);
        if (!written || *written == Outcome::Conflict) {
            return written;
        }
        if (newIds == NewFeatureIds::FromSequence) {
            if (auto ok = assignPhotoIds(*dataset, project, changes, given); !ok) {
                return std::unexpected(ok.error());
            }
        }
        PhotoStep photos = photoStep(project, changes, versions, given);
        if (auto ok = gdal::applyPhotoChanges(*dataset, photos.project, photos.changes); !ok) {
            return std::unexpected(ok.error());
        }
        if (auto ok = writeLinksAndMetadata(*dataset, project, changes, versions, given); !ok) {
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
    advanceVersions(versions, changes, given);
    if (assigned != nullptr) {
        *assigned = std::move(given);
    }
    return {};
}

FeatureId assignedId(const AssignedIds& assigned, std::string_view table, FeatureId id) {
    auto layer = assigned.find(table);
    if (layer == assigned.end()) {
        return id;
    }
    auto it = layer->second.find(id);
    return it == layer->second.end() ? id : it->second;
}

void renumberLinks(std::vector<MeasureLink>& links, const AssignedIds& assigned) {
    for (MeasureLink& link : links) {
        link.measure = assignedId(assigned, kMeasureLayer, link.measure);
        link.observation = assignedId(assigned, kObservationLayer, link.observation);
    }
}

void renumberPhotos(std::vector<Photo>& photos, const AssignedIds& assigned) {
    for (Photo& photo : photos) {
        photo.id = PhotoId{toInt(assignedId(assigned, kPhotoTable, FeatureId{toInt(photo.id)}))};
        photo.feature = assignedId(assigned, photo.layer, photo.feature);
    }
}

void renumberFeatures(Layer& layer, const std::map<FeatureId, FeatureId>& ids) {
    std::vector<Feature> moved; // all out first: a new id may be another's old one
    for (const auto& [from, to] : ids) {
        if (const Feature* feature = layer.find(from)) {
            moved.push_back(*feature);
            moved.back().id = to;
            layer.remove(from);
        }
    }
    for (Feature& feature : moved) {
        layer.add(std::move(feature));
    }
}

void renumberReferences(std::vector<MeasureLink>& links, std::vector<Photo>& photos,
                        const AssignedIds& assigned) {
    renumberLinks(links, assigned);
    std::sort(links.begin(), links.end());
    renumberPhotos(photos, assigned);
    std::sort(photos.begin(), photos.end(),
              [](const Photo& a, const Photo& b) { return a.id < b.id; });
}

void applyAssignedIds(Project& project, const AssignedIds& assigned) {
    for (const auto& [name, ids] : assigned) {
        if (Layer* layer = project.layer(name)) {
            renumberFeatures(*layer, ids);
        }
    }
    renumberReferences(project.links, project.photos, assigned);
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
