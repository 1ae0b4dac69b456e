#pragma once

#include "tools/map_tool.h"
#include "tools/vertex_edit.h"

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/snapping.h"

#include <optional>
#include <vector>

namespace trygg {

struct ToolContext;

/// Reshapes the selected features vertex by vertex: drag a vertex to move it (snapped), drag
/// or tap a segment's middle handle to add a vertex (or double-click on the segment), and
/// remove the vertex under the pointer with Delete, Backspace or a right-click. A line keeps
/// at least two vertices and a polygon three; refusals are told in the status bar. Each
/// change is one undo step. A tap on another feature selects it.
class VertexTool : public MapTool {
    Q_OBJECT
public:
    static constexpr double kPickTolerancePixels = 8.0;

    explicit VertexTool(ToolContext& context, QObject* parent = nullptr);

    bool press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent& event) override;
    void click(const ToolEvent& event) override;
    bool doubleClick(const ToolEvent& event) override;
    bool keyPress(QKeyEvent& event) override;
    [[nodiscard]] bool wantsKey(const QKeyEvent& event) const override;
    [[nodiscard]] bool usesRightClick() const override { return true; }
    void paint(QPainter& painter, const ViewTransform& view) override;
    [[nodiscard]] QCursor cursor() const override;
    void deactivate() override;

private:
    struct Target {
        FeatureId feature = kNoFeatureId;
        VertexHandle handle;
    };
    enum class Drag { None, Vertex, Insert };

    /// The selected features that can be reshaped and lie in the view.
    [[nodiscard]] std::vector<const Feature*> targets(const ViewTransform& view) const;
    [[nodiscard]] std::optional<Target> vertexAt(const ToolEvent& event) const;
    [[nodiscard]] std::optional<Target> midpointAt(const ToolEvent& event) const;
    [[nodiscard]] std::optional<Geometry> dragResult() const;
    void removeVertex(const Target& target);
    void store(FeatureId feature, Geometry geometry);

    ToolContext& m_context;
    std::optional<Target> m_hot;
    Drag m_drag = Drag::None;
    Target m_dragged;
    Point m_dragTo;
    QPointF m_pressScreen;
    bool m_moved = false;
    std::optional<SnapResult> m_snap;
};

} // namespace trygg
