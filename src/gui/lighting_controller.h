#pragma once
// The lighting analysis in the app: runs it on the document's data as the CLI does, writes
// the result layers as one undo step, shows the lux map, and keeps everything up to date
// while the planner moves, edits, adds or removes lamps (live, during a drag too).

#include "lighting_state.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/render/map_scene.h"

#include <QElapsedTimer>
#include <QImage>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

class QUndoCommand;
class QWidget;

namespace trygg {

/// Timings of runs and live updates: QT_LOGGING_RULES="tryggkarta.lighting.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcLighting)

class MapDocument;
class Progress;

/// Owns the analysis state between runs. It has no widgets of its own: the progress dialog
/// of a run opens over `dialogParent`.
class LightingController : public QObject {
    Q_OBJECT
public:
    /// The analysis raster's name in the document.
    static constexpr std::string_view kRasterName = "belysningsstyrka";

    LightingController(MapDocument& document, QWidget* dialogParent, QObject* parent = nullptr);
    ~LightingController() override;

    /// Runs the analysis (current lighting, and with `withPlanned` also with the planned
    /// lamps) off the GUI thread with progress and Cancel, writes the result layers as one
    /// undo step and shows the lux map of the scenario shown. False when it failed or was
    /// cancelled (the document is then unchanged; `problem` or `message` says why).
    bool run(bool withPlanned);
    /// Removes the lux map and forgets the analysis (the result layers stay).
    void clear();

    /// The analysis, while one is shown (none before a run, after clear() and while the run's
    /// step is undone).
    [[nodiscard]] const LightingState* state() const { return m_undone ? nullptr : m_state.get(); }
    /// Whether the numbers and the map show the lighting with the planned lamps.
    [[nodiscard]] bool showsPlanned() const { return m_showPlanned; }
    /// Switches between the current lighting and the lighting with the planned lamps: at once
    /// when both have been computed (only the lux map is computed again), else by a new run.
    bool setShowPlanned(bool planned);
    [[nodiscard]] bool rasterVisible() const { return m_rasterVisible; }
    /// The lux map as the document shows it (for its legend); null when none is shown.
    [[nodiscard]] const SceneRaster* raster() const;
    void setRasterVisible(bool visible);

    /// The class table a run reads: the one chosen (remembered in the settings), else the
    /// shipped one beside the layer definitions.
    [[nodiscard]] std::filesystem::path classTableFile() const;
    [[nodiscard]] bool usesDefaultClassTable() const;
    /// Chooses a class table; an empty path goes back to the shipped one. Errors: the file
    /// cannot be read or is no class table (nothing changes then).
    Result<void> setClassTableFile(const std::filesystem::path& file);

    /// Writes the lux grid shown as GeoTIFF (with progress). Errors: no analysis, those of
    /// the writer.
    Result<void> exportRaster(const std::filesystem::path& file);

    /// True when lamps or observations changed since the result layers were written.
    [[nodiscard]] bool resultsOutdated() const;
    /// True when a change could not be followed in place: the numbers need a new run.
    [[nodiscard]] bool needsRecompute() const;
    /// True when another class table has been chosen since the run: it needs a new run.
    [[nodiscard]] bool classTableChanged() const;
    /// How long the last live update took (lamps, samples, scenarios, grid, map), ms.
    [[nodiscard]] double lastUpdateMilliseconds() const { return m_lastUpdateMs; }
    /// Runs on the worker before each analysis; tests use it to cancel one.
    void setBeforeRunHook(std::function<void(Progress&)> hook) { m_beforeRun = std::move(hook); }

public slots:
    /// A drag of the move tool: the lamps among these features follow it (coalesced: only the
    /// latest offset is computed when moves come faster than updates).
    void previewMove(const QString& layer, const QList<qint64>& ids, double dx, double dy);
    /// The drag ended: the lamps follow the document again (moved or not).
    void endPreview();

signals:
    /// The numbers changed (run, live update, scenario switched, cleared, undone).
    void resultsChanged();
    /// A run or export failed: a title and the reason, to show to the user.
    void problem(const QString& title, const QString& text);
    /// A short message for the status bar.
    void message(const QString& text);

private:
    struct PendingPreview {
        QString layer;
        QList<qint64> ids;
        double dx = 0.0;
        double dy = 0.0;
    };

    void documentChanged(const QString& layer);
    void applyPreview();
    void apply(const LampChanges& changes);
    /// Shows the grid as the analysis raster (or removes it when hidden or absent).
    void showRaster();
    void undoIndexChanged(int index);
    void fail(const Error& error, const QString& title);

    MapDocument& m_document;
    QPointer<QWidget> m_dialogParent;
    std::unique_ptr<LightingState> m_state;
    QImage m_image; ///< the lux map's pixels, repainted where lamps change
    bool m_showPlanned = false;
    bool m_rasterVisible = true;
    bool m_busy = false;              ///< a worker uses the state: changes wait for it
    bool m_undone = false;            ///< the run's undo step is undone
    bool m_writtenPlanned = false;    ///< the scenario the result layers hold
    std::filesystem::path m_runTable; ///< the class table of the run
    int m_resultsIndex = -1;          ///< the run's step on the undo stack
    const QUndoCommand* m_resultsCommand = nullptr;
    std::optional<PendingPreview> m_pending;
    QTimer m_previewTimer;
    double m_lastUpdateMs = 0.0;
    std::function<void(Progress&)> m_beforeRun;
};

} // namespace trygg
