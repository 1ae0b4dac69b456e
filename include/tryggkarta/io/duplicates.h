#pragma once
// Duplicates in an import: the same place reported twice (a survey exported twice, a walk's
// notes typed in again) should be offered for merging instead of landing twice.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/schema.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace trygg {

inline constexpr double kDefaultMergeRadius = 5.0; ///< metres

/// What happens to an incoming feature found to be a duplicate.
enum class DuplicateAction {
    Merge, ///< the feature it duplicates keeps its id and takes the incoming values (see
           ///< mergeFeatures)
    Keep,  ///< imported as a feature of its own anyway
    Skip,  ///< not imported
};

/// An incoming feature within the radius of an existing one (or of an earlier incoming one)
/// that has the same category.
struct DuplicateMatch {
    std::size_t incoming = 0; ///< index into the incoming features
    FeatureId existing =
        kNoFeatureId; ///< the existing feature; kNoFeatureId for an earlier incoming one
    std::optional<std::size_t> earlier; ///< index of the earlier incoming feature it duplicates
    double distance = 0.0;              ///< metres (project CRS units)
};

/// The field that says what a feature is about ("kategori"), or null when the layer has none.
const FieldDef* categoryField(const LayerDef& layer);
/// The free-text field merges append to: the longest text field without a value list that
/// holds no personal data ("beskrivn" for observations); null when the layer has none.
const FieldDef* freeTextField(const LayerDef& layer);

/// Finds incoming features within `radius` of an existing feature, or of an earlier incoming
/// one, with the same category (NULL equals NULL); an existing feature is preferred to an
/// earlier incoming one, then the nearest wins. For points the
/// distance is between the points; for lines and areas it is the largest distance from a
/// vertex of either to the other (so two lines match only when they run together all along).
/// Uses R-trees over the envelopes. Features without geometry never match. Sorted by
/// `incoming`; fails only when cancelled.
Result<std::vector<DuplicateMatch>> findDuplicates(const LayerDef& layer,
                                                   const std::vector<Feature>& existing,
                                                   const std::vector<Feature>& incoming,
                                                   double radius = kDefaultMergeRadius,
                                                   Progress& progress = Progress::none());

/// A merge: the existing feature with its id and geometry, its empty fields filled from the
/// incoming one, and the incoming free text appended on a new line when it differs and is not
/// already contained (cut at the field's max_length, ending with "…").
Feature mergeFeatures(const LayerDef& layer, const Feature& existing, const Feature& incoming);

/// The result of applying a choice per duplicate: features to add, features to update.
struct DuplicateResolution {
    std::vector<Feature> added;   ///< ids unassigned
    std::vector<Feature> updated; ///< existing features after merging (ids kept)
    std::vector<Feature> before;  ///< the same features before merging, for undo
    std::size_t merged = 0;
    std::size_t skipped = 0;
};

/// Applies `actions` (one per match, same order) to the incoming features. A merge into an
/// earlier incoming feature merges into what will be added; a merge into an earlier one that
/// is itself skipped or merged follows it.
DuplicateResolution resolveDuplicates(const LayerDef& layer, const std::vector<Feature>& existing,
                                      std::vector<Feature> incoming,
                                      const std::vector<DuplicateMatch>& matches,
                                      const std::vector<DuplicateAction>& actions);

} // namespace trygg
