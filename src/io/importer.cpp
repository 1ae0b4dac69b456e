#include "tryggkarta/io/importer.h"

#include "gdal_util.h"
#include "project_schema.h"
#include "source_reader.h"

#include "tryggkarta/io/project_store.h"

#include <memory>

namespace trygg {
namespace {

namespace fs = std::filesystem;

/// Below this many rows the R-tree is kept up to date row by row; above it, it is dropped for
/// the import and rebuilt in one pass, which is several times faster for large imports.
constexpr std::uint64_t kBulkIndexThreshold = 50000;


Result<const LayerDef*> findTarget(const LayerCatalog& catalog, const ImportOptions& options,
                                   const std::filesystem::path& where) {
    const LayerDef* target = catalog.find(options.targetLayer);
    if (target == nullptr) {
        std::string names;
        for (const auto& def : catalog.layers) {
            names += (names.empty() ? "" : ", ") + def.table;
        }
        return fail(ErrorCode::NotFound,
                    "no layer '" + options.targetLayer + "' (layers: " + names + ")",
                    gdal::displayName(where));
    }
    return target;
}

/// The options an import runs with: the mapping file's layer, source layer and CRS where the
/// caller gave none, and the ready mapping a source without one is recognised by.
Result<ImportOptions> effectiveOptions(const LayerCatalog& catalog, const fs::path& source,
                                       ImportOptions options, std::vector<std::string>& notes) {
    if (!options.mapping) {
        if (auto automatic = automaticMapping(source, catalog, options.targetLayer)) {
            auto loaded = loadImportMapping(*automatic, catalog);
            if (!loaded) {
                return std::unexpected(loaded.error());
            }
            options.mapping = std::move(*loaded);
            notes.push_back(
                options.mapping->sourceLayer.empty()
                    ? "the columns are those of the ready mapping " + automatic->filename().string() +
                          ": used it"
                    : "GPX file: read its " + options.mapping->sourceLayer + " with the ready mapping " +
                          automatic->filename().string());
        }
    }
    if (!options.mapping) {
        return options;
    }
    const ImportMapping& mapping = *options.mapping;
    if (options.targetLayer.empty()) {
        options.targetLayer = mapping.targetLayer;
    } else if (options.targetLayer != mapping.targetLayer) {
        return fail(ErrorCode::Usage,
                    "the mapping is for layer '" + mapping.targetLayer + "', not '" + options.targetLayer + "'",
                    mapping.sourceName);
    }
    if (options.sourceLayer.empty()) {
        options.sourceLayer = mapping.sourceLayer;
    }
    if (!options.sourceCrs) {
        options.sourceCrs = mapping.sourceCrs;
    }
    return options;
}

/// Reads every row, counting and listing rejections; `accept` takes each good feature and its
/// source row and may fail (a write error), which ends the import.
template <typename Accept>
Result<void> readRows(gdal::SourceReader& reader, const fs::path& source,
                      const ImportOptions& options, ImportReport& report, Progress& progress,
                      Accept&& accept) {
    progress.setStage("import");
    const std::uint64_t expected = reader.expectedRows();
    Feature feature;
    RejectedRow rejected;
    bool accepting = true;
    for (;;) {
        auto outcome = reader.next(feature, rejected);
        if (outcome == gdal::SourceReader::Outcome::End) {
            break;
        }
        ++report.rowsRead;
        if (outcome == gdal::SourceReader::Outcome::Rejected) {
            ++report.rejectedCount;
            if (report.rejected.size() < kMaxListedRejections) {
                report.rejected.push_back(rejected);
            }
            accepting = accepting && !options.strict;
        } else if (accepting) {
            if (auto ok = accept(feature, reader.row()); !ok) {
                return ok;
            }
            ++report.imported;
        }
        if (report.rowsRead % 4096 == 0) {
            progress.update(static_cast<std::uint64_t>(report.rowsRead), expected);
            if (progress.isCancelled()) {
                return fail(ErrorCode::Cancelled, "import cancelled; nothing was imported",
                            gdal::displayName(source));
            }
        }
    }
    if (!reader.damage().empty()) {
        return fail(ErrorCode::InvalidFormat,
                    "the file is damaged: reading stopped after row " + std::to_string(report.rowsRead) +
                        (expected > 0 ? " of " + std::to_string(expected) : std::string()) +
                        "; nothing was imported",
                    gdal::displayName(source), reader.damage());
    }
    progress.update(static_cast<std::uint64_t>(report.rowsRead),
                    std::max<std::uint64_t>(expected, static_cast<std::uint64_t>(report.rowsRead)));
    if (options.strict && report.rejectedCount > 0) {
        report.imported = 0;
    }
    return {};
}

/// The project file opened for an import: one transaction on the target table, rolled back
/// unless committed.
struct ImportTarget {
    GDALDatasetUniquePtr project;
    std::unique_ptr<gdal::TransactionGuard> guard; // destroyed before the dataset it guards
    OGRLayer* table = nullptr;
    std::vector<int> indices;
    Crs crs;
};

Result<ImportTarget> openTarget(const fs::path& projectPath, const LayerDef& target) {
    auto projectFile = gdal::openProjectFile(projectPath, true);
    if (!projectFile) {
        return std::unexpected(projectFile.error());
    }
    ImportTarget opened;
    opened.project = std::move(projectFile->dataset);
    opened.crs = projectFile->crs;
    auto srs = gdal::makeSrs(opened.crs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    gdal::ErrorCapture errors;
    if (opened.project->StartTransaction(TRUE) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot start a transaction (file locked?)",
                    projectPath.string(), errors.last());
    }
    opened.guard = std::make_unique<gdal::TransactionGuard>(*opened.project);
    auto table = gdal::ensureThematicLayer(*opened.project, target, **srs);
    if (!table) {
        return std::unexpected(table.error());
    }
    opened.table = *table;
    opened.indices = gdal::fieldIndices(**table, target);
    return opened;
}

/// Adds a feature (no id) or, with `overwrite`, replaces the row of its id.
Result<void> writeTo(ImportTarget& target, const Feature& feature, const LayerDef& def,
                     const fs::path& projectPath, bool overwrite = false) {
    if (auto ok = gdal::writeFeature(*target.table, target.indices, feature, def.table, overwrite); !ok) {
        Error error = ok.error();
        error.where = gdal::displayName(projectPath) + ": " + error.where;
        return std::unexpected(error);
    }
    return {};
}

/// An import that looks for duplicates first: everything is read into memory, compared with
/// the layer's features on disk, then added and merged in one transaction.
Result<ImportReport> importWithDuplicates(const fs::path& projectPath, const LayerCatalog& catalog,
                                          const LayerDef& target, const fs::path& source,
                                          const ImportOptions& options, Progress& progress) {
    auto existing = openProject(projectPath, LayerCatalog{{target}, catalog.directory}, progress);
    if (!existing) {
        return std::unexpected(existing.error());
    }
    auto read = readForImport(catalog, source, options, existing->crs, progress);
    if (!read) {
        return std::unexpected(read.error());
    }
    ImportReport report = read->report;
    if (options.strict && report.rejectedCount > 0) {
        return report;
    }
    const std::vector<Feature>& features = existing->layers.front().features();
    auto matches = findImportDuplicates(target, features, *read, options.mergeRadius,
                                        report.duplicates, progress);
    if (!matches) {
        return std::unexpected(matches.error());
    }
    const auto action = options.duplicates == DuplicateMode::Merge ? DuplicateAction::Merge : DuplicateAction::Skip;
    auto resolved = resolveDuplicates(target, features, std::move(read->features), *matches,
                                      std::vector<DuplicateAction>(matches->size(), action));
    report.imported = static_cast<std::int64_t>(resolved.added.size());
    report.merged = static_cast<std::int64_t>(resolved.merged);
    report.skipped = static_cast<std::int64_t>(resolved.skipped);

    auto opened = openTarget(projectPath, target);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    for (const Feature& feature : resolved.added) {
        if (auto ok = writeTo(*opened, feature, target, projectPath); !ok) {
            return std::unexpected(ok.error());
        }
    }
    for (const Feature& feature : resolved.updated) {
        if (auto ok = writeTo(*opened, feature, target, projectPath, true); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (progress.isCancelled()) {
        return fail(ErrorCode::Cancelled, "import cancelled; nothing was imported", gdal::displayName(source));
    }
    if (auto saved = gdal::commitAndClose(std::move(opened->project), *opened->guard, projectPath); !saved) {
        return std::unexpected(saved.error());
    }
    return report;
}

} // namespace

Result<std::vector<DuplicateMatch>> findImportDuplicates(const LayerDef& layer,
                                                         const std::vector<Feature>& existing,
                                                         const ImportedFeatures& read, double radius,
                                                         std::vector<DuplicateRow>& rows,
                                                         Progress& progress) {
    auto matches = findDuplicates(layer, existing, read.features, radius, progress);
    if (!matches) {
        return matches;
    }
    rows.clear();
    for (const DuplicateMatch& match : *matches) {
        rows.push_back(DuplicateRow{read.rows.at(match.incoming), match.existing,
                                    match.earlier ? read.rows.at(*match.earlier) : 0, match.distance});
    }
    return matches;
}

Result<ImportedFeatures> readForImport(const LayerCatalog& catalog, const fs::path& source,
                                       const ImportOptions& options, const Crs& projectCrs,
                                       Progress& progress) {
    ImportedFeatures result;
    auto effective = effectiveOptions(catalog, source, options, result.report.notes);
    if (!effective) {
        return std::unexpected(effective.error());
    }
    auto target = findTarget(catalog, *effective, source);
    if (!target) {
        return std::unexpected(target.error());
    }
    auto reader = gdal::SourceReader::open(source, **target, projectCrs, *effective, result.report);
    if (!reader) {
        return std::unexpected(reader.error());
    }
    auto read = readRows(*reader, source, *effective, result.report, progress,
                         [&](const Feature& feature, std::int64_t row) -> Result<void> {
                             result.features.push_back(feature);
                             result.features.back().id = kNoFeatureId;
                             result.rows.push_back(row);
                             return {};
                         });
    if (!read) {
        return std::unexpected(read.error());
    }
    if (result.report.imported == 0) {
        result.features.clear(); // a strict import with rejections brings nothing
        result.rows.clear();
    }
    return result;
}

Result<ImportReport> importIntoProject(const fs::path& projectPath, const LayerCatalog& catalog,
                                       const fs::path& source, const ImportOptions& options,
                                       Progress& progress) {
    ImportReport report;
    auto effective = effectiveOptions(catalog, source, options, report.notes);
    if (!effective) {
        return std::unexpected(effective.error());
    }
    auto found = findTarget(catalog, *effective, projectPath);
    if (!found) {
        return std::unexpected(found.error());
    }
    const LayerDef& target = **found;
    if (options.duplicates != DuplicateMode::Keep) {
        return importWithDuplicates(projectPath, catalog, target, source, options, progress);
    }
    auto opened = openTarget(projectPath, target);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    auto reader = gdal::SourceReader::open(source, target, opened->crs, *effective, report);
    if (!reader) {
        return std::unexpected(reader.error());
    }
    const std::string geometryColumn = opened->table->GetGeometryColumn();
    const bool bulkIndex = reader->expectedRows() >= kBulkIndexThreshold;
    if (bulkIndex) {
        std::string sql = "SELECT DisableSpatialIndex('" + target.table + "', '" + geometryColumn + "')";
        opened->project->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    }
    auto written = readRows(*reader, source, *effective, report, progress,
                            [&](const Feature& feature, std::int64_t) {
                                return writeTo(*opened, feature, target, projectPath);
                            });
    if (!written) {
        return std::unexpected(written.error());
    }
    if (options.strict && report.rejectedCount > 0) {
        return report; // the guard rolls back: nothing of a strict import that failed lands
    }
    if (bulkIndex) {
        std::string sql = "SELECT CreateSpatialIndex('" + target.table + "', '" + geometryColumn + "')";
        opened->project->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    }
    if (auto saved = gdal::commitAndClose(std::move(opened->project), *opened->guard, projectPath); !saved) {
        return std::unexpected(saved.error());
    }
    return report;
}

} // namespace trygg
