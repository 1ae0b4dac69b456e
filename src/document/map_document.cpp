#include "tryggkarta/document/map_document.h"

#include "tryggkarta/io/project_store.h"
#include "tryggkarta/render/scene_links.h"

#include <algorithm>
#include <utility>

namespace trygg {
namespace {

bool isBaseMap(const DocumentLayer& layer) {
    return layer.layer->definition().group == kBaseMapGroup;
}

/// A project layer the map shows; null when hidden or missing.
const Layer* shownLayer(const MapDocument& document, std::string_view name) {
    for (const DocumentLayer& layer : document.layers()) {
        if (!layer.overlay && layer.layer->name() == name) {
            return layer.visible ? layer.layer.get() : nullptr;
        }
    }
    return nullptr;
}

/// The links the map draws: none while they are switched off or either layer is hidden;
/// those of selected measures and observations highlighted.
std::vector<SceneLink> shownLinks(const MapDocument& document) {
    const Layer* measures = shownLayer(document, kMeasureLayer);
    const Layer* observations = shownLayer(document, kObservationLayer);
    if (!document.linksVisible() || measures == nullptr || observations == nullptr) {
        return {};
    }
    std::vector<SceneLink> links = linkSegments(*measures, *observations, document.links());
    const Selection& selection = document.selection();
    for (SceneLink& link : links) {
        link.highlighted =
            (selection.layer == kMeasureLayer && selection.contains(link.link.measure)) ||
            (selection.layer == kObservationLayer && selection.contains(link.link.observation));
    }
    return links;
}

} // namespace

MapDocument::MapDocument(LayerCatalog catalog, QObject* parent)
    : QObject(parent), m_catalog(std::move(catalog)) {
    connect(&m_undo, &QUndoStack::cleanChanged, this,
            [this] { emit modifiedChanged(isModified()); });
}

void MapDocument::setProject(Project project, std::filesystem::path path) {
    m_databaseUrl.clear();
    m_versions.clear();
    m_conflicts.clear();
    m_readOnly = false;
    std::filesystem::path photoSource = path;
    replaceProject(std::move(project), std::move(path), std::move(photoSource), false);
}

void MapDocument::setRecoveredProject(Project project, std::filesystem::path path,
                                      std::filesystem::path recoveryFile) {
    m_databaseUrl.clear();
    m_versions.clear();
    m_conflicts.clear();
    m_readOnly = false;
    replaceProject(std::move(project), std::move(path), std::move(recoveryFile), true);
}

void MapDocument::replaceProject(Project project, std::filesystem::path path,
                                 std::filesystem::path photoSource, bool fullSaveNeeded) {
    m_path = std::move(path);
    m_photoSource = std::move(photoSource);
    m_fullSaveNeeded = fullSaveNeeded;
    m_crs = project.crs;
    m_links = std::move(project.links);
    m_photos = std::move(project.photos);
    m_metadata = std::move(project.metadata);
    m_layers.clear();
    m_rasters.clear();
    // An analysis of the previous project says nothing about this one.
    const bool hadAnalysis = !m_analysisRasters.empty();
    m_analysisRasters.clear();
    for (auto& layer : project.layers) {
        DocumentLayer entry;
        // Created non-const: writableLayer changes it in place when no render holds it.
        entry.layer = std::make_shared<Layer>(std::move(layer));
        m_layers.push_back(std::move(entry));
    }
    // Top first: thematic layers above the base map, lower "order" higher in each group.
    std::ranges::stable_sort(m_layers, [](const DocumentLayer& a, const DocumentLayer& b) {
        if (isBaseMap(a) != isBaseMap(b)) {
            return !isBaseMap(a);
        }
        return a.layer->definition().order < b.layer->definition().order;
    });
    m_changes.clear();
    m_selection = Selection{};
    m_undo.clear();
    emit projectReplaced();
    if (hadAnalysis) {
        emit analysisRastersChanged();
    }
    emit selectionChanged();
    emit modifiedChanged(isModified());
}

int MapDocument::indexOf(const std::string& name) const {
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        if (m_layers[i].layer->name() == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void MapDocument::setVisible(int index, bool visible) {
    if (index < 0 || index >= static_cast<int>(m_layers.size()) ||
        m_layers[static_cast<std::size_t>(index)].visible == visible) {
        return;
    }
    m_layers[static_cast<std::size_t>(index)].visible = visible;
    emit layersChanged();
}

void MapDocument::setOpacity(int index, double opacity) {
    if (index < 0 || index >= static_cast<int>(m_layers.size())) {
        return;
    }
    m_layers[static_cast<std::size_t>(index)].opacity = std::clamp(opacity, 0.0, 1.0);
    emit layersChanged();
}

void MapDocument::moveLayer(int from, int to) {
    const int count = static_cast<int>(m_layers.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to) {
        return;
    }
    if (isBaseMap(m_layers[static_cast<std::size_t>(from)]) !=
        isBaseMap(m_layers[static_cast<std::size_t>(to)])) {
        return; // the base map stays under the thematic layers
    }
    auto moved = m_layers[static_cast<std::size_t>(from)];
    m_layers.erase(m_layers.begin() + from);
    m_layers.insert(m_layers.begin() + to, std::move(moved));
    emit layersChanged();
}

void MapDocument::addOverlay(Layer layer, std::string sourcePath) {
    DocumentLayer entry;
    entry.layer = std::make_shared<const Layer>(std::move(layer));
    entry.overlay = true;
    entry.sourcePath = std::move(sourcePath);
    // Overlays go on top of the thematic layers, as added data usually should.
    m_layers.insert(m_layers.begin(), std::move(entry));
    emit layersChanged();
}

void MapDocument::addRaster(SceneRaster raster) {
    m_rasters.push_back(std::move(raster));
    emit layersChanged();
}

void MapDocument::setRasterDetail(std::size_t index, QImage detail, Box extent) {
    if (index >= m_rasters.size()) {
        return;
    }
    m_rasters[index].detail = std::move(detail);
    m_rasters[index].detailExtent = extent;
    emit rasterDetailChanged();
}

void MapDocument::setAnalysisRaster(SceneRaster raster) {
    auto same = std::ranges::find(m_analysisRasters, raster.name, &SceneRaster::name);
    if (same != m_analysisRasters.end()) {
        raster.visible = same->visible; // a recomputed map stays hidden when it was hidden
        *same = std::move(raster);
    } else {
        m_analysisRasters.push_back(std::move(raster));
    }
    emit analysisRastersChanged();
}

void MapDocument::setAnalysisRasterVisible(std::string_view name, bool visible) {
    auto raster = std::ranges::find(m_analysisRasters, name, &SceneRaster::name);
    if (raster != m_analysisRasters.end() && raster->visible != visible) {
        raster->visible = visible;
        emit analysisRastersChanged();
    }
}

void MapDocument::removeAnalysisRaster(std::string_view name) {
    if (std::erase_if(m_analysisRasters, [name](const SceneRaster& r) { return r.name == name; }) > 0) {
        emit analysisRastersChanged();
    }
}

bool MapDocument::updateAnalysisRaster(std::string_view name, QImage image) {
    auto raster = std::ranges::find(m_analysisRasters, name, &SceneRaster::name);
    if (raster == m_analysisRasters.end()) {
        return false;
    }
    raster->image = std::move(image);
    emit analysisRastersChanged();
    return true;
}

void MapDocument::setRasterVisible(int index, bool visible) {
    if (index < 0 || index >= static_cast<int>(m_rasters.size())) {
        return;
    }
    m_rasters[static_cast<std::size_t>(index)].visible = visible;
    emit layersChanged();
}

void MapDocument::setLinksVisible(bool visible) {
    if (m_linksVisible != visible) {
        m_linksVisible = visible;
        emit layersChanged();
    }
}

MapScene MapDocument::scene(const std::string& language) const {
    MapScene scene;
    scene.rasters = m_rasters;
    scene.analysisRasters = m_analysisRasters;
    for (auto it = m_layers.rbegin(); it != m_layers.rend(); ++it) {
        scene.layers.push_back(SceneLayer{it->layer, it->visible, it->opacity});
    }
    scene.links = shownLinks(*this);
    scene.linksVisible = m_linksVisible;
    scene.decorations.language = language;
    bool baseMap = std::ranges::any_of(m_layers, [](const DocumentLayer& l) {
        return isBaseMap(l) && l.layer->size() > 0;
    });
    std::string note;
    if (baseMap) {
        note = language == "en" ? "Base map: schematic, drawn from known facts, not surveyed"
                                : "Baskarta: schematisk, ritad efter kända fakta, inte inmätt";
    }
    if (m_metadata.contains("example_data")) {
        note += std::string(note.empty() ? "" : " · ") +
                (language == "en" ? "Synthetic example data, not real observations"
                                  : m_metadata.at("example_data"));
    }
    scene.decorations.sourceNote = note;
    return scene;
}

Box MapDocument::extent() const {
    Box box = emptyBox();
    for (const auto& layer : m_layers) {
        expand(box, layer.layer->extent());
    }
    for (const auto& raster : m_rasters) {
        expand(box, raster.extent);
    }
    return box;
}

Project ProjectSnapshot::toProject() const {
    Project project;
    project.crs = crs;
    project.links = links;
    project.photos = photos;
    project.metadata = metadata;
    project.layers.reserve(layers.size());
    for (const auto& layer : layers) {
        project.layers.push_back(*layer);
    }
    return project;
}

ProjectSnapshot MapDocument::snapshot() const {
    ProjectSnapshot snapshot{m_crs, {}, m_links, m_photos, m_metadata, m_photoSource};
    for (const auto& layer : m_layers) {
        if (!layer.overlay) {
            snapshot.layers.push_back(layer.layer);
        }
    }
    return snapshot;
}

Result<void> MapDocument::save() {
    if (isShared()) {
        return saveShared();
    }
    if (m_fullSaveNeeded) {
        return saveAs(m_path);
    }
    emit aboutToSave();
    if (!m_changes.empty()) {
        if (auto saved = saveChanges(m_path, snapshot().toProject(), m_changes); !saved) {
            emit saveFailed();
            return saved; // the edits stay in memory and on the undo stack
        }
    }
    markSaved();
    return {};
}

Result<void> MapDocument::saveAs(const std::filesystem::path& path) {
    emit aboutToSave();
    // Photos not yet read come over from the file the project was opened (or recovered) from.
    if (auto saved = saveProjectAs(path, snapshot().toProject(), Progress::none(), m_photoSource);
        !saved) {
        emit saveFailed();
        return saved;
    }
    m_path = path;
    m_databaseUrl.clear(); // from now on a file of its own
    m_versions.clear();
    m_conflicts.clear();
    m_readOnly = false;
    markSaved();
    return {};
}

void MapDocument::markSaved() {
    m_changes.clear();
    m_photoSource = isShared() ? std::filesystem::path(m_databaseUrl) : m_path;
    if (std::exchange(m_fullSaveNeeded, false) && m_undo.isClean()) {
        emit modifiedChanged(false); // the stack was clean already: it will not say so
    }
    m_undo.setClean();
}

} // namespace trygg
