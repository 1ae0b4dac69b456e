#pragma once
// The luminaires of a project as the lighting model needs them: the belysning inventory with
// its photometry profiles, heights and orientation, plus lamps that measures of type
// "ny_belysning" propose.
//
// - belysning.armatur names a profile (a file name in a profile folder, with or without its
//   extension: "generisk_gata") or gives the path of an .ldt/.ies file, relative to the
//   project file or absolute. Anything else (empty, a model name) means no profile: the
//   generic distribution (genericPhotometry) scaled by ljusflode.
// - A profile's candela are scaled to ljusflode when it is given.
// - riktning is the compass bearing the luminaire's street side (C90) faces; without it the
//   luminaire faces the nearest line of the path network.
// - status fungerar: on; planerad: planned (on only in a what-if); trasig, medvetet_slackt: off.
// - A measure of type ny_belysning (not avford or klar) proposes planned lamps: one at a point,
//   one every kMeasureLampSpacing metres along a line, one at the centre of an area; each
//   a generic lamp of kMeasureLampFlux lm at kMeasureLampHeight m facing the nearest path.

#include "tryggkarta/analysis/illuminance.h"
#include "tryggkarta/analysis/path_lighting.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/project.h"

#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

/// The folder beside the layer definitions that holds the shipped photometry profiles and
/// the default class table.
inline constexpr std::string_view kLightingDataFolder = "photometry";

inline constexpr double kMeasureLampSpacing = 25.0;
inline constexpr double kMeasureLampFlux = 3000.0;
inline constexpr double kMeasureLampHeight = 5.0;
/// Used when a luminaire has neither a profile nor ljusflode (with a note).
inline constexpr double kDefaultLampFlux = 3000.0;
/// Used when a luminaire has no height (with a note).
inline constexpr double kDefaultLampHeight = 6.0;

/// Where a luminaire of the model came from.
struct LuminaireOrigin {
    std::string layer; ///< "belysning" or "atgarder"
    FeatureId feature = kNoFeatureId;
    std::string label; ///< pole number or measure title, for messages and lists
    bool planned = false;
};

struct ProjectLuminaires {
    /// Every luminaire; planned ones are on only when the options asked for them.
    std::vector<Luminaire> luminaires;
    std::vector<LuminaireOrigin> origins; ///< one per luminaire
    /// Lamps left out or guessed, in Swedish-free English for logs: "VN-0012: no height, 6 m
    /// assumed". Shown to the user as a list.
    std::vector<std::string> notes;
};

struct LuminaireOptions {
    std::filesystem::path projectFile; ///< relative armatur paths start from its folder
    std::vector<std::filesystem::path> profileFolders; ///< searched for profile names
    bool includePlanned = false;
};

/// The model's luminaires. Never fails for one bad lamp: it is left out with a note (a height
/// of 0 or less, an unreadable profile file falls back to the generic distribution, ...).
ProjectLuminaires projectLuminaires(const Project& project, const PathNetwork& network,
                                    const LuminaireOptions& options);

/// The luminaire one belysning feature gives (for a lamp the planner just moved); an error
/// says why it cannot take part. `on` follows the status and `includePlanned`.
Result<Luminaire> inventoryLuminaire(const Project& project, const Feature& feature,
                                     const PathNetwork& network, const LuminaireOptions& options);

} // namespace trygg
