#pragma once

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"

#include <memory>
#include <string_view>

namespace trygg {

/// Reads what a user types for a CRS: "EPSG:3006", "3006", "SWEREF99TM", a WKT or PROJ string.
Result<Crs> parseCrs(std::string_view text);

/// The CRS's name as PROJ knows it ("SWEREF99 TM").
Result<std::string> crsName(const Crs& crs);

/// Transforms coordinates between two CRSs, x = easting/longitude in both (traditional GIS
/// order, whatever EPSG says). Not thread-safe: one per thread.
class CoordinateTransform {
public:
    static Result<CoordinateTransform> create(const Crs& from, const Crs& to);
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;
    ~CoordinateTransform();

    [[nodiscard]] Result<Point> apply(const Point& point) const;
    /// Transforms every coordinate in place.
    Result<void> apply(Geometry& geometry) const;
    /// Transforms a box by densifying its edges, so the result holds the whole area.
    [[nodiscard]] Result<Box> apply(const Box& box) const;
    [[nodiscard]] bool isIdentity() const;

private:
    struct Impl;
    explicit CoordinateTransform(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace trygg
