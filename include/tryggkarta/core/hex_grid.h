#pragma once
// A grid of hexagonal cells over a projected CRS: hexagons tile a map with cells that all have
// six neighbours at the same distance, which suits counting observations per area and asking
// whether a cell's neighbours are busy too (hot spots).

#include "tryggkarta/core/geometry.h"

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <vector>

namespace trygg {

/// A cell's axial coordinates: q counts cells eastwards along a row, r counts rows northwards
/// (each row shifted half a cell east of the one below).
struct HexCoord {
    std::int64_t q = 0;
    std::int64_t r = 0;
    auto operator<=>(const HexCoord&) const = default;
};

/// Pointy-top hexagons (a vertex due north and due south, flat sides east and west), `width`
/// metres across the flat sides, anchored at the CRS origin: cell (0, 0) is centred on (0, 0),
/// so the same width always gives the same cells. `width` is also the distance between the
/// centres of two neighbouring cells; the side (and circumradius) is width / √3.
/// Cell (q, r) is centred on (width · (q + r / 2), 1.5 · circumradius · r).
class HexGrid {
public:
    /// `width` > 0 (an assertion).
    explicit HexGrid(double width);

    [[nodiscard]] double width() const { return m_width; }
    /// Centre to vertex, equal to the side length.
    [[nodiscard]] double circumradius() const { return m_radius; }
    /// Area of one cell in square metres: √3 / 2 · width².
    [[nodiscard]] double cellArea() const;

    [[nodiscard]] Point centre(HexCoord cell) const;
    /// The cell whose centre is nearest `point`: a point on a shared side goes to one of the two
    /// cells, always the same one.
    [[nodiscard]] HexCoord cellOf(const Point& point) const;
    /// The outline, counter-clockwise and closed, starting at the south-east vertex.
    [[nodiscard]] Polygon outline(HexCoord cell) const;
    /// Every cell that has a part inside `area` (judged by the cell's bounding box, so a cell
    /// touching a corner of the box from outside may be included), row by row from the south,
    /// west to east within a row. Empty for an empty box.
    [[nodiscard]] std::vector<HexCoord> cellsCovering(const Box& area) const;

    /// The six cells sharing a side with `cell`: east, north-east, north-west, west,
    /// south-west, south-east.
    [[nodiscard]] static std::array<HexCoord, 6> neighbours(HexCoord cell);
    /// Steps from one cell to another through neighbours (0 for the same cell).
    [[nodiscard]] static std::int64_t steps(HexCoord from, HexCoord to);

private:
    double m_width;
    double m_radius;
};

} // namespace trygg

template <> struct std::hash<trygg::HexCoord> {
    std::size_t operator()(const trygg::HexCoord& cell) const noexcept {
        return std::hash<std::int64_t>{}(cell.q * 1'000'003 + cell.r);
    }
};
