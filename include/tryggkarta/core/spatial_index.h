#pragma once

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/geometry.h"

#include <boost/geometry.hpp> // the cartesian strategies the R-tree needs
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <utility>
#include <vector>

namespace trygg {

/// Bounding boxes of a layer's features in an R*-tree. Bulk loading packs the tree,
/// which is both faster to build and faster to query than inserting one by one.
class SpatialIndex {
public:
    using Entry = std::pair<Box, FeatureId>;

    SpatialIndex() = default;
    explicit SpatialIndex(std::vector<Entry> entries);
    // Boost's R-tree does not declare its move noexcept, which would make a growing
    // std::vector<Layer> copy whole indexes; moving it only swaps pointers and cannot throw.
    SpatialIndex(SpatialIndex&& other) noexcept : m_tree(std::move(other.m_tree)) {}
    SpatialIndex& operator=(SpatialIndex&& other) noexcept {
        m_tree = std::move(other.m_tree);
        return *this;
    }
    SpatialIndex(const SpatialIndex&) = default;
    SpatialIndex& operator=(const SpatialIndex&) = default;
    ~SpatialIndex() = default;

    void insert(const Box& box, FeatureId id);
    /// Removes the entry with exactly this box and id; false when absent.
    bool remove(const Box& box, FeatureId id);
    void clear();

    /// Ids of the features whose boxes intersect `window`.
    [[nodiscard]] std::vector<FeatureId> query(const Box& window) const;
    /// Calls `visit(id)` for each box intersecting `window`, without allocating.
    template <typename Visit>
    void visit(const Box& window, Visit&& visit) const;
    /// The `count` entries nearest to `point`.
    [[nodiscard]] std::vector<FeatureId> nearest(const Point& point, std::size_t count) const;

    [[nodiscard]] std::size_t size() const { return m_tree.size(); }
    [[nodiscard]] Box bounds() const;

private:
    using Tree = bg::index::rtree<Entry, bg::index::rstar<16>>;
    Tree m_tree;
};

template <typename Visit>
void SpatialIndex::visit(const Box& window, Visit&& visit) const {
    // query() with an output iterator runs Boost's tight recursive search; the qbegin()
    // iterator keeps an explicit stack and is several times slower for large results.
    m_tree.query(bg::index::intersects(window),
                 boost::make_function_output_iterator([&visit](const Entry& entry) { visit(entry.second); }));
}

} // namespace trygg
