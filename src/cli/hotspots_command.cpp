#include "hotspots_command.h"

#include "tryggkarta/analysis/hotspot_results.h"
#include "tryggkarta/core/defaults.h"
#include "tryggkarta/io/export.h"
#include "tryggkarta/io/project_store.h"

#include <cstdio>

namespace trygg::cli {
namespace {

namespace fs = std::filesystem;

void printSummary(const HexagonStatistics& stats) {
    const auto bins = stats.binCounts();
    std::printf("Hot spots of %s observations in %g m cells%s%s\n",
                stats.options.value == HotSpotValue::Unsafe ? "unsafe" : "all selected",
                stats.grid.width(),
                stats.selection.empty() ? "" : ", selection: ", stats.selection.c_str());
    std::printf("  %zu cells, %zu observations counted", stats.cells.size(), stats.observations);
    if (stats.outside > 0 || stats.withoutGeometry > 0) {
        std::printf(" (%zu outside the area, %zu without a place left out)", stats.outside,
                    stats.withoutGeometry);
    }
    std::printf("\n  hot 99 %%: %zu, 95 %%: %zu, 90 %%: %zu\n", bins[6], bins[5], bins[4]);
    std::printf("  cold 99 %%: %zu, 95 %%: %zu, 90 %%: %zu\n", bins[0], bins[1], bins[2]);
    std::printf("  not significant: %zu%s\n", bins[3],
                stats.options.falseDiscoveryRate ? " (false-discovery-rate corrected)" : "");
}

/// The cells as a one-layer GeoPackage, through the export writer (styles and value lists
/// included, so QGIS shows the classes as the app does).
Result<void> writeCells(const fs::path& projectFile, const fs::path& output, bool overwrite,
                        const Project& project, std::vector<Feature> cells, Progress& progress) {
    Project written;
    written.crs = project.crs;
    written.layers.emplace_back(project.layer(kHotSpotLayer)->definition(), std::move(cells));
    ExportOptions options;
    options.format = ExportFormat::GeoPackage;
    options.profile = PrivacyProfile::Internal;
    options.layers = {std::string(kHotSpotLayer)};
    options.output = output;
    options.overwrite = overwrite;
    options.photos = false;
    progress.setStage("writing the cells");
    auto report = exportProject(written, projectFile, options, progress);
    if (!report) {
        return std::unexpected(report.error());
    }
    return {};
}

Result<void> saveCells(const fs::path& path, Project& project, std::vector<Feature> cells) {
    ChangeSet changes;
    replaceFeatures(project, *project.layer(kHotSpotLayer), std::move(cells), changes);
    return saveChanges(path, project, changes);
}

} // namespace

void HotspotsCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "hotspots", "Observations per hexagonal cell, hot and cold spots (Getis-Ord Gi*)");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app
        ->add_option("--cell-size", m_cellSize,
                     "Cell width in metres, between opposite sides of the hexagon")
        ->capture_default_str()
        ->check(CLI::Range(1.0, 100000.0));
    addWhereOption(*m_app, m_where);
    m_app
        ->add_option("--value", m_value,
                     "What the hot spots are computed on: antal (all selected observations) "
                     "or otrygga (the unsafe ones)")
        ->capture_default_str()
        ->check(CLI::IsMember({"antal", "otrygga"}));
    m_app->add_option("--band", m_band,
                      "Neighbourhood: cells whose centres lie within this many metres (default: "
                      "the six neighbouring cells)");
    m_app->add_flag("--no-fdr", m_noFdr,
                    "Classes without the false-discovery-rate correction (more cells marked, "
                    "more of them by chance)");
    m_app->add_option("--extent", m_extent,
                      "The area minx,miny,maxx,maxy in the project's CRS (default: the selected "
                      "observations) and one ring of cells around it; observations beyond are "
                      "left out");
    m_app->add_option("-o,--output", m_output, "Write the cells to this GeoPackage (.gpkg)");
    m_app->add_flag("--overwrite", m_overwrite, "Replace an existing --output file");
    m_app->add_flag(
        "--save", m_save,
        "Store the cells in the project (layer hotspot_celler), replacing earlier ones");
}

int HotspotsCommand::run(const GlobalOptions& global) {
    auto extent = extentOption(m_extent);
    if (!extent) {
        return report(extent.error());
    }
    HexagonOptions options;
    options.cellSize = m_cellSize;
    options.value = parseHotSpotValue(m_value).value_or(HotSpotValue::Count);
    options.distanceBand = m_band;
    options.falseDiscoveryRate = !m_noFdr;
    options.extent = *extent;
    options.where = m_where;
    TerminalProgress progress;
    auto project = openWithCatalog(global, m_path, progress);
    if (!project) {
        progress.finish();
        return report(project.error());
    }
    const Layer* observations = project->layer(kObservationLayer);
    if (observations == nullptr || project->layer(kHotSpotLayer) == nullptr) {
        progress.finish();
        return report(Error{ErrorCode::NotFound,
                            "the layer definitions lack observationer or hotspot_celler",
                            m_path,
                            {}});
    }
    auto stats = hexagonStatistics(*observations, options, progress);
    if (!stats) {
        progress.finish();
        Error error = stats.error();
        error.where = error.where.empty() ? m_path : m_path + ": " + error.where;
        return report(error);
    }
    std::vector<Feature> cells =
        hotSpotFeatures(project->layer(kHotSpotLayer)->definition(), *stats, currentContext().now);
    Result<void> done;
    if (!m_output.empty()) {
        done = writeCells(m_path, m_output, m_overwrite, *project, cells, progress);
    }
    if (done && m_save) {
        progress.setStage("saving the cells");
        done = saveCells(m_path, *project, std::move(cells));
    }
    progress.finish();
    if (!done) {
        return report(done.error());
    }
    printSummary(*stats);
    if (!m_output.empty()) {
        std::printf("Wrote %zu cells to %s (layer %s)\n", stats->cells.size(), m_output.c_str(),
                    std::string(kHotSpotLayer).c_str());
    }
    if (m_save) {
        std::printf("Stored %zu cells in %s (layer %s)\n", stats->cells.size(), m_path.c_str(),
                    std::string(kHotSpotLayer).c_str());
    }
    return kExitOk;
}

} // namespace trygg::cli
