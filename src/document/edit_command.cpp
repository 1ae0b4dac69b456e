#include "edit_command.h"

#include "tryggkarta/document/map_document.h"

namespace trygg {

EditCommand::EditCommand(MapDocument& document, FeatureEdit edit, const QString& text)
    : QUndoCommand(text), m_document(document), m_edit(std::move(edit)) {}

void EditCommand::redo() {
    m_document.applyEdit(m_edit, true);
}

void EditCommand::undo() {
    m_document.applyEdit(m_edit, false);
}

} // namespace trygg
