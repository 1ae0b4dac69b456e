#include "tryggkarta/analysis/lighting_classes.h"

#include <boost/geometry.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <set>

namespace trygg {
namespace {

using nlohmann::json;
constexpr std::string_view kFormat = "tryggkarta-lighting-classes/1";

/// Thrown while walking the document; turned into one Error naming the entry.
struct TableProblem {
    std::string where;
    std::string message;
};

[[noreturn]] void problem(std::string where, std::string message) {
    throw TableProblem{std::move(where), std::move(message)};
}

const json& member(const json& object, const std::string& path, const char* key) {
    if (!object.is_object() || !object.contains(key)) {
        problem(path, std::string("missing \"") + key + "\"");
    }
    return object.at(key);
}

std::string text(const json& object, const std::string& path, const char* key,
                 bool required = true) {
    if (!object.contains(key) && !required) {
        return {};
    }
    const json& value = member(object, path, key);
    if (!value.is_string() || value.get<std::string>().empty()) {
        problem(path + "." + key, "expected a non-empty text");
    }
    return value.get<std::string>();
}

double number(const json& object, const std::string& path, const char* key, double fallback,
              bool required) {
    if (!object.contains(key) && !required) {
        return fallback;
    }
    const json& value = member(object, path, key);
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0.0) {
        problem(path + "." + key, "expected a number ≥ 0");
    }
    return value.get<double>();
}

const json& array(const json& object, const std::string& path, const char* key) {
    const json& value = member(object, path, key);
    if (!value.is_array()) {
        problem(path.empty() ? key : path + "." + key, "expected a list");
    }
    return value;
}

LightingClass lightingClass(const json& entry, const std::string& path) {
    LightingClass c;
    c.name = text(entry, path, "name");
    c.averageLux = number(entry, path, "average", 0.0, true);
    c.minimumLux = number(entry, path, "minimum", 0.0, false);
    c.minUniformity = number(entry, path, "uniformity", 0.0, false);
    if (c.averageLux <= 0.0) {
        problem(path + ".average", "must be above 0");
    }
    if (c.minimumLux <= 0.0 && c.minUniformity <= 0.0) {
        problem(path, "needs \"minimum\" or \"uniformity\"");
    }
    if (c.minUniformity > 1.0) {
        problem(path + ".uniformity", "must be at most 1");
    }
    return c;
}

void checkClass(const LightingClassTable& table, const std::string& name, const std::string& at) {
    if (!table.find(name)) {
        problem(at, "unknown class '" + name + "'");
    }
}

LightingRule rule(const json& entry, const std::string& path, const LightingClassTable& table) {
    LightingRule r;
    r.layer = text(entry, path, "layer");
    r.field = text(entry, path, "field", false);
    if (entry.contains("values")) {
        for (const json& code : array(entry, path, "values")) {
            if (!code.is_string()) {
                problem(path + ".values", "expected texts");
            }
            r.values.push_back(code.get<std::string>());
        }
    }
    if (r.field.empty() != r.values.empty()) {
        problem(path, "\"field\" and \"values\" go together");
    }
    r.className = text(entry, path, "class");
    checkClass(table, r.className, path + ".class");
    r.coreClassName = text(entry, path, "core_class", false);
    if (!r.coreClassName.empty()) {
        checkClass(table, r.coreClassName, path + ".core_class");
    }
    return r;
}

CrossingRule crossing(const json& entry, const std::string& path,
                      const LightingClassTable& table) {
    CrossingRule c;
    c.pathLayer = text(entry, path, "path_layer");
    c.streetLayer = text(entry, path, "street_layer");
    c.radius = number(entry, path, "radius_m", c.radius, false);
    if (c.radius <= 0.0) {
        problem(path + ".radius_m", "must be above 0");
    }
    c.className = text(entry, path, "class");
    checkClass(table, c.className, path + ".class");
    return c;
}

Polygon ring(const json& points, const std::string& path) {
    if (!points.is_array() || points.size() < 3) {
        problem(path, "a core area needs at least three [x, y] points");
    }
    Polygon polygon;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const json& p = points[i];
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
            problem(path + "[" + std::to_string(i) + "]", "expected [x, y]");
        }
        polygon.outer().emplace_back(p[0].get<double>(), p[1].get<double>());
    }
    bg::correct(polygon);
    std::string reason;
    if (!bg::is_valid(polygon, reason)) {
        problem(path, "not a valid area: " + reason);
    }
    return polygon;
}

void readCore(const json& root, LightingClassTable& table) {
    if (!root.contains("core")) {
        return;
    }
    const json& core = root.at("core");
    table.coreEpsg = static_cast<int>(number(core, "core", "epsg", 0.0, true));
    const json& areas = array(core, "core", "areas");
    for (std::size_t i = 0; i < areas.size(); ++i) {
        table.core.push_back(ring(areas[i], "core.areas[" + std::to_string(i) + "]"));
    }
}

LightingClassTable walk(const json& root) {
    if (!root.is_object()) {
        problem("", "expected a JSON object");
    }
    if (text(root, "", "format") != kFormat) {
        problem("format", "expected \"" + std::string(kFormat) + "\"");
    }
    LightingClassTable table;
    std::set<std::string> names;
    const json& classes = array(root, "", "classes");
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const std::string path = "classes[" + std::to_string(i) + "]";
        table.classes.push_back(lightingClass(classes[i], path));
        if (!names.insert(table.classes.back().name).second) {
            problem(path + ".name", "class '" + table.classes.back().name + "' twice");
        }
    }
    const json& rules = array(root, "", "rules");
    for (std::size_t i = 0; i < rules.size(); ++i) {
        table.rules.push_back(rule(rules[i], "rules[" + std::to_string(i) + "]", table));
    }
    if (root.contains("crossings")) {
        const json& list = array(root, "", "crossings");
        for (std::size_t i = 0; i < list.size(); ++i) {
            table.crossings.push_back(
                crossing(list[i], "crossings[" + std::to_string(i) + "]", table));
        }
    }
    readCore(root, table);
    table.fallbackClassName = text(root, "", "fallback_class");
    checkClass(table, table.fallbackClassName, "fallback_class");
    return table;
}

} // namespace

const LightingClass* LightingClassTable::find(std::string_view name) const {
    const auto index = indexOf(name);
    return index ? &classes[*index] : nullptr;
}

std::optional<std::size_t> LightingClassTable::indexOf(std::string_view name) const {
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (classes[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

Result<LightingClassTable> parseLightingClassTable(std::string_view content,
                                                   std::string_view sourceName) {
    json root;
    try {
        root = json::parse(content.begin(), content.end());
    } catch (const json::exception& e) { // parse_error, or out_of_range for 1e999
        return fail(ErrorCode::InvalidFormat, "not valid JSON", std::string(sourceName),
                    e.what());
    }
    try {
        LightingClassTable table = walk(root);
        table.source = std::string(sourceName);
        return table;
    } catch (const TableProblem& p) {
        std::string where(sourceName);
        if (!p.where.empty()) {
            where += ": " + p.where;
        }
        return fail(ErrorCode::InvalidFormat, p.message, where);
    }
}

Result<LightingClassTable> readLightingClassTable(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::OpenFailed, "cannot open lighting class table", file.string());
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parseLightingClassTable(bytes.str(), file.string());
}

} // namespace trygg
