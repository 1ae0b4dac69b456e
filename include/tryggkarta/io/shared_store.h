#pragma once
// A project shared by several editors in one PostgreSQL/PostGIS database, reached through a
// GDAL connection string ("PG:host=... port=... dbname=... user=... password=..."). The
// tables are those of a project GeoPackage; each thematic table also has a `version` column
// that a trigger guards: an update must write the version it read plus one, so the database,
// not the client, refuses an edit based on a stale read.

#include "tryggkarta/core/change_set.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// Per layer, the version of each feature as it was read: what the next save builds on.
using FeatureVersions = std::map<std::string, std::map<FeatureId, std::int64_t>, std::less<>>;

/// Ids the database gave to new features: per layer, the id the client used → the stored id.
/// The photos of new features are new photos and get new ids too: under the key kPhotoTable
/// ("trygg_foto"), photo ids written as FeatureIds.
using AssignedIds = std::map<std::string, std::map<FeatureId, FeatureId>, std::less<>>;

/// A project read from a database with the versions its features had.
struct SharedProject {
    Project project;
    FeatureVersions versions;
    /// The login may read but not write ("Du kan läsa men inte spara"); a save is refused.
    bool readOnly = false;
    /// Read through the consultant's views: personal fields are empty and the photos' image
    /// bytes cannot be read. No versions are read (nothing can be saved).
    bool withoutPersonal = false;
};

/// A field whose value in the database differs from ours ("geom" for the geometry).
struct FieldConflict {
    std::string field;
    std::string ours;   ///< as the user reads it; "" for NULL
    std::string theirs; ///< likewise
};

/// A feature that someone else changed or deleted after we read it.
struct FeatureConflict {
    std::string layer;
    FeatureId id = kNoFeatureId;
    bool removedByUs = false;          ///< our change was a deletion
    std::optional<Feature> theirs;     ///< their feature; none when they deleted it
    std::int64_t theirVersion = 0;     ///< 0 when they deleted it
    std::vector<FieldConflict> fields; ///< where ours and theirs differ

    /// "observationer: feature 17, field 'kategori': ours 'sikt', theirs 'belysning'"
    [[nodiscard]] std::string describe() const;
};

/// Whether a project location is a database connection string rather than a file.
bool isDatabaseLocation(const std::string& location);

/// Reads the project of a database made by initSharedDatabase. Refuses a database without
/// Tryggkarta's tables ("not a Tryggkarta database").
Result<SharedProject> openSharedProject(const std::string& url, const LayerCatalog& catalog,
                                        Progress& progress = Progress::none());

/// Writes the changes in one transaction. Each written or removed feature that was read
/// carries its version; when someone else changed or deleted it since, the database refuses
/// and nothing is saved: the error (ErrorCode::Conflict) names the first conflict and
/// `conflicts` (when given) receives all of them.
/// A new feature (one without a version) is never a conflict: it gets its id from the
/// table's sequence, as do the photos of new features, and links and photos are written
/// with those ids. Links others added to features we did not read are kept.
/// On success `versions` holds the new versions (new features under their new ids, at 1)
/// and `assigned` (when given) the ids the database gave: pass them to applyAssignedIds.
Result<void> saveSharedChanges(const std::string& url, const Project& project,
                               const ChangeSet& changes, FeatureVersions& versions,
                               std::vector<FeatureConflict>* conflicts = nullptr,
                               AssignedIds* assigned = nullptr);

/// The id a feature of `table` (or a photo, for kPhotoTable) has after `assigned`: the
/// stored one, or `id` itself when it was not renamed.
FeatureId assignedId(const AssignedIds& assigned, std::string_view table, FeatureId id);

/// Renames the ends of links and the photos (their ids and features) per `assigned`;
/// the order of the lists is kept.
void renumberLinks(std::vector<MeasureLink>& links, const AssignedIds& assigned);
void renumberPhotos(std::vector<Photo>& photos, const AssignedIds& assigned);

/// Renames the features of one layer per `ids` (client id → stored id).
void renumberFeatures(Layer& layer, const std::map<FeatureId, FeatureId>& ids);
/// Renames links and photos per `assigned` and puts both lists back in id order.
void renumberReferences(std::vector<MeasureLink>& links, std::vector<Photo>& photos,
                        const AssignedIds& assigned);

/// Renames features, links and photos of `project` per `assigned` (after a save).
void applyAssignedIds(Project& project, const AssignedIds& assigned);

/// The user keeps the other editor's feature: it replaces ours in `project` (or ours goes,
/// when they deleted it) and our change is dropped from `changes`.
void keepTheirs(Project& project, ChangeSet& changes, FeatureVersions& versions,
                const FeatureConflict& conflict);

/// The user keeps our feature: the next save builds on their version and overwrites it
/// (or writes ours anew when they deleted it).
void keepOurs(FeatureVersions& versions, const FeatureConflict& conflict);

} // namespace trygg
