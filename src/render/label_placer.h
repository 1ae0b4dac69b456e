#pragma once
// Labels without overlaps: greedy, in the order they are offered. Each label's box (the
// text and its halo, rotated with it) is tested against the boxes already placed, through
// a coarse grid so the cost stays linear in the number of labels.

#include <QFont>
#include <QPainter>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <cstddef>
#include <vector>

namespace trygg::render {

/// Where a label wants to go.
struct LabelCandidate {
    enum class Kind { Point, Line, Area };
    Kind kind = Kind::Point;
    QString text;
    QPointF anchor;        ///< device pixels: the point, the segment's middle, the centroid
    double angle = 0.0;    ///< degrees, lines only; already turned so text is never upside down
    double offset = 0.0;   ///< points: the symbol's radius, so the text starts beside it
    double room = 0.0;     ///< lines: the visible segment's length; longer text is not placed
};

/// True when two convex polygons overlap or come closer than `gap` pixels (separating axes).
bool convexOverlap(const QPolygonF& a, const QPolygonF& b, double gap);

class LabelPlacer {
public:
    /// `fontPixels` and `haloPixels` come from millimetres through the view.
    LabelPlacer(QPainter& painter, QSize viewSize, double fontPixels, double haloPixels);

    /// Draws the label where it fits (points try right, left, above, below); returns
    /// false and counts it as skipped when every position overlaps a placed label.
    bool place(const LabelCandidate& candidate);

    [[nodiscard]] std::size_t drawn() const { return m_placed.size(); }
    [[nodiscard]] std::size_t skipped() const { return m_skipped; }
    [[nodiscard]] const std::vector<QPolygonF>& placedBoxes() const { return m_placed; }

private:
    /// The rotated box of `text` drawn from `origin` (baseline start) at `angle`.
    [[nodiscard]] QPolygonF boxFor(QPointF origin, double angle, double width) const;
    [[nodiscard]] bool fits(const QPolygonF& box) const;
    void remember(const QPolygonF& box);
    void draw(const QString& text, QPointF origin, double angle, double width);
    template <typename Visit>
    void forCells(const QRectF& bounds, Visit&& visit) const;

    QPainter& m_painter;
    QRectF m_screen;
    QFont m_font;
    double m_ascent = 0.0;
    double m_descent = 0.0;
    double m_halo = 0.0;
    std::vector<QPolygonF> m_placed;
    std::size_t m_skipped = 0;
    int m_columns = 1;
    int m_rows = 1;
    std::vector<std::vector<std::size_t>> m_grid; ///< indexes into m_placed per cell
};

} // namespace trygg::render
