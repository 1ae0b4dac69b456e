#pragma once
// Finding and selecting features for the tools, through the core's spatial index.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"

#include <optional>
#include <string>
#include <string_view>

namespace trygg {

class MapDocument;

/// A feature of a named layer.
struct FeatureRef {
    std::string layer;
    FeatureId id = kNoFeatureId;
};

/// The feature a click at `point` means: searched in `preferred` first, then in the other
/// visible project layers top first (only editable ones when `editableOnly`); hidden layers
/// and added files are never searched. Within a layer a point or line near the click wins over
/// a polygon that merely contains it, since it is drawn on top and is harder to hit.
std::optional<FeatureRef> pickFeature(const MapDocument& document, const Point& point,
                                      double tolerance, std::string_view preferred,
                                      bool editableOnly);

/// Removes the selected features (one undo step). Nothing to do when the selection is empty.
Result<void> removeSelection(MapDocument& document);

/// Selects the features of `layer` that match an attribute filter (see filter.h), replacing
/// the selection; returns how many. A filter that does not parse is an Error and no change.
Result<std::size_t> selectWhere(MapDocument& document, std::string_view layer,
                                std::string_view filter);

} // namespace trygg
