#pragma once
// The right-click menus: on the map (the feature under the pointer is selected first, then
// what can be done with the selection), in the attribute table and in the layer panel.

#include "tryggkarta/core/geometry.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <string>

class QAction;
class QMenu;
class QPoint;
class QWidget;

namespace trygg {

class MapDocument;

class MapContextMenu : public QObject {
    Q_OBJECT
public:
    MapContextMenu(MapDocument& document, QWidget* parent);

    /// What the menu offers for a selection, top to bottom; null is a separator.
    void setFeatureActions(QList<QAction*> actions) { m_featureActions = std::move(actions); }
    /// What it offers where nothing is under the pointer.
    void setMapActions(QList<QAction*> actions) { m_mapActions = std::move(actions); }

    /// Selects the feature under `where` (searched within `tolerance` metres, `preferred`
    /// layer first) unless it is already selected, and pops the menu up at `globalPosition`.
    void popup(const Point& where, const QPoint& globalPosition, double tolerance,
               const std::string& preferred);
    /// The menu shown last, for tests; null before the first.
    [[nodiscard]] QMenu* lastMenu() const { return m_menu; }

private:
    MapDocument& m_document;
    QWidget* m_parent;
    QList<QAction*> m_featureActions;
    QList<QAction*> m_mapActions;
    QPointer<QMenu> m_menu;
};

} // namespace trygg
