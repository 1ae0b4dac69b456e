#include "tryggkarta/io/vector_overlay.h"

#include "gdal_util.h"
#include "source_reader.h"

#include <gdal_priv.h>

#include <fstream>
#include <string>

namespace trygg {

namespace {

/// A GDAL_WMS or WMTS capabilities document: raster, though an XML declaration in front makes
/// GDAL 3.6 take it for a vector file. Only the opening is looked at; GDAL reads the rest.
bool isTileServiceDescription(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find("<GDAL_WMS") != std::string::npos ||
           (head.find("<Capabilities") != std::string::npos && head.find("WMTS") != std::string::npos);
}

} // namespace

DataKind probeDataKind(const std::filesystem::path& path) {
    if (isTileServiceDescription(path)) {
        return DataKind::Raster;
    }
    gdal::ErrorCapture quiet;
    GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_VECTOR, nullptr, nullptr);
    if (driver == nullptr) {
        return DataKind::Unknown;
    }
    auto* d = GDALDriver::FromHandle(driver);
    const bool raster = d->GetMetadataItem(GDAL_DCAP_RASTER) != nullptr;
    const bool vector = d->GetMetadataItem(GDAL_DCAP_VECTOR) != nullptr;
    if (raster && vector) {
        // GeoPackage and similar hold either; ask the file.
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        return ds && ds->GetLayerCount() > 0 ? DataKind::Vector : DataKind::Raster;
    }
    return raster ? DataKind::Raster : vector ? DataKind::Vector : DataKind::Unknown;
}

Result<Layer> readVectorOverlay(const std::filesystem::path& path, const Crs& mapCrs,
                                Progress& progress) {
    auto opened = gdal::openVector(path, false);
    if (!opened || (*opened)->GetLayerCount() == 0) {
        return opened ? fail(ErrorCode::InvalidFormat, "the file has no map layer", path.string())
                      : std::unexpected(opened.error());
    }
    OGRLayer* first = (*opened)->GetLayer(0);
    LayerDef def;
    def.table = "tillagd_" + path.stem().string();
    def.title = Label{path.filename().string(), path.filename().string()};
    def.geometry = GeometryKind::Any;
    def.group = std::string(kThematicGroup);
    def.order = 0;
    def.symbology.fallback = Style{"circle", "#7b3294", "#2d004b", 2.5, 0.5};
    OGRFeatureDefn* defn = first->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        FieldDef field;
        field.name = defn->GetFieldDefn(i)->GetNameRef();
        field.label = Label{field.name, field.name};
        def.fields.push_back(std::move(field));
    }
    ImportOptions options;
    options.targetLayer = def.table;
    options.sourceLayer = first->GetName();
    ImportReport report;
    opened->reset();
    auto reader = gdal::SourceReader::open(path, def, mapCrs, options, report);
    if (!reader) {
        return std::unexpected(reader.error());
    }
    std::vector<Feature> features;
    Feature feature;
    RejectedRow rejected;
    std::uint64_t rows = 0;
    for (;;) {
        auto outcome = reader->next(feature, rejected);
        if (outcome == gdal::SourceReader::Outcome::End) {
            break;
        }
        if (outcome == gdal::SourceReader::Outcome::Feature) {
            features.push_back(feature);
        }
        if (++rows % 4096 == 0) {
            progress.update(rows, reader->expectedRows());
            if (progress.isCancelled()) {
                return fail(ErrorCode::Cancelled, "reading was cancelled", path.string());
            }
        }
    }
    return Layer(std::move(def), std::move(features));
}

} // namespace trygg
