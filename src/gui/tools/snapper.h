#pragma once

#include "tools/map_tool.h"

#include "tryggkarta/core/snapping.h"

#include <optional>

namespace trygg {

class MapDocument;

/// Snapping as the canvas offers it: to the visible base-map and thematic layers of the
/// document (not to added files), within a tolerance in screen pixels so that it feels the
/// same at every scale. Off while Shift is held, or when switched off.
class Snapper {
public:
    static constexpr double kDefaultTolerancePixels = 10.0;

    explicit Snapper(const MapDocument& document) : m_document(document) {}

    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setTolerancePixels(double pixels) { m_tolerancePixels = pixels; }
    [[nodiscard]] double tolerancePixels() const { return m_tolerancePixels; }

    /// Where the event's position snaps to, or nothing (off, Shift held, nothing near).
    /// `ignoreLayer`/`ignoreFeature` name a feature being reshaped, left out.
    [[nodiscard]] std::optional<SnapResult> snap(const ToolEvent& event,
                                                 std::string_view ignoreLayer = {},
                                                 FeatureId ignoreFeature = kNoFeatureId) const;

private:
    const MapDocument& m_document;
    double m_tolerancePixels = kDefaultTolerancePixels;
    bool m_enabled = true;
};

} // namespace trygg
