#pragma once
// Label candidates of one layer's features: where each label wants to go on screen.

#include "label_placer.h"
#include "symbol_painter.h"

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"
#include "tryggkarta/render/view_transform.h"

#include <optional>
#include <string>
#include <vector>

namespace trygg::render {

/// Lines are labelled along their longest visible segment, points beside their symbol,
/// polygons at the centroid of their largest part. Coded values read as their label in
/// the map's language.
class LabelCollector {
public:
    LabelCollector(const LayerDef& definition, const ViewTransform& view, std::string language);

    /// False when the layer has no label field (or the field does not exist).
    [[nodiscard]] bool active() const { return m_field.has_value(); }
    void add(const Feature& feature, const ResolvedStyle& style, std::vector<LabelCandidate>& out) const;

private:
    [[nodiscard]] QString textOf(const Feature& feature) const;
    [[nodiscard]] std::optional<LabelCandidate> alongLine(const LineString& line) const;

    const LayerDef& m_definition;
    const ViewTransform& m_view;
    std::string m_language;
    std::optional<std::size_t> m_field;
};

} // namespace trygg::render
