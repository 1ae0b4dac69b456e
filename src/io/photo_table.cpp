#include "photo_table.h"

#include "gdal_util.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>
#include <climits>
#include <ogr_feature.h>

namespace trygg::gdal {
namespace {

const std::string kTable(kPhotoTable);

struct Column {
    const char* name;
    OGRFieldType type;
    bool nullable;
    const char* alias; ///< what QGIS shows as the column's name
};

// Position and time are optional: many photos carry neither.
constexpr Column kColumns[] = {
    {"lager", OFTString, false, "Lager"},
    {"objekt", OFTInteger64, false, "Objekt (fid i lagret)"},
    {"filnamn", OFTString, false, "Filnamn"},
    {"mime", OFTString, false, "Filtyp"},
    {"tidpunkt", OFTString, true, "Tagen (EXIF)"},
    {"lon", OFTReal, true, "Longitud WGS 84 (EXIF)"},
    {"lat", OFTReal, true, "Latitud WGS 84 (EXIF)"},
    {"orientering", OFTInteger, false, "Orientering (EXIF 1-8)"},
    {"storlek", OFTInteger64, false, "Storlek (byte)"},
    {"data", OFTBinary, false, "Bild"},
};

std::string where(PhotoId id) {
    return kTable + ": photo " + std::to_string(toInt(id));
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    return out + "'";
}

Photo photoFromRow(const OGRFeature& row) {
    const OGRFeatureDefn* defn = row.GetDefnRef();
    auto index = [&](const char* name) { return defn->GetFieldIndex(name); };
    auto has = [&](int i) { return i >= 0 && row.IsFieldSetAndNotNull(i); };
    Photo photo;
    photo.id = PhotoId{row.GetFID()};
    if (int i = index("lager"); has(i)) {
        photo.layer = row.GetFieldAsString(i);
    }
    if (int i = index("objekt"); has(i)) {
        photo.feature = FeatureId{row.GetFieldAsInteger64(i)};
    }
    if (int i = index("filnamn"); has(i)) {
        photo.fileName = row.GetFieldAsString(i);
    }
    if (int i = index("mime"); has(i)) {
        photo.mimeType = row.GetFieldAsString(i);
    }
    if (int i = index("tidpunkt"); has(i)) {
        photo.takenAt = parseDateTime(row.GetFieldAsString(i));
    }
    int lon = index("lon");
    int lat = index("lat");
    if (has(lon) && has(lat)) {
        photo.position = Point{row.GetFieldAsDouble(lon), row.GetFieldAsDouble(lat)};
    }
    if (int i = index("orientering"); has(i)) {
        photo.orientation = row.GetFieldAsInteger(i);
    }
    if (int i = index("storlek"); has(i)) {
        photo.byteSize = row.GetFieldAsInteger64(i);
    }
    return photo;
}

OGRLayer* photoLayer(GDALDataset& dataset) {
    return dataset.GetLayerByName(kTable.c_str());
}

} // namespace

Result<void> ensurePhotoTable(GDALDataset& dataset) {
    if (photoLayer(dataset) != nullptr) {
        return {};
    }
    ErrorCapture errors;
    const char* options[] = {"FID=fid", "IDENTIFIER=Foton",
                             "DESCRIPTION=Photos of observations and measures", nullptr};
    OGRLayer* layer =
        dataset.CreateLayer(kTable.c_str(), nullptr, wkbNone, const_cast<char**>(options));
    if (layer == nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create table", kTable, errors.last());
    }
    for (const auto& column : kColumns) {
        OGRFieldDefn defn(column.name, column.type);
        defn.SetNullable(column.nullable ? TRUE : FALSE);
        defn.SetAlternativeName(column.alias);
        if (layer->CreateField(&defn) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed,
                        std::string("cannot add field '") + column.name + "'", kTable,
                        errors.last());
        }
    }
    // Finding the photos of a feature, and deleting them with it, stays fast in big projects.
    std::string index =
        "CREATE INDEX IF NOT EXISTS " + kTable + "_objekt ON " + kTable + " (lager, objekt)";
    dataset.ExecuteSQL(index.c_str(), nullptr, nullptr);
    return {};
}

Result<std::vector<Photo>> readPhotos(GDALDataset& dataset) {
    std::vector<Photo> photos;
    OGRLayer* layer = photoLayer(dataset);
    if (layer == nullptr) {
        return photos;
    }
    // Metadata only: the BLOBs of a project can be hundreds of megabytes.
    const char* ignored[] = {"data", nullptr};
    layer->SetIgnoredFields(ignored);
    layer->ResetReading();
    for (auto& row : *layer) {
        photos.push_back(photoFromRow(*row));
    }
    layer->SetIgnoredFields(nullptr);
    std::ranges::sort(photos, {}, &Photo::id);
    return photos;
}

Result<std::string> readPhotoBytes(GDALDataset& dataset, PhotoId id) {
    OGRLayer* layer = photoLayer(dataset);
    if (layer == nullptr) {
        return fail(ErrorCode::NotFound, "the project has no photos", where(id));
    }
    ErrorCapture errors;
    OGRFeatureUniquePtr row(layer->GetFeature(toInt(id)));
    if (!row) {
        return fail(ErrorCode::NotFound, "no such photo in the project", where(id), errors.last());
    }
    int index = row->GetFieldIndex("data");
    if (index < 0 || !row->IsFieldSetAndNotNull(index)) {
        return fail(ErrorCode::InvalidFormat, "the photo has no image data", where(id));
    }
    int size = 0;
    const GByte* bytes = row->GetFieldAsBinary(index, &size);
    return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

Result<void> writePhoto(GDALDataset& dataset, const Photo& photo, const std::string& bytes) {
    OGRLayer* layer = photoLayer(dataset);
    if (layer == nullptr) {
        return fail(ErrorCode::NotFound, "table missing", kTable);
    }
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        return fail(ErrorCode::WriteFailed, "photo too large to store", where(photo.id));
    }
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    row->SetFID(toInt(photo.id));
    row->SetField("lager", photo.layer.c_str());
    row->SetField("objekt", static_cast<GIntBig>(toInt(photo.feature)));
    row->SetField("filnamn", photo.fileName.c_str());
    row->SetField("mime", photo.mimeType.c_str());
    if (photo.takenAt) {
        row->SetField("tidpunkt", toIsoString(*photo.takenAt).c_str());
    }
    if (photo.position) {
        row->SetField("lon", photo.position->x());
        row->SetField("lat", photo.position->y());
    }
    row->SetField("orientering", photo.orientation);
    row->SetField("storlek", static_cast<GIntBig>(bytes.size()));
    row->SetField(row->GetFieldIndex("data"), static_cast<int>(bytes.size()), bytes.data());
    ErrorCapture errors;
    OGRErr err = layer->SetFeature(row.get());
    if (err == OGRERR_NON_EXISTING_FEATURE) {
        err = layer->CreateFeature(row.get());
    }
    if (err != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot write photo", where(photo.id), errors.last());
    }
    return {};
}

Result<void> deletePhoto(GDALDataset& dataset, PhotoId id) {
    OGRLayer* layer = photoLayer(dataset);
    if (layer == nullptr) {
        return {};
    }
    ErrorCapture errors;
    OGRErr err = layer->DeleteFeature(toInt(id));
    if (err != OGRERR_NONE && err != OGRERR_NON_EXISTING_FEATURE) {
        return fail(ErrorCode::WriteFailed, "cannot delete photo", where(id), errors.last());
    }
    return {};
}

Result<void> deletePhotosOf(GDALDataset& dataset, const std::string& layerName,
                            const std::set<FeatureId>& features, const std::set<PhotoId>& keep) {
    OGRLayer* layer = photoLayer(dataset);
    if (layer == nullptr || features.empty()) {
        return {};
    }
    std::vector<GIntBig> doomed;
    const char* ignored[] = {"data", nullptr};
    layer->SetIgnoredFields(ignored);
    constexpr std::size_t kChunk = 500; // keeps each filter's SQL short
    auto it = features.begin();
    while (it != features.end()) {
        std::string ids;
        for (std::size_t n = 0; n < kChunk && it != features.end(); ++n, ++it) {
            ids += (ids.empty() ? "" : ",") + std::to_string(toInt(*it));
        }
        std::string filter = "lager = " + quoted(layerName) + " AND objekt IN (" + ids + ")";
        ErrorCapture errors;
        if (layer->SetAttributeFilter(filter.c_str()) != OGRERR_NONE) {
            layer->SetAttributeFilter(nullptr);
            layer->SetIgnoredFields(nullptr);
            return fail(ErrorCode::WriteFailed, "cannot find the photos of removed features",
                        kTable, errors.last());
        }
        layer->ResetReading();
        for (auto& row : *layer) {
            if (!keep.contains(PhotoId{row->GetFID()})) {
                doomed.push_back(row->GetFID());
            }
        }
    }
    layer->SetAttributeFilter(nullptr);
    layer->SetIgnoredFields(nullptr);
    for (GIntBig fid : doomed) {
        if (auto ok = deletePhoto(dataset, PhotoId{fid}); !ok) {
            return ok;
        }
    }
    return {};
}

} // namespace trygg::gdal
