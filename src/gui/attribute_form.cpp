#include "attribute_form.h"

#include "field_editors.h"

#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScroller>
#include <QVBoxLayout>

#include <algorithm>

namespace trygg {
namespace {

/// Secondary text (help under a field): smaller and softer than the label, but still well
/// above the contrast of placeholder text, since it is read on a tablet outdoors and at night.
void styleAsHelp(QLabel* label) {
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    QPalette palette = label->palette();
    QColor text = palette.color(QPalette::WindowText);
    QColor back = palette.color(QPalette::Window);
    palette.setColor(QPalette::WindowText,
                     QColor::fromRgbF(0.75f * text.redF() + 0.25f * back.redF(),
                                      0.75f * text.greenF() + 0.25f * back.greenF(),
                                      0.75f * text.blueF() + 0.25f * back.blueF()));
    label->setPalette(palette);
    label->setWordWrap(true);
}

/// The code a value stands for in a value list ("belysning", "2").
std::string codeOf(const Value& value) {
    const auto* text = std::get_if<std::string>(&value);
    return text != nullptr ? *text : toDisplayString(value);
}

} // namespace

AttributeForm::AttributeForm(const LayerDef& definition, std::string language, QWidget* parent)
    : QWidget(parent), m_definition(definition), m_language(std::move(language)) {
    auto* page = new QWidget;
    auto* pageLayout = new QVBoxLayout(page);
    m_banner = new QLabel(page);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base);"
                                           " border: 1px solid palette(mid); border-radius: 6px;"
                                           " padding: 8px; margin-bottom: 8px; }"));
    m_banner->hide();
    pageLayout->addWidget(m_banner);
    auto* form = new QFormLayout;
    // Labels go above the inputs when the window is narrow (a tablet held upright).
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setVerticalSpacing(14);
    pageLayout->addLayout(form);
    pageLayout->addStretch(1);
    m_rows.resize(m_definition.fields.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        buildRow(i, form, page);
    }
    page->installEventFilter(this);
    for (auto* child : page->findChildren<QWidget*>()) {
        child->installEventFilter(this);
    }

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(page);
    QScroller::grabGesture(m_scroll->viewport(), QScroller::TouchGesture);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    setRecords({});
}

void AttributeForm::buildRow(std::size_t index, QFormLayout* layout, QWidget* page) {
    const FieldDef& field = m_definition.fields[index];
    const QString description = QString::fromStdString(field.description.in(m_language));
    Row& row = m_rows[index];

    auto* labelColumn = new QWidget(page);
    auto* labelLayout = new QVBoxLayout(labelColumn);
    labelLayout->setContentsMargins(0, 0, 0, 0);
    labelLayout->setSpacing(4);
    QString labelText = QString::fromStdString(field.label.in(m_language)).toHtmlEscaped();
    if (field.required) {
        labelText += QStringLiteral(" <span style=\"color:%1\">*</span>")
                         .arg(problemColour(palette()).name());
    }
    auto* label = new QLabel(labelText, labelColumn);
    label->setTextFormat(Qt::RichText);
    label->setToolTip(field.required ? tr("Obligatoriskt fält") + QChar('\n') + description
                                     : description);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    labelLayout->addWidget(label);
    if (field.personal) {
        auto* badge = new QLabel(tr("Personuppgift"), labelColumn);
        badge->setToolTip(
            tr("Personuppgift: tas inte med i export till konsulter eller publika kartor."));
        // A label, not a button: flat, tinted, small.
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        badge->setStyleSheet(dark ? QStringLiteral("QLabel { background: #4a3b00; color: #ffe08a;"
                                                   " border-radius: 8px; padding: 2px 8px; }")
                                  : QStringLiteral("QLabel { background: #fff1c2; color: #5c4400;"
                                                   " border-radius: 8px; padding: 2px 8px; }"));
        labelLayout->addWidget(badge, 0, Qt::AlignLeft);
    }
    labelLayout->addStretch(1);

    auto* fieldColumn = new QWidget(page);
    auto* fieldLayout = new QVBoxLayout(fieldColumn);
    fieldLayout->setContentsMargins(0, 0, 0, 0);
    fieldLayout->setSpacing(3);
    row.editor = createFieldEditor(field, m_language, fieldColumn);
    row.editor->setObjectName(QString::fromStdString(field.name));
    row.editor->setToolTip(description);
    fieldLayout->addWidget(row.editor);
    row.problem = new QLabel(fieldColumn);
    row.problem->setWordWrap(true);
    QFont problemFont = row.problem->font();
    problemFont.setBold(true);
    row.problem->setFont(problemFont);
    QPalette red = row.problem->palette();
    red.setColor(QPalette::WindowText, problemColour(red));
    row.problem->setPalette(red);
    row.problem->hide();
    fieldLayout->addWidget(row.problem);
    if (!description.isEmpty()) {
        auto* help = new QLabel(description, fieldColumn);
        styleAsHelp(help);
        fieldLayout->addWidget(help);
    }
    label->setBuddy(row.editor->focusTarget());
    layout->addRow(labelColumn, fieldColumn);
    connect(row.editor, &FieldEditor::edited, this, [this, index] { onEdited(index); });
}

void AttributeForm::setRecords(const std::vector<std::vector<Value>>& records) {
    const std::size_t fieldCount = m_definition.fields.size();
    m_records = records.empty() ? std::vector<std::vector<Value>>(1) : records;
    for (auto& record : m_records) {
        record.resize(fieldCount); // a record short of fields reads as NULLs there
    }
    for (std::size_t i = 0; i < fieldCount; ++i) {
        Row& row = m_rows[i];
        row.touched = false;
        row.mixed = std::ranges::any_of(
            m_records, [&](const auto& record) { return record[i] != m_records.front()[i]; });
        if (row.mixed) {
            row.editor->setMixed();
        } else {
            row.editor->setValue(m_records.front()[i]);
        }
        showProblem(i, std::nullopt);
    }
    m_banner->setVisible(m_records.size() > 1);
    m_banner->setText(
        tr("Du redigerar %n objekt samtidigt. Fält som visar \"(flera värden)\" lämnas "
           "orörda om du inte ändrar dem.",
           nullptr, static_cast<int>(m_records.size())));
}

std::vector<std::optional<Value>> AttributeForm::editedValues() const {
    std::vector<std::optional<Value>> edited(m_rows.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].touched) {
            edited[i] = m_rows[i].editor->value();
        }
    }
    return edited;
}

std::vector<Value> AttributeForm::values() const {
    std::vector<Value> record(m_rows.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        record[i] = currentValue(i);
    }
    return record;
}

bool AttributeForm::isModified() const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        if (row.touched && (row.mixed || row.editor->inputProblem() ||
                            row.editor->value() != m_records.front()[i])) {
            return true;
        }
    }
    return false;
}

Value AttributeForm::currentValue(std::size_t index) const {
    return m_rows[index].touched ? m_rows[index].editor->value() : m_records.front()[index];
}

std::vector<FieldProblem> AttributeForm::validate() const {
    std::vector<FieldProblem> problems;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        auto message = problemOf(i, false);
        showProblem(i, message);
        if (message) {
            problems.push_back({i, *message});
        }
    }
    if (!problems.empty()) {
        QWidget* target = m_rows[problems.front().index].editor->focusTarget();
        m_scroll->ensureWidgetVisible(target);
        target->setFocus(Qt::OtherFocusReason);
    }
    return problems;
}

std::optional<QString> AttributeForm::problemOf(std::size_t index, bool whileTyping) const {
    const Row& row = m_rows[index];
    if (row.mixed && !row.touched) {
        return std::nullopt; // each record keeps its own value, which this form does not write
    }
    if (row.touched) {
        if (auto problem = row.editor->inputProblem()) {
            return whileTyping ? std::nullopt : problem;
        }
    }
    Value value = currentValue(index);
    if (whileTyping && isNull(value)) {
        return std::nullopt;
    }
    const FieldDef& field = m_definition.fields[index];
    if (auto reason = checkValue(field, value)) {
        return describe(field, value, *reason);
    }
    return std::nullopt;
}

QString AttributeForm::describe(const FieldDef& field, const Value& value,
                                const std::string& reason) const {
    // checkValue explains in English; the same rules, said in the UI language.
    if (isNull(value)) {
        return tr("Fältet måste fyllas i");
    }
    const QString shown = QString::fromStdString(toDisplayString(value));
    if (field.isCoded() && field.findCode(codeOf(value)) == nullptr) {
        return tr("Värdet %1 finns inte i värdelistan").arg(shown);
    }
    const auto* integer = std::get_if<std::int64_t>(&value);
    const auto* real = std::get_if<double>(&value);
    if (integer != nullptr || real != nullptr) {
        double number = real != nullptr ? *real : static_cast<double>(*integer);
        if (field.min && number < *field.min) {
            return tr("Lägsta tillåtna värde är %1").arg(formatNumber(*field.min, m_language));
        }
        if (field.max && number > *field.max) {
            return tr("Högsta tillåtna värde är %1").arg(formatNumber(*field.max, m_language));
        }
    }
    if (const auto* text = std::get_if<std::string>(&value); text != nullptr && field.maxLength) {
        const auto length = QString::fromStdString(*text).toUcs4().size();
        if (length > *field.maxLength) {
            return tr("Högst %1 tecken får plats, texten har %2").arg(*field.maxLength).arg(length);
        }
    }
    return tr("Ogiltigt värde (%1)").arg(QString::fromStdString(reason));
}

void AttributeForm::showProblem(std::size_t index, const std::optional<QString>& message) const {
    QLabel* label = m_rows[index].problem;
    label->setText(message.value_or(QString()));
    label->setVisible(message.has_value());
}

void AttributeForm::onEdited(std::size_t index) {
    Row& row = m_rows[index];
    row.touched = true;
    // Once a problem is shown, keep it up to date in full; before that, report only what is
    // clearly wrong while the user is still typing.
    showProblem(index, problemOf(index, row.problem->isHidden()));
    emit modified();
}

bool AttributeForm::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && key->modifiers().testFlag(Qt::ControlModifier)) {
            emit submitRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace trygg
