#pragma once
// The format writers behind exportProject. Each writes into `target`, a fresh temporary
// folder or file that exportProject renames into place once the writer has succeeded.

#include "export_plan.h"
#include "export_writer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace trygg::exporting {

/// One shapefile per table and geometry type, datakatalog.csv and LASMIG.txt.
Result<void> writeShapefilePackage(const std::vector<ExportTable>& tables,
                                   const std::filesystem::path& folder, ExportContext& context);

/// One GeoPackage with a table per export table and their QGIS styles in layer_styles.
Result<void> writeGeoPackage(const std::vector<ExportTable>& tables,
                             const std::filesystem::path& file, ExportContext& context);

/// One .geojson per table (WGS 84, RFC 7946).
Result<void> writeGeoJson(const std::vector<ExportTable>& tables,
                          const std::filesystem::path& folder, ExportContext& context);

/// One .csv per table with a WKT column, and a .prj beside it.
Result<void> writeCsv(const std::vector<ExportTable>& tables, const std::filesystem::path& folder,
                      ExportContext& context);

/// One .kml with a Folder per table, WGS 84, a name, a description of the coded values and
/// an OGR style string per feature that the driver turns into KML styles.
Result<void> writeKml(const std::vector<ExportTable>& tables, const std::filesystem::path& file,
                      ExportContext& context);

/// One .gpx: walk routes as tracks, observations as waypoints, kept fields as extensions.
Result<void> writeGpx(const std::vector<ExportTable>& tables, const std::filesystem::path& file,
                      ExportContext& context);

/// Whether a GPX holds `table`: walk routes (vandringar) and observations as points, not
/// counts per hexagon.
bool gpxHolds(const ExportTable& table);

/// One .dxf: every feature on a DXF layer named after its table (measures also by status).
Result<void> writeDxf(const std::vector<ExportTable>& tables, const std::filesystem::path& file,
                      ExportContext& context);

/// The OGR style string (SYMBOL, PEN, BRUSH) that draws `feature` of `table` as the layer's
/// symbology does; `withBrush` false leaves polygons unfilled.
std::string ogrStyleFor(const ExportTable& table, const Feature& feature, bool withBrush = true);

/// What a person reads for `feature`: the symbology's label field, else "titel" or "namn",
/// else the first coded field's label, else empty. Only kept fields are used.
std::string featureTitle(const ExportTable& table, const Feature& feature,
                         std::string_view language);

/// "Field: value label" per kept coded field with a value, one per line.
std::string codedDescription(const ExportTable& table, const Feature& feature,
                             std::string_view language);

/// A kept value as text (codes as they are, dates in ISO 8601); empty for null.
std::string valueText(const Value& value);

/// A .zip of `files` (names relative to `folder`), stored at the root of the archive.
Result<void> zipFolder(const std::filesystem::path& folder, const std::vector<std::string>& files,
                       const std::filesystem::path& zip);

/// A QGIS style (QML) that draws `definition` with its symbology and labels in `language`.
std::string qgisStyle(const LayerDef& definition, std::string_view language);

/// Writes the ESRI form of the CRS to `file` (as a .prj beside a shapefile or CSV).
Result<void> writePrj(const Crs& crs, const std::filesystem::path& file);

/// One file of a shapefile package, for the data dictionary and the README.
struct PackageFile {
    std::string name; ///< "atgarder_punkt.shp"
    const ExportTable* table = nullptr;
    std::string geometry; ///< "Point", "LineString", "Polygon", "None"
    std::int64_t features = 0;
    std::vector<FieldColumns> columns;
    bool photoColumn = false; ///< ends with kPhotoColumn
};

/// datakatalog.csv (through GDAL's CSV driver) and LASMIG.txt for the files of a package.
Result<void> writeDataDictionary(const std::vector<PackageFile>& files,
                                 const std::filesystem::path& folder, const ExportContext& context);

} // namespace trygg::exporting
