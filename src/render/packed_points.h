#pragma once
// Point layers packed for the dense path. A million points as Feature values (an optional
// geometry variant and a vector of values each) make every pass over them a walk through
// scattered memory; packed, the same pass reads twelve bytes a point in order. The points
// are kept tile by tile, so a street view reads the tiles near it and not the town. The
// packing is made once per layer and revision and shared by every render (canvas thread,
// CLI, export) through packedPointsFor().

#include "tryggkarta/core/layer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace trygg::render {

/// One point layer's points (a multi-point gives each of its parts) with the index of each
/// point's style in StyleResolver::styles() and its place in the layer's order. Positions
/// are float offsets from the layer's lower-left corner: sub-millimetre across a town, half
/// the bytes of doubles. The points are stored tile by tile of a coarse grid, in layer order
/// within each tile, so a window counts and visits only the points near it; a caller that
/// needs the layer's order (symbols stack in it) has order().
class PackedPoints {
public:
    /// The largest number of styles a packing can index.
    static constexpr std::size_t kMaxStyles = 65'536;

    /// Packs `layer`'s Point and MultiPoint geometries; the layer's symbology must have at
    /// most kMaxStyles styles and the layer fewer than 2^32 points.
    explicit PackedPoints(const Layer& layer);

    [[nodiscard]] std::size_t size() const { return m_offsets.size(); }
    /// The map point the offsets count from.
    [[nodiscard]] Point origin() const { return m_origin; }
    [[nodiscard]] float offsetX(std::size_t i) const { return m_offsets[i].x; }
    [[nodiscard]] float offsetY(std::size_t i) const { return m_offsets[i].y; }
    /// Point i's offsets as two floats, x then y, the next point's right after: for code
    /// that reads four points at a time.
    [[nodiscard]] const float* offsetsOf(std::size_t i) const { return &m_offsets[i].x; }
    [[nodiscard]] std::size_t style(std::size_t i) const { return m_styles[i]; }
    /// Point i's place in the layer's order: 0 for its first point, and so on.
    [[nodiscard]] std::uint32_t order(std::size_t i) const { return m_order[i]; }

    /// Whether more than `limit` points lie inside `window` (edges included). Counts one by
    /// one only when the tiles wholly inside and those touched leave it open.
    [[nodiscard]] bool holdsMoreThan(const Box& window, std::size_t limit) const;
    /// Calls `visitRun(begin, end)` for runs of points [begin, end) that hold every point
    /// inside `window` and others near it (the caller tests what it needs): the tiles the
    /// window touches, in storage order, not the layer's. Runs are at most kRunLength long,
    /// so a caller can check for cancellation between them. Stops when `visitRun` returns
    /// false, and then returns false.
    template <typename VisitRun> bool visitNear(const Box& window, VisitRun&& visitRun) const;

    static constexpr std::size_t kRunLength = 4096;

private:
    struct Offset {
        float x;
        float y;
    };
    static_assert(sizeof(Offset) == 2 * sizeof(float), "offsetsOf() reads points as a float array");
    /// A window in offsets; empty (min > max) when it misses the layer.
    struct Window {
        float minX, minY, maxX, maxY;
        [[nodiscard]] bool contains(Offset p) const {
            return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY;
        }
    };
    /// Tiles [x0, x1] × [y0, y1] that a window touches.
    struct TileRange {
        int x0, y0, x1, y1;
    };

    [[nodiscard]] Window toOffsets(const Box& window) const;
    [[nodiscard]] TileRange tilesOf(const Window& window) const;
    [[nodiscard]] std::size_t tileIndex(Offset p) const;
    [[nodiscard]] std::size_t candidatesIn(const TileRange& tiles) const;
    /// Points [begin, end) of the tiles x0 ..= x1 in row y: neighbours in a row are
    /// neighbours in storage.
    [[nodiscard]] std::pair<std::size_t, std::size_t> rowOfTiles(int y, int x0, int x1) const;
    /// Stores the points, given in layer order, tile by tile.
    void storeByTile(const std::vector<Offset>& offsets, const std::vector<std::uint16_t>& styles);

    Point m_origin{0.0, 0.0};
    float m_width = 0.0f; ///< of the layer's extent, in offsets
    float m_height = 0.0f;
    std::vector<Offset> m_offsets;       ///< tile by tile, layer order within a tile
    std::vector<std::uint16_t> m_styles; ///< parallel to m_offsets
    std::vector<std::uint32_t> m_order;  ///< parallel to m_offsets
    int m_tilesAcross = 1; ///< the grid is m_tilesAcross × m_tilesAcross tiles over the extent
    float m_tileWidth = 1.0f;
    float m_tileHeight = 1.0f;
    std::vector<std::uint32_t> m_tileStart; ///< tile t holds points m_tileStart[t] .. [t + 1]
};

/// The packing of `layer`, made on first use and reused while the layer lives unchanged
/// (same object, same revision and size); null when the layer cannot be packed (not a point
/// layer, too many styles or points). Thread-safe. Entries of layers that have died are
/// dropped, and only a few packings are kept, the least recently used going first.
std::shared_ptr<const PackedPoints> packedPointsFor(const std::shared_ptr<const Layer>& layer);

template <typename VisitRun>
bool PackedPoints::visitNear(const Box& box, VisitRun&& visitRun) const {
    const Window window = toOffsets(box);
    if (m_offsets.empty() || window.minX > window.maxX || window.minY > window.maxY) {
        return true;
    }
    const TileRange tiles = tilesOf(window);
    for (int y = tiles.y0; y <= tiles.y1; ++y) {
        const auto [first, last] = rowOfTiles(y, tiles.x0, tiles.x1);
        for (std::size_t begin = first; begin < last; begin += kRunLength) {
            if (!visitRun(begin, std::min(begin + kRunLength, last))) {
                return false;
            }
        }
    }
    return true;
}

} // namespace trygg::render
