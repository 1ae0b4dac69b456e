#include "map_canvas.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleHints>
#include <QTimer>
#include <QTouchEvent>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <vector>

namespace trygg {
namespace {

constexpr double kKeyPanFraction = 0.25;

bool sameView(const ViewTransform& a, const ViewTransform& b) {
    return a.center().x() == b.center().x() && a.center().y() == b.center().y() &&
           a.metresPerPixel() == b.metresPerPixel() && a.size() == b.size() && a.dpi() == b.dpi();
}

} // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent), m_view(Point{733107, 7096069}, 1.0, QSize(800, 600)) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    setMinimumSize(200, 150);
}

MapCanvas::~MapCanvas() {
    if (m_cancelInFlight) {
        m_cancelInFlight->store(true);
    }
}

void MapCanvas::setScene(MapScene scene) {
    m_sceneSource = nullptr;
    m_scene = std::move(scene);
    scheduleRender();
}

void MapCanvas::setSceneSource(std::function<MapScene()> source) {
    m_scene = MapScene{};
    m_sceneSource = std::move(source);
    scheduleRender();
}

void MapCanvas::setView(const ViewTransform& view) {
    if (sameView(view, m_view)) {
        return;
    }
    m_view = view;
    emit viewChanged(m_view);
    update(); // show the last image moved to the new view at once
    scheduleRender();
}

void MapCanvas::zoomToExtent(const Box& extent) {
    if (isEmpty(extent)) {
        return;
    }
    setView(ViewTransform::fitting(extent, size(), 0.05, m_view.dpi()));
}

void MapCanvas::zoomBy(double factor) {
    setView(m_view.zoomedAround(QPointF(width() / 2.0, height() / 2.0), factor));
}

void MapCanvas::setPositionMarker(std::optional<PositionMarker> marker) {
    m_marker = marker;
    update();
}

void MapCanvas::scheduleRender() {
    // Coalesce: many view changes within one event-loop turn cost one render.
    if (m_renderScheduled) {
        return;
    }
    m_renderScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_renderScheduled = false;
        startRender();
    });
}

void MapCanvas::startRender() {
    if (m_cancelInFlight) {
        m_cancelInFlight->store(true); // that view is stale now
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancelInFlight = cancel;
    const std::uint64_t generation = ++m_generation;
    const ViewTransform view = m_view.withSize(size());
    ++m_rendersInFlight;

    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, generation, view] {
        --m_rendersInFlight;
        watcher->deleteLater();
        if (generation != m_generation) {
            return; // a newer render replaces this one
        }
        QImage image = watcher->result();
        if (!image.isNull()) {
            m_image = std::move(image);
            m_imageView = view;
            update();
        }
        emit renderFinished();
    });
    watcher->setFuture(QtConcurrent::run(
        [renderer = m_renderer, scene = m_sceneSource ? m_sceneSource() : m_scene, view, cancel, hook = m_beforeRender]() -> QImage {
            if (hook) {
                hook();
            }
            if (cancel->load()) {
                return {};
            }
            QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            RenderStats stats = renderer.render(painter, scene, view, cancel.get());
            painter.end();
            return stats.cancelled ? QImage() : image;
        }));
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (!m_image.isNull()) {
        // Where the last image's area lies in the current view: it follows pans and zooms
        // until the new render replaces it.
        QRectF target = m_view.toScreen(m_imageView.visibleExtent());
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(target, m_image);
    }
    if (m_drag == Drag::ZoomBox) {
        painter.setPen(QPen(QColor(0x1f, 0x4e, 0x9c), 1.5, Qt::DashLine));
        painter.setBrush(QColor(0x1f, 0x4e, 0x9c, 40));
        painter.drawRect(QRectF(m_dragStart, m_dragLast).normalized());
    }
    drawMarker(painter);
    if (m_tool) {
        painter.save();
        m_tool->paint(painter, m_view);
        painter.restore();
    }
    if (isRendering()) {
        painter.setPen(QColor(90, 90, 90));
        painter.drawText(rect().adjusted(8, 6, -8, -6), Qt::AlignTop | Qt::AlignLeft, tr("Ritar…"));
    }
}

void MapCanvas::drawMarker(QPainter& painter) const {
    if (!m_marker) {
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    QPointF centre = m_view.toScreen(m_marker->position);
    double radius = m_marker->accuracyMetres / m_view.metresPerPixel();
    if (radius > 6.0) {
        painter.setPen(QPen(QColor(30, 110, 220, 160), 1.0));
        painter.setBrush(QColor(30, 110, 220, 50));
        painter.drawEllipse(centre, radius, radius);
    }
    painter.setPen(QPen(Qt::white, 2.0));
    painter.setBrush(QColor(30, 110, 220));
    painter.drawEllipse(centre, 6.0, 6.0);
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    m_view = m_view.withSize(size());
    emit viewChanged(m_view);
    scheduleRender();
}

void MapCanvas::setTool(MapTool* tool) {
    if (tool == m_tool) {
        return;
    }
    if (m_tool) {
        m_tool->deactivate();
        disconnect(m_tool, nullptr, this, nullptr);
    }
    if (m_drag == Drag::Tool) {
        m_drag = Drag::Ignore;
    }
    m_tool = tool;
    if (m_tool) {
        connect(m_tool, &MapTool::changed, this, qOverload<>(&QWidget::update));
        m_tool->activate();
    }
    updateCursor();
    update();
}

ToolEvent MapCanvas::toolEvent(const QMouseEvent& event) const {
    return ToolEvent{event.position(), m_view.toMap(event.position()), event.button(),
                     event.buttons(), event.modifiers(), m_view};
}

void MapCanvas::updateCursor() {
    if (m_drag == Drag::Pan || m_spaceHeld) {
        setCursor(m_drag == Drag::Pan ? Qt::ClosedHandCursor : Qt::OpenHandCursor);
    } else if (m_tool) {
        setCursor(m_tool->cursor());
    } else {
        unsetCursor();
    }
}

void MapCanvas::hoverAgain(Qt::KeyboardModifiers modifiers) {
    if (m_tool && m_hover && (m_drag == Drag::None || m_drag == Drag::Tool)) {
        const QPointF at = *m_hover;
        m_tool->move(ToolEvent{at, m_view.toMap(at), Qt::NoButton, QGuiApplication::mouseButtons(),
                               modifiers, m_view});
    }
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
    if (m_drag != Drag::None && m_drag != Drag::Ignore) {
        return; // a second button during a gesture
    }
    m_dragButton = event->button();
    m_pressModifiers = event->modifiers();
    m_dragStart = event->position();
    m_dragLast = event->position();
    const bool panButton = event->button() == Qt::MiddleButton ||
                           (event->button() == Qt::LeftButton && m_spaceHeld);
    if (panButton) {
        m_drag = Drag::Pan;
    } else if (m_tool && m_tool->press(toolEvent(*event))) {
        m_drag = Drag::Tool;
    } else if (event->button() == Qt::LeftButton || event->button() == Qt::RightButton) {
        m_drag = Drag::Pending;
    } else {
        m_drag = Drag::None;
    }
    updateCursor();
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
    emit cursorMoved(m_view.toMap(event->position()));
    m_hover = event->position();
    if (m_drag == Drag::Pending &&
        (event->position() - m_dragStart).manhattanLength() >= QApplication::startDragDistance()) {
        if (m_dragButton == Qt::RightButton) {
            m_drag = Drag::Ignore; // right-drag does nothing; never a click that finishes
        } else {
            m_drag = m_pressModifiers.testFlag(Qt::ShiftModifier) ? Drag::ZoomBox : Drag::Pan;
            updateCursor();
        }
    }
    switch (m_drag) {
    case Drag::Pan: {
        QPointF delta = event->position() - m_dragLast;
        m_dragLast = event->position();
        setView(m_view.panned(delta));
        break;
    }
    case Drag::ZoomBox:
        m_dragLast = event->position();
        update();
        break;
    case Drag::Ignore: break;
    default:
        if (m_tool) {
            m_tool->move(toolEvent(*event));
            updateCursor();
        }
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (m_drag == Drag::None || event->button() != m_dragButton) {
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Tool && m_tool) {
        m_tool->release(toolEvent(*event));
    } else if (drag == Drag::Pending && event->button() == Qt::RightButton &&
               (!m_tool || !m_tool->usesRightClick())) {
        emit contextMenuRequested(m_view.toMap(event->position()), event->globalPosition().toPoint());
    } else if (drag == Drag::Pending && m_tool) {
        m_tool->click(toolEvent(*event));
    } else if (drag == Drag::ZoomBox) {
        QRectF box = QRectF(m_dragStart, event->position()).normalized();
        if (box.width() > 4 && box.height() > 4) {
            Point a = m_view.toMap(box.bottomLeft());
            Point b = m_view.toMap(box.topRight());
            setView(ViewTransform::fitting(Box{a, b}, size(), 0.0, m_view.dpi()));
        }
    }
    updateCursor();
    update();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    // Qt sends press, release, double-click, release: the first click has been handled, and
    // the release after the double-click must not count as another.
    if (m_tool && m_drag == Drag::None && m_tool->doubleClick(toolEvent(*event))) {
        m_drag = Drag::Ignore;
        m_dragButton = event->button();
        updateCursor();
        return;
    }
    mousePressEvent(event);
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
    double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        return;
    }
    setView(m_view.zoomedAround(event->position(), std::pow(kWheelZoomStep, notches)));
    event->accept();
}

bool MapCanvas::event(QEvent* event) {
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TouchCancel:
        if (touchEvent(*static_cast<QTouchEvent*>(event))) {
            return true;
        }
        break;
    default: break;
    }
    // Keys a tool needs (Esc, Ctrl+Z while sketching) come before the window's shortcuts.
    if (event->type() == QEvent::ShortcutOverride && m_tool &&
        m_tool->wantsKey(*static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

bool MapCanvas::touchEvent(QTouchEvent& event) {
    if (event.device()->type() != QInputDevice::DeviceType::TouchScreen) {
        return false;
    }
    // Accepted, so Qt sends the rest of the sequence here and makes no mouse events of it:
    // one finger is turned into mouse events below, with the second finger still seen.
    event.accept();
    if (event.type() == QEvent::TouchBegin || event.type() == QEvent::TouchCancel) {
        if (m_touch == Touch::Pointer) {
            cancelPointerGesture(); // the system took the touch, or its end was lost
        }
        m_touch = Touch::None;
        if (event.type() == QEvent::TouchCancel) {
            return true;
        }
    }
    std::vector<const QEventPoint*> down;
    for (const QEventPoint& point : event.points()) {
        if (point.state() != QEventPoint::State::Released) {
            down.push_back(&point);
        }
    }
    if (down.size() >= 2 && m_touch != Touch::Spent) {
        if (m_touch == Touch::Pointer) {
            cancelPointerGesture();
        }
        pinch(*down[0], *down[1]);
    } else if (event.points().size() == 1 && m_touch != Touch::Pinch && m_touch != Touch::Spent) {
        touchAsMouse(event, event.points().front());
    } else if (m_touch == Touch::Pinch) {
        m_touch = Touch::Spent; // a finger lifted: the map stays where the pinch left it
    }
    if (event.type() == QEvent::TouchEnd) {
        m_touch = Touch::None;
    }
    return true;
}

QEvent::Type MapCanvas::mouseTypeFor(const QTouchEvent& event, const QEventPoint& point) {
    if (event.type() == QEvent::TouchEnd) {
        return QEvent::MouseButtonRelease;
    }
    if (event.type() != QEvent::TouchBegin) {
        return QEvent::MouseMove;
    }
    const auto interval =
        static_cast<quint64>(QGuiApplication::styleHints()->mouseDoubleClickInterval());
    const bool again = event.timestamp() - m_lastTapTime < interval &&
                       (point.position() - m_lastTap).manhattanLength() <
                           2 * QApplication::startDragDistance();
    m_lastTap = point.position();
    m_lastTapTime = again ? 0 : event.timestamp(); // a third tap starts afresh
    return again ? QEvent::MouseButtonDblClick : QEvent::MouseButtonPress;
}

void MapCanvas::touchAsMouse(const QTouchEvent& event, const QEventPoint& point) {
    m_touch = Touch::Pointer;
    const QEvent::Type type = mouseTypeFor(event, point);
    // On the mouse's device: an event made on the touch screen's would take over the state
    // Qt keeps for the touch point of the same id, and Qt would lose track of that finger.
    QMouseEvent mouse(type, point.position(), point.scenePosition(), point.globalPosition(),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                      type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton,
                      event.modifiers());
    switch (type) {
    case QEvent::MouseButtonPress: mousePressEvent(&mouse); break;
    case QEvent::MouseButtonDblClick: mouseDoubleClickEvent(&mouse); break;
    case QEvent::MouseButtonRelease: mouseReleaseEvent(&mouse); break;
    default: mouseMoveEvent(&mouse);
    }
}

void MapCanvas::pinch(const QEventPoint& a, const QEventPoint& b) {
    const QPointF centre = (a.position() + b.position()) / 2.0;
    const double span = QLineF(a.position(), b.position()).length();
    const std::pair ids{a.id(), b.id()};
    if (m_touch == Touch::Pinch && ids == m_pinchIds && m_pinchSpan > 0.0 && span > 0.0) {
        // The map point between the fingers follows them; the zoom keeps it there.
        setView(m_view.panned(centre - m_pinchCentre).zoomedAround(centre, span / m_pinchSpan));
    }
    m_touch = Touch::Pinch;
    m_pinchIds = ids;
    m_pinchCentre = centre;
    m_pinchSpan = span;
}

void MapCanvas::cancelPointerGesture() {
    if (m_drag == Drag::Tool && m_tool) {
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        if (m_tool->wantsKey(escape)) {
            m_tool->keyPress(escape);
        }
    }
    if (m_drag != Drag::None) {
        m_drag = Drag::None;
        updateCursor();
        update();
    }
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            updateCursor();
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Shift) {
        hoverAgain(event->modifiers() | Qt::ShiftModifier);
    }
    if (m_tool && m_tool->keyPress(*event)) {
        event->accept();
        updateCursor();
        return;
    }
    const double dx = width() * kKeyPanFraction;
    const double dy = height() * kKeyPanFraction;
    switch (event->key()) {
    case Qt::Key_Left: setView(m_view.panned(QPointF(dx, 0))); break;
    case Qt::Key_Right: setView(m_view.panned(QPointF(-dx, 0))); break;
    case Qt::Key_Up: setView(m_view.panned(QPointF(0, dy))); break;
    case Qt::Key_Down: setView(m_view.panned(QPointF(0, -dy))); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(2.0); break;
    case Qt::Key_Minus: zoomBy(0.5); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void MapCanvas::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        updateCursor();
    } else if (event->key() == Qt::Key_Shift) {
        hoverAgain(event->modifiers() & ~Qt::ShiftModifier);
    }
    QWidget::keyReleaseEvent(event);
}

void MapCanvas::focusOutEvent(QFocusEvent* event) {
    m_spaceHeld = false;
    updateCursor();
    QWidget::focusOutEvent(event);
}

} // namespace trygg
