#pragma once
// Import of any vector source GDAL reads into a thematic layer of a project.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

struct ImportOptions {
    std::string targetLayer;   ///< thematic layer, e.g. "observationer"
    std::string sourceLayer;   ///< layer within the source; empty: the first (or only) one
    std::map<std::string, std::string> fieldMap; ///< target field -> source field
    std::optional<Crs> sourceCrs; ///< for sources that do not say (CSV with x/y, no .prj)
    bool strict = false;          ///< import nothing if any row fails
};

/// A source row that could not be imported, and why.
struct RejectedRow {
    std::int64_t row = 0; ///< 1-based position in the source layer
    std::string field;    ///< the target field at fault; empty for geometry or the row
    std::string reason;
};

struct ImportReport {
    std::string source;  ///< file name, for messages
    std::string sourceLayer;
    std::string targetLayer;
    std::int64_t rowsRead = 0;
    std::int64_t imported = 0;
    std::int64_t rejectedCount = 0;
    std::vector<RejectedRow> rejected; ///< the first kMaxListedRejections of them
    std::vector<std::string> notes;    ///< field mapping, CRS, ignored columns
    std::map<std::string, std::string> fieldSources; ///< target field -> source column used
};

inline constexpr std::size_t kMaxListedRejections = 1000;

/// Imports `source` into `options.targetLayer` of the project at `projectPath`, reprojected
/// into the project's CRS. Coded fields take the code or either label, case-insensitively.
/// Rows that fail are listed and the rest go in, in one transaction; with `strict`, or on
/// cancel or error, nothing is written and the project on disk is unchanged.
Result<ImportReport> importIntoProject(const std::filesystem::path& projectPath,
                                       const LayerCatalog& catalog,
                                       const std::filesystem::path& source,
                                       const ImportOptions& options,
                                       Progress& progress = Progress::none());

/// Rows read for an import into an open project: checked, reprojected, not yet stored.
struct ImportedFeatures {
    ImportReport report;
    std::vector<Feature> features; ///< ids unassigned; empty when a strict import failed
};

/// Reads `source` for `options.targetLayer` the way importIntoProject does, reprojected into
/// `projectCrs`, without writing anything: the app adds the rows to the open document as
/// one step that can be undone.
Result<ImportedFeatures> readForImport(const LayerCatalog& catalog,
                                       const std::filesystem::path& source,
                                       const ImportOptions& options, const Crs& projectCrs,
                                       Progress& progress = Progress::none());

} // namespace trygg
