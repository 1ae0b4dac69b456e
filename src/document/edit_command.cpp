#include "edit_command.h"

#include "tryggkarta/document/map_document.h"

namespace trygg {
namespace {

/// An update of one feature and nothing else: the only kind of edit that merges.
bool changesOneFeatureOnly(const FeatureEdit& edit) {
    return edit.changes.size() == 1 && edit.changes[0].before && edit.changes[0].after &&
           edit.linksAdded.empty() && edit.linksRemoved.empty() && edit.photosAdded.empty() &&
           edit.photosRemoved.empty();
}

} // namespace

EditCommand::EditCommand(MapDocument& document, FeatureEdit edit, const QString& text)
    : QUndoCommand(text), m_document(document), m_edit(std::move(edit)) {}

void EditCommand::redo() {
    m_document.applyEdit(m_edit, true);
}

void EditCommand::undo() {
    m_document.applyEdit(m_edit, false);
}

int EditCommand::id() const {
    return m_edit.mergeKey ? 1 : -1; // QUndoStack asks mergeWith only between equal ids
}

bool EditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditCommand*>(other);
    if (next == nullptr || !m_edit.mergeKey || next->m_edit.mergeKey != m_edit.mergeKey ||
        next->m_edit.layer != m_edit.layer || !changesOneFeatureOnly(m_edit) ||
        !changesOneFeatureOnly(next->m_edit) ||
        next->m_edit.changes[0].before->id != m_edit.changes[0].after->id) {
        return false;
    }
    // Already applied by the stack: this step now runs from our "before" to its "after".
    m_edit.changes[0].after = next->m_edit.changes[0].after;
    return true;
}

} // namespace trygg
