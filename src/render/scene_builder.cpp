#include "tryggkarta/render/scene_builder.h"

#include "tryggkarta/render/scene_links.h"

#include <algorithm>

namespace trygg {
namespace {

bool isBaseMap(const Layer& layer) { return layer.definition().group == kBaseMapGroup; }

const Layer* sceneLayer(const MapScene& scene, std::string_view name) {
    for (const SceneLayer& layer : scene.layers) {
        if (layer.layer->name() == name) {
            return layer.layer.get();
        }
    }
    return nullptr;
}

std::string sourceNote(const Project& project) {
    std::string note;
    if (auto example = project.metadata.find("example_data"); example != project.metadata.end()) {
        note = example->second.empty() ? std::string("Exempeldata") : example->second;
    }
    const bool baseMapDrawn = std::ranges::any_of(
        project.layers, [](const Layer& layer) { return isBaseMap(layer) && layer.size() > 0; });
    if (baseMapDrawn) {
        note += note.empty() ? "" : ". ";
        note += kSchematicBaseMapNote;
    }
    return note;
}

} // namespace

MapScene sceneFromProject(Project project, const std::string& language) {
    MapScene scene;
    scene.decorations.language = language;
    scene.decorations.sourceNote = sourceNote(project);
    // Bottom first: base map under the themes; within a group the panel's top layer
    // (smallest order) is drawn last.
    std::ranges::stable_sort(project.layers, [](const Layer& a, const Layer& b) {
        if (isBaseMap(a) != isBaseMap(b)) {
            return isBaseMap(a);
        }
        return a.definition().order > b.definition().order;
    });
    scene.layers.reserve(project.layers.size());
    for (Layer& layer : project.layers) {
        scene.layers.push_back(SceneLayer{std::make_shared<const Layer>(std::move(layer)), true, 1.0});
    }
    const Layer* measures = sceneLayer(scene, kMeasureLayer);
    const Layer* observations = sceneLayer(scene, kObservationLayer);
    if (measures != nullptr && observations != nullptr) {
        scene.links = linkSegments(*measures, *observations, project.links);
    }
    return scene;
}

Box sceneExtent(const MapScene& scene) {
    Box extent = emptyBox();
    for (const SceneLayer& layer : scene.layers) {
        if (layer.visible && layer.layer && layer.layer->size() > 0) {
            expand(extent, layer.layer->extent());
        }
    }
    return extent;
}

} // namespace trygg
