#include "tryggkarta/io/importer.h"

#include "gdal_util.h"
#include "project_schema.h"
#include "source_reader.h"

namespace trygg {
namespace {

/// Below this many rows the R-tree is kept up to date row by row; above it, it is dropped for
/// the import and rebuilt in one pass, which is several times faster for large imports.
constexpr std::uint64_t kBulkIndexThreshold = 50000;


} // namespace

Result<ImportReport> importIntoProject(const std::filesystem::path& projectPath,
                                       const LayerCatalog& catalog,
                                       const std::filesystem::path& source,
                                       const ImportOptions& options, Progress& progress) {
    const LayerDef* target = catalog.find(options.targetLayer);
    if (target == nullptr) {
        std::string names;
        for (const auto& def : catalog.layers) {
            names += (names.empty() ? "" : ", ") + def.table;
        }
        return fail(ErrorCode::NotFound,
                    "no layer '" + options.targetLayer + "' (layers: " + names + ")",
                    gdal::displayName(projectPath));
    }
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

    progress.setStage("import");
    Feature feature;
    RejectedRow rejected;
    bool writing = true;
    for (;;) {
        auto outcome = reader->next(feature, rejected);
        if (outcome == gdal::SourceReader::Outcome::End) {
            break;
        }
        ++report.rowsRead;
        if (outcome == gdal::SourceReader::Outcome::Rejected) {
            ++report.rejectedCount;
            if (report.rejected.size() < kMaxListedRejections) {
                report.rejected.push_back(rejected);
            }
            writing = writing && !options.strict;
        } else if (writing) {
            if (auto ok = gdal::writeFeature(**table, indices, feature, target->table); !ok) {
                Error error = ok.error();
                error.where = gdal::displayName(projectPath) + ": " + error.where;
                return std::unexpected(error);
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
