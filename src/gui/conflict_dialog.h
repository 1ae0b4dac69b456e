#pragma once
// When a save to the shared database is refused because someone else changed the same
// features: each of them with both values of every field that differs, and per feature the
// choice between keeping one's own change and taking the other editor's.

#include "tryggkarta/document/map_document.h"

#include <QDialog>

#include <string>
#include <vector>

class QComboBox;
class QTreeWidget;

namespace trygg {

class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    ConflictDialog(const MapDocument& document, std::vector<FeatureConflict> conflicts,
                   std::string language, QWidget* parent = nullptr);

    [[nodiscard]] const std::vector<FeatureConflict>& conflicts() const { return m_conflicts; }
    /// Per conflict, in the same order: true to take the other editor's version.
    [[nodiscard]] std::vector<bool> keepTheirs() const;
    /// Sets every choice at once (the "all mine" and "all theirs" buttons).
    void chooseAll(bool theirs);

    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }

private:
    void addConflict(const MapDocument& document, const FeatureConflict& conflict);

    std::vector<FeatureConflict> m_conflicts;
    std::string m_language;
    QTreeWidget* m_tree = nullptr;
    std::vector<QComboBox*> m_choices;
};

} // namespace trygg
