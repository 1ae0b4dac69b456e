#include "field_editors.h"

#include <QAbstractScrollArea>
#include <QCalendarWidget>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <charconv>

namespace trygg {
namespace {

/// Drop-down entries as tall as the inputs, so a finger picks the intended one.
class TouchItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        return {size.width(), std::max(size.height(), kTouchHeight - 4)};
    }
};

void guardWheel(QWidget* widget) {
    // Scrolling a long form with the wheel must not change whichever drop-down or date happens
    // to pass under the pointer: such widgets react to the wheel only once they have the focus.
    class WheelGuard : public QObject {
    public:
        using QObject::QObject;
        bool eventFilter(QObject* watched, QEvent* event) override {
            auto* widget = static_cast<QWidget*>(watched);
            if (event->type() != QEvent::Wheel || widget->hasFocus()) {
                return false;
            }
            // Handed to the enclosing scroll area's bar directly: Qt passes only real wheel
            // events on to parents, so relying on that would leave synthetic ones unhandled.
            for (QWidget* up = widget->parentWidget(); up != nullptr; up = up->parentWidget()) {
                if (auto* area = qobject_cast<QAbstractScrollArea*>(up)) {
                    QCoreApplication::sendEvent(area->verticalScrollBar(), event);
                    return true;
                }
            }
            event->ignore();
            return true;
        }
    };
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(new WheelGuard(widget));
}

std::optional<std::int64_t> integerCode(const std::string& code) {
    std::int64_t number = 0;
    auto [ptr, ec] = std::from_chars(code.data(), code.data() + code.size(), number);
    if (ec != std::errc{} || ptr != code.data() + code.size()) {
        return std::nullopt;
    }
    return number;
}

/// A value-list field: the labels in the UI language, the code kept as item data.
class ChoiceEditor : public FieldEditor {
    Q_OBJECT
public:
    ChoiceEditor(const FieldDef& field, const std::string& language, QWidget* parent)
        : FieldEditor(parent), m_integer(field.type == FieldType::Integer),
          m_required(field.required) {
        m_combo = new QComboBox(this);
        m_combo->setMinimumHeight(kTouchHeight);
        m_combo->setItemDelegate(new TouchItemDelegate(m_combo));
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_combo->setMinimumContentsLength(16);
        if (!m_required) {
            m_combo->addItem(QStringLiteral("—"), QVariant()); // NULL
        }
        for (const auto& coded : field.values) {
            m_combo->addItem(QString::fromStdString(coded.label.in(language)),
                             QString::fromStdString(coded.code));
        }
        m_combo->setMaxVisibleItems(m_combo->count() + 1);
        guardWheel(m_combo);
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_combo);
        connect(m_combo, &QComboBox::activated, this, [this] { emit edited(); });
    }

    void setValue(const Value& value) override {
        removeForeignItem();
        m_combo->setPlaceholderText(tr("Välj…"));
        if (isNull(value)) {
            m_combo->setCurrentIndex(m_required ? -1 : 0);
            return;
        }
        QString code = QString::fromStdString(toDisplayString(value));
        int index = m_combo->findData(code);
        if (index < 0) {
            // Imported data can hold codes the list does not know; show them, do not hide them.
            m_combo->addItem(tr("%1 (finns inte i listan)").arg(code), code);
            index = m_combo->count() - 1;
            m_foreignIndex = index;
        }
        m_combo->setCurrentIndex(index);
    }

    void setMixed() override {
        removeForeignItem();
        m_combo->setPlaceholderText(tr("(flera värden)"));
        m_combo->setCurrentIndex(-1);
    }

    [[nodiscard]] Value value() const override {
        QVariant data = m_combo->currentData();
        if (m_combo->currentIndex() < 0 || !data.isValid()) {
            return std::monostate{};
        }
        std::string code = data.toString().toStdString();
        if (m_integer) {
            if (auto number = integerCode(code)) {
                return *number;
            }
        }
        return code;
    }

    QWidget* focusTarget() override { return m_combo; }

private:
    void removeForeignItem() {
        if (m_foreignIndex >= 0) {
            m_combo->removeItem(m_foreignIndex);
            m_foreignIndex = -1;
        }
    }

    QComboBox* m_combo;
    bool m_integer;
    bool m_required;
    int m_foreignIndex = -1;
};

/// A short numeric scale (feeling 0–3): one large button per step, quicker than a drop-down
/// with a thumb in the dark. Pressing the chosen step again clears it, unless required.
class ScaleEditor : public FieldEditor {
    Q_OBJECT
public:
    ScaleEditor(const FieldDef& field, const std::string& language, QWidget* parent)
        : FieldEditor(parent), m_required(field.required) {
        // The chosen step must stand out at a glance, also in the dark: filled, not just sunken.
        setStyleSheet(QStringLiteral(
            "QPushButton { border: 1px solid palette(mid); border-radius: 6px;"
            " padding: 4px 8px; background: palette(button); color: palette(button-text); }"
            "QPushButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border: 2px solid palette(dark);"
            " font-weight: bold; }"
            "QPushButton:focus { border: 2px solid palette(highlight); }"));
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(6);
        for (const auto& coded : field.values) {
            QString code = QString::fromStdString(coded.code);
            auto* button = new QPushButton(
                code + QChar('\n') + QString::fromStdString(coded.label.in(language)), this);
            button->setObjectName(QString::fromStdString(field.name) + QChar('_') + code);
            button->setCheckable(true);
            button->setMinimumHeight(kTouchHeight + 8);
            button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
            layout->addWidget(button);
            m_buttons.push_back({button, integerCode(coded.code).value_or(0)});
            connect(button, &QPushButton::clicked, this,
                    [this, button](bool checked) { onClicked(button, checked); });
        }
        m_foreign = new QPushButton(this);
        m_foreign->setCheckable(true);
        m_foreign->setMinimumHeight(kTouchHeight + 8);
        m_foreign->setToolTip(tr("Värdet finns inte i värdelistan"));
        m_foreign->hide();
        connect(m_foreign, &QPushButton::clicked, this,
                [this](bool checked) { onClicked(m_foreign, checked); });
        layout->addWidget(m_foreign);
        m_hint = new QLabel(tr("(flera värden)"), this);
        m_hint->setForegroundRole(QPalette::PlaceholderText);
        m_hint->hide();
        layout->addWidget(m_hint);
    }

    void setValue(const Value& value) override {
        m_hint->hide();
        m_foreign->hide();
        m_foreign->setChecked(false);
        const auto* number = std::get_if<std::int64_t>(&value);
        for (auto& [button, code] : m_buttons) {
            button->setChecked(number != nullptr && *number == code);
        }
        if (!isNull(value) && checkedButton() == nullptr) {
            m_foreignValue = value;
            m_foreign->setText(QString::fromStdString(toDisplayString(value)) + QChar('\n') +
                               tr("(finns inte i listan)"));
            m_foreign->setChecked(true);
            m_foreign->show();
        }
    }

    void setMixed() override {
        setValue(std::monostate{});
        m_hint->show();
    }

    [[nodiscard]] Value value() const override {
        for (const auto& [button, code] : m_buttons) {
            if (button->isChecked()) {
                return code;
            }
        }
        return m_foreign->isChecked() ? m_foreignValue : Value{};
    }

    QWidget* focusTarget() override {
        return m_buttons.empty() ? static_cast<QWidget*>(this) : m_buttons.front().first;
    }

private:
    [[nodiscard]] QPushButton* checkedButton() const {
        for (const auto& entry : m_buttons) {
            if (entry.first->isChecked()) {
                return entry.first;
            }
        }
        return nullptr;
    }

    void onClicked(QPushButton* clicked, bool checked) {
        if (!checked && m_required) {
            clicked->setChecked(true); // a required scale can be changed, not emptied
            return;
        }
        if (checked) {
            for (auto& entry : m_buttons) {
                entry.first->setChecked(entry.first == clicked);
            }
            m_foreign->setChecked(m_foreign == clicked);
        }
        m_hint->hide();
        emit edited();
    }

    std::vector<std::pair<QPushButton*, std::int64_t>> m_buttons;
    QPushButton* m_foreign;
    Value m_foreignValue;
    QLabel* m_hint;
    bool m_required;
};

/// Numbers without a value list. A validator lets through what a person types on the way to
/// a number ("-", "12,"); parseNumber decides what it finally means.
class NumberValidator : public QValidator {
public:
    NumberValidator(FieldType type, bool negative, QObject* parent)
        : QValidator(parent), m_type(type), m_negative(negative) {}

    State validate(QString& input, int& /*position*/) const override {
        static const QRegularExpression real(QStringLiteral("^[+-]?[0-9]*([.,][0-9]*)?$"));
        static const QRegularExpression integer(QStringLiteral("^[+-]?[0-9]*$"));
        QString compact = input;
        compact.remove(QRegularExpression(QStringLiteral("[\\s\\x{2009}\\x{202f}]")));
        if (!(m_type == FieldType::Integer ? integer : real).match(compact).hasMatch() ||
            (!m_negative && compact.startsWith(QChar('-')))) {
            return Invalid;
        }
        return parseNumber(input, m_type) ? Acceptable : Intermediate;
    }

private:
    FieldType m_type;
    bool m_negative;
};

class NumberEditor : public FieldEditor {
    Q_OBJECT
public:
    NumberEditor(const FieldDef& field, const std::string& language, QWidget* parent)
        : FieldEditor(parent), m_type(field.type), m_language(language) {
        m_edit = new QLineEdit(this);
        m_edit->setMinimumHeight(kTouchHeight);
        m_edit->setValidator(
            new NumberValidator(field.type, !field.min || *field.min < 0.0, m_edit));
        m_edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        m_range = rangeHint(field);
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_edit, 1);
        if (!field.unit.empty()) {
            auto* unit = new QLabel(QString::fromStdString(field.unit), this);
            // One width for all units, so the number fields of a form line up.
            unit->setMinimumWidth(unit->fontMetrics().horizontalAdvance(QStringLiteral("SEK")) + 4);
            layout->addWidget(unit);
        }
        connect(m_edit, &QLineEdit::textEdited, this, [this] { emit edited(); });
    }

    void setValue(const Value& value) override {
        m_edit->setPlaceholderText(m_range);
        if (const auto* d = std::get_if<double>(&value)) {
            m_edit->setText(formatNumber(*d, m_language));
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            m_edit->setText(QString::number(static_cast<qlonglong>(*i)));
        } else {
            m_edit->setText(QString::fromStdString(toDisplayString(value)));
        }
    }

    void setMixed() override {
        m_edit->clear();
        m_edit->setPlaceholderText(tr("(flera värden)"));
    }

    [[nodiscard]] Value value() const override {
        return parseNumber(m_edit->text(), m_type).value_or(Value{});
    }

    [[nodiscard]] std::optional<QString> inputProblem() const override {
        if (parseNumber(m_edit->text(), m_type)) {
            return std::nullopt;
        }
        return m_type == FieldType::Integer ? tr("Skriv ett heltal, t.ex. 12")
                                            : tr("Skriv ett tal, t.ex. 12,5");
    }

    QWidget* focusTarget() override { return m_edit; }

private:
    [[nodiscard]] QString rangeHint(const FieldDef& field) const {
        auto text = [this](double v) { return formatNumber(v, m_language); };
        if (field.min && field.max) {
            return tr("%1–%2").arg(text(*field.min), text(*field.max));
        }
        if (field.min) {
            return tr("minst %1").arg(text(*field.min));
        }
        if (field.max) {
            return tr("högst %1").arg(text(*field.max));
        }
        return {};
    }

    QLineEdit* m_edit;
    FieldType m_type;
    std::string m_language;
    QString m_range;
};

/// Dates and date-times with a calendar pop-up. QDateTimeEdit cannot be empty, so its minimum
/// stands for NULL and reads "—"; the ✕ button empties the field, "Idag"/"Nu" fills it.
/// The time is shown as the wall-clock time it was given in; its UTC offset is kept apart.
class CalendarEditor : public FieldEditor {
    Q_OBJECT
public:
    CalendarEditor(const FieldDef& field, QWidget* parent)
        : FieldEditor(parent), m_withTime(field.type == FieldType::DateTime) {
        m_edit = new QDateTimeEdit(this);
        m_edit->setTimeSpec(Qt::UTC); // no daylight-saving gaps: the offset is ours to keep
        m_edit->setCalendarPopup(true);
        m_edit->setDisplayFormat(m_withTime ? QStringLiteral("yyyy-MM-dd HH:mm")
                                            : QStringLiteral("yyyy-MM-dd"));
        m_edit->setMinimumDateTime(emptyDateTime());
        m_edit->setSpecialValueText(QStringLiteral("—"));
        m_edit->setMinimumHeight(kTouchHeight);
        m_edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        guardWheel(m_edit);
        m_edit->calendarWidget()->installEventFilter(this);
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_edit, 1);
        if (m_withTime) {
            m_offsetLabel = new QLabel(this);
            m_offsetLabel->setToolTip(tr("Tiden sparas med denna skillnad mot UTC"));
            layout->addWidget(m_offsetLabel);
        }
        auto* now = new QPushButton(m_withTime ? tr("Nu") : tr("Idag"), this);
        now->setMinimumHeight(kTouchHeight);
        now->setAutoDefault(false);
        layout->addWidget(now);
        auto* clear = new QToolButton(this);
        clear->setText(QStringLiteral("✕"));
        clear->setToolTip(tr("Töm fältet"));
        clear->setAccessibleName(tr("Töm fältet"));
        clear->setFixedSize(kTouchHeight, kTouchHeight);
        clear->setVisible(!field.required);
        layout->addWidget(clear);
        for (QWidget* button : {static_cast<QWidget*>(now), static_cast<QWidget*>(clear)}) {
            button->setFocusPolicy(Qt::TabFocus);
        }
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
            if (!m_loading) {
                m_edit->setSpecialValueText(QStringLiteral("—"));
                updateOffsetLabel();
                emit edited();
            }
        });
        connect(now, &QPushButton::clicked, this, [this] {
            QDateTime current = QDateTime::currentDateTime();
            m_offsetMinutes = current.offsetFromUtc() / 60;
            QTime time = current.time();
            m_edit->setDateTime(
                QDateTime(current.date(), QTime(time.hour(), time.minute()), Qt::UTC));
        });
        connect(clear, &QToolButton::clicked, this, [this] {
            display(emptyDateTime(), QStringLiteral("—"));
            updateOffsetLabel();
            emit edited(); // also when it was already empty: in a multi-edit it empties all
        });
        updateOffsetLabel();
    }

    void setValue(const Value& value) override {
        m_offsetMinutes.reset();
        if (const auto* date = std::get_if<Date>(&value)) {
            display(QDateTime(QDate(date->year, date->month, date->day), QTime(0, 0), Qt::UTC));
        } else if (const auto* dt = std::get_if<DateTime>(&value)) {
            auto millis = static_cast<int>(dt->second * 1000.0 + 0.5);
            QTime time(dt->hour, dt->minute, millis / 1000, millis % 1000);
            display(QDateTime(QDate(dt->date.year, dt->date.month, dt->date.day), time, Qt::UTC));
            m_offsetMinutes = dt->utcOffsetMinutes;
        } else {
            display(emptyDateTime(), QStringLiteral("—"));
        }
        updateOffsetLabel();
    }

    void setMixed() override {
        display(emptyDateTime(), tr("(flera värden)"));
        updateOffsetLabel();
    }

    [[nodiscard]] Value value() const override {
        QDateTime shown = m_edit->dateTime();
        if (shown == emptyDateTime()) {
            return std::monostate{};
        }
        QDate d = shown.date();
        Date date{d.year(), d.month(), d.day()};
        if (!m_withTime) {
            return date;
        }
        QTime t = shown.time();
        return DateTime{date, t.hour(), t.minute(), t.second() + t.msec() / 1000.0,
                        offsetMinutes()};
    }

    QWidget* focusTarget() override { return m_edit; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        // An empty field would open the calendar in 1752; open it on this month instead.
        if (event->type() == QEvent::Show && m_edit->dateTime() == emptyDateTime()) {
            QDate today = QDate::currentDate();
            static_cast<QCalendarWidget*>(watched)->setCurrentPage(today.year(), today.month());
        }
        return false;
    }

private:
    static QDateTime emptyDateTime() { return {QDate(1752, 9, 14), QTime(0, 0), Qt::UTC}; }

    void display(const QDateTime& dateTime, const QString& emptyText = QStringLiteral("—")) {
        m_loading = true;
        m_edit->setSpecialValueText(emptyText);
        m_edit->setDateTime(dateTime);
        m_loading = false;
    }

    /// The original value's offset if it had one, else this computer's at that time.
    [[nodiscard]] int offsetMinutes() const {
        if (m_offsetMinutes) {
            return *m_offsetMinutes;
        }
        QDateTime shown = m_edit->dateTime();
        QDateTime local(shown.date(), shown.time(), Qt::LocalTime);
        return local.offsetFromUtc() / 60;
    }

    void updateOffsetLabel() {
        if (m_offsetLabel == nullptr) {
            return;
        }
        m_offsetLabel->setVisible(m_edit->dateTime() != emptyDateTime());
        int minutes = offsetMinutes();
        QString sign = minutes < 0 ? QStringLiteral("−") : QStringLiteral("+");
        minutes = std::abs(minutes);
        m_offsetLabel->setText(QStringLiteral("UTC%1%2:%3")
                                   .arg(sign)
                                   .arg(minutes / 60, 2, 10, QChar('0'))
                                   .arg(minutes % 60, 2, 10, QChar('0')));
    }

    QDateTimeEdit* m_edit;
    QLabel* m_offsetLabel = nullptr;
    bool m_withTime;
    bool m_loading = false;
    std::optional<int> m_offsetMinutes;
};

/// Free text: one line for short fields, several for descriptions, with a running count of
/// characters against the limit. The limit is not enforced while typing, since a hard cut
/// would silently drop pasted text; validation reports it instead.
class TextEditor : public FieldEditor {
    Q_OBJECT
public:
    TextEditor(const FieldDef& field, QWidget* parent)
        : FieldEditor(parent), m_maxLength(field.maxLength) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        if (!field.maxLength || *field.maxLength > 120) {
            m_long = new QPlainTextEdit(this);
            m_long->setTabChangesFocus(true);
            const int lines = field.maxLength && *field.maxLength <= 255 ? 2 : 4;
            const int height =
                m_long->fontMetrics().lineSpacing() * lines + 2 * (m_long->frameWidth() + 6);
            m_long->setFixedHeight(std::max(height, kTouchHeight));
            layout->addWidget(m_long);
            connect(m_long, &QPlainTextEdit::textChanged, this, [this] {
                if (!m_loading) {
                    emit edited();
                }
                updateCount();
            });
        } else {
            m_line = new QLineEdit(this);
            m_line->setMinimumHeight(kTouchHeight);
            layout->addWidget(m_line);
            connect(m_line, &QLineEdit::textEdited, this, [this] { emit edited(); });
            connect(m_line, &QLineEdit::textChanged, this, [this] { updateCount(); });
        }
        if (m_maxLength) {
            m_count = new QLabel(this);
            m_count->setAlignment(Qt::AlignRight);
            layout->addWidget(m_count);
            updateCount();
        }
    }

    void setValue(const Value& value) override {
        display(QString::fromStdString(toDisplayString(value)), {});
    }
    void setMixed() override { display({}, tr("(flera värden)")); }

    [[nodiscard]] Value value() const override {
        QString text = this->text().trimmed();
        return text.isEmpty() ? Value{} : Value{text.toStdString()};
    }

    QWidget* focusTarget() override {
        return m_long != nullptr ? static_cast<QWidget*>(m_long) : m_line;
    }

private:
    [[nodiscard]] QString text() const {
        return m_long != nullptr ? m_long->toPlainText() : m_line->text();
    }

    void display(const QString& text, const QString& placeholder) {
        m_loading = true;
        if (m_long != nullptr) {
            m_long->setPlainText(text);
            m_long->setPlaceholderText(placeholder);
        } else {
            m_line->setText(text);
            m_line->setPlaceholderText(placeholder);
            m_line->setCursorPosition(0);
        }
        m_loading = false;
        updateCount();
    }

    void updateCount() {
        if (m_count == nullptr) {
            return;
        }
        // Code points, as checkValue counts them.
        const auto used = static_cast<int>(text().trimmed().toUcs4().size());
        m_count->setText(tr("%1 av %2 tecken").arg(used).arg(*m_maxLength));
        QPalette palette = m_count->palette();
        palette.setColor(QPalette::WindowText,
                         used > *m_maxLength ? problemColour(palette)
                                             : this->palette().color(QPalette::PlaceholderText));
        m_count->setPalette(palette);
    }

    QPlainTextEdit* m_long = nullptr;
    QLineEdit* m_line = nullptr;
    QLabel* m_count = nullptr;
    std::optional<int> m_maxLength;
    bool m_loading = false;
};

} // namespace

QColor problemColour(const QPalette& palette) {
    // Readable red on the light day palette and on a dark night palette alike.
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                           : QColor(0xc6, 0x28, 0x28);
}

std::optional<Value> parseNumber(const QString& text, FieldType type) {
    QString compact = text;
    compact.remove(QRegularExpression(QStringLiteral("[\\s\\x{2009}\\x{202f}]")));
    if (compact.isEmpty()) {
        return Value{};
    }
    compact.replace(QChar(','), QChar('.'));
    bool ok = false;
    if (type == FieldType::Integer) {
        static const QRegularExpression integer(QStringLiteral("^[+-]?[0-9]+$"));
        qlonglong number = compact.toLongLong(&ok);
        if (ok && integer.match(compact).hasMatch()) {
            return Value{static_cast<std::int64_t>(number)};
        }
        return std::nullopt;
    }
    static const QRegularExpression real(QStringLiteral("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)$"));
    double number = compact.toDouble(&ok);
    if (ok && real.match(compact).hasMatch()) {
        return Value{number};
    }
    return std::nullopt;
}

QString formatNumber(double number, const std::string& language) {
    QString text = QString::number(number, 'g', 15);
    return language == "en" ? text : text.replace(QChar('.'), QChar(','));
}

FieldEditor* createFieldEditor(const FieldDef& field, const std::string& language,
                               QWidget* parent) {
    const bool shortScale =
        field.type == FieldType::Integer && field.isCoded() && field.values.size() <= 5 &&
        std::ranges::all_of(field.values,
                            [](const CodedValue& v) { return integerCode(v.code).has_value(); });
    FieldEditor* editor = nullptr;
    if (shortScale) {
        editor = new ScaleEditor(field, language, parent);
    } else if (field.isCoded()) {
        editor = new ChoiceEditor(field, language, parent);
    } else if (field.type == FieldType::Integer || field.type == FieldType::Real) {
        editor = new NumberEditor(field, language, parent);
    } else if (field.type == FieldType::Date || field.type == FieldType::DateTime) {
        editor = new CalendarEditor(field, parent);
    } else {
        editor = new TextEditor(field, parent);
    }
    editor->setValue(std::monostate{}); // a defined empty start, whatever the widget's default
    return editor;
}

} // namespace trygg

#include "field_editors.moc"
