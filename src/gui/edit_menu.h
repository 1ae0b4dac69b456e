#pragma once
// The Redigera menu: undo and redo of every data change (with what they undo in their
// text), deleting the selection, and the undo history as a dock.

#include <QMenu>

class QAction;
class QDockWidget;
class QMainWindow;
class QUndoView;

namespace trygg {

class MapDocument;

class EditMenu : public QMenu {
    Q_OBJECT
public:
    EditMenu(MapDocument& document, QMainWindow* window);

    [[nodiscard]] QAction* undoAction() const { return m_undo; }
    [[nodiscard]] QAction* redoAction() const { return m_redo; }
    [[nodiscard]] QAction* deleteAction() const { return m_delete; }
    [[nodiscard]] QDockWidget* historyDock() const { return m_historyDock; }
    void retranslate();

private:
    void updateActions();
    void deleteSelection();

    MapDocument& m_document;
    QWidget* m_window;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_clearSelection = nullptr;
    QDockWidget* m_historyDock = nullptr;
    QUndoView* m_history = nullptr;
};

} // namespace trygg
