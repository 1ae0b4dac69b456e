#pragma once
// One undoable change to the project's data, as the undo stack keeps it: each feature's
// state before and after, and the links added and removed. Ownership rule: a feature that an
// edit removed lives in exactly one place, the edit's `before`, until the edit is undone.

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/photo.h"
#include "tryggkarta/core/project.h"

#include <optional>
#include <string>
#include <vector>

namespace trygg {

/// A feature's state before and after; nullopt means "absent" (an add or a removal).
struct FeatureChange {
    std::optional<Feature> before;
    std::optional<Feature> after;
};

struct FeatureEdit {
    std::string layer;                   ///< the layer of every change below
    std::vector<FeatureChange> changes;
    std::vector<MeasureLink> linksAdded; ///< a measure id of 0 means "the feature this edit adds"
    std::vector<MeasureLink> linksRemoved;
    /// Photos added and removed, with their bytes loaded, so an undo after a save (which
    /// deleted the rows) can bring them back. An added photo whose feature id is negative,
    /// -n, belongs to the n-th feature this edit adds (its id is known only once applied).
    std::vector<Photo> photosAdded;
    std::vector<Photo> photosRemoved;
    /// Consecutive edits with the same key that change the same single feature become one
    /// undo step (a walk's route growing fix by fix); nullopt: never merged.
    std::optional<std::int64_t> mergeKey = std::nullopt;
    /// Set by MapDocument::replaceAnalysisResults only: the one way result layers change.
    bool replacesResults = false;

    [[nodiscard]] bool empty() const {
        return changes.empty() && linksAdded.empty() && linksRemoved.empty() &&
               photosAdded.empty() && photosRemoved.empty();
    }
};

} // namespace trygg
