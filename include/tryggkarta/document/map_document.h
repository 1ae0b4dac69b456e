#pragma once
// The open project as a document: the only way the GUI changes data, and the one place
// that knows the file, what is unsaved and how the layers are shown.

#include "tryggkarta/core/change_set.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"
#include "tryggkarta/render/map_scene.h"

#include <QObject>
#include <QString>

#include <filesystem>
#include <memory>
#include <vector>

namespace trygg {

/// A layer as the document shows it: the data (shared, read-only, so render threads can hold
/// a snapshot) and its view state.
struct DocumentLayer {
    std::shared_ptr<const Layer> layer;
    bool visible = true;
    double opacity = 1.0;
    bool overlay = false;      ///< added from a file for viewing, not part of the project
    std::string sourcePath;    ///< for overlays
};

class MapDocument : public QObject {
    Q_OBJECT
public:
    explicit MapDocument(LayerCatalog catalog, QObject* parent = nullptr);

    /// Takes an opened project (opening itself runs in the background, see ProjectLoader).
    void setProject(Project project, std::filesystem::path path);
    [[nodiscard]] bool hasProject() const { return !m_path.empty(); }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] const Crs& crs() const { return m_crs; }
    [[nodiscard]] const LayerCatalog& catalog() const { return m_catalog; }
    [[nodiscard]] bool isModified() const { return !m_changes.empty(); }

    /// Layers top first, as the layer panel lists them.
    [[nodiscard]] const std::vector<DocumentLayer>& layers() const { return m_layers; }
    [[nodiscard]] int indexOf(const std::string& name) const;
    void setVisible(int index, bool visible);
    void setOpacity(int index, double opacity);
    /// Moves a layer within its group (base-map layers stay under thematic ones).
    void moveLayer(int from, int to);
    void addOverlay(Layer layer, std::string sourcePath);
    void addRaster(SceneRaster raster);
    void setRasterVisible(int index, bool visible);
    [[nodiscard]] const std::vector<SceneRaster>& rasters() const { return m_rasters; }

    /// A snapshot to render: shares the layer data, copies only view state.
    [[nodiscard]] MapScene scene(const std::string& language) const;
    /// Union of the extents of all layers with features.
    [[nodiscard]] Box extent() const;

    /// Writes unsaved changes to the project file, in one transaction.
    Result<void> save();
    /// Writes the whole project to `path` (atomically) and continues there.
    Result<void> saveAs(const std::filesystem::path& path);

signals:
    void projectReplaced();
    void layersChanged();   ///< order, visibility, opacity, added layers
    void modifiedChanged(bool modified);

private:
    [[nodiscard]] Project snapshotProject() const;

    LayerCatalog m_catalog;
    std::filesystem::path m_path;
    Crs m_crs;
    std::vector<DocumentLayer> m_layers;
    std::vector<SceneRaster> m_rasters;
    std::vector<MeasureLink> m_links;
    std::map<std::string, std::string> m_metadata;
    ChangeSet m_changes;
};

} // namespace trygg
