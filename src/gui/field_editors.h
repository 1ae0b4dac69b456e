#pragma once
// One input widget per field type, for the attribute form. Each editor shows a Value and
// reports the user's edits; what to do with them is the form's (and then the document's) job.

#include "tryggkarta/core/schema.h"
#include "tryggkarta/core/value.h"

#include <QColor>
#include <QPalette>
#include <QString>
#include <QWidget>

#include <optional>
#include <string>

namespace trygg {

/// Inputs and buttons are at least this tall so a gloved finger on a tablet hits them.
inline constexpr int kTouchHeight = 44;

/// The input widget of one field. Programmatic changes (setValue, setMixed) never emit
/// `edited`; only the user's do, so the form knows exactly which fields were touched.
class FieldEditor : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Shows `value` (NULL: empty). A value outside the field's value list is shown as it is,
    /// marked, rather than dropped: the user must see what is stored to fix it.
    virtual void setValue(const Value& value) = 0;
    /// Shows nothing, with a "(several values)" hint: the selected features differ here.
    virtual void setMixed() = 0;
    /// What the input now holds; NULL when empty or unreadable (see inputProblem).
    [[nodiscard]] virtual Value value() const = 0;
    /// Why the input cannot be read as a value (letters in a number field), or nothing.
    [[nodiscard]] virtual std::optional<QString> inputProblem() const { return std::nullopt; }
    /// The widget that takes the focus when the field has a problem.
    [[nodiscard]] virtual QWidget* focusTarget() = 0;

signals:
    void edited();
};

/// The editor for `field`: value lists as a drop-down (or a row of buttons for a short
/// numeric scale such as 0–3), dates with a calendar, numbers accepting a decimal comma,
/// text as one line or, for long text, several. Owned by `parent`, as Qt widgets are.
FieldEditor* createFieldEditor(const FieldDef& field, const std::string& language, QWidget* parent);

/// Reads a number typed the Swedish way ("12,5", "12 500") or the English way ("12.5").
/// Empty text is NULL; text that is no number gives nothing.
std::optional<Value> parseNumber(const QString& text, FieldType type);

/// The colour of problem texts: a red readable on a light day palette and a dark night one.
QColor problemColour(const QPalette& palette);

/// A number as the UI language writes it: "12,5" in Swedish, "12.5" in English.
QString formatNumber(double number, const std::string& language);

} // namespace trygg
