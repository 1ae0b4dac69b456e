#include "attribute_table_delegate.h"

#include "attribute_table_model.h"
#include "field_editors.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QValidator>

namespace trygg {
namespace {

/// QDateTimeEdit cannot be empty: its minimum stands for NULL and reads "—", as in the form.
const QDateTime kEmptyDateTime(QDate(1752, 9, 14), QTime(0, 0), Qt::UTC);
constexpr const char* kInitialProperty = "trygg_initial";

/// Numbers as Swedes and others type them: "12,5", "12.5", "12 500". Half-typed input is
/// allowed while typing; the model reports what cannot be read when it is committed.
class NumberValidator : public QValidator {
public:
    NumberValidator(FieldType type, QObject* parent) : QValidator(parent), m_type(type) {}

    State validate(QString& input, int&) const override {
        if (parseNumber(input, m_type)) {
            return Acceptable;
        }
        static const QRegularExpression partialReal(
            QStringLiteral("^\\s*[+-]?[0-9\\s]*[.,]?[0-9]*\\s*$"));
        static const QRegularExpression partialWhole(QStringLiteral("^\\s*[+-]?[0-9\\s]*$"));
        const auto& partial = m_type == FieldType::Integer ? partialWhole : partialReal;
        return partial.match(input).hasMatch() ? Intermediate : Invalid;
    }

private:
    FieldType m_type;
};

/// An empty date would open the calendar in 1752; open it on this month instead.
class CalendarPage : public QObject {
public:
    explicit CalendarPage(QDateTimeEdit* edit) : QObject(edit), m_edit(edit) {}

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Show && m_edit->dateTime() == kEmptyDateTime) {
            const QDate today = QDate::currentDate();
            static_cast<QCalendarWidget*>(watched)->setCurrentPage(today.year(), today.month());
        }
        return false;
    }

private:
    QDateTimeEdit* m_edit;
};

} // namespace

AttributeTableDelegate::AttributeTableDelegate(const AttributeTableModel& table, QObject* parent)
    : QStyledItemDelegate(parent), m_table(table) {}

QWidget* AttributeTableDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                              const QModelIndex& index) const {
    const FieldDef* field = m_table.field(index.column());
    if (field == nullptr) {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    if (field->isCoded()) {
        auto* combo = new QComboBox(parent);
        if (!field->required) {
            combo->addItem(QStringLiteral("—"), QVariant()); // NULL
        }
        for (const CodedValue& coded : field->values) {
            combo->addItem(QString::fromStdString(coded.label.in(m_table.language())),
                           QString::fromStdString(coded.code));
        }
        combo->setMaxVisibleItems(combo->count() + 1);
        // A choice is complete when made: store it at once rather than on leaving the cell.
        // The signals are the delegate's own, which a const member may still emit.
        auto* self = const_cast<AttributeTableDelegate*>(this);
        connect(combo, &QComboBox::activated, self, [self, combo] {
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    }
    if (field->type == FieldType::Date || field->type == FieldType::DateTime) {
        const bool withTime = field->type == FieldType::DateTime;
        QDateTimeEdit* edit = withTime ? new QDateTimeEdit(parent) : new QDateEdit(parent);
        edit->setTimeSpec(Qt::UTC); // the wall-clock time as stored: no daylight-saving gaps
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(withTime ? QStringLiteral("yyyy-MM-dd HH:mm")
                                        : QStringLiteral("yyyy-MM-dd"));
        if (!field->required) {
            edit->setMinimumDateTime(kEmptyDateTime);
            edit->setSpecialValueText(QStringLiteral("—"));
        }
        edit->calendarWidget()->installEventFilter(new CalendarPage(edit));
        return edit;
    }
    auto* line = new QLineEdit(parent);
    line->setFrame(false);
    if (field->type == FieldType::Integer || field->type == FieldType::Real) {
        line->setValidator(new NumberValidator(field->type, line));
        line->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    } else if (field->maxLength) {
        line->setMaxLength(*field->maxLength);
    }
    return line;
}

void AttributeTableDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    const FieldDef* field = m_table.field(index.column());
    const QVariant value = index.data(Qt::EditRole);
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        int position =
            value.isValid() ? combo->findData(value.toString()) : (field->required ? -1 : 0);
        if (position < 0 && value.isValid()) {
            // Imported data can hold codes the list does not know; show them, do not hide them.
            combo->addItem(tr("%1 (finns inte i listan)").arg(value.toString()), value.toString());
            position = combo->count() - 1;
        }
        combo->setCurrentIndex(position);
    } else if (auto* edit = qobject_cast<QDateTimeEdit*>(editor)) {
        QDateTime shown = kEmptyDateTime;
        if (value.isValid()) {
            const QDateTime stored = value.toDateTime();
            shown = QDateTime(stored.date(), stored.time(), Qt::UTC);
        } else if (field->required) {
            shown = QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC);
        }
        edit->setDateTime(shown);
        edit->setProperty(kInitialProperty, edit->dateTime());
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        if (!value.isValid()) {
            line->clear();
        } else if (field != nullptr && field->type == FieldType::Real) {
            line->setText(formatNumber(value.toDouble(), m_table.language()));
        } else {
            line->setText(value.toString());
        }
        line->setProperty(kInitialProperty, line->text());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void AttributeTableDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                          const QModelIndex& index) const {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        if (combo->currentIndex() >= 0) {
            model->setData(index, combo->currentData(), Qt::EditRole);
        }
    } else if (auto* edit = qobject_cast<QDateTimeEdit*>(editor)) {
        const QDateTime shown = edit->dateTime();
        // Untouched: storing it back could drop seconds the display does not show.
        if (shown == edit->property(kInitialProperty).toDateTime()) {
            return;
        }
        if (shown == kEmptyDateTime) {
            model->setData(index, QVariant(), Qt::EditRole);
        } else if (qobject_cast<QDateEdit*>(editor) != nullptr) {
            model->setData(index, shown.date(), Qt::EditRole);
        } else {
            // Keep the UTC offset the value was recorded with; a new value gets this computer's.
            const QDateTime stored = index.data(Qt::EditRole).toDateTime();
            const QDateTime result = stored.isValid() && stored.timeSpec() == Qt::OffsetFromUTC
                                         ? QDateTime(shown.date(), shown.time(), Qt::OffsetFromUTC,
                                                     stored.offsetFromUtc())
                                         : QDateTime(shown.date(), shown.time(), Qt::LocalTime);
            model->setData(index, result, Qt::EditRole);
        }
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        // Untouched: a line edit shows a multi-line text on one line, which is not an edit.
        if (line->text() != line->property(kInitialProperty).toString()) {
            model->setData(index, line->text(), Qt::EditRole);
        }
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace trygg
