// GPX for GPS devices and walking apps: the safety walks' routes as tracks and the
// observations as waypoints, in WGS 84. The fields a profile keeps go along as GPX
// extensions; a track is named by the walk's name and date, never by who arranged it.

#include "export_formats.h"
#include "ogr_convert.h"

#include <cstdint>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kWalkLayer = "vandringar";

const Value& valueAt(const Feature& feature, std::size_t index) {
    static const Value null;
    return index < feature.values.size() ? feature.values[index] : null;
}

bool isKept(const ExportTable& table, std::string_view field) {
    auto index = table.source.fieldIndex(field);
    return index &&
           std::find(table.fields.begin(), table.fields.end(), *index) != table.fields.end();
}

/// A GPX layer ("waypoints" or "tracks") with an extension column per kept field.
struct GpxLayer {
    OGRLayer* layer = nullptr;
    std::vector<std::pair<std::size_t, int>> extensions; ///< field index, column
    std::vector<std::pair<std::size_t, int>> labels;     ///< coded field index, label column
    int photoSlot = -1; ///< the photo files, when the table's features have photos
    int linkSlot = -1;  ///< GPX's own <link>: the first photo, which GPS apps open
};

Result<GpxLayer> createLayer(GDALDataset& dataset, const ExportTable& table, const char* name,
                             OGRwkbGeometryType type, const OGRSpatialReference* srs,
                             bool withPhotos, const std::string& where) {
    gdal::ErrorCapture errors;
    GpxLayer out;
    out.layer = dataset.CreateLayer(name, const_cast<OGRSpatialReference*>(srs), type, nullptr);
    if (out.layer == nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create layer", where, errors.last());
    }
    auto add = [&](const std::string& column) -> Result<int> {
        OGRFieldDefn defn(column.c_str(), OFTString);
        if (out.layer->CreateField(&defn) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot create column '" + column + "'", where,
                        errors.last());
        }
        return out.layer->GetLayerDefn()->GetFieldCount() - 1;
    };
    auto id = add(std::string(kIdColumn));
    if (!id) {
        return std::unexpected(id.error());
    }
    out.extensions.emplace_back(table.source.fields.size(), *id); // the feature id
    for (std::size_t index : table.fields) {
        const FieldDef& field = table.source.fields[index];
        auto column = add(field.name);
        if (!column) {
            return std::unexpected(column.error());
        }
        out.extensions.emplace_back(index, *column);
        if (field.isCoded()) {
            auto label = add(field.name + "_label");
            if (!label) {
                return std::unexpected(label.error());
            }
            out.labels.emplace_back(index, *label);
        }
    }
    if (withPhotos) {
        auto photos = add(std::string(kPhotoColumn));
        if (!photos) {
            return std::unexpected(photos.error());
        }
        out.photoSlot = *photos;
        out.linkSlot = out.layer->GetLayerDefn()->GetFieldIndex("link1_href");
    }
    return out;
}

void setPhotos(const GpxLayer& gpx, const PhotoLinks& links, const std::string& table, FeatureId id,
               OGRFeature& out) {
    const std::string* paths = links.of(table, id);
    if (paths == nullptr) {
        return;
    }
    out.SetField(gpx.photoSlot, paths->c_str());
    if (gpx.linkSlot >= 0) {
        out.SetField(gpx.linkSlot, paths->substr(0, paths->find("; ")).c_str());
    }
}

void setExtensions(const GpxLayer& gpx, const ExportTable& table, const Feature& feature,
                   std::string_view language, OGRFeature& out) {
    for (const auto& [index, column] : gpx.extensions) {
        if (index == table.source.fields.size()) {
            out.SetField(column, static_cast<GIntBig>(toInt(feature.id)));
            continue;
        }
        const Value& value = valueAt(feature, index);
        if (isNull(value)) {
            out.SetFieldNull(column);
        } else {
            out.SetField(column, valueText(value).c_str());
        }
    }
    for (const auto& [index, column] : gpx.labels) {
        const CodedValue* coded =
            table.source.fields[index].findCode(valueText(valueAt(feature, index)));
        if (coded != nullptr) {
            out.SetField(column, coded->label.in(language).c_str());
        } else {
            out.SetFieldNull(column);
        }
    }
}

/// "Kvällsvandring centrum (2024-10-05)": the walk's name and date where the profile keeps
/// them.
std::string trackName(const ExportTable& table, const Feature& feature) {
    std::string name;
    if (isKept(table, "namn")) {
        name = valueText(valueAt(feature, *table.source.fieldIndex("namn")));
    }
    std::string date;
    if (isKept(table, "datum")) {
        date = valueText(valueAt(feature, *table.source.fieldIndex("datum")));
    }
    if (name.empty()) {
        name = "Trygghetsvandring " + std::to_string(toInt(feature.id));
    }
    return date.empty() ? name : name + " (" + date + ")";
}

Result<std::int64_t> writeTable(const ExportTable& table, bool asTrack, GDALDataset& dataset,
                                const OGRSpatialReference* srs, GeometryProjector& projector,
                                ExportContext& context) {
    const std::string where = context.options.output.filename().string() + ": " + table.layer;
    const PhotoLinks* photos = context.linksFor(table);
    auto gpx =
        asTrack ? createLayer(dataset, table, "tracks", wkbMultiLineString, srs, photos != nullptr,
                              where)
                : createLayer(dataset, table, "waypoints", wkbPoint, srs, photos != nullptr, where);
    if (!gpx) {
        return std::unexpected(gpx.error());
    }
    const OGRFeatureDefn& defn = *gpx->layer->GetLayerDefn();
    const int nameSlot = defn.GetFieldIndex("name");
    const int descSlot = defn.GetFieldIndex("desc");
    const int timeSlot = defn.GetFieldIndex("time");
    // An index past every field when the profile leaves the time out.
    const std::size_t timeField = isKept(table, "tidpunkt")
                                      ? table.source.fieldIndex("tidpunkt").value_or(SIZE_MAX)
                                      : SIZE_MAX;
    const std::string& language = context.options.language;
    gdal::ErrorCapture errors;
    std::int64_t written = 0;
    std::int64_t withoutShape = 0;
    for (const Feature& feature : table.features) {
        if (auto ok = context.advance(); !ok) {
            return std::unexpected(ok.error());
        }
        if (!feature.geometry) {
            ++withoutShape;
            continue;
        }
        auto projected = projector.apply(*feature.geometry);
        if (!projected) {
            return std::unexpected(projected.error());
        }
        OGRGeometryUniquePtr geometry = gdal::toOgr(**projected);
        geometry = OGRGeometryUniquePtr(
            asTrack ? OGRGeometryFactory::forceToMultiLineString(geometry.release())
                    : geometry.release());
        if (!asTrack && wkbFlatten(geometry->getGeometryType()) != wkbPoint) {
            ++withoutShape;
            continue;
        }
        OGRFeatureUniquePtr out(OGRFeature::CreateFeature(gpx->layer->GetLayerDefn()));
        out->SetGeometryDirectly(geometry.release());
        setExtensions(*gpx, table, feature, language, *out);
        if (photos != nullptr) {
            setPhotos(*gpx, *photos, table.source.table, feature.id, *out);
        }
        if (asTrack) {
            out->SetField(nameSlot, trackName(table, feature).c_str());
        } else {
            out->SetField(nameSlot, featureTitle(table, feature, language).c_str());
            if (!isNull(valueAt(feature, timeField))) {
                gdal::writeValue(*out, timeSlot, valueAt(feature, timeField));
            }
        }
        if (std::string desc = codedDescription(table, feature, language); !desc.empty()) {
            out->SetField(descSlot, desc.c_str());
        }
        if (gpx->layer->CreateFeature(out.get()) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot write feature (disk full?)",
                        where + ": feature " + std::to_string(toInt(feature.id)), errors.last());
        }
        ++written;
    }
    if (withoutShape > 0) {
        context.report.log.push_back(table.layer + ": " + std::to_string(withoutShape) +
                                     (asTrack ? " walks without a route" : " observations without a point") +
                                     " left out of the GPX");
    }
    return written;
}

} // namespace

bool gpxHolds(const ExportTable& table) {
    return table.owned == nullptr &&
           (table.layer == kWalkLayer || table.layer == kObservationLayer);
}

Result<void> writeGpx(const std::vector<ExportTable>& tables, const fs::path& file,
                      ExportContext& context) {
    const ExportTable* walks = nullptr;
    const ExportTable* observations = nullptr;
    for (const ExportTable& table : tables) {
        const bool hexagons = table.owned != nullptr;
        if (gpxHolds(table) && table.layer == kWalkLayer) {
            walks = &table;
        } else if (gpxHolds(table)) {
            observations = &table;
        } else {
            context.report.log.push_back(
                table.layer + ": left out of the GPX, which holds walk routes (vandringar) and " +
                (hexagons ? "observations as points (not allowed under profile public)"
                          : "observations (observationer)"));
        }
    }
    if (walks == nullptr && observations == nullptr) {
        return fail(ErrorCode::Usage,
                    "a GPX holds walk routes (vandringar) and observations (observationer); "
                    "neither is in this export",
                    context.options.output.string());
    }
    gdal::ErrorCapture errors;
    const std::string fileName = context.options.output.filename().string();
    auto created = gdal::createVectorFile("GPX", file, "cannot create file", fileName,
                                          {"GPX_USE_EXTENSIONS=YES"});
    if (!created) {
        return std::unexpected(created.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*created);
    auto srs = gdal::makeSrs(context.targetCrs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    auto projector = GeometryProjector::create(context.sourceCrs, context.targetCrs);
    if (!projector) {
        return std::unexpected(projector.error());
    }
    // GPX wants waypoints before tracks.
    for (const auto& [table, asTrack] :
         {std::pair{observations, false}, std::pair{walks, true}}) {
        if (table == nullptr) {
            continue;
        }
        auto written = writeTable(*table, asTrack, *dataset, srs->get(), *projector, context);
        if (!written) {
            return std::unexpected(written.error());
        }
        context.report.tables.push_back(
            ExportedTable{table->layer, asTrack ? "tracks" : "waypoints", *written});
    }
    return gdal::close(std::move(dataset), file);
}

} // namespace trygg::exporting
