#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/project_store.h"

#include "gdal_util.h"
#include "project_schema.h"

namespace trygg {
namespace {

/// The names the layer definitions use ("LineString"), not GDAL's display names ("Line String").
std::string geometryTypeOf(OGRLayer& layer) {
    switch (wkbFlatten(layer.GetGeomType())) {
    case wkbNone: return "None";
    case wkbPoint: return "Point";
    case wkbLineString: return "LineString";
    case wkbPolygon: return "Polygon";
    case wkbMultiPoint: return "MultiPoint";
    case wkbMultiLineString: return "MultiLineString";
    case wkbMultiPolygon: return "MultiPolygon";
    default: return "Geometry";
    }
}

} // namespace

Result<ProjectSummary> summarizeProject(const std::filesystem::path& path,
                                        const LayerCatalog& catalog) {
    auto opened = gdal::openProjectFile(path, false);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    GDALDataset& dataset = *opened->dataset;
    ProjectSummary summary;
    summary.path = path;
    summary.metadata = std::move(opened->metadata);
    if (auto it = summary.metadata.find("schema_version"); it != summary.metadata.end()) {
        summary.schemaVersion = std::atoi(it->second.c_str());
    }
    summary.crs = opened->crs;
    summary.crsName = crsName(summary.crs).value_or(summary.crs.identifier());

    for (auto* layer : dataset.GetLayers()) {
        std::string name = layer->GetName();
        if (name == kMetaTable) {
            continue;
        }
        if (name == kLinkTable) {
            summary.linkCount = layer->GetFeatureCount(TRUE);
            continue;
        }
        if (name == kPhotoTable) {
            summary.photoCount = layer->GetFeatureCount(TRUE);
            continue;
        }
        LayerSummary entry;
        entry.name = name;
        if (const LayerDef* def = catalog.find(name)) {
            entry.thematic = true;
            entry.title = def->title.sv;
        }
        entry.geometryType = geometryTypeOf(*layer);
        entry.featureCount = layer->GetFeatureCount(TRUE);
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            entry.fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        }
        OGREnvelope envelope;
        if (entry.geometryType != "None" && entry.featureCount > 0 &&
            layer->GetExtent(&envelope, TRUE) == OGRERR_NONE) {
            entry.extent = Box{Point{envelope.MinX, envelope.MinY}, Point{envelope.MaxX, envelope.MaxY}};
        }
        summary.layers.push_back(std::move(entry));
    }
    return summary;
}

} // namespace trygg
