#include "packed_points.h"

#include "symbol_painter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace trygg::render {
namespace {

// About this many points a tile on average: a window's border tiles, whose points are
// tested one by one, stay a small share of what it holds.
constexpr double kPointsPerTile = 256.0;
constexpr int kMaxTilesAcross = 256;

} // namespace

PackedPoints::PackedPoints(const Layer& layer) {
    const Box extent = layer.extent();
    if (!isEmpty(extent)) {
        m_origin = extent.min_corner();
        m_width = static_cast<float>(extent.max_corner().x() - m_origin.x());
        m_height = static_cast<float>(extent.max_corner().y() - m_origin.y());
    }
    // Only the styles' indexes are kept, and they do not depend on the symbol size.
    StyleResolver resolver(layer.definition(), 1.0);
    std::vector<Offset> offsets;
    std::vector<std::uint16_t> styles;
    offsets.reserve(layer.size());
    styles.reserve(layer.size());
    auto add = [&](const Point& point, std::size_t style) {
        offsets.push_back(Offset{static_cast<float>(point.x() - m_origin.x()),
                                 static_cast<float>(point.y() - m_origin.y())});
        styles.push_back(static_cast<std::uint16_t>(style));
    };
    for (const Feature& feature : layer.features()) {
        if (!feature.geometry) {
            continue;
        }
        if (const auto* point = std::get_if<Point>(&*feature.geometry)) {
            add(*point, resolver.styleFor(feature).index);
        } else if (const auto* points = std::get_if<MultiPoint>(&*feature.geometry)) {
            const std::size_t style = resolver.styleFor(feature).index;
            for (const Point& part : *points) {
                add(part, style);
            }
        }
    }

    storeByTile(offsets, styles);
}

void PackedPoints::storeByTile(const std::vector<Offset>& offsets,
                               const std::vector<std::uint16_t>& styles) {
    // By counting sort: the layer's order stays within each tile.
    m_tilesAcross = std::clamp(
        static_cast<int>(std::sqrt(static_cast<double>(offsets.size()) / kPointsPerTile)), 1,
        kMaxTilesAcross);
    m_tileWidth =
        std::max(m_width / static_cast<float>(m_tilesAcross), std::numeric_limits<float>::min());
    m_tileHeight =
        std::max(m_height / static_cast<float>(m_tilesAcross), std::numeric_limits<float>::min());
    const std::size_t tiles =
        static_cast<std::size_t>(m_tilesAcross) * static_cast<std::size_t>(m_tilesAcross);
    m_tileStart.assign(tiles + 1, 0);
    for (const Offset& offset : offsets) {
        ++m_tileStart[tileIndex(offset) + 1];
    }
    for (std::size_t t = 0; t < tiles; ++t) {
        m_tileStart[t + 1] += m_tileStart[t];
    }
    std::vector<std::uint32_t> next(m_tileStart.begin(), m_tileStart.end() - 1);
    m_offsets.resize(offsets.size());
    m_styles.resize(offsets.size());
    m_order.resize(offsets.size());
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        const std::uint32_t at = next[tileIndex(offsets[i])]++;
        m_offsets[at] = offsets[i];
        m_styles[at] = styles[i];
        m_order[at] = static_cast<std::uint32_t>(i);
    }
}

PackedPoints::Window PackedPoints::toOffsets(const Box& window) const {
    // Clamped to the extent, which holds every point, so tile numbers stay in the grid.
    return Window{std::max(static_cast<float>(window.min_corner().x() - m_origin.x()), 0.0f),
                  std::max(static_cast<float>(window.min_corner().y() - m_origin.y()), 0.0f),
                  std::min(static_cast<float>(window.max_corner().x() - m_origin.x()), m_width),
                  std::min(static_cast<float>(window.max_corner().y() - m_origin.y()), m_height)};
}

PackedPoints::TileRange PackedPoints::tilesOf(const Window& window) const {
    auto tile = [&](float offset, float size) {
        return std::min(static_cast<int>(offset / size), m_tilesAcross - 1);
    };
    return TileRange{tile(window.minX, m_tileWidth), tile(window.minY, m_tileHeight),
                     tile(window.maxX, m_tileWidth), tile(window.maxY, m_tileHeight)};
}

std::size_t PackedPoints::tileIndex(Offset p) const {
    // The same arithmetic as tilesOf: a point's tile lies between a window's end tiles
    // exactly when the window can hold it.
    const int x = std::clamp(static_cast<int>(p.x / m_tileWidth), 0, m_tilesAcross - 1);
    const int y = std::clamp(static_cast<int>(p.y / m_tileHeight), 0, m_tilesAcross - 1);
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(m_tilesAcross) +
           static_cast<std::size_t>(x);
}

std::pair<std::size_t, std::size_t> PackedPoints::rowOfTiles(int y, int x0, int x1) const {
    const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(m_tilesAcross);
    return {m_tileStart[row + static_cast<std::size_t>(x0)],
            m_tileStart[row + static_cast<std::size_t>(x1) + 1]};
}

std::size_t PackedPoints::candidatesIn(const TileRange& tiles) const {
    std::size_t count = 0;
    for (int y = tiles.y0; y <= tiles.y1; ++y) {
        const auto [first, last] = rowOfTiles(y, tiles.x0, tiles.x1);
        count += last - first;
    }
    return count;
}

bool PackedPoints::holdsMoreThan(const Box& box, std::size_t limit) const {
    const Window window = toOffsets(box);
    if (m_offsets.empty() || window.minX > window.maxX || window.minY > window.maxY) {
        return false;
    }
    const TileRange tiles = tilesOf(window);
    if (candidatesIn(tiles) <= limit) {
        return false;
    }
    // Tiles between the end tiles lie wholly inside the window.
    const bool hasInterior = tiles.x1 - tiles.x0 >= 2 && tiles.y1 - tiles.y0 >= 2;
    const std::size_t inside =
        hasInterior
            ? candidatesIn(TileRange{tiles.x0 + 1, tiles.y0 + 1, tiles.x1 - 1, tiles.y1 - 1})
            : 0;
    if (inside > limit) {
        return true;
    }
    std::size_t count = inside;
    for (int y = tiles.y0; y <= tiles.y1; ++y) {
        for (int x = tiles.x0; x <= tiles.x1; ++x) {
            if (x > tiles.x0 && x < tiles.x1 && y > tiles.y0 && y < tiles.y1) {
                continue;
            }
            const std::size_t t =
                static_cast<std::size_t>(y) * static_cast<std::size_t>(m_tilesAcross) +
                static_cast<std::size_t>(x);
            for (std::uint32_t k = m_tileStart[t]; k < m_tileStart[t + 1]; ++k) {
                count += window.contains(m_offsets[k]) ? 1u : 0u;
            }
        }
    }
    return count > limit;
}

namespace {

/// The packings made so far. A raw address alone could name a new layer that took a dead
/// one's place, so each entry holds a weak pointer: while it has not expired, the address
/// is still that layer, and revision and size tell whether it changed in place.
class PackingCache {
public:
    std::shared_ptr<const PackedPoints> get(const std::shared_ptr<const Layer>& layer) {
        {
            std::lock_guard lock(m_mutex);
            std::erase_if(m_entries, [](const Entry& entry) { return entry.owner.expired(); });
            if (Entry* entry = find(*layer)) {
                entry->lastUse = ++m_clock;
                return entry->points;
            }
        }
        // Made outside the lock: renders of other layers need not wait for it.
        auto points = std::make_shared<const PackedPoints>(*layer);
        std::lock_guard lock(m_mutex);
        if (Entry* entry = find(*layer)) { // another render made it meanwhile
            entry->lastUse = ++m_clock;
            return entry->points;
        }
        std::erase_if(m_entries, [&](const Entry& entry) { return entry.address == layer.get(); });
        if (m_entries.size() >= kMaxEntries) {
            m_entries.erase(std::ranges::min_element(m_entries, {}, &Entry::lastUse));
        }
        m_entries.push_back(
            Entry{layer, layer.get(), layer->revision(), layer->size(), points, ++m_clock});
        return points;
    }

private:
    // A million points pack into about 14 MB; a project has one or two layers that big.
    static constexpr std::size_t kMaxEntries = 8;

    struct Entry {
        std::weak_ptr<const Layer> owner;
        const Layer* address = nullptr;
        std::uint64_t revision = 0;
        std::size_t size = 0;
        std::shared_ptr<const PackedPoints> points;
        std::uint64_t lastUse = 0;
    };

    Entry* find(const Layer& layer) {
        auto it = std::ranges::find_if(m_entries, [&](const Entry& entry) {
            return entry.address == &layer && !entry.owner.expired() &&
                   entry.revision == layer.revision() && entry.size == layer.size();
        });
        return it == m_entries.end() ? nullptr : &*it;
    }

    std::mutex m_mutex;
    std::vector<Entry> m_entries;
    std::uint64_t m_clock = 0;
};

bool packable(const Layer& layer) {
    const std::size_t styles = 1 + layer.definition().symbology.byValue.size();
    return layer.definition().geometry == GeometryKind::Point &&
           styles <= PackedPoints::kMaxStyles &&
           layer.size() < std::numeric_limits<std::uint32_t>::max();
}

} // namespace

std::shared_ptr<const PackedPoints> packedPointsFor(const std::shared_ptr<const Layer>& layer) {
    if (!layer || !packable(*layer)) {
        return nullptr;
    }
    static PackingCache cache;
    return cache.get(layer);
}

} // namespace trygg::render
