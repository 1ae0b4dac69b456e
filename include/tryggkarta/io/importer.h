#pragma once
// Import of any vector source GDAL reads into a thematic layer of a project.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/io/duplicates.h"
#include "tryggkarta/io/import_mapping.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

/// What importIntoProject does with incoming features that duplicate existing ones (see
/// findDuplicates).
enum class DuplicateMode {
    Keep,  ///< no search: everything is imported
    List,  ///< duplicates are left out and listed in the report; the rest is imported
    Skip,  ///< duplicates are left out (and listed)
    Merge, ///< duplicates are merged into the feature they duplicate (see mergeFeatures)
};

struct ImportOptions {
    std::string targetLayer;   ///< thematic layer, e.g. "observationer"; empty: the mapping's
    std::string sourceLayer;   ///< layer within the source; empty: the first (or only) one
    std::map<std::string, std::string> fieldMap; ///< target field -> source field
    std::optional<Crs> sourceCrs; ///< for sources that do not say (CSV with x/y, no .prj)
    bool strict = false;          ///< import nothing if any row fails
    /// A mapping file's rules (see import_mapping.h); the options above win over it. Without
    /// one, a .gpx source uses the shipped GPX mapping for the layer (automaticMapping).
    std::optional<ImportMapping> mapping{}; // {}: callers that list the members above stay warning-free
    DuplicateMode duplicates = DuplicateMode::Keep;
    double mergeRadius = kDefaultMergeRadius; ///< metres
};

/// An incoming row that duplicates a feature, for the report.
struct DuplicateRow {
    std::int64_t row = 0;                  ///< 1-based row in the source
    FeatureId existing = kNoFeatureId;     ///< the feature it duplicates, or
    std::int64_t earlierRow = 0;           ///< the earlier row of this import it duplicates
    double distance = 0.0;                 ///< metres
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
    std::vector<DuplicateRow> duplicates; ///< found when ImportOptions::duplicates is not Keep
    std::int64_t merged = 0;  ///< rows merged into features they duplicate
    std::int64_t skipped = 0; ///< duplicate rows left out
};

inline constexpr std::size_t kMaxListedRejections = 1000;

/// Imports `source` into `options.targetLayer` of the project at `projectPath`, reprojected
/// into the project's CRS. Coded fields take the code or either label, case-insensitively.
/// Rows that fail are listed and the rest go in, in one transaction; with `strict`, or on
/// cancel or error, nothing is written and the project on disk is unchanged. Duplicates are
/// handled as `options.duplicates` says; merges are written in the same transaction.
Result<ImportReport> importIntoProject(const std::filesystem::path& projectPath,
                                       const LayerCatalog& catalog,
                                       const std::filesystem::path& source,
                                       const ImportOptions& options,
                                       Progress& progress = Progress::none());

/// Rows read for an import into an open project: checked, reprojected, not yet stored.
struct ImportedFeatures {
    ImportReport report;
    std::vector<Feature> features; ///< ids unassigned; empty when a strict import failed
    std::vector<std::int64_t> rows; ///< the source row of each feature
};

/// Reads `source` for `options.targetLayer` the way importIntoProject does, reprojected into
/// `projectCrs`, without writing anything: the app adds the rows to the open document as
/// one step that can be undone.
Result<ImportedFeatures> readForImport(const LayerCatalog& catalog,
                                       const std::filesystem::path& source,
                                       const ImportOptions& options, const Crs& projectCrs,
                                       Progress& progress = Progress::none());

} // namespace trygg

namespace trygg {

/// The duplicates among rows read for an import (features and rows as readForImport gave
/// them) against a layer's features, with their source rows.
Result<std::vector<DuplicateMatch>> findImportDuplicates(const LayerDef& layer,
                                                         const std::vector<Feature>& existing,
                                                         const ImportedFeatures& read, double radius,
                                                         std::vector<DuplicateRow>& rows,
                                                         Progress& progress = Progress::none());

} // namespace trygg
