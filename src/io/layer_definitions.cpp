#include "tryggkarta/io/layer_definitions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

namespace trygg {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr std::string_view kLayerFormat = "tryggkarta-layer/1";
constexpr std::string_view kValuesFormat = "tryggkarta-values/1";

/// Thrown inside this file only, to unwind out of nested readers; parse functions turn it
/// into an Error. `where` is a JSON path such as "fields[3].values[2].code".
struct Problem {
    std::string where;
    std::string message;
};

[[noreturn]] void problem(const std::string& where, std::string message) {
    throw Problem{where, std::move(message)};
}

std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

void allowKeys(const json& object, const std::string& path, std::set<std::string> allowed) {
    if (!object.is_object()) {
        problem(path, "expected an object { ... }");
    }
    for (const auto& [key, value] : object.items()) {
        if (!allowed.contains(key)) {
            std::string list;
            for (const auto& a : allowed) {
                list += (list.empty() ? "" : ", ") + a;
            }
            problem(join(path, key), "unknown key '" + key + "' (known keys: " + list + ")");
        }
    }
}

std::string text(const json& object, const std::string& path, const std::string& key,
                 bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) {
            problem(join(path, key), "missing");
        }
        return {};
    }
    if (!it->is_string()) {
        problem(join(path, key), "expected text in quotes");
    }
    return it->get<std::string>();
}

bool flag(const json& object, const std::string& path, const std::string& key) {
    auto it = object.find(key);
    if (it == object.end()) {
        return false;
    }
    if (!it->is_boolean()) {
        problem(join(path, key), "expected true or false");
    }
    return it->get<bool>();
}

std::optional<double> number(const json& object, const std::string& path, const std::string& key) {
    auto it = object.find(key);
    if (it == object.end()) {
        return std::nullopt;
    }
    if (!it->is_number()) {
        problem(join(path, key), "expected a number");
    }
    return it->get<double>();
}

Label label(const json& object, const std::string& path, const std::string& key, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) {
            problem(join(path, key), "missing (write {\"sv\": \"...\", \"en\": \"...\"})");
        }
        return {};
    }
    std::string at = join(path, key);
    allowKeys(*it, at, {"sv", "en"});
    return Label{text(*it, at, "sv", true), text(*it, at, "en", false)};
}

std::vector<CodedValue> valueList(const json& list, const std::string& path,
                                  std::set<std::string> extraKeys = {}) {
    if (!list.is_array()) {
        problem(path, "expected a list [ ... ]");
    }
    std::vector<CodedValue> values;
    extraKeys.insert({"code", "sv", "en"});
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string at = path + "[" + std::to_string(i) + "]";
        allowKeys(list[i], at, extraKeys);
        values.push_back({text(list[i], at, "code", true),
                          Label{text(list[i], at, "sv", true), text(list[i], at, "en", false)}});
    }
    return values;
}

Style style(const json& object, const std::string& path) {
    allowKeys(object, path, {"symbol", "fill", "stroke", "size", "stroke_width"});
    Style s;
    if (auto v = text(object, path, "symbol", false); !v.empty()) s.symbol = v;
    if (auto v = text(object, path, "fill", false); !v.empty()) s.fill = v;
    if (auto v = text(object, path, "stroke", false); !v.empty()) s.stroke = v;
    if (auto v = number(object, path, "size")) s.size = *v;
    if (auto v = number(object, path, "stroke_width")) s.strokeWidth = *v;
    return s;
}

using ValueLists = std::map<std::string, std::vector<CodedValue>, std::less<>>;

std::string knownTokens() {
    std::string list;
    for (auto kind : {FieldDefault::Kind::Now, FieldDefault::Kind::CurrentWalk,
                      FieldDefault::Kind::LightCondition}) {
        list += (list.empty() ? "" : ", ") + std::string(defaultTokenName(kind));
    }
    return list;
}

/// The field's "default": a "$token", or a literal in the field's own type. Text that looks like
/// a date becomes a Date only on date fields, so checkValue can say what is wrong with the rest.
FieldDefault fieldDefault(const json& value, const std::string& path, const FieldDef& f) {
    const std::string forField = "default for field '" + f.name + "': ";
    FieldDefault rule;
    rule.kind = FieldDefault::Kind::Literal;
    if (value.is_string()) {
        auto textValue = value.get<std::string>();
        if (textValue.starts_with('$')) {
            auto kind = parseDefaultToken(textValue);
            if (!kind) {
                problem(path, forField + "unknown token '" + textValue +
                                  "' (known: " + knownTokens() + ")");
            }
            rule.kind = *kind;
        } else if (auto date = f.type == FieldType::Date ? parseDate(textValue) : std::nullopt) {
            rule.literal = *date;
        } else if (auto dateTime =
                       f.type == FieldType::DateTime ? parseDateTime(textValue) : std::nullopt) {
            rule.literal = *dateTime;
        } else {
            rule.literal = std::move(textValue);
        }
    } else if (value.is_number_integer() && f.type != FieldType::Real) {
        rule.literal = value.get<std::int64_t>();
    } else if (value.is_number()) {
        rule.literal = value.get<double>();
    } else {
        problem(path, forField + "expected text, a number or one of " + knownTokens());
    }
    return rule;
}

FieldDef field(const json& object, const std::string& path, const ValueLists& lists) {
    allowKeys(object, path,
              {"name", "type", "label", "description", "required", "personal", "min", "max",
               "max_length", "unit", "values", "values_from", "default"});
    FieldDef f;
    f.name = text(object, path, "name", true);
    std::string type = text(object, path, "type", true);
    auto parsed = parseFieldType(type);
    if (!parsed) {
        problem(join(path, "type"),
                "unknown type '" + type + "' (use integer, real, text, date or datetime)");
    }
    f.type = *parsed;
    f.label = label(object, path, "label", true);
    f.description = label(object, path, "description", false);
    f.required = flag(object, path, "required");
    f.personal = flag(object, path, "personal");
    f.min = number(object, path, "min");
    f.max = number(object, path, "max");
    if (auto length = number(object, path, "max_length")) {
        // Checked before the cast, which is undefined for values an int cannot hold (1e42).
        if (!(*length >= 1.0 && *length <= std::numeric_limits<int>::max()) ||
            *length != std::trunc(*length)) {
            problem(join(path, "max_length"), "expected a whole number of characters, at least 1");
        }
        f.maxLength = static_cast<int>(*length);
    }
    f.unit = text(object, path, "unit", false);
    if (object.contains("values") && object.contains("values_from")) {
        problem(path, "give either \"values\" or \"values_from\", not both");
    }
    if (object.contains("values")) {
        f.values = valueList(object["values"], join(path, "values"));
    }
    if (object.contains("values_from")) {
        std::string name = text(object, path, "values_from", true);
        auto it = lists.find(name);
        if (it == lists.end()) {
            problem(join(path, "values_from"),
                    "no value list named '" + name + "' in the layers folder");
        }
        f.values = it->second;
    }
    // Checked here, not only in validate(), so the message points at the key in the file.
    if (object.contains("default")) {
        std::string at = join(path, "default");
        f.defaultRule = fieldDefault(object["default"], at, f);
        if (auto reason = checkDefault(f)) {
            problem(at, "default for field '" + f.name + "': " + *reason);
        }
    }
    return f;
}

GeometryKind geometryKind(const std::string& name, const std::string& path) {
    for (auto kind : {GeometryKind::Point, GeometryKind::LineString, GeometryKind::Polygon}) {
        if (geometryKindName(kind) == name) {
            return kind;
        }
    }
    if (name == "Any") {
        return GeometryKind::Any;
    }
    problem(path, "unknown geometry '" + name + "' (use Point, LineString, Polygon or Any)");
}

std::string lineAndColumn(std::string_view source, std::size_t byte) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < byte && i < source.size(); ++i) {
        if (source[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Result<json> parseJson(std::string_view content, std::string_view sourceName) {
    try {
        return json::parse(content.begin(), content.end());
    } catch (const json::parse_error& e) {
        return fail(ErrorCode::InvalidDefinition, "not valid JSON",
                    std::string(sourceName) + ": " + lineAndColumn(content, e.byte), e.what());
    } catch (const json::exception& e) { // a number beyond a double's range (1e999)
        return fail(ErrorCode::InvalidDefinition, "not valid JSON", std::string(sourceName),
                    e.what());
    }
}

Result<std::string> readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::OpenFailed, "cannot read layer definition", file.string());
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

Result<LayerDef> parseWithLists(std::string_view content, std::string_view sourceName,
                                const ValueLists& lists) {
    auto document = parseJson(content, sourceName);
    if (!document) {
        return std::unexpected(document.error());
    }
    const json& root = *document;
    LayerDef def;
    def.sourceFile = std::string(sourceName);
    try {
        allowKeys(root, "",
                  {"format", "order", "group", "table", "title", "geometry", "geometry_required",
                   "fields", "symbology"});
        if (text(root, "", "format", true) != kLayerFormat) {
            problem("format", "expected \"" + std::string(kLayerFormat) + "\"");
        }
        def.table = text(root, "", "table", true);
        def.order = number(root, "", "order").value_or(1000.0);
        if (auto group = text(root, "", "group", false); !group.empty()) {
            def.group = group;
        }
        def.title = label(root, "", "title", true);
        def.geometry = geometryKind(text(root, "", "geometry", true), "geometry");
        def.geometryRequired = !root.contains("geometry_required") || flag(root, "", "geometry_required");
        if (!root.contains("fields") || !root["fields"].is_array()) {
            problem("fields", "missing, or not a list [ ... ]");
        }
        const json& fields = root["fields"];
        for (std::size_t i = 0; i < fields.size(); ++i) {
            def.fields.push_back(field(fields[i], "fields[" + std::to_string(i) + "]", lists));
        }
        if (root.contains("symbology")) {
            const json& sym = root["symbology"];
            allowKeys(sym, "symbology",
                      {"field", "default", "values", "label_field", "max_scale", "label_max_scale"});
            def.symbology.field = text(sym, "symbology", "field", false);
            def.symbology.labelField = text(sym, "symbology", "label_field", false);
            def.symbology.maxScale = number(sym, "symbology", "max_scale").value_or(0.0);
            def.symbology.labelMaxScale = number(sym, "symbology", "label_max_scale").value_or(0.0);
            if (sym.contains("default")) {
                def.symbology.fallback = style(sym["default"], "symbology.default");
            }
            if (sym.contains("values")) {
                if (!sym["values"].is_object()) {
                    problem("symbology.values", "expected an object { \"code\": {style}, ... }");
                }
                for (const auto& [code, s] : sym["values"].items()) {
                    def.symbology.byValue[code] = style(s, "symbology.values." + code);
                }
            }
        }
    } catch (const Problem& p) {
        return fail(ErrorCode::InvalidDefinition, p.message,
                    std::string(sourceName) + (p.where.empty() ? "" : ": " + p.where));
    }
    return def;
}

} // namespace

const LayerDef* LayerCatalog::find(std::string_view table) const {
    auto it = std::ranges::find_if(layers, [&](const LayerDef& d) { return d.table == table; });
    return it == layers.end() ? nullptr : &*it;
}

Result<LayerDef> parseLayerDefinition(std::string_view json, std::string_view sourceName) {
    return parseWithLists(json, sourceName, {});
}

Result<LayerDef> loadLayerDefinition(const fs::path& file) {
    auto content = readFile(file);
    if (!content) {
        return std::unexpected(content.error());
    }
    return parseLayerDefinition(*content, file.filename().string());
}

Result<LayerCatalog> loadLayerCatalog(const fs::path& directory) {
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        return fail(ErrorCode::OpenFailed, "layer definitions folder not found", directory.string());
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(directory, ec)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::ranges::sort(files);

    // Value lists first: layer fields refer to them by name.
    ValueLists lists;
    std::vector<std::pair<fs::path, std::string>> layerFiles;
    for (const auto& file : files) {
        auto content = readFile(file);
        if (!content) {
            return std::unexpected(content.error());
        }
        std::string name = file.filename().string();
        auto document = parseJson(*content, name);
        if (!document) {
            return std::unexpected(document.error());
        }
        std::string format = document->value("format", "");
        if (format == kValuesFormat) {
            try {
                allowKeys(*document, "", {"format", "name", "title", "values"});
                if (!document->contains("values")) {
                    problem("values", "missing");
                }
                lists[text(*document, "", "name", true)] =
                    valueList((*document)["values"], "values", {"period"});
            } catch (const Problem& p) {
                return fail(ErrorCode::InvalidDefinition, p.message, name + ": " + p.where);
            }
        } else if (format == kLayerFormat) {
            layerFiles.emplace_back(file, std::move(*content));
        } else {
            return fail(ErrorCode::InvalidDefinition,
                        "\"format\" must be \"" + std::string(kLayerFormat) + "\" or \"" +
                            std::string(kValuesFormat) + "\"",
                        name);
        }
    }

    LayerCatalog catalog;
    catalog.directory = directory;
    std::vector<std::pair<double, LayerDef>> ordered;
    for (const auto& [file, content] : layerFiles) {
        auto def = parseWithLists(content, file.filename().string(), lists);
        if (!def) {
            return std::unexpected(def.error());
        }
        if (auto ok = validate(*def); !ok) {
            return std::unexpected(ok.error());
        }
        if (catalog.find(def->table) != nullptr ||
            std::ranges::any_of(ordered, [&](const auto& o) { return o.second.table == def->table; })) {
            return fail(ErrorCode::InvalidDefinition, "table '" + def->table + "' is defined twice",
                        file.filename().string());
        }
        double order = def->order;
        ordered.emplace_back(order, std::move(*def));
    }
    std::ranges::stable_sort(ordered, {}, &std::pair<double, LayerDef>::first);
    for (auto& [order, def] : ordered) {
        catalog.layers.push_back(std::move(def));
    }
    if (catalog.layers.empty()) {
        return fail(ErrorCode::InvalidDefinition, "no layer definitions (*.json) found",
                    directory.string());
    }
    return catalog;
}

fs::path defaultLayersDirectory() {
    if (const char* env = std::getenv("TRYGGKARTA_LAYERS"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "tryggkarta" / "layers";
        if (fs::is_directory(installed, ec)) {
            return installed;
        }
    }
    return TRYGG_SOURCE_LAYERS_DIR;
}

} // namespace trygg
