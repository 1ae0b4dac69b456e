#include "tools/vertex_tool.h"

#include "tools/overlay.h"
#include "tools/selection_ops.h"
#include "tools/tool_context.h"

#include "tryggkarta/document/map_document.h"

#include <boost/geometry/algorithms/intersects.hpp>

#include <QApplication>
#include <QKeyEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace trygg {
namespace {

/// Handles are drawn for at most this many features in the view.
constexpr std::size_t kMaxTargets = 200;

double screenDistance(const ViewTransform& view, const Point& a, QPointF b) {
    const QPointF d = view.toScreen(a) - b;
    return std::hypot(d.x(), d.y());
}

} // namespace

VertexTool::VertexTool(ToolContext& context, QObject* parent)
    : MapTool(parent), m_context(context) {}

std::vector<const Feature*> VertexTool::targets(const ViewTransform& view) const {
    std::vector<const Feature*> found;
    const MapDocument& document = m_context.document;
    const Selection& selection = document.selection();
    const Layer* layer = selection.empty() ? nullptr : document.layer(selection.layer);
    if (layer == nullptr || !document.isEditable(selection.layer)) {
        return found;
    }
    const Box visible = view.visibleExtent();
    for (FeatureId id : selection.ids) {
        const Feature* feature = layer->find(id);
        if (feature != nullptr && feature->geometry &&
            bg::intersects(envelope(*feature->geometry), visible)) {
            found.push_back(feature);
            if (found.size() >= kMaxTargets) {
                break;
            }
        }
    }
    return found;
}

std::optional<VertexTool::Target> VertexTool::vertexAt(const ToolEvent& event) const {
    std::optional<Target> best;
    double bestDistance = overlay::kHandleReach;
    for (const Feature* feature : targets(event.view)) {
        for (const VertexHandle& handle : vertexHandles(*feature->geometry)) {
            const double d = screenDistance(event.view, handle.point, event.screen);
            if (d <= bestDistance) {
                bestDistance = d;
                best = Target{feature->id, handle};
            }
        }
    }
    return best;
}

std::optional<VertexTool::Target> VertexTool::midpointAt(const ToolEvent& event) const {
    std::optional<Target> best;
    double bestDistance = overlay::kHandleReach;
    for (const Feature* feature : targets(event.view)) {
        for (const VertexHandle& handle : midpointHandles(*feature->geometry)) {
            const double d = screenDistance(event.view, handle.point, event.screen);
            if (d <= bestDistance) {
                bestDistance = d;
                best = Target{feature->id, handle};
            }
        }
    }
    return best;
}

bool VertexTool::press(const ToolEvent& event) {
    if (event.button != Qt::LeftButton) {
        return false;
    }
    auto target = vertexAt(event);
    m_drag = target ? Drag::Vertex : Drag::Insert;
    if (!target) {
        target = midpointAt(event);
    }
    if (!target) {
        m_drag = Drag::None;
        return false; // the canvas pans; a tap selects (click)
    }
    m_dragged = *target;
    m_dragTo = target->handle.point;
    m_pressScreen = event.screen;
    m_moved = false;
    m_snap.reset();
    return true;
}

void VertexTool::move(const ToolEvent& event) {
    if (m_drag != Drag::None) {
        if ((event.screen - m_pressScreen).manhattanLength() >= QApplication::startDragDistance()) {
            m_moved = true;
        }
        if (m_moved) {
            m_snap = m_context.snapper.snap(event, m_context.document.selection().layer,
                                            m_dragged.feature);
            m_dragTo = m_snap ? m_snap->point : event.map;
        }
        emit changed();
        return;
    }
    auto hot = vertexAt(event);
    const bool same =
        hot.has_value() == m_hot.has_value() &&
        (!hot || (hot->feature == m_hot->feature && hot->handle.ref == m_hot->handle.ref));
    m_hot = hot;
    if (!same) {
        emit changed();
    }
}

std::optional<Geometry> VertexTool::dragResult() const {
    const MapDocument& document = m_context.document;
    const Layer* layer = document.layer(document.selection().layer);
    const Feature* feature = layer ? layer->find(m_dragged.feature) : nullptr;
    if (feature == nullptr || !feature->geometry) {
        return std::nullopt;
    }
    if (m_drag == Drag::Vertex) {
        return withVertexMoved(*feature->geometry, m_dragged.handle.ref, m_dragTo);
    }
    return withVertexInserted(*feature->geometry, m_dragged.handle.ref, m_dragTo);
}

void VertexTool::release(const ToolEvent&) {
    if (m_drag == Drag::None) {
        return; // cancelled
    }
    // A tap on a vertex only marks it; a tap on a middle handle adds a vertex there.
    if (m_moved || m_drag == Drag::Insert) {
        if (auto geometry = dragResult()) {
            store(m_dragged.feature, std::move(*geometry));
        }
    } else {
        m_hot = m_dragged;
    }
    m_drag = Drag::None;
    m_snap.reset();
    emit changed();
}

void VertexTool::click(const ToolEvent& event) {
    if (event.button == Qt::RightButton) {
        if (auto target = vertexAt(event)) {
            removeVertex(*target);
        }
        return;
    }
    if (event.button != Qt::LeftButton) {
        return;
    }
    MapDocument& document = m_context.document;
    const std::string preferred =
        document.selection().empty() ? m_context.layer : document.selection().layer;
    if (auto hit =
            pickFeature(document, event.map, event.pixels(kPickTolerancePixels), preferred, true)) {
        document.select(hit->layer, {hit->id});
    }
}

bool VertexTool::doubleClick(const ToolEvent& event) {
    if (event.button != Qt::LeftButton) {
        return false;
    }
    if (vertexAt(event)) {
        return true; // not a segment: nothing to add
    }
    for (const Feature* feature : targets(event.view)) {
        if (auto on = nearestOnSegment(*feature->geometry, event.map,
                                       event.pixels(kPickTolerancePixels))) {
            store(feature->id, withVertexInserted(*feature->geometry, on->ref, on->point));
            return true;
        }
    }
    return false;
}

void VertexTool::removeVertex(const Target& target) {
    const MapDocument& document = m_context.document;
    const Layer* layer = document.layer(document.selection().layer);
    const Feature* feature = layer ? layer->find(target.feature) : nullptr;
    if (feature == nullptr || !feature->geometry) {
        return;
    }
    // The handle may be stale when an undo changed the shape since the pointer last moved.
    const auto handles = vertexHandles(*feature->geometry);
    const bool current = std::ranges::any_of(handles, [&](const VertexHandle& handle) {
        return handle.ref == target.handle.ref && handle.point.x() == target.handle.point.x() &&
               handle.point.y() == target.handle.point.y();
    });
    if (!current) {
        m_hot.reset();
        emit changed();
        return;
    }
    Geometry geometry = *feature->geometry;
    switch (withoutVertex(geometry, target.handle.ref)) {
    case VertexRemoval::NoSuchVertex:
        break;
    case VertexRemoval::Done:
        m_hot.reset();
        store(target.feature, std::move(geometry));
        break;
    case VertexRemoval::LineTooShort:
        emit message(tr("En linje behöver minst två hörn; hörnet finns kvar."));
        break;
    case VertexRemoval::RingTooSmall:
        emit message(tr("En yta behöver minst tre hörn; hörnet finns kvar."));
        break;
    case VertexRemoval::LastOfPoint:
        emit message(tr("En punkt har bara ett hörn; ta bort hela objektet i stället."));
        break;
    }
}

void VertexTool::store(FeatureId feature, Geometry geometry) {
    MapDocument& document = m_context.document;
    const std::string layer = document.selection().layer;
    if (auto ok = document.setGeometry(layer, feature, std::move(geometry)); !ok) {
        emit message(
            tr("Formen sparades inte: %1").arg(QString::fromStdString(ok.error().describe())));
    }
    emit changed();
}

bool VertexTool::wantsKey(const QKeyEvent& event) const {
    if (m_drag != Drag::None) {
        return event.key() == Qt::Key_Escape;
    }
    return m_hot && (event.key() == Qt::Key_Delete || event.key() == Qt::Key_Backspace);
}

bool VertexTool::keyPress(QKeyEvent& event) {
    if (!wantsKey(event)) {
        return false;
    }
    if (m_drag != Drag::None) {
        m_drag = Drag::None; // Esc: the drag ends, nothing changes
        m_snap.reset();
        emit changed();
    } else {
        removeVertex(*m_hot);
    }
    return true;
}

QCursor VertexTool::cursor() const {
    if (m_drag != Drag::None) {
        return QCursor(Qt::ClosedHandCursor);
    }
    return QCursor(m_hot ? Qt::PointingHandCursor : Qt::CrossCursor);
}

void VertexTool::deactivate() {
    m_drag = Drag::None;
    m_hot.reset();
    m_snap.reset();
}

void VertexTool::paint(QPainter& painter, const ViewTransform& view) {
    overlay::drawSelection(painter, view, m_context.document);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_drag != Drag::None && m_moved) {
        if (auto preview = dragResult()) {
            painter.setPen(QPen(overlay::kSketch, 2.0, Qt::DashLine));
            painter.setBrush(QColor(0x1f, 0x4e, 0x9c, 40));
            overlay::drawGeometry(painter, view, *preview, 7.0);
        }
    }
    for (const Feature* feature : targets(view)) {
        for (const VertexHandle& handle : midpointHandles(*feature->geometry)) {
            overlay::drawMidpointHandle(painter, view.toScreen(handle.point));
        }
        for (const VertexHandle& handle : vertexHandles(*feature->geometry)) {
            const bool hot =
                m_hot && m_hot->feature == feature->id && m_hot->handle.ref == handle.ref;
            overlay::drawVertexHandle(painter, view.toScreen(handle.point), hot);
        }
    }
    if (m_drag != Drag::None && m_moved) {
        overlay::drawVertexHandle(painter, view.toScreen(m_dragTo), true);
    }
    if (m_snap) {
        overlay::drawSnapMarker(painter, view, *m_snap);
    }
}

} // namespace trygg
