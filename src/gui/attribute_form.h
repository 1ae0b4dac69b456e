#pragma once

#include "tryggkarta/core/schema.h"
#include "tryggkarta/core/value.h"

#include <QString>
#include <QWidget>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

class QFormLayout;
class QLabel;
class QScrollArea;

namespace trygg {

class FieldEditor;

/// A field whose value cannot be saved, and why, in the UI language.
struct FieldProblem {
    std::size_t index = 0; ///< position of the field in the layer definition
    QString message;
};

/// The attribute form of one layer, generated from its definition: one editor per field,
/// labels in the UI language, required and personal-data fields marked, the field's
/// description as help. It edits values only; the caller applies them through the document.
///
/// With several records (features selected together) a field whose records differ starts
/// empty, marked "(flera värden)", and is left alone unless the user edits it.
class AttributeForm : public QWidget {
    Q_OBJECT
public:
    /// `language` is "sv" or "en" and picks the labels of fields and value lists.
    AttributeForm(const LayerDef& definition, std::string language, QWidget* parent = nullptr);

    /// The records to edit, each a feature's values in field order. Forgets earlier edits.
    /// No records edits one record of NULLs (a new feature).
    void setRecords(const std::vector<std::vector<Value>>& records);

    /// Per field: the value the user set, or nullopt where the user did not touch the field.
    [[nodiscard]] std::vector<std::optional<Value>> editedValues() const;
    /// The first record with the user's edits applied: for a single record, the whole
    /// record to save. Fields the user did not touch keep their stored value exactly.
    [[nodiscard]] std::vector<Value> values() const;
    /// True when the user changed some field to a value other than the stored one.
    [[nodiscard]] bool isModified() const;
    /// How many records are being edited.
    [[nodiscard]] std::size_t recordCount() const { return m_records.size(); }

    /// The problems that keep the values from being saved: unreadable input, a required
    /// field left empty, values outside the rules of the definition. Also shows each problem
    /// in red under its field and puts the focus in the first such field; the edited values
    /// themselves do not change, hence const.
    [[nodiscard]] std::vector<FieldProblem> validate() const;

    [[nodiscard]] const LayerDef& definition() const { return m_definition; }
    /// The editor of a field, for tests and for focusing.
    [[nodiscard]] FieldEditor* editor(std::size_t index) const { return m_rows.at(index).editor; }

signals:
    /// The user edited a field.
    void modified();
    /// Ctrl+Enter: the user wants to save.
    void submitRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Row {
        FieldEditor* editor = nullptr;
        QLabel* problem = nullptr;
        bool touched = false;
        bool mixed = false;
    };

    void buildRow(std::size_t index, QFormLayout* layout, QWidget* page);
    void onEdited(std::size_t index);
    /// The value the form would save for a field: the editor's when touched, else stored.
    [[nodiscard]] Value currentValue(std::size_t index) const;
    /// What is wrong with a field. While typing, an empty field and half-typed input ("-")
    /// are not yet problems: they are reported when saving.
    [[nodiscard]] std::optional<QString> problemOf(std::size_t index, bool whileTyping) const;
    [[nodiscard]] QString describe(const FieldDef& field, const Value& value,
                                   const std::string& reason) const;
    void showProblem(std::size_t index, const std::optional<QString>& message) const;

    LayerDef m_definition;
    std::string m_language;
    std::vector<std::vector<Value>> m_records;
    std::vector<Row> m_rows;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_banner = nullptr; ///< explains multi-edit
};

} // namespace trygg
