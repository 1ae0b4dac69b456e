#include "map_context_menu.h"

#include "tools/selection_ops.h"

#include "tryggkarta/document/map_document.h"

#include <QMenu>
#include <QWidget>

namespace trygg {

MapContextMenu::MapContextMenu(MapDocument& document, QWidget* parent)
    : QObject(parent), m_document(document), m_parent(parent) {}

void MapContextMenu::popup(const Point& where, const QPoint& globalPosition, double tolerance,
                           const std::string& preferred) {
    auto picked = pickFeature(m_document, where, tolerance, preferred, false);
    if (picked) {
        const Selection& selection = m_document.selection();
        if (selection.layer != picked->layer || !selection.contains(picked->id)) {
            m_document.select(picked->layer, {picked->id});
        }
    }
    if (m_menu) {
        m_menu->deleteLater();
    }
    m_menu = new QMenu(m_parent);
    m_menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction* action : picked ? m_featureActions : m_mapActions) {
        action != nullptr ? static_cast<void>(m_menu->addAction(action)) : static_cast<void>(m_menu->addSeparator());
    }
    m_menu->popup(globalPosition);
}

} // namespace trygg
