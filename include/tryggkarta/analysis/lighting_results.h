#pragma once
// A lighting scenario as the features of the result layers the project stores: ljus_strackor
// (segments), ljus_morka (dark gaps) and ljus_observationer (observations and the light at
// their spot). Fields are filled by name, so a definition with fewer fields still works.

#include "tryggkarta/analysis/lighting_analysis.h"
#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/value.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg {

inline constexpr std::string_view kSegmentLayer = "ljus_strackor";
inline constexpr std::string_view kGapLayer = "ljus_morka";
inline constexpr std::string_view kObservationLightLayer = "ljus_observationer";

/// Features with ids 1, 2, … in result order (a gap's id is its index + 1, which
/// ljus_observationer.morkt_id refers to).
std::vector<Feature> segmentFeatures(const LayerDef& def, const LightingModel& model,
                                     const LightingScenario& scenario, const DateTime& computed);
std::vector<Feature> gapFeatures(const LayerDef& def, const LightingModel& model,
                                 const LightingScenario& scenario, const DateTime& computed);
std::vector<Feature> observationLightFeatures(const LayerDef& def, const LightingModel& model,
                                              const LightingScenario& scenario,
                                              const DateTime& computed);

/// The result layers' new features, by layer name, for the layers `project` has (their
/// definitions come from there).
std::vector<std::pair<std::string, std::vector<Feature>>>
lightingResultLayers(const Project& project, const LightingRun& run, const DateTime& computed);

/// How many of the scenario's observations have `gap` as their nearest gap within
/// LightingOptions::observationReach.
std::size_t observationsNearGap(const LightingModel& model, const LightingScenario& scenario,
                                std::size_t gap);

} // namespace trygg
