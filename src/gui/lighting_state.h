#pragma once
// A lighting analysis as the app keeps it after a run: the model, the luminaire index and the
// scenario of the current lighting and (when computed) of the lighting with the planned lamps,
// the lux grid of the scenario on the map, and the features the lamps came from. When a lamp
// is moved, edited, added or removed, the indexes, sample lux, scenarios and grid are brought
// up to date in place: only the area the lamp lights before and after is recomputed, to
// exactly the values a fresh run would give.

#include "tryggkarta/analysis/illuminance_grid.h"
#include "tryggkarta/analysis/lighting_analysis.h"
#include "tryggkarta/core/project.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace trygg {

struct ProjectSnapshot;

/// Where the light changed after lamps changed, per scenario (0: current, 1: with planned).
struct LampChanges {
    std::array<Box, 2> horizontal{emptyBox(), emptyBox()}; ///< horizontal lux may differ here
    std::array<Box, 2> samples{emptyBox(), emptyBox()};    ///< horizontal or vertical lux
    [[nodiscard]] bool any() const;
};

class LightingState {
public:
    /// The lux grid covers the network's lines and this many metres around them.
    static constexpr double kGridMargin = 30.0;
    /// Cells are 1 m, or larger so that the grid has at most this many.
    static constexpr double kMaxGridCells = 4.0e6;

    /// Runs the analysis on a snapshot (on a worker thread) as the CLI does, and computes the
    /// grid of the scenario shown (with the planned lamps when `withPlanned`).
    /// Errors: those of runLightingAnalysis and illuminanceGrid, Cancelled.
    static Result<std::unique_ptr<LightingState>> compute(const ProjectSnapshot& snapshot,
                                                          LightingClassTable table,
                                                          const LuminaireOptions& options,
                                                          bool withPlanned, Progress& progress);

    LightingState(LightingRun run, Project project, LuminaireOptions options);

    [[nodiscard]] const LightingRun& run() const { return m_run; }
    [[nodiscard]] const LightingModel& model() const { return m_run.model; }
    [[nodiscard]] const Project& project() const { return m_project; }
    [[nodiscard]] bool hasPlanned() const { return m_run.planned.has_value(); }
    /// The current scenario, or the one with the planned lamps (when hasPlanned()).
    [[nodiscard]] const LightingScenario& scenario(bool planned) const {
        return planned ? *m_run.planned : m_run.current;
    }
    [[nodiscard]] const LuminaireIndex& index(bool planned) const {
        return planned ? *m_plannedIndex : m_currentIndex;
    }

    /// The area the grid covers (the lines and kGridMargin around) and its cell size.
    [[nodiscard]] Box gridArea() const;
    [[nodiscard]] double gridCellSize() const;
    /// Computes the grid of one scenario (may run on a worker thread while nothing else
    /// touches the state). Errors: Cancelled.
    Result<void> computeGrid(bool planned, Progress& progress);
    [[nodiscard]] const IlluminanceGrid& grid() const { return m_grid; }
    /// Which scenario the grid shows.
    [[nodiscard]] bool gridShowsPlanned() const { return m_gridPlanned; }

    /// Brings the lamps of a layer (belysning or atgarder) in line with its features.
    LampChanges syncLayer(const Layer& layer);
    /// The lamps of these features of `layer` as if moved by (dx, dy), for a drag preview;
    /// syncLayer brings them back to the document's.
    LampChanges previewMove(const Layer& layer, const std::vector<FeatureId>& ids, double dx,
                            double dy);
    /// After lamp changes: recomputes the samples there, re-evaluates the scenarios and the
    /// comparison, and returns the grid cells recomputed.
    GridCells refresh(const LampChanges& changes);
    /// New observations (the layer as it is now): re-evaluates both scenarios.
    void replaceObservations(const Layer& observations);

    /// True when the lamps or observations differ from those of the run (the result layers
    /// written then no longer match).
    [[nodiscard]] bool changedSinceRun() const;
    /// True when a change cannot be followed in place (a new measure with lamps, a measure
    /// line reshaped): the numbers need a new run.
    [[nodiscard]] bool needsRecompute() const;

private:
    /// A feature of belysning or atgarder as the lamps see it.
    struct Source {
        std::optional<Feature> atRun;    ///< as the run read it; none when added since
        std::optional<Feature> applied;  ///< as the lamps now show it; none when removed
        std::vector<std::size_t> lamps;  ///< its luminaires in the indexes
        std::vector<Point> runPositions; ///< measures: the lamps' places at the run
        bool unplaceable = false;        ///< measures: lamps the state cannot place
    };

    void track(const Project& project);
    void applyInventory(Source& source, const Feature& feature, LampChanges& changes);
    void applyMeasure(const Layer& layer, Source& source, const Feature& feature,
                      LampChanges& changes);
    void switchOff(const Source& source, LampChanges& changes);
    /// Puts a lamp into the indexes: for the current index and the one with planned lamps.
    void setLamp(std::size_t lamp, const Luminaire& current, const Luminaire& planned,
                 LampChanges& changes);
    std::size_t addLamp(const Luminaire& current, const Luminaire& planned, LampChanges& changes);

    LightingRun m_run;
    Project m_project; ///< the run's data: observations and the lamp layer's definition
    LuminaireOptions m_options;
    LuminaireIndex m_currentIndex;
    std::optional<LuminaireIndex> m_plannedIndex;
    IlluminanceGrid m_grid;
    bool m_gridPlanned = false;
    std::map<FeatureId, Source> m_inventory;
    std::map<FeatureId, Source> m_measures;
    bool m_observationsChanged = false;
};

} // namespace trygg
