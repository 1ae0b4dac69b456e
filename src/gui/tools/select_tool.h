#pragma once

#include "tools/map_tool.h"

namespace trygg {

struct ToolContext;

/// Selects features: a click picks the feature on top under the pointer (the current layer
/// first), Ctrl+click adds or removes one, a drag selects what a rectangle touches in the
/// current layer, a click on empty map clears the selection. The selection lives in the
/// document, so the attribute table shows the same.
class SelectTool : public MapTool {
    Q_OBJECT
public:
    /// How near (pixels) a click must be to a feature to pick it.
    static constexpr double kClickTolerancePixels = 6.0;

    explicit SelectTool(ToolContext& context, QObject* parent = nullptr);

    bool press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent& event) override;
    bool keyPress(QKeyEvent& event) override;
    [[nodiscard]] bool wantsKey(const QKeyEvent& event) const override;
    void paint(QPainter& painter, const ViewTransform& view) override;
    [[nodiscard]] QCursor cursor() const override { return QCursor(Qt::ArrowCursor); }
    void deactivate() override;

private:
    void clickAt(const ToolEvent& event);
    void selectInBox(const Box& box, bool add);

    ToolContext& m_context;
    bool m_pressed = false;
    bool m_boxing = false;
    QPointF m_startScreen;
    Point m_startMap;
    Point m_endMap;
};

} // namespace trygg
