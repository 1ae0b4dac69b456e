#include "tryggkarta/io/importer.h"

#include "gdal_util.h"
#include "project_schema.h"
#include "source_reader.h"

namespace trygg {
namespace {

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

/// Reads every row, counting and listing rejections; `accept` takes each good feature and
/// may fail (a write error), which ends the import.
template <typename Accept>
Result<void> readRows(gdal::SourceReader& reader, const std::filesystem::path& source,
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
            if (auto ok = accept(feature); !ok) {
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
    progress.update(static_cast<std::uint64_t>(report.rowsRead),
                    std::max<std::uint64_t>(expected, static_cast<std::uint64_t>(report.rowsRead)));
    if (options.strict && report.rejectedCount > 0) {
        report.imported = 0;
    }
    return {};
}

} // namespace

Result<ImportedFeatures> readForImport(const LayerCatalog& catalog,
                                       const std::filesystem::path& source,
                                       const ImportOptions& options, const Crs& projectCrs,
                                       Progress& progress) {
    auto target = findTarget(catalog, options, source);
    if (!target) {
        return std::unexpected(target.error());
    }
    ImportedFeatures result;
    auto reader = gdal::SourceReader::open(source, **target, projectCrs, options, result.report);
    if (!reader) {
        return std::unexpected(reader.error());
    }
    auto read = readRows(*reader, source, options, result.report, progress,
                         [&](const Feature& feature) -> Result<void> {
                             result.features.push_back(feature);
                             result.features.back().id = kNoFeatureId;
                             return {};
                         });
    if (!read) {
        return std::unexpected(read.error());
    }
    if (result.report.imported == 0) {
        result.features.clear(); // a strict import with rejections brings nothing
    }
    return result;
}

Result<ImportReport> importIntoProject(const std::filesystem::path& projectPath,
                                       const LayerCatalog& catalog,
                                       const std::filesystem::path& source,
                                       const ImportOptions& options, Progress& progress) {
    auto found = findTarget(catalog, options, projectPath);
    if (!found) {
        return std::unexpected(found.error());
    }
    const LayerDef* target = *found;
    auto projectFile = gdal::openProjectFile(projectPath, true);
    if (!projectFile) {
        return std::unexpected(projectFile.error());
    }
    GDALDatasetUniquePtr project = std::move(projectFile->dataset);
    const Crs projectCrs = projectFile->crs;

    ImportReport report;
    auto reader = gdal::SourceReader::open(source, *target, projectCrs, options, report);
    if (!reader) {
        return std::unexpected(reader.error());
    }
    auto srs = gdal::makeSrs(projectCrs);
    if (!srs) {
        return std::unexpected(srs.error());
    }

    gdal::ErrorCapture errors;
    if (project->StartTransaction(TRUE) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot start a transaction (file locked?)",
                    projectPath.string(), errors.last());
    }
    gdal::TransactionGuard guard{*project};
    auto table = gdal::ensureThematicLayer(*project, *target, **srs);
    if (!table) {
        return std::unexpected(table.error());
    }
    auto indices = gdal::fieldIndices(**table, *target);
    const std::uint64_t expected = reader->expectedRows();
    const std::string geometryColumn = (*table)->GetGeometryColumn();
    const bool bulkIndex = expected >= kBulkIndexThreshold;
    if (bulkIndex) {
        std::string sql = "SELECT DisableSpatialIndex('" + target->table + "', '" + geometryColumn + "')";
        project->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    }

    auto written = readRows(*reader, source, options, report, progress,
                            [&](const Feature& feature) -> Result<void> {
                                if (auto ok = gdal::writeFeature(**table, indices, feature, target->table); !ok) {
                                    Error error = ok.error();
                                    error.where = gdal::displayName(projectPath) + ": " + error.where;
                                    return std::unexpected(error);
                                }
                                return {};
                            });
    if (!written) {
        return std::unexpected(written.error());
    }
    if (options.strict && report.rejectedCount > 0) {
        return report; // the guard rolls back: nothing of a strict import that failed lands
    }
    if (bulkIndex) {
        std::string sql = "SELECT CreateSpatialIndex('" + target->table + "', '" + geometryColumn + "')";
        project->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    }
    if (auto saved = gdal::commitAndClose(std::move(project), guard, projectPath); !saved) {
        return std::unexpected(saved.error());
    }
    return report;
}

} // namespace trygg
