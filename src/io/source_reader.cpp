#include "source_reader.h"

#include "tryggkarta/io/plausible_area.h"

#include "gdal_util.h"
#include "ogr_convert.h"
#include "source_checks.h"
#include "tryggkarta/core/text.h"

#include <boost/geometry/algorithms/is_valid.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/intersects.hpp>

#include <charconv>
#include <cmath>
#include <set>

namespace trygg::gdal {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kXNames = {"x", "e", "easting", "east", "ost", "öst", "östlig",
                                        "lon", "long", "lng", "longitude", "längdgrad"};
const std::set<std::string> kYNames = {"y", "n", "northing", "north", "nord", "norr", "nordlig",
                                        "lat", "latitude", "breddgrad"};
const std::set<std::string> kLonLatNames = {"lon", "long", "lng", "longitude", "längdgrad",
                                             "lat", "latitude", "breddgrad"};

bool isCsv(const fs::path& path) {
    auto ext = foldCase(path.extension().string());
    return ext == ".csv" || ext == ".tsv" || ext == ".txt";
}

/// A number as people write it in Sweden too: "733107,5" as well as "733107.5".
std::optional<double> parseNumber(std::string_view text) {
    std::string s(trim(text));
    if (s.find('.') == std::string::npos) {
        std::ranges::replace(s, ',', '.');
    }
    double value = 0.0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc{} || ptr != s.data() + s.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::string inQuotes(std::string_view text) {
    constexpr std::size_t kMax = 60;
    return "'" + std::string(text.substr(0, kMax)) + (text.size() > kMax ? "…'" : "'");
}

std::string normaliseDateText(std::string_view text) {
    std::string s(trim(text));
    if (s.size() >= 10 && s[4] == '/' && s[7] == '/') {
        s[4] = '-';
        s[7] = '-';
    }
    return s;
}

/// Converts one source value to the target field's type. Returns the reason on failure.
using CodeLookup = std::unordered_map<std::string, std::string>;

CodeLookup codeLookup(const FieldDef& field) {
    CodeLookup lookup;
    for (const auto& value : field.values) {
        for (const std::string* text : {&value.code, &value.label.sv, &value.label.en}) {
            if (!text->empty()) {
                lookup.emplace(*text, value.code);
                lookup.emplace(foldCase(*text), value.code);
            }
        }
    }
    return lookup;
}

std::string allowedCodes(const FieldDef& field) {
    std::string allowed;
    for (const auto& v : field.values) {
        allowed += (allowed.empty() ? "" : ", ") + v.code;
    }
    return allowed;
}

std::optional<std::string> convertDateText(const std::string& text, const FieldDef& field, Value& out) {
    std::string normalised = normaliseDateText(text);
    if (field.type == FieldType::Date) {
        auto date = parseDate(normalised.substr(0, std::min<std::size_t>(10, normalised.size())));
        if (!date || (normalised.size() > 10 && !parseDateTime(normalised))) {
            return inQuotes(text) + " is not a date (write YYYY-MM-DD)";
        }
        out = *date;
        return std::nullopt;
    }
    auto dateTime = parseDateTime(normalised);
    if (!dateTime) {
        return inQuotes(text) + " is not a date and time (write YYYY-MM-DDThh:mm)";
    }
    out = *dateTime;
    return std::nullopt;
}

/// Converts source text (a CSV cell, a mapped answer) to the target field's type: the code of
/// a value list, a number, a date. Returns the reason on failure.
std::optional<std::string> convertText(std::string text, const FieldDef& field,
                                       const CodeLookup& codes, Value& out) {
    out = std::monostate{};
    if (trim(text).empty()) {
        return std::nullopt;
    }
    if (!isValidUtf8(text)) {
        return std::string("text is not valid UTF-8 (a missing or wrong .cpg file?)");
    }
    if (field.isCoded()) {
        auto found = codes.find(text); // exact spelling first: no folding for clean data
        if (found == codes.end()) {
            found = codes.find(foldCase(trim(text)));
        }
        if (found == codes.end()) {
            return "unknown value " + inQuotes(text) + " (allowed: " + allowedCodes(field) + ")";
        }
        text = found->second;
    }
    switch (field.type) {
    case FieldType::Text:
        out = text;
        return std::nullopt;
    case FieldType::Integer: {
        auto number = parseNumber(text);
        if (!number || std::trunc(*number) != *number || std::abs(*number) > 9.0e15) {
            return inQuotes(text) + " is not a whole number";
        }
        out = static_cast<std::int64_t>(*number);
        return std::nullopt;
    }
    case FieldType::Real: {
        auto number = parseNumber(text);
        if (!number) {
            return inQuotes(text) + " is not a number";
        }
        out = *number;
        return std::nullopt;
    }
    case FieldType::Date:
    case FieldType::DateTime:
        return convertDateText(text, field, out);
    }
    return std::nullopt;
}

bool isDateType(OGRFieldType type) { return type == OFTDate || type == OFTDateTime; }

DateTime sourceDateTime(const OGRFeature& in, int index) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
    float ss = 0.0F;
    in.GetFieldAsDateTime(index, &y, &m, &d, &hh, &mm, &ss, &tz);
    return toDateTime(y, m, d, hh, mm, ss, tz);
}

/// A source cell as text for a mapping: dates in ISO form (with their zone), NULL as nullopt.
std::optional<std::string> cellText(const OGRFeature& in, int index) {
    if (!in.IsFieldSetAndNotNull(index)) {
        return std::nullopt;
    }
    if (isDateType(in.GetFieldDefnRef(index)->GetType())) {
        return toIsoString(sourceDateTime(in, index));
    }
    return std::string(in.GetFieldAsString(index));
}

/// Converts one source value to the target field's type. Returns the reason on failure.
std::optional<std::string> convertValue(const OGRFeature& in, int index, OGRFieldType sourceType,
                                        const FieldDef& field, const CodeLookup& codes,
                                        Value& out) {
    out = std::monostate{};
    if (!in.IsFieldSetAndNotNull(index)) {
        return std::nullopt;
    }
    const bool sourceIsNumber =
        sourceType == OFTInteger || sourceType == OFTInteger64 || sourceType == OFTReal;
    if ((!sourceIsNumber && !isDateType(sourceType)) || field.isCoded()) {
        return convertText(in.GetFieldAsString(index), field, codes, out);
    }
    switch (field.type) {
    case FieldType::Text:
        out = std::string(in.GetFieldAsString(index));
        return std::nullopt;
    case FieldType::Integer:
    case FieldType::Real:
        if (!sourceIsNumber) {
            return inQuotes(in.GetFieldAsString(index)) + " is not a number";
        }
        if (field.type == FieldType::Real) {
            out = in.GetFieldAsDouble(index);
        } else if (sourceType != OFTReal) {
            out = static_cast<std::int64_t>(in.GetFieldAsInteger64(index));
        } else {
            return convertText(in.GetFieldAsString(index), field, codes, out);
        }
        return std::nullopt;
    case FieldType::Date:
    case FieldType::DateTime:
        if (sourceIsNumber) {
            return std::string("a number where a date is expected");
        }
        if (const DateTime dateTime = sourceDateTime(in, index); field.type == FieldType::Date) {
            out = dateTime.date;
        } else {
            out = dateTime;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

/// One-element multi-geometries become single ones, as a thematic layer stores them.
void unwrapSingle(Geometry& geometry) {
    if (auto* mp = std::get_if<MultiPoint>(&geometry); mp && mp->size() == 1) {
        geometry = Point((*mp)[0]);
    } else if (auto* ml = std::get_if<MultiLineString>(&geometry); ml && ml->size() == 1) {
        geometry = LineString((*ml)[0]);
    } else if (auto* mpoly = std::get_if<MultiPolygon>(&geometry); mpoly && mpoly->size() == 1) {
        geometry = Polygon((*mpoly)[0]);
    }
}

OGRLayer* chooseLayer(GDALDataset& dataset, const ImportOptions& options, const LayerDef& target,
                      ImportReport& report, std::string& failure) {
    if (!options.sourceLayer.empty()) {
        OGRLayer* layer = dataset.GetLayerByName(options.sourceLayer.c_str());
        if (layer == nullptr) {
            std::string names;
            for (auto* l : dataset.GetLayers()) {
                names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            }
            failure = "no layer " + inQuotes(options.sourceLayer) + " in the source (it has: " + names + ")";
        }
        return layer;
    }
    if (dataset.GetLayerCount() == 1) {
        return dataset.GetLayer(0);
    }
    if (OGRLayer* same = dataset.GetLayerByName(target.table.c_str())) {
        return same;
    }
    // GPX, KML and multi-table files: the first non-empty layer of a fitting geometry type.
    for (auto* layer : dataset.GetLayers()) {
        auto type = wkbFlatten(layer->GetGeomType());
        bool fits = target.geometry == GeometryKind::Any ||
                    (target.geometry == GeometryKind::Point && (type == wkbPoint || type == wkbMultiPoint)) ||
                    (target.geometry == GeometryKind::LineString &&
                     (type == wkbLineString || type == wkbMultiLineString)) ||
                    (target.geometry == GeometryKind::Polygon &&
                     (type == wkbPolygon || type == wkbMultiPolygon)) ||
                    type == wkbUnknown;
        if (fits && layer->GetFeatureCount(TRUE) > 0) {
            report.notes.push_back("the source has several layers; took " + inQuotes(layer->GetName()) +
                                   " (choose another with --src-layer)");
            return layer;
        }
    }
    failure = "the source has several layers and none fits; choose one with --src-layer";
    return nullptr;
}

} // namespace

SourceReader::SourceReader(const LayerDef& target, CoordinateTransform transform)
    : m_target(&target), m_transform(std::move(transform)) {}

Result<SourceReader> SourceReader::open(const fs::path& source, const LayerDef& target,
                                        const Crs& projectCrs, const ImportOptions& options,
                                        ImportReport& report) {
    const std::string name = displayName(source);
    report.source = name;
    report.targetLayer = target.table;
    std::vector<std::string> openOptions;
    if (isCsv(source)) {
        // We find coordinate columns ourselves, so a bad value is reported with its row.
        openOptions = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", "EMPTY_STRING_AS_NULL=YES"};
        if (auto quote = unclosedQuote(source)) {
            return fail(ErrorCode::InvalidFormat, *quote, name);
        }
    }
    auto opened = openVector(source, false, openOptions);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    std::string failure;
    OGRLayer* layer = chooseLayer(**opened, options, target, report, failure);
    if (layer != nullptr) {
        // A shapefile that does not say its encoding is read raw by GDAL; Latin-1 text would
        // then be rejected row by row, so it is reopened as Windows-1252 (and the report says so).
        if (auto encoding = fallbackEncoding(source, *layer, report.notes)) {
            openOptions.push_back("ENCODING=" + *encoding);
            opened = openVector(source, false, openOptions);
            if (!opened) {
                return std::unexpected(opened.error());
            }
            layer = chooseLayer(**opened, options, target, report, failure);
        }
    }
    if (layer == nullptr) {
        return fail(ErrorCode::NotFound, failure, name);
    }
    report.sourceLayer = layer->GetName();
    OGRFeatureDefn* defn = layer->GetLayerDefn();

    auto findColumn = [&](const std::set<std::string>& names) {
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (names.contains(foldCase(defn->GetFieldDefn(i)->GetNameRef()))) {
                return i;
            }
        }
        return -1;
    };
    int xColumn = -1;
    int yColumn = -1;
    bool lonLat = false;
    const ImportMapping* file = options.mapping ? &*options.mapping : nullptr;
    if (wkbFlatten(layer->GetGeomType()) == wkbNone || defn->GetGeomFieldCount() == 0) {
        xColumn = file && !file->xColumn.empty() ? defn->GetFieldIndex(file->xColumn.c_str())
                                                 : findColumn(kXNames);
        yColumn = file && !file->yColumn.empty() ? defn->GetFieldIndex(file->yColumn.c_str())
                                                 : findColumn(kYNames);
        if (file && !file->xColumn.empty() && (xColumn < 0 || yColumn < 0)) {
            const bool x = xColumn < 0;
            return fail(ErrorCode::Usage, "no column " + inQuotes(x ? file->xColumn : file->yColumn) +
                                              " in the source", file->sourceName + (x ? ": x" : ": y"));
        }
        if (xColumn < 0 || yColumn < 0) {
            return fail(ErrorCode::InvalidFormat,
                        "no geometry, and no coordinate columns (x/y, e/n, lon/lat) were found",
                        name);
        }
        lonLat = kLonLatNames.contains(foldCase(defn->GetFieldDefn(xColumn)->GetNameRef()));
    }

    Crs sourceCrs;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        sourceCrs = crsFromSrs(*srs);
    }
    if (options.sourceCrs) {
        if (sourceCrs.isValid() && !(sourceCrs == *options.sourceCrs)) {
            report.notes.push_back("the source says " + sourceCrs.identifier() + "; used " +
                                   options.sourceCrs->identifier() + " as asked");
        }
        sourceCrs = *options.sourceCrs;
    } else if (!sourceCrs.isValid() && lonLat) {
        sourceCrs = Crs::fromEpsg(crs::kWgs84);
        report.notes.push_back("coordinates read as WGS 84 longitude/latitude (column names)");
    }
    if (!sourceCrs.isValid()) {
        return fail(ErrorCode::CrsUnknown,
                    "the file does not say which coordinate system it uses (no .prj?); "
                    "give it with --src-crs, e.g. EPSG:3006 for SWEREF 99 TM or EPSG:3016 for "
                    "SWEREF 99 20 15",
                    name);
    }
    auto transform = CoordinateTransform::create(sourceCrs, projectCrs);
    if (!transform) {
        Error error = transform.error();
        error.where = name;
        return std::unexpected(error);
    }
    if (!transform->isIdentity()) {
        report.notes.push_back("reprojected from " + sourceCrs.displayName() + " to " +
                               projectCrs.displayName());
    }

    SourceReader reader(target, std::move(*transform));
    // Sweden with a wide margin: anything outside is a wrong CRS or a typo, not a place here.
    auto plausible = plausibleArea(projectCrs);
    if (!plausible) {
        return std::unexpected(plausible.error());
    }
    reader.m_plausible = *plausible;
    reader.m_xColumn = xColumn;
    reader.m_yColumn = yColumn;

    // Field mapping: explicit --field first, then same name, then the Swedish or English label.
    std::set<int> used = {xColumn, yColumn};
    for (const auto& [dst, src] : options.fieldMap) {
        if (target.field(dst) == nullptr) {
            return fail(ErrorCode::Usage, "--field names " + inQuotes(dst) + ", which is not a field of " +
                                              target.table, name);
        }
        if (defn->GetFieldIndex(src.c_str()) < 0) {
            std::string columns;
            for (int i = 0; i < defn->GetFieldCount(); ++i) {
                columns += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
            }
            return fail(ErrorCode::Usage, "no column " + inQuotes(src) + " (columns: " + columns + ")",
                        name);
        }
    }
    auto specFor = [&](const std::string& name) -> const FieldMapping* {
        auto it = file ? file->fields.find(name) : decltype(file->fields)::const_iterator{};
        return file && it != file->fields.end() ? &it->second : nullptr;
    };
    // Columns the mapping file names are not matched to other fields by their name.
    for (const auto& entry : file ? file->fields : std::map<std::string, FieldMapping>{}) {
        for (const auto& column : entry.second.related ? std::vector<std::string>{} : entry.second.columns) {
            used.insert(defn->GetFieldIndex(column.c_str()));
        }
    }
    for (const auto& field : target.fields) {
        Mapping mapping;
        if (auto it = options.fieldMap.find(field.name); it != options.fieldMap.end()) {
            mapping.sourceIndex = defn->GetFieldIndex(it->second.c_str());
        } else if (const FieldMapping* spec = specFor(field.name)) {
            mapping.spec = spec;
            if (auto problem = resolveColumns(mapping, **opened, *defn)) {
                return fail(ErrorCode::Usage, *problem, file->sourceName + ": fields." + field.name);
            }
            if (field.isCoded()) {
                mapping.codes = codeLookup(field);
            }
            for (int column : mapping.related ? std::vector<int>{} : mapping.columns) {
                used.insert(column);
            }
            report.fieldSources[field.name] =
                spec->constant ? "= " + *spec->constant : spec->columns.front();
            reader.m_mapping.push_back(std::move(mapping));
            continue;
        } else {
            for (int i = 0; i < defn->GetFieldCount() && mapping.sourceIndex < 0; ++i) {
                std::string column = defn->GetFieldDefn(i)->GetNameRef();
                if (!used.contains(i) &&
                    (equalsFolded(column, field.name) || equalsFolded(column, field.label.sv) ||
                     (!field.label.en.empty() && equalsFolded(column, field.label.en)))) {
                    mapping.sourceIndex = i;
                }
            }
        }
        if (mapping.sourceIndex >= 0) {
            mapping.sourceType = defn->GetFieldDefn(mapping.sourceIndex)->GetType();
            if (field.isCoded()) {
                mapping.codes = codeLookup(field);
            }
            used.insert(mapping.sourceIndex);
            report.fieldSources[field.name] = defn->GetFieldDefn(mapping.sourceIndex)->GetNameRef();
        } else if (field.required) {
            return fail(ErrorCode::InvalidValue,
                        "required field " + inQuotes(field.name) + " (" + field.label.sv +
                            ") has no column in the source; map one with --field " + field.name +
                            "=COLUMN",
                        name);
        }
        reader.m_mapping.push_back(mapping);
    }
    std::string ignored;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (!used.contains(i)) {
            ignored += (ignored.empty() ? "" : ", ") + std::string(defn->GetFieldDefn(i)->GetNameRef());
        }
    }
    if (!ignored.empty()) {
        report.notes.push_back("columns not imported (no field of that name): " + ignored);
    }
    GIntBig count = layer->GetFeatureCount(FALSE);
    reader.m_expectedRows = count > 0 ? static_cast<std::uint64_t>(count) : 0;
    layer->ResetReading();
    reader.m_layer = layer;
    reader.m_dataset = std::move(*opened);
    return reader;
}

std::optional<std::string> SourceReader::resolveColumns(Mapping& mapping, GDALDataset& dataset,
                                                        OGRFeatureDefn& defn) {
    const FieldMapping& spec = *mapping.spec;
    OGRFeatureDefn* columns = &defn;
    if (spec.related) {
        mapping.related = dataset.GetLayerByName(spec.related->layer.c_str());
        if (mapping.related == nullptr) {
            return "the source has no layer " + inQuotes(spec.related->layer);
        }
        columns = mapping.related->GetLayerDefn();
        mapping.relatedKey = columns->GetFieldIndex(spec.related->key.c_str());
        if (mapping.relatedKey < 0) {
            return "no column " + inQuotes(spec.related->key) + " in " + inQuotes(spec.related->layer);
        }
    }
    for (const auto& name : spec.columns) {
        const int index = columns->GetFieldIndex(name.c_str());
        if (index < 0) {
            std::string names;
            for (int i = 0; i < columns->GetFieldCount(); ++i) {
                names += (i ? ", " : "") + std::string(columns->GetFieldDefn(i)->GetNameRef());
            }
            return "no column " + inQuotes(name) + " in the source (columns: " + names + ")";
        }
        mapping.columns.push_back(index);
    }
    return std::nullopt;
}

std::optional<std::string> SourceReader::mappedValue(const OGRFeature& in, const Mapping& mapping,
                                                     const FieldDef& field, Value& out) const {
    std::vector<std::optional<std::string>> texts;
    OGRFeatureUniquePtr relatedRow;
    const OGRFeature* row = &in;
    if (mapping.related != nullptr) {
        // The first related row in file order, e.g. the first point of a GPX track.
        const std::string key = mapping.related->GetLayerDefn()->GetFieldDefn(mapping.relatedKey)->GetNameRef();
        const std::string filter = "\"" + key + "\" = " + std::to_string(in.GetFID());
        mapping.related->SetAttributeFilter(filter.c_str());
        mapping.related->ResetReading();
        relatedRow.reset(mapping.related->GetNextFeature());
        row = relatedRow.get();
    }
    for (int column : mapping.columns) {
        texts.push_back(row != nullptr ? cellText(*row, column) : std::nullopt);
    }
    auto text = mapping.spec->apply(texts);
    if (!text) {
        return text.error();
    }
    return convertText(*text, field, mapping.codes, out);
}

std::optional<std::string> SourceReader::readGeometry(const OGRFeature& in, Feature& out,
                                                      std::string& field) const {
    Geometry geometry;
    if (m_xColumn >= 0) {
        auto x = in.IsFieldSetAndNotNull(m_xColumn) ? parseNumber(in.GetFieldAsString(m_xColumn))
                                                    : std::nullopt;
        auto y = in.IsFieldSetAndNotNull(m_yColumn) ? parseNumber(in.GetFieldAsString(m_yColumn))
                                                    : std::nullopt;
        if (!x || !y) {
            if (auto mismatch = delimiterMismatch(in)) {
                return mismatch;
            }
            int bad = !x ? m_xColumn : m_yColumn;
            field = in.GetFieldDefnRef(bad)->GetNameRef();
            return in.IsFieldSetAndNotNull(bad)
                       ? inQuotes(in.GetFieldAsString(bad)) + " is not a number"
                       : std::string("coordinate missing");
        }
        geometry = Point{*x, *y};
    } else {
        const OGRGeometry* source = in.GetGeometryRef();
        if (source == nullptr || source->IsEmpty()) {
            return m_rowError.empty() ? std::string("no geometry")
                                      : "the geometry cannot be read (damaged file?): " + m_rowError;
        }
        auto converted = toGeometry(*source);
        if (!converted) {
            return converted.error().message;
        }
        geometry = std::move(*converted);
    }
    unwrapSingle(geometry);
    if (!acceptsGeometry(m_target->geometry, geometry)) {
        return "wrong geometry type " + std::string(geometryTypeName(geometry)) + ": layer " +
               m_target->table + " takes " + std::string(geometryKindName(m_target->geometry));
    }
    Box box = envelope(geometry);
    if (!std::isfinite(box.min_corner().x()) || !std::isfinite(box.max_corner().y())) {
        return std::string("coordinates are not finite numbers");
    }
    if (auto moved = m_transform.apply(geometry); !moved) {
        return "cannot reproject: " + moved.error().message;
    }
    box = envelope(geometry);
    if (!bg::covered_by(box, m_plausible)) {
        char buffer[96];
        const double x = box.min_corner().x();
        const double y = box.min_corner().y();
        if (std::abs(x) < 1e9 && std::abs(y) < 1e9) {
            std::snprintf(buffer, sizeof buffer, "(%.1f, %.1f)", x, y);
        } else { // 1e300 in %.1f is 300 digits
            std::snprintf(buffer, sizeof buffer, "(%.3g, %.3g)", x, y);
        }
        return std::string("lies far outside Sweden ") + buffer + " (wrong coordinate system?)";
    }
    if (kindOf(geometry) == GeometryKind::Polygon) {
        std::string reason;
        bool valid = std::visit(
            [&](const auto& g) {
                using G = std::decay_t<decltype(g)>;
                if constexpr (std::is_same_v<G, Polygon> || std::is_same_v<G, MultiPolygon>) {
                    if (bg::is_valid(g, reason)) {
                        return true;
                    }
                    // Boost names the first rule broken; for a bow tie that is the orientation,
                    // which does not tell a planner what is wrong with the drawing.
                    if (bg::intersects(g)) {
                        reason = "its outline crosses itself";
                    }
                    return false;
                }
                return true;
            },
            geometry);
        if (!valid) {
            return "invalid polygon: " + reason;
        }
    }
    out.geometry = std::move(geometry);
    return std::nullopt;
}

SourceReader::Outcome SourceReader::next(Feature& feature, RejectedRow& rejected) {
    // GDAL reports a damaged row (a truncated .shp) or the end of a damaged file (a truncated
    // .dbf) only through its error state: kept, so neither passes for a good row or a good end.
    ErrorCapture errors;
    CPLErrorReset();
    OGRFeatureUniquePtr in(m_layer->GetNextFeature());
    m_rowError = CPLGetLastErrorType() >= CE_Failure ? errors.last() : std::string();
    if (!in) {
        m_damage = m_rowError;
        return Outcome::End;
    }
    ++m_row;
    feature.id = kNoFeatureId;
    feature.geometry.reset();
    feature.values.resize(m_target->fields.size());
    std::string field;
    if (auto reason = readGeometry(*in, feature, field)) {
        rejected = RejectedRow{m_row, field, *reason};
        return Outcome::Rejected;
    }
    for (std::size_t i = 0; i < m_mapping.size(); ++i) {
        const FieldDef& def = m_target->fields[i];
        Value& value = feature.values[i];
        std::optional<std::string> reason;
        if (m_mapping[i].spec != nullptr) {
            reason = mappedValue(*in, m_mapping[i], def, value);
        } else if (m_mapping[i].sourceIndex >= 0) {
            reason = convertValue(*in, m_mapping[i].sourceIndex, m_mapping[i].sourceType, def,
                                  m_mapping[i].codes, value);
        } else {
            value = std::monostate{};
        }
        if (!reason) {
            reason = checkValue(def, value);
        }
        if (reason) {
            rejected = RejectedRow{m_row, def.name, *reason};
            return Outcome::Rejected;
        }
    }
    return Outcome::Feature;
}

} // namespace trygg::gdal
