#include "tools/selection_ops.h"

#include "tryggkarta/core/filter.h"
#include "tryggkarta/core/hit_test.h"
#include "tryggkarta/document/map_document.h"

namespace trygg {
namespace {

std::optional<FeatureId> pickIn(const Layer& layer, const Point& point, double tolerance) {
    const std::vector<Hit> hits = featuresNear(layer, point, tolerance); // nearest first
    if (hits.empty()) {
        return std::nullopt;
    }
    for (const Hit& hit : hits) {
        const Feature* feature = layer.find(hit.id);
        if (feature != nullptr && feature->geometry &&
            kindOf(*feature->geometry) != GeometryKind::Polygon) {
            return hit.id;
        }
    }
    return hits.front().id;
}

} // namespace

std::optional<FeatureRef> pickFeature(const MapDocument& document, const Point& point,
                                      double tolerance, std::string_view preferred,
                                      bool editableOnly) {
    auto searchable = [&](const DocumentLayer& entry) {
        return entry.visible && !entry.overlay &&
               (!editableOnly || document.isEditable(entry.layer->name()));
    };
    const auto& layers = document.layers();
    if (!preferred.empty()) {
        const int index = document.indexOf(std::string(preferred));
        if (index >= 0 && searchable(layers[static_cast<std::size_t>(index)])) {
            if (auto id =
                    pickIn(*layers[static_cast<std::size_t>(index)].layer, point, tolerance)) {
                return FeatureRef{std::string(preferred), *id};
            }
        }
    }
    for (const DocumentLayer& entry : layers) {
        if (searchable(entry) && entry.layer->name() != preferred) {
            if (auto id = pickIn(*entry.layer, point, tolerance)) {
                return FeatureRef{entry.layer->name(), *id};
            }
        }
    }
    return std::nullopt;
}

Result<void> removeSelection(MapDocument& document) {
    const Selection selection = document.selection();
    if (selection.empty()) {
        return {};
    }
    return document.removeFeatures(selection.layer, selection.ids);
}

Result<std::size_t> selectWhere(MapDocument& document, std::string_view layer,
                                std::string_view filter) {
    const Layer* data = document.layer(layer);
    if (data == nullptr) {
        return fail(ErrorCode::NotFound, "no such layer", std::string(layer));
    }
    auto parsed = parseFilter(filter, data->definition());
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    std::vector<FeatureId> ids;
    for (const Feature& feature : data->features()) {
        if (parsed->matches(feature)) {
            ids.push_back(feature.id);
        }
    }
    const std::size_t count = ids.size();
    document.select(layer, std::move(ids));
    return count;
}

} // namespace trygg
