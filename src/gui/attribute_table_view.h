#pragma once

#include <QTableView>

namespace trygg {

class AttributeTableModel;
class AttributeTableProxy;
class AttributeTableSelection;
class MapDocument;

/// The table itself: whole rows selected (and that selection kept as the document's), cells
/// edited in place, sorted by a click on a column header, uniform rows so that a million
/// scroll smoothly. A double-click is left to the panel (it shows the row's feature).
class AttributeTableView : public QTableView {
    Q_OBJECT
public:
    AttributeTableView(MapDocument& document, AttributeTableProxy& proxy,
                       QWidget* parent = nullptr);

    [[nodiscard]] AttributeTableSelection& selection() const { return *m_selection; }
    /// Widths to fit the visible cells, none wider than a readable maximum.
    void fitColumns();

private:
    AttributeTableSelection* m_selection;
};

} // namespace trygg
