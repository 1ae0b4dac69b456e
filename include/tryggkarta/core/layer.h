#pragma once

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"
#include "tryggkarta/core/spatial_index.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace trygg {

/// A thematic layer in memory: its definition, its features and their spatial index.
/// Invariant: every feature has a unique non-zero id, and the index holds exactly the
/// envelopes of the features that have a non-empty geometry.
class Layer {
public:
    explicit Layer(LayerDef definition);
    /// Takes loaded features at once; the index is bulk-loaded. Ids of zero are assigned.
    Layer(LayerDef definition, std::vector<Feature> features);

    [[nodiscard]] const LayerDef& definition() const { return m_definition; }
    [[nodiscard]] const std::string& name() const { return m_definition.table; }
    [[nodiscard]] std::size_t size() const { return m_features.size(); }
    [[nodiscard]] const std::vector<Feature>& features() const { return m_features; }
    [[nodiscard]] const Feature* find(FeatureId id) const;
    /// Counts the changes made through add, replace and remove, so caches derived from the
    /// features (the renderer's packed points) can tell that they are stale. A copy starts
    /// at the original's count: tell copies apart by identity, not by revision alone.
    [[nodiscard]] std::uint64_t revision() const { return m_revision; }

    /// Adds a feature; assigns the next free id when it has none. Returns the id.
    /// An id already in use is a bug (assertion).
    FeatureId add(Feature feature);
    /// Replaces the feature with the same id; false when there is none.
    bool replace(Feature feature);
    /// Removes a feature; false when there is none.
    bool remove(FeatureId id);

    /// Features whose envelope intersects `window`.
    [[nodiscard]] std::vector<FeatureId> query(const Box& window) const;
    /// Calls `visit(const Feature&)` for each feature with a geometry whose envelope
    /// intersects `window`, the cheaper way: one pass over the features when the window
    /// covers much of the layer (in layer order), the R-tree otherwise (in tree order).
    template <typename Visit>
    void visitIn(const Box& window, Visit&& visit) const;
    [[nodiscard]] const SpatialIndex& index() const { return m_index; }
    /// Envelope of all features; an empty box for an empty layer.
    [[nodiscard]] Box extent() const { return m_index.bounds(); }

private:
    /// A window covering at least this share of the layer's extent is served by a linear
    /// pass: cheaper than an R-tree walk plus a hash look-up per hit.
    static constexpr double kLinearShare = 0.1;

    void reindex();

    LayerDef m_definition;
    std::vector<Feature> m_features;
    std::unordered_map<FeatureId, std::size_t> m_positions;
    SpatialIndex m_index;
    std::int64_t m_nextId = 1;
    std::uint64_t m_revision = 0;
};

/// The text in `field` of a feature of a layer with definition `def`; "" when there is no
/// such field or the value is NULL or not text.
std::string textOf(const LayerDef& def, const Feature& feature, std::string_view field);
/// The number (real or integer) in `field`; nothing when there is no such field or the value
/// is NULL or not a number.
std::optional<double> numberOf(const LayerDef& def, const Feature& feature,
                               std::string_view field);

} // namespace trygg

template <typename Visit>
void trygg::Layer::visitIn(const Box& window, Visit&& visit) const {
    const Box extent = this->extent();
    if (isEmpty(extent) || !bg::intersects(window, extent)) {
        return;
    }
    auto area = [](const Box& b) {
        return (b.max_corner().x() - b.min_corner().x()) * (b.max_corner().y() - b.min_corner().y());
    };
    if (bg::covered_by(extent, window)) {
        for (const Feature& feature : m_features) {
            if (feature.geometry) {
                visit(feature);
            }
        }
    } else if (area(window) >= kLinearShare * area(extent)) {
        for (const Feature& feature : m_features) {
            if (feature.geometry && bg::intersects(envelope(*feature.geometry), window)) {
                visit(feature);
            }
        }
    } else {
        m_index.visit(window, [&](FeatureId id) { visit(m_features[m_positions.at(id)]); });
    }
}

static_assert(std::is_nothrow_move_constructible_v<trygg::Layer>,
              "a growing std::vector<Layer> must move layers, not copy their indexes");
