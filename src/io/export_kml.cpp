// KML for Google Earth: one Folder per table, WGS 84, each placemark with a name, a
// description of its coded values and a style from the layer's symbology (as an OGR style
// string, which GDAL's KML drivers write as <Style> elements).

#include "export_formats.h"

#include <algorithm>
#include <cstdio>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKmlIcon =
    "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png";

const Value& valueAt(const Feature& feature, std::size_t index) {
    static const Value null;
    return index < feature.values.size() ? feature.values[index] : null;
}

bool isKept(const ExportTable& table, std::size_t index) {
    return std::find(table.fields.begin(), table.fields.end(), index) != table.fields.end();
}

/// The label of a coded value, or the value itself as text.
std::string labelled(const FieldDef& field, const Value& value, std::string_view language) {
    std::string text = valueText(value);
    if (const CodedValue* coded = field.isCoded() ? field.findCode(text) : nullptr) {
        return coded->label.in(language);
    }
    return text;
}

std::string millimetres(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2fmm", value);
    return text;
}

bool isPointLike(const Geometry& geometry) {
    return std::holds_alternative<Point>(geometry) || std::holds_alternative<MultiPoint>(geometry);
}

bool isLineLike(const Geometry& geometry) {
    return std::holds_alternative<LineString>(geometry) ||
           std::holds_alternative<MultiLineString>(geometry);
}

/// The KML driver that writes styles best: LIBKML when GDAL has it, else the built-in one.
GDALDriver* kmlDriver(std::vector<std::string>& datasetOptions) {
    if (GDALDriver* libkml = GetGDALDriverManager()->GetDriverByName("LIBKML")) {
        return libkml;
    }
    datasetOptions = {"NameField=Name", "DescriptionField=Description"};
    return GetGDALDriverManager()->GetDriverByName("KML");
}

Result<void> addTextColumn(OGRLayer& layer, const char* name, const std::string& where) {
    if (layer.GetLayerDefn()->GetFieldIndex(name) >= 0) {
        return {};
    }
    OGRFieldDefn defn(name, OFTString);
    gdal::ErrorCapture errors;
    if (layer.CreateField(&defn) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot create column '" + std::string(name) + "'",
                    where, errors.last());
    }
    return {};
}

/// Adds the photos to a placemark's balloon: Google Earth shows an <img> in a description
/// and finds a relative path beside the KML file.
void addPhotoImages(std::string& description, const std::string& paths) {
    std::string_view rest = paths;
    while (!rest.empty()) {
        const std::size_t end = rest.find("; ");
        description += (description.empty() ? "<img src=\"" : "<br/><img src=\"") +
                       std::string(rest.substr(0, end)) + "\" width=\"400\"/>";
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
    }
}

} // namespace

std::string valueText(const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        return *text;
    }
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*number);
    }
    if (const auto* date = std::get_if<Date>(&value)) {
        return toIsoString(*date);
    }
    if (const auto* dateTime = std::get_if<DateTime>(&value)) {
        return toIsoString(*dateTime);
    }
    return isNull(value) ? std::string() : toDisplayString(value);
}

std::string ogrStyleFor(const ExportTable& table, const Feature& feature, bool withBrush) {
    const Symbology& symbology = table.source.symbology;
    std::string code;
    if (auto index = table.source.fieldIndex(symbology.field); index && isKept(table, *index)) {
        code = valueText(valueAt(feature, *index));
    }
    const Style& style = symbology.field.empty() ? symbology.fallback : symbology.styleFor(code);
    if (feature.geometry && isPointLike(*feature.geometry)) {
        // Google Earth draws an icon from a URL (an OGR symbol name is not one), tinted in
        // the symbol's colour.
        return "SYMBOL(id:\"" + std::string(kKmlIcon) + "\",c:" + style.fill + ")";
    }
    if (feature.geometry && isLineLike(*feature.geometry)) {
        // A line symbol is drawn in its stroke colour, and a "line" style in its fill.
        const std::string& colour = style.symbol == "line" ? style.fill : style.stroke;
        return "PEN(c:" + colour + ",w:" + millimetres(std::max(style.strokeWidth, 0.5)) + ")";
    }
    std::string pen = "PEN(c:" + style.stroke + ",w:" + millimetres(style.strokeWidth) + ")";
    return withBrush ? pen + ";BRUSH(fc:" + style.fill + ")" : pen;
}

std::string featureTitle(const ExportTable& table, const Feature& feature,
                         std::string_view language) {
    const LayerDef& source = table.source;
    // The field the map labels with, else the layer's own title or name field.
    for (std::string_view name : {std::string_view(source.symbology.labelField),
                                  std::string_view("titel"), std::string_view("namn")}) {
        auto index = name.empty() ? std::nullopt : source.fieldIndex(name);
        if (!index || !isKept(table, *index)) {
            continue;
        }
        if (std::string title = labelled(source.fields[*index], valueAt(feature, *index), language);
            !title.empty()) {
            return title;
        }
    }
    for (std::size_t index : table.fields) {
        if (source.fields[index].isCoded() && !isNull(valueAt(feature, index))) {
            return labelled(source.fields[index], valueAt(feature, index), language);
        }
    }
    return {};
}

std::string codedDescription(const ExportTable& table, const Feature& feature,
                             std::string_view language) {
    std::string text;
    for (std::size_t index : table.fields) {
        const FieldDef& field = table.source.fields[index];
        if (!field.isCoded() || isNull(valueAt(feature, index))) {
            continue;
        }
        text += (text.empty() ? "" : "\n") + field.label.in(language) + ": " +
                labelled(field, valueAt(feature, index), language);
    }
    return text;
}

Result<void> writeKml(const std::vector<ExportTable>& tables, const fs::path& file,
                      ExportContext& context) {
    gdal::ErrorCapture errors;
    const std::string fileName = context.options.output.filename().string();
    std::vector<std::string> datasetOptions;
    GDALDriver* driver = kmlDriver(datasetOptions);
    auto created = gdal::createVectorFile(driver, file, "cannot create file", fileName, datasetOptions);
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
    ColumnRules rules = geoJsonRules(context.options.language);
    for (const ExportTable& table : tables) {
        const std::string where = fileName + ": " + table.source.table;
        const std::vector<std::string> layerOptions{"FOLDER=YES"}; // LIBKML: a Folder per layer
        gdal::StringList layerList(layerOptions);
        OGRLayer* layer = dataset->CreateLayer(table.source.table.c_str(), srs->get(),
                                               wkbUnknown, layerList.get());
        if (layer == nullptr) {
            return fail(ErrorCode::WriteFailed, "cannot create layer", where, errors.last());
        }
        for (const char* column : {"Name", "Description"}) {
            if (auto ok = addTextColumn(*layer, column, where); !ok) {
                return ok;
            }
        }
        auto plan = planColumns(table, rules);
        if (auto ok = createColumns(*layer, plan, where); !ok) {
            return ok;
        }
        auto links = addPhotoColumn(*layer, table, context, rules, where);
        if (!links) {
            return std::unexpected(links.error());
        }
        const int nameSlot = layer->GetLayerDefn()->GetFieldIndex("Name");
        const int descriptionSlot = layer->GetLayerDefn()->GetFieldIndex("Description");
        FeatureWriter writer(*layer, where, std::move(plan), rules, *projector);
        const PhotoLinks* photos = *links;
        if (photos != nullptr) {
            writer.linkPhotos(*photos, table.source.table);
        }
        const std::string& language = context.options.language;
        writer.setDecorator([&table, &language, photos, nameSlot,
                             descriptionSlot](const Feature& feature, OGRFeature& out) {
            out.SetField(nameSlot, featureTitle(table, feature, language).c_str());
            std::string description = codedDescription(table, feature, language);
            if (const std::string* paths =
                    photos != nullptr ? photos->of(table.source.table, feature.id) : nullptr) {
                addPhotoImages(description, *paths);
            }
            out.SetField(descriptionSlot, description.c_str());
            out.SetStyleString(ogrStyleFor(table, feature).c_str());
        });
        if (auto ok = writer.writeAll(table.features, context); !ok) {
            return ok;
        }
        writer.finish(context.report.log);
        context.report.tables.push_back(
            ExportedTable{table.layer, table.source.table, writer.written()});
    }
    return gdal::close(std::move(dataset), file);
}

} // namespace trygg::exporting
