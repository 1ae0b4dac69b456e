#pragma once
// Where the data of a Swedish municipality can lie. Coordinates outside are a wrong
// coordinate system, a typo or a photo taken on holiday abroad, never a place in Vännäs.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"

namespace trygg {

/// Sweden with a wide margin, in WGS 84 (x = longitude 8..26 E, y = latitude 53.5..70.5 N).
Box swedenWithMargin();

/// The same area in `crs`, its edges densified so the box holds all of it. Every check of
/// "is this a place here" (imported rows, photo positions) uses this one area.
Result<Box> plausibleArea(const Crs& crs);

} // namespace trygg
