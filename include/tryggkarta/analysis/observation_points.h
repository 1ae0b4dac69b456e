#pragma once
// The observations an analysis looks at: those of a layer that a planner's filter keeps
// ("kategori = belysning och ljusförhållande = mörker och tidpunkt >= 2025-01-01"), as points,
// with an optional numeric weight. Shared by the heat map, the hexagon statistics and the
// priority list so that every analysis reads "the same observations" the same way.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/filter.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/layer.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace trygg {

struct ObservationPoints {
    std::vector<FeatureId> ids;   ///< the features taken, in layer order
    std::vector<Point> points;    ///< one per id
    std::vector<double> weights;  ///< one per id when a weight field was asked for, else empty
    std::size_t withoutGeometry = 0; ///< matched the filter but have no point: left out
    /// Matched but their weight is empty (NULL): taken with weight 0, as QGIS's heat map
    /// takes them (the cells they reach hold 0, not "no data").
    std::size_t withoutWeight = 0;
};

/// The point features of `layer` that `filter` keeps (all when null). `weightField` names a
/// numeric field (integer or real; a coded integer such as känsla counts by its number), or is
/// empty for no weights. Errors: Usage naming the field when it does not exist or is not numeric.
Result<ObservationPoints> observationPoints(const Layer& layer, const Filter* filter,
                                            std::string_view weightField);

/// The same from the filter's text (empty: every observation), parsed against the layer: the
/// one way the app and the CLI read "the observations the planner chose". Errors: those of
/// parseFilter (naming the word that is wrong) and of observationPoints.
Result<ObservationPoints> selectObservations(const Layer& layer, std::string_view filterText,
                                             std::string_view weightField);

} // namespace trygg
