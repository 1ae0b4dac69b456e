#include "lighting_command.h"

#include "tryggkarta/analysis/illuminance_grid.h"
#include "tryggkarta/analysis/lighting_results.h"
#include "tryggkarta/core/defaults.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/raster_writer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace trygg::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
constexpr double kRasterMargin = 30.0; // metres around the paths when no extent is given

double rounded(double value) { return std::round(value * 100.0) / 100.0; }

json classesJson(const LightingModel& model, const LightingScenario& scenario) {
    json list = json::array();
    for (const ClassSummary& c : scenario.classes) {
        const LightingClass& cls = model.network.table.classes[c.classIndex];
        list.push_back({{"class", cls.name},
                        {"required_average_lux", cls.averageLux},
                        {"required_minimum_lux", rounded(cls.pointMinimum())},
                        {"metres", rounded(c.metres)},
                        {"under_lit_metres", rounded(c.underLitMetres)},
                        {"over_lit_metres", rounded(c.overLitMetres)},
                        {"worst_minimum_lux", rounded(c.worstMinimum)}});
    }
    return list;
}

json scenarioJson(const LightingModel& model, const LightingScenario& s) {
    return {{"scenario", s.withPlanned ? "with_planned" : "current"},
            {"classes", classesJson(model, s)},
            {"metres", rounded(s.metres)},
            {"under_lit_metres", rounded(s.underLitMetres)},
            {"dark_gaps", s.paths.gaps.size()},
            {"dark_metres", rounded(s.darkMetres)},
            {"observations", s.observations.size()},
            {"observations_lit", s.observationsLit}};
}

json summaryJson(const LightingRun& run, const std::string& tablePath, double factor) {
    std::size_t on = 0;
    for (const Luminaire& l : run.model.luminaires.luminaires) {
        on += l.isOn() ? 1 : 0;
    }
    json out = {{"class_table", tablePath},
                {"maintenance_factor", factor},
                {"luminaires", {{"total", run.model.luminaires.luminaires.size()},
                                {"working", on},
                                {"planned", run.model.planned.size()}}},
                {"current", scenarioJson(run.model, run.current)},
                {"notes", run.model.luminaires.notes}};
    if (run.planned && run.comparison) {
        const LightingComparison& c = *run.comparison;
        out["with_planned"] = scenarioJson(run.model, *run.planned);
        out["comparison"] = {{"under_lit_metres_before", rounded(c.underLitBefore)},
                             {"under_lit_metres_after", rounded(c.underLitAfter)},
                             {"dark_gaps_before", c.gapsBefore},
                             {"dark_gaps_after", c.gapsAfter},
                             {"dark_gaps_closed", c.gapsClosed},
                             {"observations_lit_before", c.observationsLitBefore},
                             {"observations_lit_after", c.observationsLitAfter},
                             {"observations_now_lit", c.observationsNowLit}};
    }
    return out;
}

void printScenario(const LightingModel& model, const LightingScenario& s, const char* title) {
    std::printf("%s\n  %-6s %10s %12s %11s %14s\n", title, "class", "metres", "under-lit m",
                "over-lit m", "worst min lx");
    for (const ClassSummary& c : s.classes) {
        std::printf("  %-6s %10.0f %12.0f %11.0f %14.2f\n",
                    model.network.table.classes[c.classIndex].name.c_str(), c.metres,
                    c.underLitMetres, c.overLitMetres, c.worstMinimum);
    }
    std::printf("  %zu dark gaps, %.0f m; %zu of %zu observations about light are lit\n",
                s.paths.gaps.size(), s.darkMetres, s.observationsLit, s.observations.size());
}

void printSummary(const LightingRun& run) {
    printScenario(run.model, run.current, "Current lighting:");
    if (run.planned && run.comparison) {
        printScenario(run.model, *run.planned, "With the planned lamps:");
        const LightingComparison& c = *run.comparison;
        std::printf("Planned lamps: under-lit %.0f m -> %.0f m, %zu of %zu dark gaps closed, "
                    "%zu observations now lit\n",
                    c.underLitBefore, c.underLitAfter, c.gapsClosed, c.gapsBefore,
                    c.observationsNowLit);
    }
    for (const std::string& note : run.model.luminaires.notes) {
        std::cerr << "note: " << note << '\n';
    }
}

Box rasterArea(const LightingRun& run) {
    Box area = emptyBox();
    for (const NetworkLine& line : run.model.network.lines) {
        expand(area, envelope(Geometry(line.line)));
    }
    if (isEmpty(area)) {
        return area;
    }
    return Box{Point{area.min_corner().x() - kRasterMargin, area.min_corner().y() - kRasterMargin},
               Point{area.max_corner().x() + kRasterMargin, area.max_corner().y() + kRasterMargin}};
}

Result<void> writeResults(const fs::path& path, Project& project, const LightingRun& run) {
    ChangeSet changes;
    for (auto& [name, features] : lightingResultLayers(project, run, currentContext().now)) {
        replaceFeatures(project, *project.layer(name), std::move(features), changes);
    }
    return saveChanges(path, project, changes);
}

} // namespace

void LightingCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "lighting", "Light along the paths against their classes, dark gaps, what-if with planned lamps");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_option("--class-table", m_classTable,
                      "Lighting classes per path (default: photometry/belysningsklasser.json "
                      "beside the layer definitions)");
    m_app->add_flag("--with-planned", m_withPlanned,
                    "Also compute with the planned lamps and compare before and after");
    m_app->add_option("--raster", m_raster, "Write the lux field as GeoTIFF");
    m_app->add_option("--cell", m_cell, "Raster cell size in metres")
        ->capture_default_str()
        ->check(CLI::Range(0.05, 100.0));
    m_app->add_option("--extent", m_extent,
                      "Raster area minx,miny,maxx,maxy in the project's CRS (default: the paths "
                      "and 30 m around)");
    m_app->add_option("--maintenance-factor", m_maintenanceFactor, "Maintenance factor")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 1.0));
    m_app->add_flag("--json", m_json, "Print the summary as JSON");
}

int LightingCommand::run(const GlobalOptions& global) {
    auto extentGiven = extentOption(m_extent);
    if (!extentGiven) {
        return report(extentGiven.error());
    }
    const std::optional<Box> extent = *extentGiven;
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    const fs::path data = catalog->directory / std::string(kLightingDataFolder);
    const fs::path tablePath =
        m_classTable.empty() ? data / std::string(kDefaultClassTableFile) : fs::path(m_classTable);
    auto table = readLightingClassTable(tablePath);
    if (!table) {
        return report(table.error());
    }
    TerminalProgress progress;
    auto project = openProject(m_path, *catalog, progress);
    if (!project) {
        progress.finish();
        return report(project.error());
    }
    LuminaireOptions luminaires;
    luminaires.projectFile = m_path;
    luminaires.profileFolders = {data};
    LightingOptions options;
    options.maintenanceFactor = m_maintenanceFactor;
    auto run = runLightingAnalysis(*project, std::move(*table), luminaires, options,
                                   m_withPlanned, progress);
    if (!run) {
        progress.finish();
        return report(run.error());
    }
    if (!m_raster.empty()) {
        const Box area = extent ? *extent : rasterArea(*run);
        if (isEmpty(area)) {
            progress.finish();
            return report(Error{ErrorCode::Usage, "the project has no paths; give --extent",
                                m_path, {}});
        }
        progress.setStage("lux raster");
        const LuminaireIndex index = lightingIndex(run->model, m_withPlanned);
        auto grid = illuminanceGrid(area, m_cell, index, m_maintenanceFactor, progress);
        if (!grid) {
            progress.finish();
            return report(grid.error());
        }
        progress.setStage("writing the raster");
        auto written = writeIlluminanceGeoTiff(m_raster, grid->extent, grid->cellSize,
                                               grid->columns, grid->rows, grid->lux,
                                               project->crs, progress);
        if (!written) {
            progress.finish();
            return report(written.error());
        }
    }
    progress.setStage("saving the results");
    auto saved = writeResults(m_path, *project, *run);
    progress.finish();
    if (!saved) {
        return report(saved.error());
    }
    if (m_json) {
        std::cout << summaryJson(*run, tablePath.string(), m_maintenanceFactor).dump(2) << '\n';
    } else {
        printSummary(*run);
        std::printf("Wrote %zu stretches, %zu dark gaps and %zu observations to %s%s%s\n",
                    run->shown().paths.segments.size(), run->shown().paths.gaps.size(),
                    run->shown().observations.size(), m_path.c_str(),
                    m_raster.empty() ? "" : " and the lux raster to ", m_raster.c_str());
    }
    return kExitOk;
}

} // namespace trygg::cli
