#pragma once
// The undo step for every data change: it owns the edit (and with it any removed
// features) and asks the document to apply it forwards or backwards.

#include "tryggkarta/document/feature_edit.h"

#include <QUndoCommand>

namespace trygg {

class MapDocument;

class EditCommand : public QUndoCommand {
public:
    EditCommand(MapDocument& document, FeatureEdit edit, const QString& text);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    MapDocument& m_document;
    FeatureEdit m_edit;
};

} // namespace trygg
