#include "tryggkarta/io/import_mapping.h"

#include "tryggkarta/core/sun.h"
#include "tryggkarta/core/text.h"
#include "tryggkarta/io/crs_transform.h"

#include "gdal_util.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace trygg {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr std::string_view kMappingFormat = "tryggkarta-import-mapping/1";

/// Reads one mapping document; a broken rule throws a MappingProblem carrying the JSON path,
/// which parseImportMapping turns into an Error naming the file.
struct MappingProblem {
    std::string path;
    std::string message;
};

class MappingParser {
public:
    explicit MappingParser(const LayerCatalog& catalog) : m_catalog(catalog) {}

    ImportMapping parse(const json& root) {
        expectKeys(root, "",
                   {"format", "title", "layer", "source_layer", "source_crs", "x", "y", "fields"});
        if (string(root, "", "format") != kMappingFormat) {
            throw MappingProblem{"format", "expected \"" + std::string(kMappingFormat) + "\""};
        }
        ImportMapping mapping;
        mapping.targetLayer = string(root, "", "layer");
        const LayerDef* layer = m_catalog.find(mapping.targetLayer);
        if (layer == nullptr) {
            throw MappingProblem{"layer", "no layer '" + mapping.targetLayer + "'"};
        }
        if (root.contains("title")) {
            expectKeys(root["title"], "title", {"sv", "en"});
            mapping.title.sv = string(root["title"], "title", "sv");
            mapping.title.en = optionalString(root["title"], "title", "en");
        }
        mapping.sourceLayer = optionalString(root, "", "source_layer");
        if (auto crsText = optionalString(root, "", "source_crs"); !crsText.empty()) {
            auto crs = parseCrs(crsText);
            if (!crs) {
                throw MappingProblem{"source_crs", crs.error().message};
            }
            mapping.sourceCrs = *crs;
        }
        mapping.xColumn = optionalString(root, "", "x");
        mapping.yColumn = optionalString(root, "", "y");
        if (mapping.xColumn.empty() != mapping.yColumn.empty()) {
            throw MappingProblem{mapping.xColumn.empty() ? "x" : "y",
                                 "give both x and y, or neither"};
        }
        if (!root.contains("fields") || !root["fields"].is_object()) {
            throw MappingProblem{"fields", "missing, or not an object { \"field\": {...} }"};
        }
        for (const auto& [name, spec] : root["fields"].items()) {
            const FieldDef* field = layer->field(name);
            if (field == nullptr) {
                throw MappingProblem{"fields." + name, "not a field of " + layer->table};
            }
            mapping.fields[name] = fieldMapping(spec, "fields." + name, *field);
        }
        return mapping;
    }

private:
    static void expectKeys(const json& object, const std::string& path,
                           const std::set<std::string>& keys) {
        if (!object.is_object()) {
            throw MappingProblem{path, "expected an object { ... }"};
        }
        for (const auto& [key, value] : object.items()) {
            if (!keys.contains(key)) {
                throw MappingProblem{path.empty() ? key : path + "." + key, "unknown key"};
            }
        }
    }

    static std::string optionalString(const json& object, const std::string& path,
                                      const std::string& key) {
        return object.contains(key) ? string(object, path, key) : std::string();
    }

    static std::string string(const json& object, const std::string& path, const std::string& key) {
        const std::string where = path.empty() ? key : path + "." + key;
        if (!object.contains(key)) {
            throw MappingProblem{where, "missing"};
        }
        if (!object[key].is_string()) {
            throw MappingProblem{where, "expected text in quotes"};
        }
        return object[key].get<std::string>();
    }

    static std::vector<std::string> strings(const json& value, const std::string& path) {
        if (!value.is_array() || value.empty()) {
            throw MappingProblem{path, "expected a list of texts [\"...\", ...]"};
        }
        std::vector<std::string> result;
        for (const auto& item : value) {
            if (!item.is_string()) {
                throw MappingProblem{path, "expected a list of texts [\"...\", ...]"};
            }
            result.push_back(item.get<std::string>());
        }
        return result;
    }

    /// The code a mapping names for a coded field (code or label); text as is otherwise.
    static std::string code(const FieldDef& field, const std::string& text,
                            const std::string& path) {
        if (!field.isCoded()) {
            return text;
        }
        auto found = field.matchCode(text);
        if (!found) {
            std::string codes;
            for (const auto& value : field.values) {
                codes += (codes.empty() ? "" : ", ") + value.code;
            }
            throw MappingProblem{path, "'" + text + "' is not a code of " + field.name +
                                           " (codes: " + codes + ")"};
        }
        return *found;
    }

    FieldMapping fieldMapping(const json& spec, const std::string& path, const FieldDef& field) {
        expectKeys(spec, path,
                   {"column", "columns", "separator", "constant", "values", "unmapped",
                    "time_formats", "related", "light_condition"});
        FieldMapping mapping;
        if (spec.contains("column") == spec.contains("columns") && spec.contains("column")) {
            throw MappingProblem{path, "give column or columns, not both"};
        }
        if (spec.contains("column")) {
            mapping.columns = {string(spec, path, "column")};
        } else if (spec.contains("columns")) {
            mapping.columns = strings(spec["columns"], path + ".columns");
        }
        if (spec.contains("constant")) {
            if (!mapping.columns.empty()) {
                throw MappingProblem{path, "give a constant or columns, not both"};
            }
            mapping.constant = code(field, string(spec, path, "constant"), path + ".constant");
        } else if (mapping.columns.empty()) {
            throw MappingProblem{path, "give column, columns or constant"};
        }
        if (spec.contains("separator")) {
            mapping.separator = string(spec, path, "separator");
        }
        if (spec.contains("values")) {
            const json& values = spec["values"];
            if (!values.is_object()) {
                throw MappingProblem{path + ".values",
                                     "expected an object { \"their answer\": \"our code\" }"};
            }
            for (const auto& [answer, ours] : values.items()) {
                if (!ours.is_string()) {
                    throw MappingProblem{path + ".values." + answer, "expected text in quotes"};
                }
                mapping.values[foldCase(trim(answer))] =
                    code(field, ours.get<std::string>(), path + ".values." + answer);
            }
        }
        if (spec.contains("unmapped")) {
            mapping.unmapped = code(field, string(spec, path, "unmapped"), path + ".unmapped");
        }
        if (field.isCoded() && (!mapping.values.empty() || mapping.unmapped)) {
            // Answers that already are one of our codes or labels need no line of their own.
            for (const auto& value : field.values) {
                for (const std::string* text : {&value.code, &value.label.sv, &value.label.en}) {
                    if (!text->empty()) {
                        mapping.values.try_emplace(foldCase(trim(*text)), value.code);
                    }
                }
            }
        }
        if (spec.contains("time_formats")) {
            mapping.timeFormats = strings(spec["time_formats"], path + ".time_formats");
        }
        if (spec.contains("related")) {
            expectKeys(spec["related"], path + ".related", {"layer", "key"});
            mapping.related = RelatedRows{string(spec["related"], path + ".related", "layer"),
                                          string(spec["related"], path + ".related", "key")};
        }
        if (spec.contains("light_condition")) {
            if (!spec["light_condition"].is_boolean()) {
                throw MappingProblem{path + ".light_condition", "expected true or false"};
            }
            mapping.lightCondition = spec["light_condition"].get<bool>();
            if (mapping.lightCondition && !field.findCode("morker")) {
                throw MappingProblem{path + ".light_condition",
                                     "the field has no light-condition codes"};
            }
        }
        const bool isTime = field.type == FieldType::Date || field.type == FieldType::DateTime;
        if (!mapping.timeFormats.empty() && !isTime && !mapping.lightCondition) {
            throw MappingProblem{path + ".time_formats", "only for date and time fields"};
        }
        return mapping;
    }

    const LayerCatalog& m_catalog;
};

Result<std::string> readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::OpenFailed, "cannot read mapping file", file.string());
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

/// Reads `digits` (1..max) decimal digits at `pos`.
std::optional<int> readNumber(std::string_view text, std::size_t& pos, std::size_t maxDigits) {
    std::size_t end = pos;
    while (end < text.size() && end - pos < maxDigits && text[end] >= '0' && text[end] <= '9') {
        ++end;
    }
    int value = 0;
    if (end == pos ||
        std::from_chars(text.data() + pos, text.data() + end, value).ec != std::errc{}) {
        return std::nullopt;
    }
    pos = end;
    return value;
}

std::string describeFormats(const std::vector<std::string>& formats) {
    std::string list;
    for (const auto& format : formats) {
        list += (list.empty() ? "" : ", ") + format;
    }
    return list;
}

std::string inQuotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

} // namespace

std::optional<DateTime> parseTimestamp(std::string_view text, std::string_view format) {
    text = trim(text);
    DateTime result;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 == format.size() || format[i + 1] == '%') {
            if (pos >= text.size() || text[pos] != format[i]) {
                return std::nullopt;
            }
            ++pos;
            i += format[i] == '%' ? 1 : 0;
            continue;
        }
        const char directive = format[++i];
        int* target = directive == 'Y'   ? &result.date.year
                      : directive == 'm' ? &result.date.month
                      : directive == 'd' ? &result.date.day
                      : directive == 'H' ? &result.hour
                      : directive == 'M' ? &result.minute
                                         : nullptr;
        auto value = readNumber(text, pos, directive == 'Y' ? 4 : 2);
        if (!value || (target == nullptr && directive != 'S')) {
            return std::nullopt;
        }
        if (target != nullptr) {
            *target = *value;
        } else {
            result.second = *value;
        }
    }
    // The ISO parser checks the calendar (30 February) and the clock.
    if (pos != text.size() || !parseDateTime(toIsoString(result))) {
        return std::nullopt;
    }
    return result;
}

std::expected<std::string, std::string>
FieldMapping::apply(const std::vector<std::optional<std::string>>& texts) const {
    if (constant) {
        return *constant;
    }
    std::string joined;
    for (const auto& text : texts) {
        if (text && !trim(*text).empty()) {
            joined += (joined.empty() ? "" : separator) + std::string(trim(*text));
        }
    }
    if (joined.empty()) {
        return unmapped.value_or(joined); // no answer at all is an answer the mapping lacks too
    }
    const std::string column =
        columns.empty() ? std::string() : " in column " + inQuotes(columns.front());
    if (!values.empty()) {
        if (auto it = values.find(foldCase(joined)); it != values.end()) {
            return it->second;
        }
        if (!unmapped) {
            return std::unexpected("unknown answer " + inQuotes(joined) + column +
                                   " (not in the mapping's values)");
        }
        return *unmapped;
    }
    std::optional<DateTime> time;
    for (const auto& format : timeFormats) {
        if ((time = parseTimestamp(joined, format))) {
            break;
        }
    }
    if (!timeFormats.empty() && !time) {
        return std::unexpected(inQuotes(joined) + column + " is not a time written as " +
                               describeFormats(timeFormats));
    }
    if (lightCondition) {
        if (!time) {
            time = parseDateTime(joined);
        }
        auto instant = time ? utcInstant(*time) : std::nullopt;
        if (!instant) {
            return std::unexpected(
                inQuotes(joined) + column +
                " is not a time with a time zone, needed for the light condition");
        }
        return std::string(lightConditionCode(trygg::lightCondition(*instant, kVannasCentrum)));
    }
    return time ? toIsoString(*time) : joined;
}

Result<ImportMapping> parseImportMapping(std::string_view text, std::string_view sourceName,
                                         const LayerCatalog& catalog) {
    const std::string name(sourceName);
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        return fail(ErrorCode::InvalidFormat, "not valid JSON",
                    name + ": byte " + std::to_string(e.byte), e.what());
    } catch (const json::exception& e) { // a number beyond a double's range (1e999)
        return fail(ErrorCode::InvalidFormat, "not valid JSON", name, e.what());
    }
    try {
        ImportMapping mapping = MappingParser(catalog).parse(root);
        mapping.sourceName = name;
        return mapping;
    } catch (const MappingProblem& p) {
        return fail(ErrorCode::InvalidFormat, p.message,
                    name + (p.path.empty() ? "" : ": " + p.path));
    }
}

Result<ImportMapping> loadImportMapping(const fs::path& file, const LayerCatalog& catalog) {
    auto text = readText(file);
    if (!text) {
        return std::unexpected(text.error());
    }
    return parseImportMapping(*text, file.filename().string(), catalog);
}

std::vector<ReadyMapping> readyMappings(const LayerCatalog& catalog) {
    std::vector<ReadyMapping> ready;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(catalog.directory / "mappings", ec)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        if (auto mapping = loadImportMapping(entry.path(), catalog)) {
            ready.push_back(ReadyMapping{entry.path(), mapping->title, mapping->targetLayer});
        }
    }
    std::ranges::sort(ready, {}, &ReadyMapping::file);
    return ready;
}

namespace {

/// The column names of the source's first layer, folded; empty when it cannot be read.
std::set<std::string> sourceColumns(const fs::path& source) {
    std::set<std::string> columns;
    // Quiet: a source GDAL cannot open is reported, naming the file, by the import that follows.
    const gdal::ErrorCapture quiet;
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = dataset && dataset->GetLayerCount() > 0 ? dataset->GetLayer(0) : nullptr;
    if (layer != nullptr) {
        const OGRFeatureDefn* definition = layer->GetLayerDefn();
        for (int i = 0; i < definition->GetFieldCount(); ++i) {
            columns.insert(foldCase(definition->GetFieldDefn(i)->GetNameRef()));
        }
    }
    return columns;
}

/// True when the source has every column the mapping reads (none of it: a mapping of
/// constants only fits anything, so it is never chosen by itself).
bool readsColumnsOf(const ImportMapping& mapping, const std::set<std::string>& columns) {
    std::vector<std::string> wanted;
    for (const std::string* axis : {&mapping.xColumn, &mapping.yColumn}) {
        if (!axis->empty()) {
            wanted.push_back(*axis);
        }
    }
    for (const auto& [field, how] : mapping.fields) {
        wanted.insert(wanted.end(), how.columns.begin(), how.columns.end());
    }
    return !wanted.empty() && std::ranges::all_of(wanted, [&](const std::string& column) {
        return columns.contains(foldCase(column));
    });
}

} // namespace

std::optional<fs::path> automaticMapping(const fs::path& source, const LayerCatalog& catalog,
                                         std::string_view targetLayer) {
    std::error_code ec;
    if (foldCase(source.extension().string()) == ".gpx") {
        const char* file = targetLayer == "observationer" ? "gpx_punkter.json"
                           : targetLayer == "vandringar"  ? "gpx_spar.json"
                                                          : nullptr;
        if (file == nullptr || !fs::exists(catalog.directory / "mappings" / file, ec)) {
            return std::nullopt;
        }
        return catalog.directory / "mappings" / file;
    }
    // A survey export is recognised by its columns: the first ready mapping for the layer
    // that finds all the columns it reads.
    const std::set<std::string> columns = sourceColumns(source);
    for (const ReadyMapping& ready : readyMappings(catalog)) {
        if (ready.targetLayer != targetLayer) {
            continue;
        }
        auto mapping = loadImportMapping(ready.file, catalog);
        if (mapping && readsColumnsOf(*mapping, columns)) {
            return ready.file;
        }
    }
    return std::nullopt;
}

} // namespace trygg
