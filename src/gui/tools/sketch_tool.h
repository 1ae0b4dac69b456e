#pragma once

#include "tools/map_tool.h"

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/snapping.h"

#include <optional>
#include <vector>

namespace trygg {

struct ToolContext;

/// Draws a line or a polygon vertex by vertex (snapped). Nothing drawn is thrown away by a
/// stray key or click: Esc, Backspace and Ctrl+Z take back only the last vertex and Ctrl+Y
/// (Ctrl+Shift+Z) puts it back; right-click finishes or does nothing; the sketch stays in the
/// tool when another tool is chosen. Double-click, Enter or right-click finish: the tool
/// offers the geometry with geometryReady and keeps the sketch until clearSketch(), so a
/// cancelled attribute form leaves the drawing as it was.
class SketchTool : public MapTool {
    Q_OBJECT
public:
    /// `kind` is GeometryKind::LineString or GeometryKind::Polygon.
    SketchTool(ToolContext& context, GeometryKind kind, QObject* parent = nullptr);

    [[nodiscard]] GeometryKind kind() const { return m_kind; }
    [[nodiscard]] const std::vector<Point>& vertices() const { return m_vertices; }
    /// The shape as it would be stored (polygons closed and counter-clockwise), or nothing
    /// while it has too few vertices.
    [[nodiscard]] std::optional<Geometry> geometry() const;
    /// Offers the finished shape with geometryReady; false (and a message) when too short.
    bool finish();
    /// Forgets the sketch; the receiver calls it once the feature is stored.
    void clearSketch();
    void removeLastVertex();
    void restoreVertex();

    void move(const ToolEvent& event) override;
    void click(const ToolEvent& event) override;
    bool doubleClick(const ToolEvent& event) override;
    bool keyPress(QKeyEvent& event) override;
    [[nodiscard]] bool wantsKey(const QKeyEvent& event) const override;
    void paint(QPainter& painter, const ViewTransform& view) override;
    [[nodiscard]] bool hasUnfinishedWork() const override { return !m_vertices.empty(); }
    [[nodiscard]] bool usesRightClick() const override { return true; }

signals:
    void geometryReady(const QString& layer, const trygg::Geometry& geometry);

private:
    [[nodiscard]] std::size_t minimumVertices() const;
    void addVertex(Point point);

    ToolContext& m_context;
    GeometryKind m_kind;
    std::vector<Point> m_vertices;
    std::vector<Point> m_removed; ///< vertices taken back, newest last, for restoreVertex
    std::optional<Point> m_hover;
    std::optional<SnapResult> m_snap;
};

} // namespace trygg
