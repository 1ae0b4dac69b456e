#pragma once

#include "tryggkarta/core/schema.h"
#include "tryggkarta/core/value.h"

#include <QDialog>

#include <string>
#include <vector>

namespace trygg {

class AttributeForm;

/// The attribute form in a dialog with "Spara" and "Avbryt". Saving only succeeds when the
/// form is valid; cancelling (Esc, Avbryt, closing the window) with unsaved edits asks first,
/// so a stray tap or key never throws work away. The caller reads the form's values after
/// exec() returns Accepted and applies them through the document.
class AttributeDialog : public QDialog {
    Q_OBJECT
public:
    AttributeDialog(const LayerDef& definition, const std::string& language,
                    const std::vector<std::vector<Value>>& records, QWidget* parent = nullptr);

    [[nodiscard]] AttributeForm* form() const { return m_form; }

    /// Validates, then accepts only when the form has no problems.
    void accept() override;
    /// Asks "Kasta ändringarna?" when there are unsaved edits; stays open unless confirmed.
    void reject() override;

private:
    AttributeForm* m_form;
};

} // namespace trygg
