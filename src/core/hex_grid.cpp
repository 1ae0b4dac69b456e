#include "tryggkarta/core/hex_grid.h"

#include <cassert>
#include <cmath>
#include <cstdlib>
#include <numbers>

namespace trygg {

HexGrid::HexGrid(double width) : m_width(width), m_radius(width / std::numbers::sqrt3) {
    assert(width > 0.0);
}

double HexGrid::cellArea() const {
    return std::numbers::sqrt3 / 2.0 * m_width * m_width;
}

Point HexGrid::centre(HexCoord cell) const {
    const auto q = static_cast<double>(cell.q);
    const auto r = static_cast<double>(cell.r);
    return Point{m_width * (q + r / 2.0), 1.5 * m_radius * r};
}

HexCoord HexGrid::cellOf(const Point& point) const {
    // Fractional axial coordinates, rounded in cube space (q + r + s = 0): rounding each
    // coordinate and fixing the one that moved most gives the cell of the nearest centre.
    const double rf = point.y() / (1.5 * m_radius);
    const double qf = point.x() / m_width - rf / 2.0;
    const double sf = -qf - rf;
    double q = std::round(qf);
    double r = std::round(rf);
    const double s = std::round(sf);
    const double dq = std::abs(q - qf);
    const double dr = std::abs(r - rf);
    const double ds = std::abs(s - sf);
    if (dq > dr && dq > ds) {
        q = -r - s;
    } else if (dr > ds) {
        r = -q - s;
    }
    return HexCoord{static_cast<std::int64_t>(q), static_cast<std::int64_t>(r)};
}

Polygon HexGrid::outline(HexCoord cell) const {
    const Point c = centre(cell);
    Polygon outline;
    for (int i = 0; i <= 6; ++i) {
        const double angle = std::numbers::pi / 180.0 * (60.0 * (i % 6) - 30.0);
        outline.outer().emplace_back(c.x() + m_radius * std::cos(angle),
                                     c.y() + m_radius * std::sin(angle));
    }
    return outline;
}

std::vector<HexCoord> HexGrid::cellsCovering(const Box& area) const {
    std::vector<HexCoord> cells;
    if (isEmpty(area)) {
        return cells;
    }
    const double rowStep = 1.5 * m_radius;
    const double half = m_width / 2.0;
    const auto firstRow =
        static_cast<std::int64_t>(std::ceil((area.min_corner().y() - m_radius) / rowStep));
    const auto lastRow =
        static_cast<std::int64_t>(std::floor((area.max_corner().y() + m_radius) / rowStep));
    for (std::int64_t r = firstRow; r <= lastRow; ++r) {
        const double shift = static_cast<double>(r) / 2.0;
        const auto first =
            static_cast<std::int64_t>(std::ceil((area.min_corner().x() - half) / m_width - shift));
        const auto last =
            static_cast<std::int64_t>(std::floor((area.max_corner().x() + half) / m_width - shift));
        for (std::int64_t q = first; q <= last; ++q) {
            cells.push_back(HexCoord{q, r});
        }
    }
    return cells;
}

std::array<HexCoord, 6> HexGrid::neighbours(HexCoord cell) {
    const std::int64_t q = cell.q;
    const std::int64_t r = cell.r;
    return {HexCoord{q + 1, r}, HexCoord{q, r + 1}, HexCoord{q - 1, r + 1},
            HexCoord{q - 1, r}, HexCoord{q, r - 1}, HexCoord{q + 1, r - 1}};
}

std::int64_t HexGrid::steps(HexCoord from, HexCoord to) {
    const std::int64_t dq = to.q - from.q;
    const std::int64_t dr = to.r - from.r;
    return (std::abs(dq) + std::abs(dr) + std::abs(dq + dr)) / 2;
}

} // namespace trygg
