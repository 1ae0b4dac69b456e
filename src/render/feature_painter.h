#pragma once
// Geometries in device pixels: points as symbols, lines thinned to what a pixel can show,
// polygons with their holes.

#include "symbol_painter.h"

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/render/view_transform.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <iterator>

namespace trygg::render {

/// Vertices closer than this to the last one kept add nothing a screen can show.
inline constexpr double kSimplifyPixels = 0.5;

/// A line in device pixels without vertices closer than kSimplifyPixels to their
/// predecessor; the last vertex is always kept so lines end where they should.
/// Works on any range of points (lines and polygon rings alike).
template <typename Points>
void toScreenSimplified(const Points& line, const ViewTransform& view, QPolygonF& out) {
    out.clear();
    constexpr double minSquared = kSimplifyPixels * kSimplifyPixels;
    auto it = line.begin();
    if (it == line.end()) {
        return;
    }
    out.append(view.toScreen(*it));
    for (++it; it != line.end(); ++it) {
        QPointF next = view.toScreen(*it);
        QPointF step = next - out.back();
        if (QPointF::dotProduct(step, step) >= minSquared || std::next(it) == line.end()) {
            out.append(next);
        }
    }
}

/// Draws whole geometries (multi-geometries as one) with a resolved style. Each feature is
/// drawn by its own geometry kind, so mixed layers (measures) need nothing special.
class FeaturePainter {
public:
    FeaturePainter(QPainter& painter, const ViewTransform& view);

    void draw(const Geometry& geometry, const ResolvedStyle& style);

private:
    void drawLines(const MultiLineString& lines, const ResolvedStyle& style);
    void drawLine(const LineString& line, const ResolvedStyle& style);
    void addPolygon(const Polygon& polygon, QPainterPath& path);
    void fillPath(const QPainterPath& path, const ResolvedStyle& style);

    QPainter& m_painter;
    const ViewTransform& m_view;
    QPolygonF m_buffer; ///< reused: a render draws many lines
};

} // namespace trygg::render
