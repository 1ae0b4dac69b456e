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
    m_dragging = true;
    m_start = event.map;
    m_current = event.map;
    return true;
}

void MoveTool::move(const ToolEvent& event) {
    if (m_dragging) {
        m_current = event.map;
        emit changed();
    }
}

void MoveTool::release(const ToolEvent& event) {
    if (!m_dragging) {
        return; // cancelled
    }
    m_dragging = false;
    const double dx = event.map.x() - m_start.x();
    const double dy = event.map.y() - m_start.y();
    emit changed();
    if (std::hypot(dx, dy) < event.pixels(1.0)) {
        return; // a click: selected, not moved
    }
    MapDocument& document = m_context.document;
    const Layer* layer = document.layer(m_layer);
    if (layer == nullptr) {
        return;
    }
    std::vector<Feature> moved;
    for (FeatureId id : m_ids) {
        if (const Feature* feature = layer->find(id); feature != nullptr && feature->geometry) {
            Feature shifted = *feature;
            shifted.geometry = translated(*feature->geometry, dx, dy);
            moved.push_back(std::move(shifted));
        }
    }
    const int count = static_cast<int>(moved.size());
    if (auto ok = document.updateFeatures(m_layer, std::move(moved),
                                          tr("Flytta %n objekt", nullptr, count));
        !ok) {
        emit message(
            tr("Kunde inte flytta: %1").arg(QString::fromStdString(ok.error().describe())));
    }
}

bool MoveTool::keyPress(QKeyEvent& event) {
    if (!wantsKey(event)) {
        return false;
    }
    m_dragging = false;
    emit changed();
    return true;
}

bool MoveTool::wantsKey(const QKeyEvent& event) const {
    return m_dragging && event.key() == Qt::Key_Escape;
}

QCursor MoveTool::cursor() const {
    return QCursor(m_dragging ? Qt::ClosedHandCursor : Qt::SizeAllCursor);
}

void MoveTool::deactivate() {
    m_dragging = false;
}

void MoveTool::paint(QPainter& painter, const ViewTransform& view) {
    overlay::drawSelection(painter, view, m_context.document);
    const Layer* layer = m_dragging ? m_context.document.layer(m_layer) : nullptr;
    if (layer == nullptr) {
        return;
    }
    const double dx = m_current.x() - m_start.x();
    const double dy = m_current.y() - m_start.y();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(overlay::kSketch, 2.0, Qt::DashLine));
    painter.setBrush(QColor(0x1f, 0x4e, 0x9c, 60));
    std::size_t drawn = 0;
    for (FeatureId id : m_ids) {
        if (const Feature* feature = layer->find(id); feature != nullptr && feature->geometry) {
            overlay::drawGeometry(painter, view, translated(*feature->geometry, dx, dy), 7.0);
            if (++drawn >= kMaxPreview) {
                break;
            }
        }
    }
}

} // namespace trygg
