#pragma once

#include <string>

namespace trygg {

/// A coordinate reference system, by EPSG code where it has one, else by WKT.
/// Resolving and transforming happen in trygg_io (PROJ through GDAL).
struct Crs {
    int epsg = 0;     ///< 0: not an EPSG CRS, see `wkt`
    std::string wkt;  ///< empty for EPSG CRSs

    static Crs fromEpsg(int code) { return Crs{code, {}}; }
    [[nodiscard]] bool isEpsg(int code) const { return epsg == code; }
    [[nodiscard]] bool isValid() const { return epsg > 0 || !wkt.empty(); }
    /// "EPSG:3006", or "custom CRS" for a WKT definition.
    [[nodiscard]] std::string identifier() const;
    /// "SWEREF 99 TM (EPSG:3006)" for the CRSs people meet in Vännäs, else the identifier.
    [[nodiscard]] std::string displayName() const;
    bool operator==(const Crs&) const = default;
};

namespace crs {
inline constexpr int kSweref99Tm = 3006;   ///< national, the project default
inline constexpr int kSweref992015 = 3016; ///< local zone for Vännäs
inline constexpr int kWgs84 = 4326;
} // namespace crs

} // namespace trygg
