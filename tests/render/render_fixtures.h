#pragma once
// Shared by the render tests: a QGuiApplication for fonts, and small hand-made layers.

#include "test_support.h"
#include "tryggkarta/core/layer.h"
#include "tryggkarta/render/headless_gui.h"
#include "tryggkarta/render/map_scene.h"

#include <QGuiApplication>
#include <QImage>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg::test {

/// Text needs Qt's font database, which needs an application object; one per test run.
inline void ensureGuiApplication() {
    static const std::unique_ptr<QGuiApplication> application = startHeadlessGui();
}

/// Vännäs station, SWEREF 99 TM.
inline const Point kStation{733107.0, 7096069.0};

/// A layer definition with a text field "namn" (the label field when `labelled`).
inline LayerDef simpleDefinition(std::string table, GeometryKind geometry, Style style, bool labelled = false) {
    LayerDef definition;
    definition.table = std::move(table);
    definition.title = Label{"Lager", "Layer"};
    definition.geometry = geometry;
    FieldDef name;
    name.name = "namn";
    definition.fields.push_back(name);
    definition.symbology.fallback = std::move(style);
    if (labelled) {
        definition.symbology.labelField = "namn";
    }
    return definition;
}

inline Feature feature(Geometry geometry, std::string name = {}) {
    Feature made;
    made.geometry = std::move(geometry);
    made.values.emplace_back(std::in_place_type<std::string>, std::move(name));
    if (std::get<std::string>(made.values.back()).empty()) {
        made.values.back() = std::monostate{};
    }
    return made;
}

using Values = std::initializer_list<std::pair<std::string_view, Value>>;

/// Feature `id` of a layer of the shipped definitions, with the named fields set.
inline Feature made(const LayerDef& definition, std::int64_t id, Geometry geometry, Values values) {
    Feature feature;
    feature.id = FeatureId{id};
    feature.geometry = std::move(geometry);
    feature.values.resize(definition.fields.size());
    for (const auto& [name, value] : values) {
        feature.values.at(*definition.fieldIndex(name)) = value;
    }
    return feature;
}

/// A layer of the shipped definitions (layers/*.json) holding `features`.
inline Layer layerOf(std::string_view table, std::vector<Feature> features) {
    return Layer(*sourceCatalog().find(table), std::move(features));
}

inline SceneLayer sceneLayer(LayerDef definition, std::vector<Feature> features) {
    return SceneLayer{std::make_shared<const Layer>(std::move(definition), std::move(features)), true, 1.0};
}

/// A scene without scale bar, north arrow or note, so pixels are the features' alone.
inline MapScene bareScene() {
    MapScene scene;
    scene.decorations.scaleBar = false;
    scene.decorations.northArrow = false;
    scene.decorations.showSourceNote = false;
    return scene;
}

inline Style circleStyle(std::string fill, double sizeMm = 3.0) {
    Style style;
    style.symbol = "circle";
    style.fill = fill;
    style.stroke = fill;
    style.size = sizeMm;
    style.strokeWidth = 0.0;
    return style;
}

inline std::size_t countNonWhite(const QImage& image) {
    std::size_t count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            count += image.pixel(x, y) != qRgb(255, 255, 255) ? 1u : 0u;
        }
    }
    return count;
}

} // namespace trygg::test
