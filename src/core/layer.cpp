#include "tryggkarta/core/layer.h"

#include <algorithm>
#include <cassert>

namespace trygg {
namespace {

std::optional<Box> boxOf(const Feature& feature) {
    if (!feature.geometry || isEmpty(*feature.geometry)) {
        return std::nullopt;
    }
    return envelope(*feature.geometry);
}

} // namespace

Layer::Layer(LayerDef definition) : m_definition(std::move(definition)) {}

Layer::Layer(LayerDef definition, std::vector<Feature> features)
    : m_definition(std::move(definition)), m_features(std::move(features)) {
    for (const auto& feature : m_features) {
        m_nextId = std::max(m_nextId, toInt(feature.id) + 1);
    }
    for (auto& feature : m_features) {
        if (feature.id == kNoFeatureId) {
            feature.id = FeatureId{m_nextId++};
        }
    }
    reindex();
}

void Layer::reindex() {
    m_positions.clear();
    m_positions.reserve(m_features.size());
    std::vector<SpatialIndex::Entry> entries;
    entries.reserve(m_features.size());
    for (std::size_t i = 0; i < m_features.size(); ++i) {
        [[maybe_unused]] bool unique = m_positions.emplace(m_features[i].id, i).second;
        assert(unique && "feature ids must be unique within a layer");
        if (auto box = boxOf(m_features[i])) {
            entries.emplace_back(*box, m_features[i].id);
        }
    }
    m_index = SpatialIndex(std::move(entries));
}

const Feature* Layer::find(FeatureId id) const {
    auto it = m_positions.find(id);
    return it == m_positions.end() ? nullptr : &m_features[it->second];
}

FeatureId Layer::add(Feature feature) {
    if (feature.id == kNoFeatureId) {
        feature.id = FeatureId{m_nextId};
    }
    assert(!m_positions.contains(feature.id) && "feature id already in use");
    m_nextId = std::max(m_nextId, toInt(feature.id) + 1);
    if (auto box = boxOf(feature)) {
        m_index.insert(*box, feature.id);
    }
    m_positions.emplace(feature.id, m_features.size());
    m_features.push_back(std::move(feature));
    ++m_revision;
    return m_features.back().id;
}

bool Layer::replace(Feature feature) {
    auto it = m_positions.find(feature.id);
    if (it == m_positions.end()) {
        return false;
    }
    Feature& current = m_features[it->second];
    if (auto box = boxOf(current)) {
        m_index.remove(*box, current.id);
    }
    if (auto box = boxOf(feature)) {
        m_index.insert(*box, feature.id);
    }
    current = std::move(feature);
    ++m_revision;
    return true;
}

bool Layer::remove(FeatureId id) {
    auto it = m_positions.find(id);
    if (it == m_positions.end()) {
        return false;
    }
    std::size_t position = it->second;
    if (auto box = boxOf(m_features[position])) {
        m_index.remove(*box, id);
    }
    m_positions.erase(it);
    if (position + 1 != m_features.size()) {
        m_features[position] = std::move(m_features.back());
        m_positions[m_features[position].id] = position;
    }
    m_features.pop_back();
    ++m_revision;
    return true;
}

std::vector<FeatureId> Layer::query(const Box& window) const { return m_index.query(window); }

std::string textOf(const LayerDef& def, const Feature& feature, std::string_view field) {
    const auto index = def.fieldIndex(field);
    if (!index || *index >= feature.values.size()) {
        return {};
    }
    const auto* text = std::get_if<std::string>(&feature.values[*index]);
    return text ? *text : std::string();
}

std::optional<double> numberOf(const LayerDef& def, const Feature& feature,
                               std::string_view field) {
    const auto index = def.fieldIndex(field);
    if (!index || *index >= feature.values.size()) {
        return std::nullopt;
    }
    if (const auto* real = std::get_if<double>(&feature.values[*index])) {
        return *real;
    }
    if (const auto* integer = std::get_if<std::int64_t>(&feature.values[*index])) {
        return static_cast<double>(*integer);
    }
    return std::nullopt;
}

} // namespace trygg
