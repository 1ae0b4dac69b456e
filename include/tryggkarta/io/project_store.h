#pragma once
// A project is one GeoPackage that QGIS opens as it is: one table per thematic layer, the
// link table atgard_observation, and trygg_meta (key/value) with the schema version.

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

/// Creates a new, empty project with every catalog layer. Refuses to overwrite a file.
/// The file appears complete or not at all (written beside it, then renamed).
Result<void> createProject(const std::filesystem::path& path, const Crs& crs,
                           const LayerCatalog& catalog);

/// Reads a whole project into memory. Layers of the catalog that the file lacks come back
/// empty; fields it lacks come back NULL (they are added on the next save).
Result<Project> openProject(const std::filesystem::path& path, const LayerCatalog& catalog,
                            Progress& progress = Progress::none());

/// Writes the changes in one transaction: all of them land, or none.
Result<void> saveChanges(const std::filesystem::path& path, const Project& project,
                         const ChangeSet& changes);

/// Writes the whole project to a new file (beside `path`, then renamed over it).
Result<void> saveProjectAs(const std::filesystem::path& path, const Project& project,
                           Progress& progress = Progress::none());

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
};

Result<ProjectSummary> summarizeProject(const std::filesystem::path& path,
                                        const LayerCatalog& catalog);

} // namespace trygg
