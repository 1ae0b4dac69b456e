// DXF for CAD: one drawing in the export's CRS, every feature on a DXF layer named after its
// table ("OBSERVATIONER"), measures also by status ("ATGARDER_PLANERAD"), so a designer can
// switch themes on and off. Points are points; lines and polygon rings are polylines drawn in
// the layer's symbology colour. DXF keeps no attributes and no CRS: the log says which CRS.

#include "export_formats.h"
#include "ogr_convert.h"

#include <cctype>
#include <map>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

/// Upper-case ASCII letters, digits and underscores: a layer name every CAD program takes.
std::string dxfName(std::string_view text) {
    std::string name;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        name += std::isalnum(byte) != 0 && byte < 0x80 ? static_cast<char>(std::toupper(byte))
                                                       : '_';
    }
    return name;
}

/// The DXF layer of `feature`: the table, and for measures their status.
std::string layerFor(const ExportTable& table, const Feature& feature) {
    std::string name = dxfName(table.source.table);
    if (table.layer != "atgarder") {
        return name;
    }
    auto status = table.source.fieldIndex("status");
    if (!status ||
        std::find(table.fields.begin(), table.fields.end(), *status) == table.fields.end() ||
        *status >= feature.values.size() || isNull(feature.values[*status])) {
        return name;
    }
    return name + "_" + dxfName(valueText(feature.values[*status]));
}

} // namespace

Result<void> writeDxf(const std::vector<ExportTable>& tables, const fs::path& file,
                      ExportContext& context) {
    gdal::ErrorCapture errors;
    const std::string fileName = context.options.output.filename().string();
    auto created = gdal::createVectorFile("DXF", file, "cannot create file", fileName);
    if (!created) {
        return std::unexpected(created.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*created);
    auto srs = gdal::makeSrs(context.targetCrs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    // The DXF driver writes one layer of entities; the "Layer" field picks the DXF layer.
    OGRLayer* layer = dataset->CreateLayer("entities", srs->get(), wkbUnknown, nullptr);
    if (layer == nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create layer", fileName, errors.last());
    }
    const int layerSlot = layer->GetLayerDefn()->GetFieldIndex("Layer");
    auto projector = GeometryProjector::create(context.sourceCrs, context.targetCrs);
    if (!projector) {
        return std::unexpected(projector.error());
    }
    OGRFeatureUniquePtr out(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    for (const ExportTable& table : tables) {
        std::map<std::string, std::int64_t> counts;
        std::int64_t withoutShape = 0;
        for (const Feature& feature : table.features) {
            if (auto ok = context.advance(); !ok) {
                return ok;
            }
            if (!feature.geometry) {
                ++withoutShape;
                continue;
            }
            auto projected = projector->apply(*feature.geometry);
            if (!projected) {
                Error error = projected.error();
                error.where = fileName + ": " + table.layer + " feature " +
                              std::to_string(toInt(feature.id));
                return std::unexpected(error);
            }
            const std::string name = layerFor(table, feature);
            out->SetField(layerSlot, name.c_str());
            // A pen alone: polygons become closed polylines, not hatches.
            out->SetStyleString(ogrStyleFor(table, feature, false).c_str());
            out->SetGeometryDirectly(gdal::toOgr(**projected).release());
            out->SetFID(OGRNullFID);
            if (layer->CreateFeature(out.get()) != OGRERR_NONE) {
                return fail(ErrorCode::WriteFailed, "cannot write feature (disk full?)",
                            fileName + ": " + table.layer + " feature " +
                                std::to_string(toInt(feature.id)),
                            errors.last());
            }
            ++counts[name];
        }
        for (const auto& [name, count] : counts) {
            context.report.tables.push_back(ExportedTable{table.layer, name, count});
        }
        if (withoutShape > 0) {
            context.report.log.push_back(table.layer + ": " + std::to_string(withoutShape) +
                                         " features without a shape left out of the DXF");
        }
    }
    context.report.log.push_back("DXF keeps no attributes and no CRS: coordinates are in " +
                                 context.targetCrs.identifier());
    if (context.photoLinks != nullptr && !context.photoLinks->empty()) {
        context.report.log.push_back("DXF links no photos to its drawing: " +
                                     std::string(kPhotoList) +
                                     " in the photo folder lists them by layer and id");
    }
    return gdal::close(std::move(dataset), file);
}

} // namespace trygg::exporting
