#include "project_schema.h"

#include "gdal_util.h"
#include "ogr_convert.h"
#include "photo_table.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/save_failure.h"

#include <ogr_feature.h>

namespace trygg::gdal {
namespace {

std::string domainName(const LayerDef& def, const FieldDef& field) {
    return def.table + "_" + field.name;
}

/// A GeoPackage coded-value domain, so QGIS and ArcGIS show labels instead of codes.
Result<void> ensureDomain(GDALDataset& dataset, const LayerDef& def, const FieldDef& field) {
    std::string name = domainName(def, field);
    if (dataset.GetFieldDomain(name) != nullptr) {
        return {};
    }
    std::vector<OGRCodedValue> values;
    for (const auto& value : field.values) {
        values.push_back(OGRCodedValue{CPLStrdup(value.code.c_str()), CPLStrdup(value.label.sv.c_str())});
    }
    values.push_back(OGRCodedValue{nullptr, nullptr}); // GDAL's end marker
    auto domain = std::make_unique<OGRCodedFieldDomain>(name, field.label.sv, ogrFieldType(field.type),
                                                        OFSTNone, std::move(values));
    // The domain now owns the CPLStrdup'ed strings.
    std::string failure;
    if (!dataset.AddFieldDomain(std::move(domain), failure)) {
        return fail(ErrorCode::WriteFailed, "cannot record the value list of field '" + field.name + "'",
                    def.table, failure);
    }
    return {};
}

Result<void> addField(GDALDataset& dataset, OGRLayer& layer, const LayerDef& def,
                      const FieldDef& field) {
    OGRFieldDefn defn(field.name.c_str(), ogrFieldType(field.type));
    if (field.maxLength) {
        defn.SetWidth(*field.maxLength);
    }
    defn.SetAlternativeName(field.label.sv.c_str());
    // GDAL's PostgreSQL driver has no field domains: there the value list lives in the
    // layer definitions only.
    if (field.isCoded() && dataset.TestCapability(ODsCAddFieldDomain)) {
        if (auto ok = ensureDomain(dataset, def, field); !ok) {
            return ok;
        }
        defn.SetDomainName(domainName(def, field));
    }
    ErrorCapture errors;
    if (layer.CreateField(&defn) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot add field '" + field.name + "'", def.table,
                    errors.last());
    }
    return {};
}

OGRLayer* createAttributeTable(GDALDataset& dataset, const char* name,
                               const std::vector<std::pair<const char*, OGRFieldType>>& fields) {
    const char* options[] = {"FID=fid", nullptr};
    OGRLayer* layer = dataset.CreateLayer(name, nullptr, wkbNone, const_cast<char**>(options));
    if (layer == nullptr) {
        return nullptr;
    }
    for (const auto& [fieldName, type] : fields) {
        OGRFieldDefn defn(fieldName, type);
        defn.SetNullable(FALSE);
        if (layer->CreateField(&defn) != OGRERR_NONE) {
            return nullptr;
        }
    }
    return layer;
}

} // namespace

Result<OGRLayer*> ensureThematicLayer(GDALDataset& dataset, const LayerDef& def,
                                      const OGRSpatialReference& srs) {
    ErrorCapture errors;
    OGRLayer* layer = dataset.GetLayerByName(def.table.c_str());
    if (layer == nullptr) {
        std::string identifier = "IDENTIFIER=" + def.title.sv;
        std::string description = "DESCRIPTION=" + def.title.en;
        const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES",
                                 identifier.c_str(), description.c_str(), nullptr};
        layer = dataset.CreateLayer(def.table.c_str(), const_cast<OGRSpatialReference*>(&srs), ogrGeometryType(def.geometry),
                                    const_cast<char**>(options));
        if (layer == nullptr) {
            return fail(ErrorCode::WriteFailed, "cannot create table", def.table, errors.last());
        }
    }
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const auto& field : def.fields) {
        if (defn->GetFieldIndex(field.name.c_str()) < 0) {
            if (auto ok = addField(dataset, *layer, def, field); !ok) {
                return std::unexpected(ok.error());
            }
        }
    }
    return layer;
}

Result<void> ensureAuxiliaryTables(GDALDataset& dataset) {
    ErrorCapture errors;
    if (dataset.GetLayerByName(std::string(kMetaTable).c_str()) == nullptr &&
        createAttributeTable(dataset, kMetaTable.data(), {{"key", OFTString}, {"value", OFTString}}) ==
            nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create table", std::string(kMetaTable),
                    errors.last());
    }
    if (dataset.GetLayerByName(std::string(kLinkTable).c_str()) == nullptr &&
        createAttributeTable(dataset, kLinkTable.data(),
                             {{"atgard", OFTInteger64}, {"observation", OFTInteger64}}) == nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create table", std::string(kLinkTable),
                    errors.last());
    }
    return ensurePhotoTable(dataset);
}

std::vector<int> fieldIndices(OGRLayer& layer, const LayerDef& def) {
    std::vector<int> indices;
    indices.reserve(def.fields.size());
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (const auto& field : def.fields) {
        indices.push_back(defn->GetFieldIndex(field.name.c_str()));
    }
    return indices;
}

Result<std::map<std::string, std::string>> readMetadata(GDALDataset& dataset) {
    std::map<std::string, std::string> values;
    OGRLayer* layer = dataset.GetLayerByName(std::string(kMetaTable).c_str());
    if (layer == nullptr) {
        return values;
    }
    layer->ResetReading();
    for (auto& feature : *layer) {
        values[feature->GetFieldAsString("key")] = feature->GetFieldAsString("value");
    }
    return values;
}

Result<void> writeMetadata(GDALDataset& dataset, const std::map<std::string, std::string>& values) {
    ErrorCapture errors;
    OGRLayer* layer = dataset.GetLayerByName(std::string(kMetaTable).c_str());
    if (layer == nullptr) {
        return fail(ErrorCode::NotFound, "table missing", std::string(kMetaTable));
    }
    std::vector<GIntBig> existing;
    layer->ResetReading();
    for (auto& feature : *layer) {
        existing.push_back(feature->GetFID());
    }
    for (GIntBig fid : existing) {
        if (layer->DeleteFeature(fid) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot update project metadata",
                        std::string(kMetaTable), errors.last());
        }
    }
    for (const auto& [key, value] : values) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("key", key.c_str());
        feature->SetField("value", value.c_str());
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot write project metadata", std::string(kMetaTable),
                        errors.last());
        }
    }
    return {};
}

Result<std::vector<MeasureLink>> readLinks(GDALDataset& dataset) {
    std::vector<MeasureLink> links;
    OGRLayer* layer = dataset.GetLayerByName(std::string(kLinkTable).c_str());
    if (layer == nullptr) {
        return links;
    }
    layer->ResetReading();
    for (auto& feature : *layer) {
        links.push_back({FeatureId{feature->GetFieldAsInteger64("atgard")},
                         FeatureId{feature->GetFieldAsInteger64("observation")}});
    }
    return links;
}

Result<void> replaceLinks(GDALDataset& dataset, const std::vector<MeasureLink>& links) {
    ErrorCapture errors;
    std::string sql = "DELETE FROM " + std::string(kLinkTable);
    dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    OGRLayer* layer = dataset.GetLayerByName(std::string(kLinkTable).c_str());
    if (layer == nullptr) {
        return fail(ErrorCode::NotFound, "table missing", std::string(kLinkTable));
    }
    for (const auto& link : links) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("atgard", static_cast<GIntBig>(toInt(link.measure)));
        feature->SetField("observation", static_cast<GIntBig>(toInt(link.observation)));
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot write link", std::string(kLinkTable),
                        errors.last());
        }
    }
    return {};
}

OGRFeatureUniquePtr toOgrFeature(OGRLayer& layer, const std::vector<int>& indices,
                                 const Feature& feature) {
    OGRFeatureUniquePtr out(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    if (feature.id != kNoFeatureId) {
        out->SetFID(toInt(feature.id));
    }
    for (std::size_t i = 0; i < indices.size() && i < feature.values.size(); ++i) {
        if (indices[i] >= 0) {
            writeValue(*out, indices[i], feature.values[i]);
        }
    }
    if (feature.geometry) {
        out->SetGeometryDirectly(toOgr(*feature.geometry).release());
    }
    return out;
}

Result<Feature> readFeature(const OGRFeature& in, const std::vector<int>& indices,
                            const LayerDef& def) {
    Feature feature;
    feature.id = FeatureId{in.GetFID()};
    feature.values.reserve(def.fields.size());
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        feature.values.push_back(indices[i] >= 0 ? readValue(in, indices[i], def.fields[i].type)
                                                 : Value{});
    }
    if (const OGRGeometry* geometry = in.GetGeometryRef(); geometry && !geometry->IsEmpty()) {
        auto converted = toGeometry(*geometry);
        if (!converted) {
            Error error = converted.error();
            error.where = def.table + ": feature " + std::to_string(in.GetFID());
            return std::unexpected(error);
        }
        feature.geometry = std::move(*converted);
    }
    return feature;
}

Result<void> writeFeature(OGRLayer& layer, const std::vector<int>& indices, const Feature& feature,
                          const std::string& layerName, bool overwrite) {
    OGRFeatureUniquePtr out = toOgrFeature(layer, indices, feature);
    ErrorCapture errors;
    OGRErr err = overwrite ? layer.SetFeature(out.get()) : OGRERR_NON_EXISTING_FEATURE;
    if (err == OGRERR_NON_EXISTING_FEATURE) {
        err = layer.CreateFeature(out.get());
    }
    if (err != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot write feature",
                    layerName + ": feature " + std::to_string(toInt(feature.id)), errors.last());
    }
    return {};
}

Crs projectCrs(GDALDataset& dataset, const std::map<std::string, std::string>& metadata) {
    for (auto* layer : dataset.GetLayers()) {
        if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
            return crsFromSrs(*srs);
        }
    }
    if (auto it = metadata.find("crs"); it != metadata.end() && it->second.starts_with("EPSG:")) {
        return Crs::fromEpsg(std::atoi(it->second.c_str() + 5));
    }
    return Crs::fromEpsg(crs::kSweref99Tm);
}

Result<void> commitAndClose(GDALDatasetUniquePtr dataset, TransactionGuard& guard,
                            const std::filesystem::path& path) {
    ErrorCapture errors;
    if (dataset->CommitTransaction() != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot save (disk full or file locked?)", path.string(),
                    errors.last());
    }
    guard.open = false;
    return close(std::move(dataset), path);
}

Result<ProjectFile> openProjectFile(const std::filesystem::path& path, bool update) {
    finishInterruptedSave(path); // else a read-only open fails on the half-saved file
    auto opened = openVector(path, update);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    std::string_view driver = (*opened)->GetDriverName();
    if (driver != "GPKG" && !(driver == "PostgreSQL" && isDatabaseLocation(path))) {
        return fail(ErrorCode::InvalidFormat, "not a project: a project is a GeoPackage (.gpkg)",
                    path.string());
    }
    auto metadata = readMetadata(**opened);
    if (!metadata) {
        return std::unexpected(metadata.error());
    }
    Crs crs = projectCrs(**opened, *metadata);
    return ProjectFile{std::move(*opened), std::move(*metadata), std::move(crs)};
}

} // namespace trygg::gdal
