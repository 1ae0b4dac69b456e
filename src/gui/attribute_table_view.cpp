#include "attribute_table_view.h"

#include "attribute_table_delegate.h"
#include "attribute_table_model.h"
#include "attribute_table_proxy.h"
#include "attribute_table_selection.h"

#include <QHeaderView>
#include <algorithm>

namespace trygg {
namespace {

/// Long descriptions would push the other columns out of sight; the tooltip shows them whole.
constexpr int kMaxFittedColumnWidth = 260;

} // namespace

AttributeTableView::AttributeTableView(MapDocument& document, AttributeTableProxy& proxy,
                                       QWidget* parent)
    : QTableView(parent), m_selection(new AttributeTableSelection(document, proxy, *this)) {
    setItemDelegate(new AttributeTableDelegate(proxy.table(), this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Not on double-click, which shows the feature; typing, F2 or a click on a selected row edits.
    setEditTriggers(QAbstractItemView::SelectedClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so a million stay quick to scroll.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setSortIndicatorClearable(true); // a third click: back to layer order
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
}

void AttributeTableView::fitColumns() {
    resizeColumnsToContents();
    for (int column = 0; column < horizontalHeader()->count(); ++column) {
        setColumnWidth(column, std::min(columnWidth(column), kMaxFittedColumnWidth));
    }
}

} // namespace trygg
