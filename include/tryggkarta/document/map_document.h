#pragma once
// The open project as a document: the only way the GUI changes data, and the one place
// that knows the file, what is unsaved and how the layers are shown.

#include "tryggkarta/core/change_set.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/document/feature_edit.h"
#include "tryggkarta/io/layer_definitions.h"
#include "tryggkarta/io/shared_store.h"
#include "tryggkarta/render/map_scene.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

/// Selected features, shared by the map and the attribute table: one layer at a time.
struct Selection {
    std::string layer;
    std::vector<FeatureId> ids; ///< sorted, unique

    [[nodiscard]] bool empty() const { return ids.empty(); }
    [[nodiscard]] bool contains(FeatureId id) const;
};

/// The project data as the document holds it at one moment: cheap to take on the GUI thread
/// (layers are shared, not copied; an edit afterwards copies the layer it changes) and safe
/// to read on another thread, where toProject makes the full copy a writer needs.
struct ProjectSnapshot {
    Crs crs;
    std::vector<std::shared_ptr<const Layer>> layers; ///< the project's layers, no overlays
    std::vector<MeasureLink> links;
    std::vector<Photo> photos;
    std::map<std::string, std::string> metadata;
    /// The file that holds the bytes of photos whose data is null.
    std::filesystem::path photoSource;

    [[nodiscard]] Project toProject() const;
};

/// A new feature and the photos that come with it (see MapDocument::addFeaturesWithPhotos).
struct FeatureWithPhotos {
    Feature feature;
    std::vector<Photo> photos; ///< read with readPhotoFile: their bytes set
};

/// A shared project's unsaved edits and the versions of the features they change, as a
/// recovery copy keeps them: enough to bring them back onto the database's current state.
struct SharedEdits {
    ChangeSet changes;
    FeatureVersions versions; ///< only the changed features that were read from the database
};

class EditCommand;

class MapDocument : public QObject {
    Q_OBJECT
public:
    explicit MapDocument(LayerCatalog catalog, QObject* parent = nullptr);

    /// Takes an opened project (opening itself runs in the background, see ProjectLoader).
    void setProject(Project project, std::filesystem::path path);
    /// Takes a project read from a recovery copy as the document of `path`, modified from the
    /// start: the next save writes the whole project to `path` (as saveAs does), and photos
    /// not in memory are read from `recoveryFile` until then.
    void setRecoveredProject(Project project, std::filesystem::path path,
                             std::filesystem::path recoveryFile);
    /// Takes a project read from a shared database (see openSharedProject). Saves go back to
    /// `url` (a "PG:" connection string), each feature checked against the version it was
    /// read at. path() is then the connection string without its password.
    void setSharedProject(SharedProject shared, const std::string& url);
    /// Brings the edits of a recovery copy back onto the database's current state `fresh`:
    /// the features, links and photos the edits changed are taken from `copy` (a project read
    /// from the copy file `copyFile`), the rest as the database has them now. The document
    /// is modified from the start; the next save checks the edits against `edits.versions`,
    /// so what someone else changed meanwhile comes up as a conflict, never overwritten.
    Result<void> setRecoveredSharedProject(SharedProject fresh, const std::string& url,
                                           const Project& copy,
                                           const std::filesystem::path& copyFile,
                                           const SharedEdits& edits);
    /// What a recovery copy of a shared project must keep besides the data.
    [[nodiscard]] SharedEdits sharedEdits() const;
    [[nodiscard]] bool hasProject() const { return !m_path.empty(); }
    /// The project file, or for a shared project its database without the password.
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    /// Whether the project lives in a shared database rather than in a file.
    [[nodiscard]] bool isShared() const { return !m_databaseUrl.empty(); }
    /// A shared project whose login may read it but not save to it (a consultant).
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    /// After a save refused with ErrorCode::Conflict: the features someone else changed or
    /// deleted since they were read (those saved with our very values are settled already).
    [[nodiscard]] const std::vector<FeatureConflict>& conflicts() const { return m_conflicts; }
    /// Settles a conflict of the last save. Keeping theirs puts their feature in place of ours
    /// as one undo step (their deletion removes ours); keeping ours makes the next save
    /// overwrite theirs (or delete it, or write ours anew when they deleted it).
    Result<void> resolveConflict(const FeatureConflict& conflict, bool keepTheirs);
    [[nodiscard]] const Crs& crs() const { return m_crs; }
    [[nodiscard]] const LayerCatalog& catalog() const { return m_catalog; }
    /// True when the data differs from the file: undoing back to the saved state clears it
    /// (but not for a recovered project, which differs from its file until it is saved).
    [[nodiscard]] bool isModified() const { return m_fullSaveNeeded || !m_undo.isClean(); }
    /// True for a recovered project not yet saved: save() writes the whole project.
    [[nodiscard]] bool needsFullSave() const { return m_fullSaveNeeded; }
    /// What save() would write: the changes since the file was last saved.
    [[nodiscard]] const ChangeSet& unsavedChanges() const { return m_changes; }

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
    /// A finer view of part of a raster (read for what is on screen); a null image drops it.
    void setRasterDetail(std::size_t index, QImage detail, Box extent);
    [[nodiscard]] const std::vector<SceneRaster>& rasters() const { return m_rasters; }
    /// Shows an analysis result (a lux map, see luxSceneRaster) above the base map and under
    /// the thematic layers, replacing the one of the same name. Not saved with the project;
    /// dropped when another project is opened.
    void setAnalysisRaster(SceneRaster raster);
    /// Does nothing when there is none of that name.
    void removeAnalysisRaster(std::string_view name);
    /// Shows or hides an analysis raster (kept when it is recomputed); nothing when absent.
    void setAnalysisRasterVisible(std::string_view name, bool visible);
    /// New pixels for an analysis raster, same extent (after a partial recomputation, see
    /// paintLux). False, and no change, when there is none of that name.
    bool updateAnalysisRaster(std::string_view name, QImage image);
    [[nodiscard]] const std::vector<SceneRaster>& analysisRasters() const { return m_analysisRasters; }
    /// Whether the map draws the measure→observation links (when both layers are visible).
    void setLinksVisible(bool visible);
    [[nodiscard]] bool linksVisible() const { return m_linksVisible; }

    /// A snapshot to render: shares the layer data, copies only view state (and shares the
    /// rasters' pixels). Carries the links while both their layers are visible, those of
    /// selected features highlighted.
    [[nodiscard]] MapScene scene(const std::string& language) const;
    /// Union of the extents of all layers with features.
    [[nodiscard]] Box extent() const;

    // Data ---------------------------------------------------------------------------
    /// A layer's current data; null when there is no such layer. Valid until the next change.
    [[nodiscard]] const Layer* layer(std::string_view name) const;
    /// Thematic layers of the project can be edited; the base map and added files cannot,
    /// nor anything of a shared project the login may only read.
    [[nodiscard]] bool isEditable(std::string_view name) const;
    [[nodiscard]] const std::vector<MeasureLink>& links() const { return m_links; }
    /// The measures that answer an observation, and the observations a measure answers.
    [[nodiscard]] std::vector<FeatureId> measuresAnswering(FeatureId observation) const;
    [[nodiscard]] std::vector<FeatureId> observationsAnsweredBy(FeatureId measure) const;

    [[nodiscard]] const std::vector<Photo>& photos() const { return m_photos; }
    /// A photo's bytes: in memory when added this session, else read from the project file.
    [[nodiscard]] Result<std::shared_ptr<const std::string>> photoData(PhotoId id) const;

    // Changes: each call is one step on the undo stack, or an Error and no change ---------
    /// Adds a feature (its id is assigned); the values must fit the layer's fields.
    Result<FeatureId> addFeature(std::string_view layer, Feature feature);
    /// Replaces features (same ids) with new geometry and/or values.
    Result<void> updateFeatures(std::string_view layer, std::vector<Feature> features,
                                const QString& text);
    /// Sets the given fields of several features at once; nullopt leaves a field as it is.
    Result<void> setValues(std::string_view layer, const std::vector<FeatureId>& ids,
                           const std::vector<std::optional<Value>>& values);
    Result<void> setGeometry(std::string_view layer, FeatureId id, Geometry geometry);
    /// Removes features, and the links of removed measures and observations with them.
    Result<void> removeFeatures(std::string_view layer, const std::vector<FeatureId>& ids);
    /// Adds rows read for an import (see readForImport) as one step.
    Result<std::size_t> addImported(std::string_view layer, std::vector<Feature> features,
                                    const QString& source);
    /// Links a measure to observations it answers (existing links are kept as they are).
    Result<void> linkMeasure(FeatureId measure, const std::vector<FeatureId>& observations);
    Result<void> unlinkMeasure(FeatureId measure, const std::vector<FeatureId>& observations);
    /// Attaches photos (read with readPhotoFile) to a feature of an editable layer.
    Result<std::vector<PhotoId>> addPhotos(std::string_view layer, FeatureId feature,
                                           std::vector<Photo> photos);
    Result<void> removePhoto(PhotoId id);
    /// Adds features of an editable layer, each with its photos, and attaches the photos of
    /// `attached` to the existing features of that layer their `feature` names: all of it
    /// one undo step (a folder of photos made into observations).
    Result<void> addFeaturesWithPhotos(std::string_view layer, std::vector<FeatureWithPhotos> added,
                                       std::vector<Photo> attached, const QString& text);
    /// Replaces every feature of analysis result layers (group "analys") with new ones, all
    /// layers as one undo step. Features keep the ids they come with (1, 2, ...), so that
    /// results can refer to each other. Usage error for a layer that is not a result layer.
    Result<void> replaceAnalysisResults(
        std::vector<std::pair<std::string, std::vector<Feature>>> layers, const QString& text);
    /// The general form of all of the above: checked, then pushed as one undo step.
    Result<void> apply(FeatureEdit edit, const QString& text);

    [[nodiscard]] QUndoStack& undoStack() { return m_undo; }

    // Selection ------------------------------------------------------------------------
    [[nodiscard]] const Selection& selection() const { return m_selection; }
    void select(std::string_view layer, std::vector<FeatureId> ids);
    void clearSelection();

    /// The data as it is now, to write elsewhere off the GUI thread (see ProjectSnapshot).
    [[nodiscard]] ProjectSnapshot snapshot() const;

    /// Writes unsaved changes to the project file, in one transaction (the whole project,
    /// atomically, when needsFullSave()). A shared project's changes go to its database in
    /// one transaction; when someone else changed the same features the save is refused
    /// (ErrorCode::Conflict), nothing is written and conflicts() lists them.
    Result<void> save();
    /// Writes the whole project to `path` (atomically) and continues there (a shared
    /// project becomes a file of its own).
    Result<void> saveAs(const std::filesystem::path& path);

signals:
    void projectReplaced();
    /// Features of a layer were added, changed or removed (by an edit, undo or redo).
    void featuresChanged(const QString& layer);
    void linksChanged();
    void photosChanged();
    void selectionChanged();
    void rasterDetailChanged();
    /// An analysis raster was set, removed or repainted.
    void analysisRastersChanged();
    void layersChanged();   ///< order, visibility, opacity, added layers
    void modifiedChanged(bool modified);
    /// Emitted before save or saveAs writes, so that background readers of the file finish.
    void aboutToSave();
    /// Emitted when save or saveAs failed: the edits are still only in memory.
    void saveFailed();

private:
    friend class EditCommand;
    void replaceProject(Project project, std::filesystem::path path,
                        std::filesystem::path photoSource, bool fullSaveNeeded);
    /// After a successful write to m_path: nothing left to save.
    void markSaved();
    Result<void> saveShared();
    /// Gives features, links and photos the ids the database assigned to new features.
    void renumber(const AssignedIds& assigned);
    [[nodiscard]] Result<void> check(FeatureEdit& edit) const;
    /// Applies an edit forwards (redo) or backwards (undo); assigns ids to added features
    /// the first time, so that a redo brings back the same ids.
    void applyEdit(FeatureEdit& edit, bool forward);
    /// The layer's data to change in place, copied first when a render still holds it.
    Layer& writableLayer(std::size_t index);
    [[nodiscard]] std::optional<std::size_t> position(std::string_view name) const;

    LayerCatalog m_catalog;
    std::filesystem::path m_path;
    std::filesystem::path m_photoSource; ///< m_path, or the recovery copy a project came from
    std::string m_databaseUrl;           ///< a shared project's connection, with the password
    FeatureVersions m_versions;          ///< a shared project's features as last read or saved
    std::vector<FeatureConflict> m_conflicts;
    bool m_readOnly = false;
    bool m_fullSaveNeeded = false;
    Crs m_crs;
    std::vector<DocumentLayer> m_layers;
    std::vector<SceneRaster> m_rasters;
    std::vector<SceneRaster> m_analysisRasters;
    std::vector<MeasureLink> m_links;
    std::vector<Photo> m_photos;
    std::map<std::string, std::string> m_metadata;
    ChangeSet m_changes;
    QUndoStack m_undo;
    Selection m_selection;
    bool m_linksVisible = true;
    FeatureId m_lastAdded = kNoFeatureId;
};

} // namespace trygg
