#include "export_command.h"

#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/export.h"
#include "tryggkarta/io/project_store.h"

#include <iostream>

namespace trygg::cli {
namespace {

Error usage(std::string message, std::string where = {}) {
    return Error{ErrorCode::Usage, std::move(message), std::move(where), {}};
}

} // namespace

void ExportCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "export",
        "Export layers as a shapefile package, GeoPackage with QGIS styles, GeoJSON, CSV, KML "
        "(Google Earth), GPX (walk routes and observations) or DXF (CAD)");
    m_app->add_option("project", m_project, "The project file (.gpkg)")->required();
    m_app
        ->add_option("--format", m_format,
                     "shp (default), gpkg, geojson, csv, kml (WGS 84, styled), gpx (walks as "
                     "tracks, observations as waypoints) or dxf (a CAD layer per layer)")
        ->check(CLI::IsMember({"shp", "gpkg", "geojson", "csv", "kml", "gpx", "dxf"}));
    m_app
        ->add_option("--profile", m_profile,
                     "Privacy profile: internal (everything), consultant (default: no personal "
                     "data) or public (observations as counts per hexagon, no free text)")
        ->check(CLI::IsMember({"internal", "consultant", "public"}));
    m_app
        ->add_option("--output", m_output,
                     "Folder (shp, geojson, csv), .zip (shp with --zip) or file (.gpkg, .kml, "
                     ".gpx, .dxf) to write")
        ->required();
    m_app->add_option("--layers", m_layers,
                      "Layers to export, comma-separated (default: the thematic layers and "
                      "lighting results that have features)");
    m_app->add_option("--crs", m_crs,
                      "Coordinate system to write (default: the project's), e.g. EPSG:3016");
    m_app->add_flag("--zip", m_zip, "Shapefiles: write one .zip instead of a folder");
    m_app->add_option("--lang", m_language, "Language of value labels: sv (default) or en")
        ->check(CLI::IsMember({"sv", "en"}));
    m_app->add_option("--cell", m_cellSize, "Public profile: hexagon width in metres (default 75)")
        ->check(CLI::PositiveNumber);
    m_app
        ->add_option("--min-count", m_minCount,
                     "Public profile: cells with fewer observations are left out (default 3)")
        ->check(CLI::Range(1, 1000000));
    m_app
        ->add_option("--photos", m_photos,
                     "Take the photos of the exported features along: yes (default; without "
                     "EXIF for consultant, never for public) or no")
        ->check(CLI::IsMember({"yes", "no"}));
    m_app->add_flag("--overwrite", m_overwrite, "Replace an existing output");
}

int ExportCommand::run(const GlobalOptions& global) {
    ExportOptions options;
    options.format = *parseExportFormat(m_format);
    options.profile = *parsePrivacyProfile(m_profile);
    options.output = m_output;
    options.zip = m_zip;
    options.language = m_language;
    options.cellSize = m_cellSize;
    options.minCount = m_minCount;
    options.overwrite = m_overwrite;
    options.photos = m_photos == "yes";
    if (!m_layers.empty()) {
        for (std::string_view name : splitOn(m_layers, ',')) {
            if (name.empty()) {
                return report(usage("--layers takes names separated by commas", m_layers));
            }
            options.layers.emplace_back(name);
        }
    }
    if (!m_crs.empty()) {
        auto crs = parseCrs(m_crs);
        if (!crs) {
            Error error = crs.error();
            error.code = ErrorCode::Usage;
            return report(error);
        }
        options.crs = *crs;
    }
    if (m_zip && options.format != ExportFormat::Shapefile) {
        return report(usage("--zip is only for --format shp"));
    }
    auto project = openWithCatalog(global, m_project);
    if (!project) {
        return report(project.error());
    }
    TerminalProgress progress;
    auto result = exportProject(*project, m_project, options, progress);
    progress.finish();
    if (!result) {
        return report(result.error());
    }
    std::cout << "Wrote " << result->output.string() << " (" << exportFormatName(options.format)
              << ", profile " << privacyProfileName(options.profile) << "):\n";
    for (const ExportedTable& table : result->tables) {
        std::cout << "  " << table.name << ": " << table.features << " features (from "
                  << table.layer << ")\n";
    }
    std::cout << "Photos: " << result->photosWritten << " written, " << result->photosLeftOut
              << " left out\n";
    std::cout << "Files:\n";
    for (const std::string& file : result->files) {
        std::cout << "  " << file << '\n';
    }
    if (!result->log.empty()) {
        std::cout << "Export log:\n";
        for (const std::string& line : result->log) {
            std::cout << "  " << line << '\n';
        }
    }
    return kExitOk;
}

} // namespace trygg::cli
