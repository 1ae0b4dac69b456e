#pragma once
// What a new feature's form shows before anyone types. The rules are data (the "default" key
// in layers/*.json, FieldDefault); this resolves them for one moment, place and walk.

#include "tryggkarta/core/schema.h"
#include "tryggkarta/core/sun.h"
#include "tryggkarta/core/value.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace trygg {

/// Everything a default may depend on. Tests build one by hand; the application calls
/// currentContext() and adds the walk in progress and, when known, the GPS position.
struct DefaultContext {
    DateTime now; ///< wall-clock time with its UTC offset; "$light_condition" needs the offset
    std::optional<std::int64_t> currentWalk;     ///< id of the walk in progress (layer vandringar)
    double latitude = kVannasCentrum.latitude;   ///< WGS 84, for the sun's position
    double longitude = kVannasCentrum.longitude; ///< WGS 84
};

/// The value a new feature gets in `field`: its literal, the resolved token, or NULL (no
/// default, no walk in progress, or a `now` without a UTC offset for the light condition).
Value defaultValue(const FieldDef& field, const DefaultContext& context);

/// A new feature's values in field order: each field's default, or NULL.
std::vector<Value> defaultValues(const LayerDef& layer, const DefaultContext& context);

/// The system clock as local time with the zone's current UTC offset (summer time included),
/// at Vännäs centrum, with no walk in progress.
DefaultContext currentContext();

} // namespace trygg
