#include "edit_menu.h"

#include "tryggkarta/document/map_document.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoView>

namespace trygg {
namespace {

/// The platform's redo keys plus both habits (Ctrl+Y from Windows and Office, Ctrl+Shift+Z
/// from everywhere else), each once: a key listed twice is ambiguous and Qt fires neither.
QList<QKeySequence> redoKeys() {
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& habit : {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)}) {
        if (!keys.contains(habit)) {
            keys.append(habit);
        }
    }
    return keys;
}

} // namespace

EditMenu::EditMenu(MapDocument& document, QMainWindow* window)
    : QMenu(window), m_document(document), m_window(window) {
    m_undo = addAction(QString());
    m_undo->setShortcut(QKeySequence::Undo);
    connect(m_undo, &QAction::triggered, this, [this] { m_document.undoStack().undo(); });
    m_redo = addAction(QString());
    m_redo->setShortcuts(redoKeys());
    connect(m_redo, &QAction::triggered, this, [this] { m_document.undoStack().redo(); });
    addSeparator();
    m_delete = addAction(QString());
    m_delete->setShortcut(QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &EditMenu::deleteSelection);
    m_clearSelection = addAction(QString());
    connect(m_clearSelection, &QAction::triggered, this, [this] { m_document.clearSelection(); });

    m_history = new QUndoView(&m_document.undoStack());
    m_historyDock = new QDockWidget(window);
    m_historyDock->setObjectName(QStringLiteral("history"));
    m_historyDock->setWidget(m_history);
    window->addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    addSeparator();
    addAction(m_historyDock->toggleViewAction());

    QUndoStack& stack = m_document.undoStack();
    connect(&stack, &QUndoStack::indexChanged, this, &EditMenu::updateActions);
    connect(&stack, &QUndoStack::cleanChanged, this, &EditMenu::updateActions);
    connect(&m_document, &MapDocument::selectionChanged, this, &EditMenu::updateActions);
    connect(&m_document, &MapDocument::projectReplaced, this, &EditMenu::updateActions);
    retranslate();
}

void EditMenu::retranslate() {
    setTitle(tr("&Redigera"));
    m_delete->setText(tr("&Ta bort markerade"));
    m_clearSelection->setText(tr("Avmar&kera"));
    m_historyDock->setWindowTitle(tr("Ändringshistorik"));
    m_history->setEmptyLabel(tr("<öppnat projekt>"));
    updateActions();
}

void EditMenu::updateActions() {
    const QUndoStack& stack = m_document.undoStack();
    m_undo->setEnabled(stack.canUndo());
    m_undo->setText(stack.canUndo() ? tr("Ån&gra: %1").arg(stack.undoText()) : tr("Ån&gra"));
    m_redo->setEnabled(stack.canRedo());
    m_redo->setText(stack.canRedo() ? tr("&Gör om: %1").arg(stack.redoText()) : tr("&Gör om"));
    const Selection& selection = m_document.selection();
    m_delete->setEnabled(!selection.empty() && m_document.isEditable(selection.layer));
    m_clearSelection->setEnabled(!selection.empty());
}

void EditMenu::deleteSelection() {
    const Selection selection = m_document.selection();
    if (selection.empty() || !m_document.isEditable(selection.layer)) {
        return;
    }
    if (selection.ids.size() > 1) {
        auto answer = QMessageBox::question(
            m_window, tr("Ta bort"),
            tr("Ta bort %n markerade objekt? Det går att ångra.", nullptr,
               static_cast<int>(selection.ids.size())));
        if (answer != QMessageBox::Yes) {
            return;
        }
    }
    if (auto removed = m_document.removeFeatures(selection.layer, selection.ids); !removed) {
        QMessageBox::warning(m_window, tr("Ta bort"), QString::fromStdString(removed.error().describe()));
    }
}

} // namespace trygg
