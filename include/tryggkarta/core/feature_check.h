#pragma once
// The rules a feature must meet before the document stores it: values that fit their
// fields and a geometry the layer accepts. Forms check the same rules as the user types;
// this is the last line, so that no path (form, tool, import, script) stores a bad row.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"

namespace trygg {

/// Checks every value (type, range, length, value list, required) and the geometry kind.
/// The error names the layer, the feature (when it has an id) and the field.
Result<void> checkFeature(const LayerDef& definition, const Feature& feature);

} // namespace trygg
