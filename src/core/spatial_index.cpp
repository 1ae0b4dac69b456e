#include "tryggkarta/core/spatial_index.h"

#include <iterator>

namespace trygg {

SpatialIndex::SpatialIndex(std::vector<Entry> entries) : m_tree(entries) {}

void SpatialIndex::insert(const Box& box, FeatureId id) { m_tree.insert(Entry{box, id}); }

bool SpatialIndex::remove(const Box& box, FeatureId id) { return m_tree.remove(Entry{box, id}) > 0; }

void SpatialIndex::clear() { m_tree.clear(); }

std::vector<FeatureId> SpatialIndex::query(const Box& window) const {
    std::vector<FeatureId> ids;
    visit(window, [&](FeatureId id) { ids.push_back(id); });
    return ids;
}

std::vector<FeatureId> SpatialIndex::nearest(const Point& point, std::size_t count) const {
    std::vector<FeatureId> ids;
    for (auto it = m_tree.qbegin(bg::index::nearest(point, static_cast<unsigned>(count)));
         it != m_tree.qend(); ++it) {
        ids.push_back(it->second);
    }
    return ids;
}

Box SpatialIndex::bounds() const {
    if (m_tree.empty()) {
        return emptyBox();
    }
    auto b = m_tree.bounds();
    return Box{Point{bg::get<bg::min_corner, 0>(b), bg::get<bg::min_corner, 1>(b)},
               Point{bg::get<bg::max_corner, 0>(b), bg::get<bg::max_corner, 1>(b)}};
}

} // namespace trygg
