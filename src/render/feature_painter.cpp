#include "feature_painter.h"

#include <type_traits>

namespace trygg::render {

FeaturePainter::FeaturePainter(QPainter& painter, const ViewTransform& view)
    : m_painter(painter), m_view(view) {}

void FeaturePainter::draw(const Geometry& geometry, const ResolvedStyle& style) {
    std::visit(
        [&](const auto& shape) {
            using T = std::decay_t<decltype(shape)>;
            if constexpr (std::is_same_v<T, Point>) {
                drawSymbol(m_painter, m_view.toScreen(shape), style);
            } else if constexpr (std::is_same_v<T, MultiPoint>) {
                for (const Point& point : shape) {
                    drawSymbol(m_painter, m_view.toScreen(point), style);
                }
            } else if constexpr (std::is_same_v<T, LineString>) {
                drawLine(shape, style);
            } else if constexpr (std::is_same_v<T, MultiLineString>) {
                drawLines(shape, style);
            } else if constexpr (std::is_same_v<T, Polygon>) {
                QPainterPath path;
                addPolygon(shape, path);
                fillPath(path, style);
            } else {
                QPainterPath path;
                for (const Polygon& polygon : shape) {
                    addPolygon(polygon, path);
                }
                fillPath(path, style);
            }
        },
        geometry);
}

void FeaturePainter::drawLine(const LineString& line, const ResolvedStyle& style) {
    toScreenSimplified(line, m_view, m_buffer);
    if (m_buffer.size() < 2) {
        return;
    }
    m_painter.setPen(style.paint.line);
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawPolyline(m_buffer);
}

void FeaturePainter::drawLines(const MultiLineString& lines, const ResolvedStyle& style) {
    // One path, so a dashed multi-line keeps one dash pattern and overlaps do not darken.
    QPainterPath path;
    for (const LineString& line : lines) {
        toScreenSimplified(line, m_view, m_buffer);
        if (m_buffer.size() >= 2) {
            path.addPolygon(m_buffer);
        }
    }
    m_painter.setPen(style.paint.line);
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawPath(path);
}

void FeaturePainter::addPolygon(const Polygon& polygon, QPainterPath& path) {
    auto addRing = [&](const auto& ring) {
        toScreenSimplified(ring, m_view, m_buffer);
        if (m_buffer.size() >= 3) {
            path.addPolygon(m_buffer);
            path.closeSubpath();
        }
    };
    addRing(polygon.outer());
    for (const auto& hole : polygon.inners()) {
        addRing(hole);
    }
}

void FeaturePainter::fillPath(const QPainterPath& path, const ResolvedStyle& style) {
    if (path.isEmpty()) {
        return;
    }
    QPainterPath filled = path;
    filled.setFillRule(Qt::OddEvenFill); // holes stay open whichever way the rings turn
    m_painter.setPen(style.paint.outline);
    m_painter.setBrush(style.paint.area);
    m_painter.drawPath(filled);
}

} // namespace trygg::render
