#pragma once
// Exporting a project for people outside the planning team: a shapefile package for
// consultants (one file per layer and geometry type, short stable field names, codes and
// labels, a data dictionary), a GeoPackage with QGIS styles, GeoJSON and CSV. Every export
// goes through a privacy profile that decides which fields, layers and photos may leave the
// municipality; the report's log says what was left out and why.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

enum class ExportFormat {
    Shapefile,  ///< a folder (or .zip) of shapefiles with datakatalog.csv and LASMIG.txt
    GeoPackage, ///< one .gpkg with full field names, value-list domains and QGIS styles
    GeoJson,    ///< a folder of one .geojson per layer, WGS 84 (RFC 7946)
    Csv,        ///< a folder of one .csv per layer, geometry as a WKT column
    Kml,        ///< one .kml (Google Earth), a Folder per layer, styled, WGS 84
    Gpx,        ///< one .gpx: walk routes as tracks, observations as waypoints, WGS 84
    Dxf,        ///< one .dxf (CAD): a DXF layer per layer (measures also per status)
};

/// Who the export is for; decides what may leave the municipality.
enum class PrivacyProfile {
    Internal,   ///< everything
    Consultant, ///< no field flagged personal (reporter, contact)
    Public,     ///< observations only as counts per hexagon, no free text, no personal data
};

/// "shp", "gpkg", "geojson", "csv", "kml", "gpx", "dxf" (also "shapefile", "geopackage",
/// "json").
std::optional<ExportFormat> parseExportFormat(std::string_view name);
std::string_view exportFormatName(ExportFormat format);

/// "internal", "consultant", "public".
std::optional<PrivacyProfile> parsePrivacyProfile(std::string_view name);
std::string_view privacyProfileName(PrivacyProfile profile);

struct ExportOptions {
    ExportFormat format = ExportFormat::Shapefile;
    /// The safest profile that still serves the usual reader of an export.
    PrivacyProfile profile = PrivacyProfile::Consultant;
    /// Layers to export; empty: the thematic layers and lighting results that have features
    /// (never the base map unless named).
    std::vector<std::string> layers;
    /// Target CRS; empty: the project's. GeoJSON (RFC 7946), KML and GPX are always WGS 84.
    std::optional<Crs> crs;
    /// A folder (shapefile, GeoJSON, CSV), a .zip (shapefile with `zip`) or one file (.gpkg,
    /// .kml, .gpx, .dxf).
    std::filesystem::path output;
    /// Shapefiles only: one .zip instead of a folder.
    bool zip = false;
    /// Language of value labels and of the data dictionary's first column ("sv" or "en").
    std::string language = "sv";
    /// Public profile: width of a hexagonal cell across its flat sides, in metres.
    double cellSize = 75.0;
    /// Public profile: cells with fewer observations than this are left out.
    int minCount = 3;
    /// Replace an existing output (never the project file itself).
    bool overwrite = false;
    /// Take the photos of the exported features along (never under profile public): the
    /// originals for internal use, without EXIF (GPS, camera, time) for a consultant. Folder
    /// formats put them in a folder "foton" and KML, GPX and DXF in a folder "<name>_foton"
    /// beside the file, each feature linking to its photos in a column "foton"; a GeoPackage
    /// holds them in its table trygg_foto.
    bool photos = true;
    /// The project file that holds the bytes of photos not in memory; empty: the project
    /// file exportProject is given.
    std::filesystem::path photoSource;
};

/// One table or file written and how many features it holds.
struct ExportedTable {
    std::string layer; ///< the project layer it comes from
    std::string name;  ///< file or table name ("atgarder_punkt.shp", "observationer")
    std::int64_t features = 0;
};

struct ExportReport {
    std::filesystem::path output;
    /// Every file written, relative to `output` for folders and zips ("foton/a.jpg"); the
    /// file itself for a one-file format (GeoPackage, KML, GPX, DXF), then its photos
    /// relative to the file's folder ("plan_foton/a.jpg").
    std::vector<std::string> files;
    std::vector<ExportedTable> tables;
    /// What was left out, split or changed, and why, in English.
    std::vector<std::string> log;
    std::int64_t photosWritten = 0;
    /// Photos of exported layers that did not go (profile public, not asked for, unreadable).
    std::int64_t photosLeftOut = 0;
};

/// Exports `project` (opened from `projectFile`) as `options` ask. The output appears
/// complete or not at all: it is written beside the target and renamed into place, and a
/// failure or a cancel through `progress` leaves nothing behind.
Result<ExportReport> exportProject(const Project& project, const std::filesystem::path& projectFile,
                                   const ExportOptions& options,
                                   Progress& progress = Progress::none());

} // namespace trygg
