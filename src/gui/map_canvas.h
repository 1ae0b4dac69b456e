#pragma once

#include "tools/map_tool.h"

#include "tryggkarta/render/map_renderer.h"

#include <QEvent>
#include <QImage>
#include <QPointer>
#include <QWidget>

class QEventPoint;
class QTouchEvent;

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace trygg {

/// A GPS fix in map coordinates, for the position marker.
struct PositionMarker {
    Point position;
    double accuracyMetres = 0.0;
};

/// The map canvas. Holds no domain data of its own: it asks the renderer to draw a scene
/// snapshot for the current view on a worker thread, and shows the last finished image
/// (moved and scaled to the current view) until the next one is ready, so panning and
/// zooming never wait for a render. A newer view cancels the render in flight.
///
/// Input goes to the active MapTool (see map_tool.h), which draws its overlay above the map
/// image. Whatever the tool, the wheel zooms, the middle button and Space+drag pan, and
/// presses the tool leaves alone pan (Shift: zoom box) when dragged. On a touch screen one
/// finger is the left button (a tap clicks, a drag pans or goes to the tool, a double tap
/// double-clicks) and two fingers pinch: the map zooms around them and moves with them,
/// never rotating.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    /// One wheel notch (120 units) zooms by this factor.
    static constexpr double kWheelZoomStep = 1.4142135623730951;

    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    void setScene(MapScene scene);
    /// Where each render takes its scene from, instead of a fixed one: the canvas then holds
    /// the project's data only while a render runs, so edits need not copy layers it holds.
    void setSceneSource(std::function<MapScene()> source);
    /// Renders again, e.g. after the data changed.
    void refresh() { scheduleRender(); }
    [[nodiscard]] const ViewTransform& view() const { return m_view; }
    void setView(const ViewTransform& view);
    void zoomToExtent(const Box& extent);
    void zoomBy(double factor);
    void setPositionMarker(std::optional<PositionMarker> marker);
    /// The tool that gets mouse and key input; nullptr leaves only pan and zoom. Not owned.
    void setTool(MapTool* tool);
    [[nodiscard]] MapTool* tool() const { return m_tool; }

    [[nodiscard]] bool isRendering() const { return m_rendersInFlight > 0; }
    /// The last finished image and the view it was drawn for.
    [[nodiscard]] const QImage& lastImage() const { return m_image; }
    [[nodiscard]] const ViewTransform& lastImageView() const { return m_imageView; }
    /// Runs in the worker before each render; tests use it to make renders slow.
    void setBeforeRenderHook(std::function<void()> hook) { m_beforeRender = std::move(hook); }

signals:
    void viewChanged(const trygg::ViewTransform& view);
    void cursorMoved(const trygg::Point& mapPosition);
    void renderFinished();
    /// A right-click the active tool has no use for: the place for a context menu.
    void contextMenuRequested(const trygg::Point& mapPosition, const QPoint& globalPosition);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool event(QEvent* event) override;

private:
    void scheduleRender();
    void startRender();
    void drawMarker(QPainter& painter) const;
    [[nodiscard]] ToolEvent toolEvent(const QMouseEvent& event) const;
    /// Lets the tool redraw its hover state after Shift went down or up.
    void hoverAgain(Qt::KeyboardModifiers modifiers);
    void updateCursor();
    /// Touch screens: true when the event was handled (touch pads are left to the system).
    bool touchEvent(QTouchEvent& event);
    /// One finger, as the left mouse button.
    void touchAsMouse(const QTouchEvent& event, const QEventPoint& point);
    /// Press (double-click for a second tap soon after and near the first), move or release.
    QEvent::Type mouseTypeFor(const QTouchEvent& event, const QEventPoint& point);
    /// Two fingers: zooms by the change of their distance and pans with their centre.
    void pinch(const QEventPoint& a, const QEventPoint& b);
    /// Ends a one-finger gesture without its effect, as Esc does (a second finger came down).
    void cancelPointerGesture();

    MapRenderer m_renderer;
    MapScene m_scene;
    std::function<MapScene()> m_sceneSource;
    ViewTransform m_view;
    QImage m_image;
    ViewTransform m_imageView;
    std::optional<PositionMarker> m_marker;
    std::function<void()> m_beforeRender;

    std::shared_ptr<std::atomic<bool>> m_cancelInFlight;
    std::uint64_t m_generation = 0;
    int m_rendersInFlight = 0;
    bool m_renderScheduled = false;

    /// What a press turned into. Pending: not yet moved far enough to be a drag.
    /// Ignore: the rest of a gesture that has been dealt with (a double-click's release).
    enum class Drag { None, Pending, Pan, ZoomBox, Tool, Ignore };
    Drag m_drag = Drag::None;
    Qt::MouseButton m_dragButton = Qt::NoButton;
    Qt::KeyboardModifiers m_pressModifiers;
    QPointF m_dragStart;
    QPointF m_dragLast;
    QPointer<MapTool> m_tool;
    bool m_spaceHeld = false;
    std::optional<QPointF> m_hover;

    /// A touch sequence: one finger (Pointer), a pinch, or the rest of a pinch after a
    /// finger lifted (Spent, ignored until every finger is up).
    enum class Touch { None, Pointer, Pinch, Spent };
    Touch m_touch = Touch::None;
    std::pair<int, int> m_pinchIds{-1, -1};
    QPointF m_pinchCentre;
    double m_pinchSpan = 0.0;
    QPointF m_lastTap;
    quint64 m_lastTapTime = 0;
};

} // namespace trygg
