#pragma once

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/value.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace trygg {

/// A feature's identity within its layer; the GeoPackage fid. Zero means "not yet assigned".
enum class FeatureId : std::int64_t {};

constexpr FeatureId kNoFeatureId{0};

inline std::int64_t toInt(FeatureId id) { return static_cast<std::int64_t>(id); }

/// One row of a thematic layer. `values` follows the order of the layer definition's fields.
struct Feature {
    FeatureId id = kNoFeatureId;
    std::optional<Geometry> geometry;
    std::vector<Value> values;
};

} // namespace trygg

template <>
struct std::hash<trygg::FeatureId> {
    std::size_t operator()(trygg::FeatureId id) const noexcept {
        return std::hash<std::int64_t>{}(trygg::toInt(id));
    }
};
