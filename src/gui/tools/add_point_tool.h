#pragma once

#include "tools/map_tool.h"

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/snapping.h"

#include <optional>

namespace trygg {

struct ToolContext;

/// Adds a point to the current layer with one click or tap (snapped). The tool only offers
/// the geometry: the receiver asks for the attributes and stores the feature, so a cancelled
/// form loses nothing but one click.
class AddPointTool : public MapTool {
    Q_OBJECT
public:
    explicit AddPointTool(ToolContext& context, QObject* parent = nullptr);

    void move(const ToolEvent& event) override;
    void click(const ToolEvent& event) override;
    void paint(QPainter& painter, const ViewTransform& view) override;
    void deactivate() override;

signals:
    void geometryReady(const QString& layer, const trygg::Geometry& geometry);

private:
    ToolContext& m_context;
    std::optional<SnapResult> m_snap;
};

} // namespace trygg
