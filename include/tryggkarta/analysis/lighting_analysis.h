#pragma once
// The lighting analysis of a project: the path network's light against its classes, dark
// gaps, the observations about lighting or made in darkness joined to the lux at their spot,
// and the what-if comparison with the planned lamps.

#include "tryggkarta/analysis/path_lighting.h"
#include "tryggkarta/analysis/project_luminaires.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

struct LightingOptions {
    double maintenanceFactor = kDefaultMaintenanceFactor;
    double sampleStep = 1.0;     ///< metres between samples along the paths
    double segmentLength = 50.0; ///< longest segment in the result, metres
    /// An observation farther than this from every line takes the table's fallback class.
    double observationReach = 30.0;
};

/// An observation about lighting (kategori belysning) or made in darkness (ljusforh morker).
struct ObservationLight {
    FeatureId observation = kNoFeatureId;
    Point position;
    double lux = 0.0;             ///< maintained horizontal illuminance at the spot
    std::size_t classIndex = 0;   ///< of the nearest segment within reach, else the fallback
    std::optional<std::size_t> gap; ///< the nearest dark gap, index into the gaps
    double gapDistance = 0.0;     ///< metres to it
    [[nodiscard]] bool lit(const LightingClassTable& table) const {
        return lux >= table.classes[classIndex].pointMinimum();
    }
};

/// Per class: how much path there is and how much of it fails.
struct ClassSummary {
    std::size_t classIndex = 0;
    double metres = 0.0;
    double underLitMetres = 0.0;
    double overLitMetres = 0.0;
    double worstMinimum = 0.0; ///< the lowest segment minimum, lux
};

/// One state of the lighting: with or without the planned lamps.
struct LightingScenario {
    bool withPlanned = false;
    SampleLux lux;
    PathLighting paths;
    std::vector<ObservationLight> observations;
    std::vector<ClassSummary> classes; ///< classes that occur, in table order
    double metres = 0.0;
    double underLitMetres = 0.0;
    double darkMetres = 0.0; ///< total length of the dark gaps
    std::size_t observationsLit = 0;
};

/// The model the scenarios are computed on: network, samples and luminaires.
struct LightingModel {
    PathNetwork network;
    PathSamples samples;
    SampleTree sampleTree; ///< over `samples`
    ProjectLuminaires luminaires; ///< planned ones off
    std::vector<std::size_t> planned; ///< indices of planned luminaires
    LightingOptions options;
};

/// Builds the model of a project. Errors: those of buildPathNetwork.
Result<LightingModel> buildLightingModel(const Project& project, LightingClassTable table,
                                         const LuminaireOptions& luminaireOptions,
                                         const LightingOptions& options = {});

/// The luminaires of the model in an index, with the planned ones on or off.
LuminaireIndex lightingIndex(const LightingModel& model, bool withPlanned);

/// Computes one scenario on an index made by lightingIndex. Errors: Cancelled.
Result<LightingScenario> runLightingScenario(const LightingModel& model,
                                             const LuminaireIndex& index, bool withPlanned,
                                             const Project& project, Progress& progress);

/// Re-evaluates a scenario whose sample lux changed (after refreshSampleLux).
void reevaluateScenario(const LightingModel& model, const LuminaireIndex& index,
                        LightingScenario& scenario, const Project& project);

/// Before (without planned lamps) against after (with them).
struct LightingComparison {
    double underLitBefore = 0.0;
    double underLitAfter = 0.0;
    std::size_t gapsBefore = 0;
    std::size_t gapsAfter = 0;
    std::size_t gapsClosed = 0;   ///< before's gaps that no after gap overlaps
    double darkBefore = 0.0;
    double darkAfter = 0.0;
    std::size_t observationsLitBefore = 0;
    std::size_t observationsLitAfter = 0;
    std::size_t observationsNowLit = 0; ///< dark before, lit after
    std::size_t observations = 0;
};

LightingComparison compareScenarios(const LightingModel& model, const LightingScenario& before,
                                    const LightingScenario& after);

/// A whole analysis as the CLI and the app run it: the model, the current state and, when
/// asked, the state with the planned lamps and the comparison.
struct LightingRun {
    LightingModel model;
    LightingScenario current;
    std::optional<LightingScenario> planned;
    std::optional<LightingComparison> comparison;
    /// The scenario the result layers show: with the planned lamps when computed.
    [[nodiscard]] const LightingScenario& shown() const { return planned ? *planned : current; }
};

/// Builds the model and computes the current state, and with `withPlanned` also the state
/// with the planned lamps. Errors: those of buildLightingModel, Cancelled.
Result<LightingRun> runLightingAnalysis(const Project& project, LightingClassTable table,
                                        const LuminaireOptions& luminaireOptions,
                                        const LightingOptions& options, bool withPlanned,
                                        Progress& progress);

} // namespace trygg
