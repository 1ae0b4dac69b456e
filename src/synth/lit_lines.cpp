// The lines of a project's base map that luminaires are placed along.

#include "line_geometry.h"
#include "tryggkarta/synth/luminaire_layout.h"

#include <optional>
#include <string_view>

namespace trygg {
namespace {

/// The text of a field, empty when the layer lacks it or the value is not text.
std::string textOf(const Layer& layer, const Feature& feature, std::string_view field) {
    auto index = layer.definition().fieldIndex(field);
    if (!index || *index >= feature.values.size()) {
        return {};
    }
    const auto* text = std::get_if<std::string>(&feature.values[*index]);
    return text == nullptr ? std::string{} : *text;
}

std::optional<LitLineKind> streetKind(const std::string& klass) {
    if (klass == "huvudgata") {
        return LitLineKind::MainStreet;
    }
    if (klass == "gagata") {
        return LitLineKind::PedestrianStreet;
    }
    return LitLineKind::LocalStreet;
}

std::optional<LitLineKind> pathKind(const std::string& typ) {
    return typ == "tunnel" ? LitLineKind::Tunnel : LitLineKind::Path;
}

std::optional<LitLineKind> areaKind(const std::string& typ) {
    if (typ == "torg") {
        return LitLineKind::Square;
    }
    return std::nullopt;
}

void addLine(std::vector<LitLine>& out, const LineString& line, LitLineKind kind,
             const std::string& name) {
    if (synth::lineLength(line) > 0.0) {
        out.push_back(LitLine{line, kind, name});
    }
}

LineString ringOf(const Polygon& polygon) {
    return LineString(polygon.outer().begin(), polygon.outer().end());
}

// Lines of a line geometry; the outer rings of a polygon geometry.
void addGeometry(std::vector<LitLine>& out, const Geometry& geometry, LitLineKind kind,
                 const std::string& name) {
    if (const auto* line = std::get_if<LineString>(&geometry)) {
        addLine(out, *line, kind, name);
    } else if (const auto* lines = std::get_if<MultiLineString>(&geometry)) {
        for (const auto& part : *lines) {
            addLine(out, part, kind, name);
        }
    } else if (const auto* polygon = std::get_if<Polygon>(&geometry)) {
        addLine(out, ringOf(*polygon), kind, name);
    } else if (const auto* polygons = std::get_if<MultiPolygon>(&geometry)) {
        for (const auto& part : *polygons) {
            addLine(out, ringOf(part), kind, name);
        }
    }
}

template <typename Classify>
void addLayer(std::vector<LitLine>& out, const Project& project, std::string_view table,
              std::string_view classField, Classify classify) {
    const Layer* layer = project.layer(table);
    if (layer == nullptr) {
        return;
    }
    for (const Feature& feature : layer->features()) {
        auto kind = classify(textOf(*layer, feature, classField));
        if (kind && feature.geometry) {
            addGeometry(out, *feature.geometry, *kind, textOf(*layer, feature, "namn"));
        }
    }
}

} // namespace

std::vector<LitLine> litLinesOf(const Project& project) {
    std::vector<LitLine> lines;
    addLayer(lines, project, "bas_gata", "klass", streetKind);
    addLayer(lines, project, "bas_ytor", "typ", areaKind);
    addLayer(lines, project, "bas_gangvag", "typ", pathKind);
    return lines;
}

} // namespace trygg
