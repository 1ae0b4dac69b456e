#include "tryggkarta/core/crs.h"

namespace trygg {

std::string Crs::identifier() const {
    return epsg > 0 ? "EPSG:" + std::to_string(epsg) : std::string("custom CRS");
}

std::string Crs::displayName() const {
    switch (epsg) {
    case crs::kSweref99Tm: return "SWEREF 99 TM (EPSG:3006)";
    case crs::kSweref992015: return "SWEREF 99 20 15 (EPSG:3016)";
    case crs::kWgs84: return "WGS 84 (EPSG:4326)";
    default: return identifier();
    }
}

} // namespace trygg
