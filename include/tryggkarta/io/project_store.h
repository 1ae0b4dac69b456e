#pragma once
// A project is one GeoPackage that QGIS opens as it is: one table per thematic layer, the
// link table atgard_observation, trygg_foto (photos of features, the image bytes inside the
// file) and trygg_meta (key/value) with the schema version.

#include "tryggkarta/core/change_set.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace trygg {

inline constexpr std::string_view kMetaTable = "trygg_meta";
inline constexpr std::string_view kLinkTable = "atgard_observation";
inline constexpr std::string_view kPhotoTable = "trygg_foto";

/// Creates a new, empty project with every catalog layer. Refuses to overwrite a file.
/// The file appears complete or not at all (written beside it, then renamed).
Result<void> createProject(const std::filesystem::path& path, const Crs& crs,
                           const LayerCatalog& catalog);

/// Reads a whole project into memory. Layers of the catalog that the file lacks come back
/// empty; fields it lacks come back NULL (they are added on the next save). Photos come back
/// as metadata only (data null); readPhotoData reads their bytes.
Result<Project> openProject(const std::filesystem::path& path, const LayerCatalog& catalog,
                            Progress& progress = Progress::none());

/// Writes the changes in one transaction: all of them land, or none.
/// Photos: the photos of every removed feature are deleted with it (whether or not the
/// change set lists them), so the file never holds a photo without its feature. A written
/// photo must belong to a feature of `project` (else ErrorCode::Usage and nothing is saved);
/// its data must be set unless the file already holds it (then only its metadata is
/// rewritten and the stored bytes are kept).
Result<void> saveChanges(const std::filesystem::path& path, const Project& project,
                         const ChangeSet& changes);

/// Writes the whole project to a new file (beside `path`, then renamed over it).
/// Photos whose data is null are copied from `photoSource`, the project file they were
/// opened from (it may be `path` itself: it is read before being replaced); without it such
/// photos fail with ErrorCode::Usage. Photo ids are kept, so after the save readPhotoData
/// finds them in `path`. Every photo must belong to a feature of `project`.
Result<void> saveProjectAs(const std::filesystem::path& path, const Project& project,
                           Progress& progress = Progress::none(),
                           const std::filesystem::path& photoSource = {});

/// The image bytes of one photo as stored in a project file.
Result<std::string> readPhotoData(const std::filesystem::path& project, PhotoId id);

/// What `info` shows, read without loading features.
struct LayerSummary {
    std::string name;
    std::string title;        ///< Swedish title from the catalog, empty for other tables
    std::string geometryType; ///< "Point", "LineString", "Polygon", "Geometry", "None"
    std::int64_t featureCount = 0;
    Box extent = emptyBox();
    std::vector<std::string> fields;
    bool thematic = false; ///< defined in the layer catalog
};

struct ProjectSummary {
    std::filesystem::path path;
    Crs crs;
    std::string crsName;
    int schemaVersion = 0;
    std::map<std::string, std::string> metadata;
    std::vector<LayerSummary> layers;
    std::int64_t linkCount = 0;
    std::int64_t photoCount = 0; ///< rows of trygg_foto (not listed among `layers`)
};

Result<ProjectSummary> summarizeProject(const std::filesystem::path& path,
                                        const LayerCatalog& catalog);

} // namespace trygg
