#include "tools/move_tool.h"

#include "tools/overlay.h"
#include "tools/selection_ops.h"
#include "tools/tool_context.h"
#include "tools/vertex_edit.h"

#include "tryggkarta/document/map_document.h"

#include <QKeyEvent>
#include <QPainter>

#include <cmath>

namespace trygg {
namespace {

/// The overlay draws at most this many moving features; all of them are moved.
constexpr std::size_t kMaxPreview = 2000;

/// The feature's vertex within reach of the press, the nearest; else the place pressed.
Point grabbedPoint(const Geometry& geometry, const ToolEvent& event) {
    Point grabbed = event.map;
    double nearest = event.pixels(overlay::kHandleReach);
    for (const VertexHandle& handle : vertexHandles(geometry)) {
        const double d =
            std::hypot(handle.point.x() - event.map.x(), handle.point.y() - event.map.y());
        if (d <= nearest) {
            nearest = d;
            grabbed = handle.point;
        }
    }
    return grabbed;
}

std::vector<Feature> movedFeatures(const Layer& layer, const std::vector<FeatureId>& ids, double dx,
                                   double dy) {
    std::vector<Feature> moved;
    for (FeatureId id : ids) {
        if (const Feature* feature = layer.find(id); feature != nullptr && feature->geometry) {
            Feature shifted = *feature;
            shifted.geometry = translated(*feature->geometry, dx, dy);
            moved.push_back(std::move(shifted));
        }
    }
    return moved;
}

} // namespace

MoveTool::MoveTool(ToolContext& context, QObject* parent) : MapTool(parent), m_context(context) {}

bool MoveTool::press(const ToolEvent& event) {
    if (event.button != Qt::LeftButton) {
        return false;
    }
    MapDocument& document = m_context.document;
    const Selection& selection = document.selection();
    const std::string preferred = selection.empty() ? m_context.layer : selection.layer;
    auto hit =
        pickFeature(document, event.map, event.pixels(kPickTolerancePixels), preferred, true);
    if (!hit) {
        return false;
    }
    m_layer = hit->layer;
    if (selection.layer == hit->layer && selection.contains(hit->id)) {
        m_ids = selection.ids;
    } else {
        m_ids = {hit->id};
        document.select(hit->layer, m_ids);
    }
    const Feature* grabbed = document.layer(hit->layer)->find(hit->id);
    m_grabbedFeature = hit->id;
    m_grabbed = grabbed != nullptr && grabbed->geometry ? grabbedPoint(*grabbed->geometry, event)
                                                        : event.map;
    m_dragging = true;
    m_start = event.map;
    m_dx = 0.0;
    m_dy = 0.0;
    m_snap.reset();
    return true;
}

void MoveTool::follow(const ToolEvent& event) {
    ToolEvent grabbed = event;
    grabbed.map = Point(m_grabbed.x() + event.map.x() - m_start.x(),
                        m_grabbed.y() + event.map.y() - m_start.y());
    grabbed.screen = event.view.toScreen(grabbed.map);
    // Only the grabbed feature is left out: when several move together, the others can
    // still be snapped to where they were.
    m_snap = m_context.snapper.snap(grabbed, m_layer, m_grabbedFeature);
    const Point to = m_snap ? m_snap->point : grabbed.map;
    m_dx = to.x() - m_grabbed.x();
    m_dy = to.y() - m_grabbed.y();
}

void MoveTool::move(const ToolEvent& event) {
    if (m_dragging) {
        follow(event);
        emit changed();
        QList<qint64> ids;
        ids.reserve(static_cast<qsizetype>(m_ids.size()));
        for (FeatureId id : m_ids) {
            ids.append(toInt(id));
        }
        emit dragPreview(QString::fromStdString(m_layer), ids, m_dx, m_dy);
    }
}

void MoveTool::release(const ToolEvent& event) {
    if (!m_dragging) {
        return; // cancelled
    }
    m_dragging = false;
    follow(event);
    m_snap.reset();
    emit changed();
    const bool click =
        std::hypot(event.map.x() - m_start.x(), event.map.y() - m_start.y()) < event.pixels(1.0);
    const Layer* layer = m_context.document.layer(m_layer);
    if (click || (m_dx == 0.0 && m_dy == 0.0) || layer == nullptr) {
        emit dragEnded();
        return; // a click: selected, not moved
    }
    std::vector<Feature> moved = movedFeatures(*layer, m_ids, m_dx, m_dy);
    const int count = static_cast<int>(moved.size());
    if (auto ok = m_context.document.updateFeatures(m_layer, std::move(moved),
                                                    tr("Flytta %n objekt", nullptr, count));
        !ok) {
        emit message(
            tr("Kunde inte flytta: %1").arg(QString::fromStdString(ok.error().describe())));
    }
    emit dragEnded();
}

void MoveTool::cancelDrag() {
    const bool wasDragging = m_dragging;
    m_dragging = false;
    m_snap.reset();
    if (wasDragging) {
        emit dragEnded();
    }
}

bool MoveTool::keyPress(QKeyEvent& event) {
    if (!wantsKey(event)) {
        return false;
    }
    cancelDrag();
    emit changed();
    return true;
}

bool MoveTool::wantsKey(const QKeyEvent& event) const {
    return m_dragging && event.key() == Qt::Key_Escape;
}

QCursor MoveTool::cursor() const {
    return QCursor(m_dragging ? Qt::ClosedHandCursor : Qt::SizeAllCursor);
}

void MoveTool::deactivate() { cancelDrag(); }

void MoveTool::paint(QPainter& painter, const ViewTransform& view) {
    overlay::drawSelection(painter, view, m_context.document);
    const Layer* layer = m_dragging ? m_context.document.layer(m_layer) : nullptr;
    if (layer == nullptr) {
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(overlay::kSketch, 2.0, Qt::DashLine));
    painter.setBrush(QColor(0x1f, 0x4e, 0x9c, 60));
    std::size_t drawn = 0;
    for (FeatureId id : m_ids) {
        if (const Feature* feature = layer->find(id); feature != nullptr && feature->geometry) {
            overlay::drawGeometry(painter, view, translated(*feature->geometry, m_dx, m_dy), 7.0);
            if (++drawn >= kMaxPreview) {
                break;
            }
        }
    }
    if (m_snap) {
        overlay::drawSnapMarker(painter, view, *m_snap);
    }
}

} // namespace trygg
