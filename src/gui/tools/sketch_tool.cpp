#include "tools/sketch_tool.h"

#include "tools/overlay.h"
#include "tools/tool_context.h"

#include "tryggkarta/document/map_document.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <QKeyEvent>
#include <QPainter>
#include <QPolygonF>

namespace trygg {
namespace {

bool isUndo(const QKeyEvent& event) {
    return event.matches(QKeySequence::Undo);
}

bool isRedo(const QKeyEvent& event) {
    return event.matches(QKeySequence::Redo) ||
           (event.key() == Qt::Key_Y && event.modifiers() == Qt::ControlModifier);
}

bool takesBackVertex(const QKeyEvent& event) {
    return (event.key() == Qt::Key_Escape || event.key() == Qt::Key_Backspace) &&
           !event.modifiers().testFlag(Qt::ControlModifier);
}

bool isEnter(const QKeyEvent& event) {
    return event.key() == Qt::Key_Return || event.key() == Qt::Key_Enter;
}

} // namespace

SketchTool::SketchTool(ToolContext& context, GeometryKind kind, QObject* parent)
    : MapTool(parent), m_context(context), m_kind(kind) {
    Q_ASSERT(kind == GeometryKind::LineString || kind == GeometryKind::Polygon);
}

std::size_t SketchTool::minimumVertices() const {
    return m_kind == GeometryKind::Polygon ? 3 : 2;
}

std::optional<Geometry> SketchTool::geometry() const {
    if (m_vertices.size() < minimumVertices()) {
        return std::nullopt;
    }
    if (m_kind == GeometryKind::LineString) {
        return LineString(m_vertices.begin(), m_vertices.end());
    }
    Polygon polygon;
    polygon.outer().assign(m_vertices.begin(), m_vertices.end());
    bg::correct(polygon); // closed, counter-clockwise
    return polygon;
}

bool SketchTool::finish() {
    auto shape = geometry();
    if (!shape) {
        emit message(m_kind == GeometryKind::Polygon ? tr("En yta behöver minst tre hörn.")
                                                     : tr("En linje behöver minst två punkter."));
        return false;
    }
    const Layer* layer = m_context.document.layer(m_context.layer);
    if (layer == nullptr || !m_context.document.isEditable(m_context.layer) ||
        !acceptsGeometry(layer->definition().geometry, *shape)) {
        emit message(tr("Välj ett lager som tar emot den här formen; skissen finns kvar."));
        return false;
    }
    emit geometryReady(QString::fromStdString(m_context.layer), *shape);
    return true;
}

void SketchTool::clearSketch() {
    m_vertices.clear();
    m_removed.clear();
    emit changed();
}

void SketchTool::addVertex(Point point) {
    if (!m_vertices.empty() && m_vertices.back().x() == point.x() &&
        m_vertices.back().y() == point.y()) {
        return; // the first click of a double-click already added it
    }
    m_vertices.push_back(point);
    m_removed.clear();
    emit changed();
}

void SketchTool::removeLastVertex() {
    if (m_vertices.empty()) {
        return;
    }
    m_removed.push_back(m_vertices.back());
    m_vertices.pop_back();
    emit changed();
}

void SketchTool::restoreVertex() {
    if (m_removed.empty()) {
        return;
    }
    m_vertices.push_back(m_removed.back());
    m_removed.pop_back();
    emit changed();
}

void SketchTool::move(const ToolEvent& event) {
    m_snap = m_context.snapper.snap(event);
    m_hover = m_snap ? m_snap->point : event.map;
    emit changed();
}

void SketchTool::click(const ToolEvent& event) {
    if (event.button == Qt::RightButton) {
        if (m_vertices.size() >= minimumVertices()) {
            finish();
        }
        return; // never discards
    }
    if (event.button != Qt::LeftButton) {
        return;
    }
    m_snap = m_context.snapper.snap(event);
    m_hover = m_snap ? m_snap->point : event.map;
    addVertex(*m_hover);
}

bool SketchTool::doubleClick(const ToolEvent& event) {
    if (event.button != Qt::LeftButton) {
        return false;
    }
    finish();
    return true;
}

bool SketchTool::wantsKey(const QKeyEvent& event) const {
    if (isRedo(event)) {
        return !m_removed.empty();
    }
    return !m_vertices.empty() && (takesBackVertex(event) || isUndo(event) || isEnter(event));
}

bool SketchTool::keyPress(QKeyEvent& event) {
    if (!wantsKey(event)) {
        return false;
    }
    if (isRedo(event)) {
        restoreVertex();
    } else if (isEnter(event)) {
        finish();
    } else {
        removeLastVertex();
    }
    return true;
}

void SketchTool::paint(QPainter& painter, const ViewTransform& view) {
    overlay::drawSelection(painter, view, m_context.document);
    painter.setRenderHint(QPainter::Antialiasing);
    QPolygonF drawn;
    for (const Point& p : m_vertices) {
        drawn.append(view.toScreen(p));
    }
    if (!drawn.isEmpty()) {
        QPolygonF withHover = drawn;
        if (m_hover) {
            withHover.append(view.toScreen(*m_hover));
        }
        if (m_kind == GeometryKind::Polygon && withHover.size() >= 3) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x1f, 0x4e, 0x9c, 45));
            painter.drawPolygon(withHover);
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(overlay::kSketch, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(drawn);
        if (m_hover) {
            painter.setPen(QPen(overlay::kSketch, 1.5, Qt::DashLine));
            painter.drawLine(drawn.back(), withHover.back());
            if (m_kind == GeometryKind::Polygon && drawn.size() >= 2) {
                painter.drawLine(withHover.back(), drawn.front());
            }
        }
        for (const QPointF& at : drawn) {
            overlay::drawVertexHandle(painter, at);
        }
    }
    if (m_snap) {
        overlay::drawSnapMarker(painter, view, *m_snap);
    }
}

} // namespace trygg
