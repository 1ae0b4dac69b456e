// GeoJSON and CSV: one file per table, full field names, a "<field>_label" column beside
// every coded field. GeoJSON is WGS 84 as RFC 7946 asks; CSV carries its geometry as WKT
// and its CRS in a .prj beside it (which GDAL reads back).

#include "export_formats.h"
#include "ogr_convert.h"

#include <fstream>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

struct TextFormat {
    const char* driver;
    const char* extension;
    std::vector<std::string> layerOptions;
    ColumnRules rules;
};

Result<std::int64_t> writeTable(const ExportTable& table, const fs::path& path,
                                const TextFormat& format, GeometryProjector& projector,
                                ExportContext& context) {
    gdal::ErrorCapture errors;
    const std::string fileName = path.filename().string();
    auto created = gdal::createVectorFile(format.driver, path, "cannot create file", fileName);
    if (!created) {
        return std::unexpected(created.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*created);
    auto srs = gdal::makeSrs(context.targetCrs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    gdal::StringList options(format.layerOptions);
    OGRLayer* layer =
        dataset->CreateLayer(table.source.table.c_str(), srs->get(),
                             gdal::ogrGeometryType(table.source.geometry), options.get());
    if (layer == nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create file", fileName, errors.last());
    }
    auto plan = planColumns(table, format.rules);
    if (auto ok = createColumns(*layer, plan, fileName); !ok) {
        return std::unexpected(ok.error());
    }
    auto links = addPhotoColumn(*layer, table, context, format.rules, fileName);
    if (!links) {
        return std::unexpected(links.error());
    }
    FeatureWriter writer(*layer, fileName, std::move(plan), format.rules, projector);
    if (*links != nullptr) {
        writer.linkPhotos(**links, table.source.table);
    }
    if (auto ok = writer.writeAll(table.features, context); !ok) {
        return std::unexpected(ok.error());
    }
    writer.finish(context.report.log);
    if (auto closed = gdal::close(std::move(dataset), path); !closed) {
        return std::unexpected(closed.error());
    }
    return writer.written();
}

Result<void> writeEach(const std::vector<ExportTable>& tables, const fs::path& folder,
                       const TextFormat& format, ExportContext& context) {
    auto projector = GeometryProjector::create(context.sourceCrs, context.targetCrs);
    if (!projector) {
        return std::unexpected(projector.error());
    }
    for (const ExportTable& table : tables) {
        const std::string name = table.source.table + format.extension;
        auto written = writeTable(table, folder / name, format, *projector, context);
        if (!written) {
            return std::unexpected(written.error());
        }
        context.report.tables.push_back(ExportedTable{table.layer, name, *written});
    }
    return {};
}

} // namespace

Result<void> writePrj(const Crs& crs, const fs::path& file) {
    auto srs = gdal::makeSrs(crs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT1_ESRI", nullptr};
    (*srs)->exportToWkt(&wkt, options);
    std::string text = wkt != nullptr ? wkt : "";
    CPLFree(wkt);
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out || text.empty()) {
        return fail(ErrorCode::WriteFailed, "cannot write the .prj", file.filename().string());
    }
    return {};
}

Result<void> writeGeoJson(const std::vector<ExportTable>& tables, const fs::path& folder,
                          ExportContext& context) {
    TextFormat format{"GeoJSON",
                      ".geojson",
                      {"RFC7946=YES", "WRITE_NAME=YES"},
                      geoJsonRules(context.options.language)};
    return writeEach(tables, folder, format, context);
}

Result<void> writeCsv(const std::vector<ExportTable>& tables, const fs::path& folder,
                      ExportContext& context) {
    TextFormat format{
        "CSV", ".csv", {"GEOMETRY=AS_WKT", "WRITE_BOM=NO"}, csvRules(context.options.language)};
    if (auto ok = writeEach(tables, folder, format, context); !ok) {
        return ok;
    }
    for (const ExportTable& table : tables) {
        if (auto ok = writePrj(context.targetCrs, folder / (table.source.table + ".prj")); !ok) {
            return ok;
        }
    }
    return {};
}

} // namespace trygg::exporting
