#include "heatmap_command.h"

#include "tryggkarta/analysis/heatmap.h"
#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/document/heat_raster.h"

#include <cmath>
#include <cstdio>

namespace trygg::cli {
namespace {

namespace fs = std::filesystem;

/// The error with the project file in front of what it concerns (a field, a filter word).
Error inProject(Error error, const std::string& path) {
    error.where = error.where.empty() ? path : path + ": " + error.where;
    return error;
}

/// The radius asked for, or Silverman's rule's rounded to 0.1 m: printed as used, so that the
/// run can be repeated with --radius.
Result<double> chooseRadius(double asked, const ObservationPoints& taken, const std::string& path) {
    if (asked > 0.0) {
        return asked;
    }
    const double radius = std::round(silvermanRadius(taken.points) * 10.0) / 10.0;
    if (!(radius > 0.0)) {
        return fail(ErrorCode::Usage,
                    "Silverman's rule needs observations at two places at least; give --radius",
                    path);
    }
    std::printf("Radius %.1f m (Silverman's rule)\n", radius);
    return radius;
}

void printCounts(const ObservationPoints& taken) {
    std::printf("Heat map of %zu observations", taken.points.size());
    if (taken.withoutGeometry > 0) {
        std::printf(", %zu without a place left out", taken.withoutGeometry);
    }
    if (taken.withoutWeight > 0) {
        std::printf(", %zu with an empty weight counted as 0", taken.withoutWeight);
    }
    std::printf("\n");
}

} // namespace

void HeatmapCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "heatmap", "Heat map (kernel density) of the observations as a GeoTIFF, as QGIS makes it");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app
        ->add_option("--radius", m_radius,
                     "How far each observation reaches, in metres (default: Silverman's rule)")
        ->check(CLI::PositiveNumber);
    m_app->add_option("--pixel", m_pixel, "Cell size in metres")
        ->required()
        ->check(CLI::PositiveNumber);
    m_app->add_option("--kernel", m_kernel, "Kernel shape")
        ->capture_default_str()
        ->check(CLI::IsMember({"quartic", "triangular", "uniform", "triweight", "epanechnikov"},
                              CLI::ignore_case));
    m_app->add_flag("--scaled", m_scaled,
                    "Scaled output (the kernel times its normalising constant) instead of raw");
    m_app->add_option("--weight", m_weight,
                      "A numeric field to weigh each observation by, e.g. kansla (empty counts 0)");
    addWhereOption(*m_app, m_where);
    m_app->add_option("-o,--output", m_output, "The GeoTIFF to write (.tif)")->required();
}

int HeatmapCommand::run(const GlobalOptions& global) {
    HeatmapOptions options;
    options.pixelSize = m_pixel;
    options.kernel = parseKernel(m_kernel).value_or(Kernel::Quartic);
    options.scaled = m_scaled;
    TerminalProgress progress;
    auto project = openWithCatalog(global, m_path, progress);
    const Layer* observations = project ? project->layer(kObservationLayer) : nullptr;
    if (!project || observations == nullptr) {
        progress.finish();
        return report(
            project ? Error{ErrorCode::NotFound, "the project has no observation layer", m_path, {}}
                    : project.error());
    }
    auto taken = selectObservations(*observations, m_where, m_weight);
    if (!taken || taken->points.empty()) {
        progress.finish();
        return report(taken ? Error{ErrorCode::Usage,
                                    "no observation with a place matches",
                                    m_path + (m_where.empty() ? "" : ": --where " + m_where),
                                    {}}
                            : inProject(taken.error(), m_path));
    }
    auto radius = chooseRadius(m_radius, *taken, m_path);
    if (!radius) {
        progress.finish();
        return report(radius.error());
    }
    options.radius = *radius;
    auto grid = heatmap(taken->points, taken->weights, options, progress);
    auto written = grid ? writeHeatmapGeoTiff(m_output, *grid, options, project->crs, progress)
                        : Result<void>(std::unexpected(inProject(grid.error(), m_path)));
    progress.finish();
    if (!written) {
        return report(written.error());
    }
    printCounts(*taken);
    std::printf("Wrote %zu × %zu cells of %g m (%s, radius %g m%s) to %s\n", grid->columns,
                grid->rows, options.pixelSize, std::string(kernelName(options.kernel)).c_str(),
                options.radius, options.scaled ? ", scaled" : "", m_output.c_str());
    return kExitOk;
}

} // namespace trygg::cli
