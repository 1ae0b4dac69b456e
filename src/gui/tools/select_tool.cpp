#include "tools/select_tool.h"

#include "tools/overlay.h"
#include "tools/selection_ops.h"
#include "tools/tool_context.h"

#include "tryggkarta/core/hit_test.h"
#include "tryggkarta/document/map_document.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace trygg {
namespace {

bool toggles(Qt::KeyboardModifiers modifiers) {
    return modifiers.testFlag(Qt::ControlModifier) || modifiers.testFlag(Qt::MetaModifier);
}

} // namespace

SelectTool::SelectTool(ToolContext& context, QObject* parent)
    : MapTool(parent), m_context(context) {}

bool SelectTool::press(const ToolEvent& event) {
    if (event.button != Qt::LeftButton) {
        return false;
    }
    m_pressed = true;
    m_boxing = false;
    m_startScreen = event.screen;
    m_startMap = event.map;
    m_endMap = event.map;
    return true;
}

void SelectTool::move(const ToolEvent& event) {
    if (!m_pressed) {
        return;
    }
    if (!m_boxing &&
        (event.screen - m_startScreen).manhattanLength() >= QApplication::startDragDistance()) {
        m_boxing = true;
    }
    if (m_boxing) {
        m_endMap = event.map;
        emit changed();
    }
}

void SelectTool::release(const ToolEvent& event) {
    if (!m_pressed) {
        return; // cancelled with Esc
    }
    m_pressed = false;
    if (m_boxing) {
        m_boxing = false;
        Box box(
            Point(std::min(m_startMap.x(), event.map.x()), std::min(m_startMap.y(), event.map.y())),
            Point(std::max(m_startMap.x(), event.map.x()),
                  std::max(m_startMap.y(), event.map.y())));
        selectInBox(box, toggles(event.modifiers));
        emit changed();
    } else {
        clickAt(event);
    }
}

void SelectTool::clickAt(const ToolEvent& event) {
    MapDocument& document = m_context.document;
    const Selection& current = document.selection();
    const bool toggle = toggles(event.modifiers) && !current.empty();
    const std::string preferred = toggle ? current.layer : m_context.layer;
    auto hit =
        pickFeature(document, event.map, event.pixels(kClickTolerancePixels), preferred, false);
    if (!hit) {
        if (!toggle) {
            document.clearSelection();
        }
        return;
    }
    if (toggle && hit->layer == current.layer) {
        std::vector<FeatureId> ids = current.ids;
        if (current.contains(hit->id)) {
            std::erase(ids, hit->id);
        } else {
            ids.push_back(hit->id);
        }
        document.select(hit->layer, std::move(ids));
    } else {
        document.select(hit->layer, {hit->id});
    }
}

void SelectTool::selectInBox(const Box& box, bool add) {
    MapDocument& document = m_context.document;
    // The current layer when it is shown; otherwise the topmost shown layer the box touches.
    std::vector<const DocumentLayer*> candidates;
    for (const DocumentLayer& entry : document.layers()) {
        if (entry.visible && !entry.overlay && document.isEditable(entry.layer->name())) {
            if (entry.layer->name() == m_context.layer) {
                candidates.insert(candidates.begin(), &entry);
            } else {
                candidates.push_back(&entry);
            }
        }
    }
    for (const DocumentLayer* entry : candidates) {
        std::vector<FeatureId> ids = featuresIn(*entry->layer, box);
        const bool isCurrent = entry->layer->name() == m_context.layer;
        if (ids.empty() && !isCurrent) {
            continue;
        }
        const Selection& current = document.selection();
        if (add && current.layer == entry->layer->name()) {
            ids.insert(ids.end(), current.ids.begin(), current.ids.end());
        }
        if (ids.empty() && !add) {
            document.clearSelection();
        } else if (!ids.empty()) {
            document.select(entry->layer->name(), std::move(ids));
        }
        return;
    }
    if (!add) {
        document.clearSelection();
    }
}

bool SelectTool::keyPress(QKeyEvent& event) {
    if (event.key() == Qt::Key_Escape && m_pressed) {
        m_pressed = false;
        m_boxing = false;
        emit changed();
        return true;
    }
    return false;
}

bool SelectTool::wantsKey(const QKeyEvent& event) const {
    return event.key() == Qt::Key_Escape && m_pressed;
}

void SelectTool::deactivate() {
    m_pressed = false;
    m_boxing = false;
}

void SelectTool::paint(QPainter& painter, const ViewTransform& view) {
    overlay::drawSelection(painter, view, m_context.document);
    if (m_boxing) {
        painter.setPen(QPen(overlay::kSketch, 1.5, Qt::DashLine));
        painter.setBrush(QColor(0x1f, 0x4e, 0x9c, 30));
        painter.drawRect(QRectF(view.toScreen(m_startMap), view.toScreen(m_endMap)).normalized());
    }
}

} // namespace trygg
