#include "tools/add_point_tool.h"

#include "tools/overlay.h"
#include "tools/tool_context.h"

#include "tryggkarta/document/map_document.h"

#include <QPainter>

namespace trygg {

AddPointTool::AddPointTool(ToolContext& context, QObject* parent)
    : MapTool(parent), m_context(context) {}

void AddPointTool::move(const ToolEvent& event) {
    m_snap = m_context.snapper.snap(event);
    emit changed();
}

void AddPointTool::click(const ToolEvent& event) {
    if (event.button != Qt::LeftButton) {
        return; // right-click adds nothing and loses nothing
    }
    const Layer* layer = m_context.document.layer(m_context.layer);
    if (layer == nullptr || !m_context.document.isEditable(m_context.layer)) {
        emit message(tr("Välj ett lager att lägga till i."));
        return;
    }
    const auto snap = m_context.snapper.snap(event);
    const Geometry point = snap ? snap->point : event.map;
    if (!acceptsGeometry(layer->definition().geometry, point)) {
        emit message(tr("Lagret tar inte emot punkter."));
        return;
    }
    emit geometryReady(QString::fromStdString(m_context.layer), point);
}

void AddPointTool::deactivate() {
    m_snap.reset();
}

void AddPointTool::paint(QPainter& painter, const ViewTransform& view) {
    overlay::drawSelection(painter, view, m_context.document);
    if (m_snap) {
        painter.setRenderHint(QPainter::Antialiasing);
        overlay::drawSnapMarker(painter, view, *m_snap);
    }
}

} // namespace trygg
