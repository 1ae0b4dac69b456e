#pragma once
// Building the features of an analysis result layer field by field. Private to trygg_analysis.

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace trygg::analysis {

/// Sets fields by name on a feature of `def`; names the definition lacks are skipped, so a
/// project whose layer definition has fewer fields still takes the results.
class FeatureFiller {
public:
    FeatureFiller(const LayerDef& def, std::size_t id) : m_def(def) {
        m_feature.id = FeatureId{static_cast<std::int64_t>(id)};
        m_feature.values.resize(def.fields.size());
    }
    FeatureFiller& set(std::string_view field, Value value) {
        if (const auto index = m_def.fieldIndex(field)) {
            m_feature.values[*index] = std::move(value);
        }
        return *this;
    }
    /// Rounded to 0.01, as a planner reads lux, metres and shares.
    FeatureFiller& number(std::string_view field, double value) {
        return set(field, std::round(value * 100.0) / 100.0);
    }
    Feature take(Geometry geometry) {
        m_feature.geometry = std::move(geometry);
        return std::move(m_feature);
    }

private:
    const LayerDef& m_def;
    Feature m_feature;
};

} // namespace trygg::analysis
