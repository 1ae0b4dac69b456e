#include "tryggkarta/io/plausible_area.h"

#include "tryggkarta/io/crs_transform.h"

namespace trygg {

Box swedenWithMargin() {
    return Box{Point{8.0, 53.5}, Point{26.0, 70.5}};
}

Result<Box> plausibleArea(const Crs& crs) {
    auto toCrs = CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84), crs);
    if (!toCrs) {
        return std::unexpected(toCrs.error());
    }
    return toCrs->apply(swedenWithMargin());
}

} // namespace trygg
