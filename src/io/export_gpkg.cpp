// GeoPackage export: the chosen layers with their full field names, aliases and value-list
// domains (as a project stores them), and a QGIS style per layer in layer_styles, the table
// QGIS reads a layer's default style from.

#include "export_formats.h"
#include "project_schema.h"

#include <ctime>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStylesTable = "layer_styles";

/// layer_styles with the columns, types and widths QGIS 3.22 gives it when it saves a
/// style into a GeoPackage.
Result<OGRLayer*> createStylesTable(GDALDataset& dataset) {
    gdal::ErrorCapture errors;
    const char* options[] = {"FID=id", nullptr};
    OGRLayer* layer =
        dataset.CreateLayer(kStylesTable, nullptr, wkbNone, const_cast<char**>(options));
    struct Column {
        const char* name;
        OGRFieldType type;
        int width;
    };
    const Column columns[] = {{"f_table_catalog", OFTString, 256},
                              {"f_table_schema", OFTString, 256},
                              {"f_table_name", OFTString, 256},
                              {"f_geometry_column", OFTString, 256},
                              {"styleName", OFTString, 30},
                              {"styleQML", OFTString, 0},
                              {"styleSLD", OFTString, 0},
                              {"useAsDefault", OFTInteger, 0},
                              {"description", OFTString, 0},
                              {"owner", OFTString, 30},
                              {"ui", OFTString, 30},
                              {"update_time", OFTDateTime, 0}};
    for (const Column& column : columns) {
        OGRFieldDefn defn(column.name, column.type);
        defn.SetWidth(column.width);
        if (column.type == OFTInteger) {
            defn.SetSubType(OFSTBoolean);
        }
        if (column.type == OFTDateTime) {
            defn.SetDefault("CURRENT_TIMESTAMP");
        }
        if (layer == nullptr || layer->CreateField(&defn) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot create the QGIS style table", kStylesTable,
                        errors.last());
        }
    }
    return layer;
}

Result<void> writeStyle(OGRLayer& styles, const LayerDef& def, const std::string& geometryColumn,
                        const std::string& language) {
    gdal::ErrorCapture errors;
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(styles.GetLayerDefn()));
    const std::string qml = qgisStyle(def, language);
    const std::string description = "Tryggkarta: " + def.title.in(language);
    row->SetField("f_table_catalog", "");
    row->SetField("f_table_schema", "");
    row->SetField("f_table_name", def.table.c_str());
    row->SetField("f_geometry_column", geometryColumn.c_str());
    row->SetField("styleName", def.table.substr(0, 30).c_str());
    row->SetField("styleQML", qml.c_str());
    row->SetField("styleSLD", "");
    row->SetField("useAsDefault", 1);
    row->SetField("description", description.c_str());
    row->SetField("owner", "");
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    row->SetField("update_time", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                  utc.tm_min, static_cast<float>(utc.tm_sec), 100);
    if (styles.CreateFeature(row.get()) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot write the QGIS style", def.table,
                    errors.last());
    }
    return {};
}

Result<std::int64_t> writeTable(GDALDataset& dataset, const ExportTable& table,
                                const OGRSpatialReference& srs, GeometryProjector& projector,
                                ExportContext& context) {
    auto layer = gdal::ensureThematicLayer(dataset, table.keptDefinition(), srs);
    if (!layer) {
        return std::unexpected(layer.error());
    }
    // Indices over the whole definition: the fields a profile dropped are not in the table
    // (-1), so writeFeature skips them.
    const auto indices = gdal::fieldIndices(**layer, table.source);
    std::int64_t written = 0;
    Feature moved;
    for (const Feature& feature : table.features) {
        const Feature* out = &feature;
        if (feature.geometry) {
            auto projected = projector.apply(*feature.geometry);
            if (!projected) {
                return std::unexpected(projected.error());
            }
            if (*projected != &*feature.geometry) {
                moved = feature;
                moved.geometry = **projected;
                out = &moved;
            }
        }
        if (auto ok = gdal::writeFeature(**layer, indices, *out, table.source.table); !ok) {
            return std::unexpected(ok.error());
        }
        ++written;
        if (auto ok = context.advance(); !ok) {
            return std::unexpected(ok.error());
        }
    }
    return written;
}

Result<void> writeAll(GDALDataset& dataset, const std::vector<ExportTable>& tables,
                      ExportContext& context) {
    auto srs = gdal::makeSrs(context.targetCrs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    auto projector = GeometryProjector::create(context.sourceCrs, context.targetCrs);
    if (!projector) {
        return std::unexpected(projector.error());
    }
    auto styles = createStylesTable(dataset);
    if (!styles) {
        return std::unexpected(styles.error());
    }
    for (const ExportTable& table : tables) {
        auto written = writeTable(dataset, table, **srs, *projector, context);
        if (!written) {
            return std::unexpected(written.error());
        }
        OGRLayer* layer = dataset.GetLayerByName(table.source.table.c_str());
        const std::string geometryColumn = layer != nullptr ? layer->GetGeometryColumn() : "geom";
        if (auto ok = writeStyle(**styles, table.keptDefinition(), geometryColumn,
                                 context.options.language);
            !ok) {
            return ok;
        }
        context.report.tables.push_back(ExportedTable{table.layer, table.source.table, *written});
    }
    if (context.photos != nullptr && !context.photos->photos.empty()) {
        return writePhotoTable(dataset, context);
    }
    return {};
}

} // namespace

Result<void> writeGeoPackage(const std::vector<ExportTable>& tables, const fs::path& file,
                             ExportContext& context) {
    gdal::ErrorCapture errors;
    auto created = gdal::createVectorFile("GPKG", file, "cannot create GeoPackage",
                                          context.options.output.string());
    if (!created) {
        return std::unexpected(created.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*created);
    if (dataset->StartTransaction(TRUE) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot start a transaction",
                    context.options.output.string(), errors.last());
    }
    if (auto ok = writeAll(*dataset, tables, context); !ok) {
        dataset->RollbackTransaction();
        static_cast<void>(gdal::close(std::move(dataset), file));
        return ok;
    }
    if (dataset->CommitTransaction() != OGRERR_NONE) {
        std::string detail = errors.last();
        static_cast<void>(gdal::close(std::move(dataset), file));
        return fail(ErrorCode::WriteFailed, "cannot write GeoPackage (disk full?)",
                    context.options.output.string(), detail);
    }
    return gdal::close(std::move(dataset), context.options.output);
}

} // namespace trygg::exporting
