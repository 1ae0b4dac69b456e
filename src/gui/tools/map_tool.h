#pragma once
// The interface between the canvas and the editing tools. The canvas turns mouse and key
// events into ToolEvents (screen and map position through its one ViewTransform) and hands
// them to the active tool; the tool changes data only through MapDocument's mutators and
// draws its rubber band, handles and snap marker in paint(), above the map image.

#include "tryggkarta/render/view_transform.h"

#include <QCursor>
#include <QObject>
#include <QPointF>
#include <QString>

class QKeyEvent;
class QPainter;

namespace trygg {

/// A pointer event as a tool sees it.
struct ToolEvent {
    QPointF screen;
    Point map;
    Qt::MouseButton button = Qt::NoButton;   ///< the button that changed (press, release, click)
    Qt::MouseButtons buttons = Qt::NoButton; ///< the buttons held
    Qt::KeyboardModifiers modifiers = Qt::NoModifier;
    ViewTransform view; ///< for tolerances in pixels

    /// A length in pixels as map units at the event's view.
    [[nodiscard]] double pixels(double px) const { return px * view.metresPerPixel(); }
};

/// A way of working on the map: select, add a point, draw, move, reshape.
///
/// Gestures: press() returns true when the tool takes the press, and then gets the drag
/// (move) and release(). When it returns false, the canvas treats the gesture as a pan (or a
/// zoom box with Shift), and a press released without moving becomes click(). Drawing tools
/// leave presses to the canvas, so on a tablet a tap adds a vertex and a drag pans.
/// Right-click never throws anything away: a tool either finishes with it or ignores it.
class MapTool : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual bool press(const ToolEvent& event);
    /// Hover, or a drag the tool took.
    virtual void move(const ToolEvent& event);
    virtual void release(const ToolEvent& event);
    /// A press the tool left to the canvas, released where it started.
    virtual void click(const ToolEvent& event);
    /// True when handled; otherwise the canvas treats it as a press.
    virtual bool doubleClick(const ToolEvent& event);
    /// True when handled (the canvas then does nothing else with the key).
    virtual bool keyPress(QKeyEvent& event);
    /// True when the tool wants this key before window shortcuts (Esc, Ctrl+Z while sketching).
    [[nodiscard]] virtual bool wantsKey(const QKeyEvent& event) const;

    /// Draws the overlay: rubber band, vertices, snap marker, selection, preview.
    virtual void paint(QPainter& painter, const ViewTransform& view) = 0;
    [[nodiscard]] virtual QCursor cursor() const { return QCursor(Qt::CrossCursor); }
    /// True while something drawn but not stored would be lost (an unfinished sketch).
    [[nodiscard]] virtual bool hasUnfinishedWork() const { return false; }
    /// True when a right-click means something to the tool (finish a shape, remove a vertex);
    /// otherwise the canvas offers its context menu.
    [[nodiscard]] virtual bool usesRightClick() const { return false; }

    /// Called when the tool becomes active and when another replaces it: a drag in
    /// progress ends without a change; a sketch is kept.
    virtual void activate() {}
    virtual void deactivate() {}

signals:
    /// The overlay must be drawn again.
    void changed();
    /// A short message for the status bar ("En yta behöver minst tre hörn").
    void message(const QString& text);
};

} // namespace trygg
