#include "tools/snapper.h"

#include "tryggkarta/document/map_document.h"

namespace trygg {

std::optional<SnapResult> Snapper::snap(const ToolEvent& event, std::string_view ignoreLayer,
                                        FeatureId ignoreFeature) const {
    if (!m_enabled || event.modifiers.testFlag(Qt::ShiftModifier)) {
        return std::nullopt;
    }
    std::vector<const Layer*> layers;
    for (const DocumentLayer& entry : m_document.layers()) { // top first: the top wins ties
        if (entry.visible && !entry.overlay) {
            layers.push_back(entry.layer.get());
        }
    }
    SnapIgnore ignore;
    if (!ignoreLayer.empty()) {
        ignore = SnapIgnore{m_document.layer(ignoreLayer), ignoreFeature};
    }
    return snapPoint(layers, event.map, event.pixels(m_tolerancePixels), ignore);
}

} // namespace trygg
