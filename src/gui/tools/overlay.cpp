#include "tools/overlay.h"

#include "tryggkarta/document/map_document.h"

#include <boost/geometry/algorithms/intersects.hpp>

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <type_traits>

namespace trygg::overlay {
namespace {

/// More selected features than this are not all highlighted: the overlay is redrawn on
/// every mouse move and must stay cheap.
constexpr std::size_t kMaxHighlighted = 5000;

template <typename Path> QPolygonF screenPath(const ViewTransform& view, const Path& path) {
    QPolygonF polygon;
    polygon.reserve(static_cast<qsizetype>(path.size()));
    for (const Point& p : path) {
        polygon.append(view.toScreen(p));
    }
    return polygon;
}

void addPolygon(QPainterPath& path, const ViewTransform& view, const Polygon& polygon) {
    path.addPolygon(screenPath(view, polygon.outer()));
    path.closeSubpath();
    for (const auto& ring : polygon.inners()) {
        path.addPolygon(screenPath(view, ring));
        path.closeSubpath();
    }
}

} // namespace

void drawGeometry(QPainter& painter, const ViewTransform& view, const Geometry& geometry,
                  double pointRadius) {
    std::visit(
        [&](const auto& g) {
            using G = std::decay_t<decltype(g)>;
            if constexpr (std::is_same_v<G, Point>) {
                painter.drawEllipse(view.toScreen(g), pointRadius, pointRadius);
            } else if constexpr (std::is_same_v<G, MultiPoint>) {
                for (const Point& p : g) {
                    painter.drawEllipse(view.toScreen(p), pointRadius, pointRadius);
                }
            } else if constexpr (std::is_same_v<G, LineString>) {
                painter.drawPolyline(screenPath(view, g));
            } else if constexpr (std::is_same_v<G, MultiLineString>) {
                for (const LineString& line : g) {
                    painter.drawPolyline(screenPath(view, line));
                }
            } else {
                QPainterPath path;
                path.setFillRule(Qt::OddEvenFill);
                if constexpr (std::is_same_v<G, Polygon>) {
                    addPolygon(path, view, g);
                } else {
                    for (const Polygon& polygon : g) {
                        addPolygon(path, view, polygon);
                    }
                }
                painter.drawPath(path);
            }
        },
        geometry);
}

void drawVertexHandle(QPainter& painter, QPointF at, bool hot) {
    const double r = hot ? kHandleRadius + 2.0 : kHandleRadius;
    painter.setPen(QPen(hot ? kSnap : kSketch, 1.5));
    painter.setBrush(hot ? QColor(255, 230, 240) : QColor(Qt::white));
    painter.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
}

void drawMidpointHandle(QPainter& painter, QPointF at) {
    painter.setPen(QPen(kSketch, 1.2));
    painter.setBrush(QColor(255, 255, 255, 200));
    painter.drawEllipse(at, 3.5, 3.5);
}

void drawSnapMarker(QPainter& painter, const ViewTransform& view, const SnapResult& snap) {
    const QPointF at = view.toScreen(snap.point);
    painter.setBrush(Qt::NoBrush);
    for (const auto& [colour, width] : {std::pair{QColor(Qt::white), 4.5}, std::pair{kSnap, 2.0}}) {
        painter.setPen(QPen(colour, width));
        if (snap.kind == SnapKind::Vertex) {
            painter.drawRect(QRectF(at.x() - 8.0, at.y() - 8.0, 16.0, 16.0));
        } else {
            painter.drawPolygon(QPolygonF({at + QPointF(0, -10), at + QPointF(10, 0),
                                           at + QPointF(0, 10), at + QPointF(-10, 0)}));
        }
    }
    painter.setPen(QPen(kSnap, 1.0));
    painter.drawLine(at + QPointF(-3, 0), at + QPointF(3, 0));
    painter.drawLine(at + QPointF(0, -3), at + QPointF(0, 3));
}

void drawSelection(QPainter& painter, const ViewTransform& view, const MapDocument& document) {
    const Selection& selection = document.selection();
    const Layer* layer = selection.empty() ? nullptr : document.layer(selection.layer);
    if (layer == nullptr) {
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const Box visible = view.visibleExtent();
    std::size_t drawn = 0;
    for (FeatureId id : selection.ids) {
        const Feature* feature = layer->find(id);
        if (feature == nullptr || !feature->geometry ||
            !bg::intersects(envelope(*feature->geometry), visible)) {
            continue;
        }
        // A dark halo under the yellow so it reads on light and dark maps alike.
        painter.setPen(QPen(QColor(0, 0, 0, 120), 6.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        drawGeometry(painter, view, *feature->geometry, 9.0);
        painter.setPen(QPen(kSelection, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(QColor(kSelection.red(), kSelection.green(), kSelection.blue(), 50));
        drawGeometry(painter, view, *feature->geometry, 9.0);
        if (++drawn >= kMaxHighlighted) {
            break;
        }
    }
}

} // namespace trygg::overlay
