#pragma once
// The priority list of places: clusters of observations (DBSCAN, distance in metres) ranked by a
// transparent score the planner can tune, each place carrying the facts behind its score so a
// row can explain itself ("6 otrygga synpunkter, 4 i mörker, 2 lx, 15 m till mörkt parti,
// ingen åtgärd").
//
// The score of a place is a weighted sum of six factors, each normalised to 0…1 so that the
// weights compare:
//
//   score = w_count·count + w_severity·severity + w_darkness·darkness + w_light·light
//         + w_gap·gap − w_answered·answered
//
//   count     n / n_max: its observations against the largest place of the list
//   severity  mean of (3 − känsla) / 3 over its observations with a känsla (0 Skrämmande
//             gives 1, 3 Bekväm 0); 0 when none has one
//   darkness  (observations in mörker + ½ · those in skymning) / n: twilight counts half,
//             since half-light is where lamps are lit but eyes have not adapted; an observation
//             without a light condition counts as daylight
//   light     1 − min(Ē, L) / L, Ē the mean lux of ljus_observationer for its observations,
//             L = PriorityOptions::brightLux: unlit places get 1, those lit to L or more 0;
//             0 when the lighting analysis has not run or computed none of its observations
//   gap       1 − min(d, R) / R, d the distance from its nearest observation to the nearest
//             dark gap (ljus_morka), R = PriorityOptions::gapReach; 0 when there is none
//             within R or the lighting analysis has not run
//   answered  the share of its observations linked to a measure whose status is not avförd:
//             it lowers the score, so places already being dealt with drop down the list
//
// The lighting factors read the result layers the lighting analysis wrote (whichever scenario
// they hold, see PriorityList::lightingScenario); the list says when there are none.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// The polarity the list looks at by default (PriorityOptions::unsafeOnly).
inline constexpr std::string_view kUnsafePolarity = "otrygg";

/// The factors of a place's score, in the order of the formula above.
enum class PriorityFactor : std::size_t { Count, Severity, Darkness, Light, Gap, Answered };
inline constexpr std::size_t kPriorityFactorCount = 6;

/// All factors, in order, to loop over.
inline constexpr std::array<PriorityFactor, kPriorityFactorCount> kPriorityFactors{
    PriorityFactor::Count, PriorityFactor::Severity, PriorityFactor::Darkness,
    PriorityFactor::Light, PriorityFactor::Gap,      PriorityFactor::Answered};

/// The factor's key in the CLI's --weights and in JSON: count, severity, darkness, light, gap,
/// answered.
std::string_view priorityFactorKey(PriorityFactor factor);
/// The factor a key names; nothing for an unknown key.
std::optional<PriorityFactor> parsePriorityFactor(std::string_view key);
/// +1 for the factors that raise the score, −1 for `answered`, which lowers it.
double priorityFactorSign(PriorityFactor factor);

/// A value per factor: the weights the planner sets, or a place's normalised factors.
struct PriorityValues {
    std::array<double, kPriorityFactorCount> values{};

    [[nodiscard]] double& operator[](PriorityFactor f) { return values[static_cast<std::size_t>(f)]; }
    [[nodiscard]] double operator[](PriorityFactor f) const {
        return values[static_cast<std::size_t>(f)];
    }
};

/// The default weights: 1 for each factor, 2 for `answered`, so that a place whose every
/// observation is being answered falls below an unanswered place of similar weight.
PriorityValues defaultPriorityWeights();

/// What to cluster and how to score.
struct PriorityOptions {
    double eps = 25.0;         ///< metres: observations this close are neighbours
    std::size_t minPoints = 3; ///< neighbours (itself included) that make a core observation
    std::string filter;        ///< a planner's filter text (core/filter.h); empty: all
    bool unsafeOnly = true;    ///< only observations with polaritet = otrygg (besides `filter`)
    PriorityValues weights = defaultPriorityWeights();
    double brightLux = 10.0;   ///< L of the light factor: the P2 class average, lx
    double gapReach = 50.0;    ///< R of the gap factor, metres
    /// A place is named after the nearest named place, area, building, street or path of the
    /// base map this near its centre, metres (as the walk protocol names its places).
    double nameReach = 75.0;
};

/// What a place's factors are computed from, kept so that a row can say it in words.
struct PlaceFacts {
    std::size_t observations = 0;
    std::array<std::size_t, 4> feeling{}; ///< how many have känsla 0, 1, 2, 3
    std::size_t dark = 0;                 ///< ljusforh = morker
    std::size_t twilight = 0;             ///< ljusforh = skymning
    std::size_t withLux = 0;              ///< observations with a lux value
    std::optional<double> meanLux;        ///< their mean; none when withLux is 0
    std::optional<double> gapDistance;    ///< metres to the nearest dark gap within reach
    std::size_t answered = 0;             ///< observations a live measure answers
};

/// One place of the list.
struct PriorityPlace {
    std::size_t rank = 0;               ///< 1 for the first
    std::vector<FeatureId> observations; ///< in layer order
    Point centre;                       ///< mean of its observations
    Box extent;                         ///< envelope of its observations
    std::string name;                   ///< nearest base-map name within reach; "" if none
    PlaceFacts facts;
    PriorityValues factors;             ///< each 0…1 (see the formula)
    double score = 0.0;

    /// What one factor adds to the score with `weights` (negative for `answered`).
    [[nodiscard]] double contribution(PriorityFactor factor, const PriorityValues& weights) const;
};

/// The ranked places and what went into them.
struct PriorityList {
    std::vector<PriorityPlace> places; ///< best first
    std::size_t considered = 0;        ///< observations the filter kept (with a point)
    std::size_t noise = 0;             ///< of those, in no place
    bool lightingKnown = false;        ///< the lighting analysis has written results
    std::string lightingScenario;      ///< "nulage" or "med_planerade" when known
    bool unsafeOnly = true;            ///< PriorityOptions::unsafeOnly, for the words
    double gapReach = 0.0;             ///< PriorityOptions::gapReach, for the words
};

/// What the list is computed from: the layers by name and the links. A view (valid while what
/// it points to lives), so that the app can hand over a document snapshot's shared layers
/// without copying them into a Project.
struct PriorityInput {
    std::vector<const Layer*> layers;
    std::span<const MeasureLink> links;

    [[nodiscard]] static PriorityInput of(const Project& project);
    [[nodiscard]] const Layer* layer(std::string_view name) const;
};

/// Clusters the chosen observations, computes each place's facts and factors and ranks them.
/// Errors: NotFound when there is no observation layer; Usage for eps or minPoints not > 0;
/// those of parseFilter for a wrong filter (naming the word); Cancelled.
Result<PriorityList> prioritisePlaces(const PriorityInput& input, const PriorityOptions& options,
                                      Progress& progress);
Result<PriorityList> prioritisePlaces(const Project& project, const PriorityOptions& options,
                                      Progress& progress);

/// Scores the places again with other weights and ranks them anew (no clustering: cheap).
void rescorePlaces(PriorityList& list, const PriorityValues& weights);

/// A place's score in words, "sv" or "en": "6 otrygga synpunkter (2 skrämmande), 4 i mörker,
/// 2,0 lx, 15 m till mörkt parti, ingen åtgärd" (the list's facts fill in the rest).
std::string explainPlace(const PriorityPlace& place, const PriorityList& list,
                         std::string_view language);

/// The name to show: the place's name, else "N 7096069, Ö 733107" (northing first).
std::string placeLabel(const PriorityPlace& place, std::string_view language);

/// Grouping of points into clusters by density (DBSCAN): `eps` in the points' units,
/// `minPoints` neighbours within eps (the point itself included) make a core point; a border
/// point joins the first cluster that reaches it. Returns a cluster number per point, from 0
/// in the order clusters are found (point order), or kDbscanNoise. Errors: Cancelled.
inline constexpr std::size_t kDbscanNoise = static_cast<std::size_t>(-1);
Result<std::vector<std::size_t>> dbscan(std::span<const Point> points, double eps,
                                        std::size_t minPoints, Progress& progress);

} // namespace trygg
