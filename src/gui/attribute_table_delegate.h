#pragma once

#include <QStyledItemDelegate>

namespace trygg {

class AttributeTableModel;

/// Edits attribute table cells in place: a drop-down of labels for value lists (the code is
/// stored), a date or date-and-time input for dates, a line accepting "12,5" or "12.5" for
/// numbers, a line limited to the field's length for text. It only hands the input to the
/// model; the document decides whether it is stored.
class AttributeTableDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// `table` tells the field of each column (the view may show it through a proxy).
    explicit AttributeTableDelegate(const AttributeTableModel& table, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    const AttributeTableModel& m_table;
};

} // namespace trygg
