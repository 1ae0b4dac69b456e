#pragma once

#include "tools/map_tool.h"

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/snapping.h"

#include <QList>

#include <optional>
#include <string>
#include <vector>

namespace trygg {

struct ToolContext;

/// Moves features by dragging: the selection when the press is on a selected feature,
/// otherwise the feature pressed on (which becomes the selection). The moved shapes follow
/// the pointer in the overlay; the release stores them as one undo step. The vertex pressed
/// on (a point feature's point; elsewhere on a feature, the place pressed) snaps to other
/// features and the base map as the drawing tools do, never to the feature it belongs to.
/// Esc during the drag cancels the drag only. A press on empty map pans.
class MoveTool : public MapTool {
    Q_OBJECT
public:
    static constexpr double kPickTolerancePixels = 8.0;

    explicit MoveTool(ToolContext& context, QObject* parent = nullptr);

    bool press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent& event) override;
    bool keyPress(QKeyEvent& event) override;
    [[nodiscard]] bool wantsKey(const QKeyEvent& event) const override;
    void paint(QPainter& painter, const ViewTransform& view) override;
    [[nodiscard]] QCursor cursor() const override;
    void deactivate() override;

signals:
    /// While dragging, after each pointer move: the features being moved and the offset so
    /// far in map units, for live previews of what the move changes (the lighting what-if).
    void dragPreview(const QString& layer, const QList<qint64>& ids, double dx, double dy);
    /// The drag ended: released (the move is stored by then) or cancelled.
    void dragEnded();

private:
    /// Ends a drag without storing anything (Esc, another tool).
    void cancelDrag();

    /// Moves the grabbed point with the pointer and snaps it; sets the offset and the marker.
    void follow(const ToolEvent& event);

    ToolContext& m_context;
    bool m_dragging = false;
    std::string m_layer;
    std::vector<FeatureId> m_ids;
    FeatureId m_grabbedFeature = kNoFeatureId;
    Point m_grabbed; ///< the vertex or point the drag holds, where it was
    Point m_start;   ///< the pointer at the press
    double m_dx = 0.0;
    double m_dy = 0.0;
    std::optional<SnapResult> m_snap;
};

} // namespace trygg
