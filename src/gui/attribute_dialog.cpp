#include "attribute_dialog.h"

#include "attribute_form.h"
#include "field_editors.h"

#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace trygg {

AttributeDialog::AttributeDialog(const LayerDef& definition, const std::string& language,
                                 const std::vector<std::vector<Value>>& records, QWidget* parent)
    : QDialog(parent) {
    m_form = new AttributeForm(definition, language, this);
    m_form->setRecords(records);
    const QString title = QString::fromStdString(definition.title.in(language));
    setWindowTitle(records.size() > 1
                       ? tr("%1 – %n objekt", nullptr, static_cast<int>(records.size())).arg(title)
                       : title);

    auto* buttons = new QDialogButtonBox(this);
    auto* save = buttons->addButton(tr("Spara"), QDialogButtonBox::AcceptRole);
    auto* cancel = buttons->addButton(tr("Avbryt"), QDialogButtonBox::RejectRole);
    save->setToolTip(tr("Spara (Ctrl+Enter)"));
    for (QPushButton* button : {save, cancel}) {
        button->setMinimumSize(120, kTouchHeight);
        // Enter in a text field must not save by accident: saving is a tap or Ctrl+Enter.
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &AttributeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AttributeDialog::reject);
    connect(m_form, &AttributeForm::submitRequested, this, &AttributeDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form, 1);
    layout->addWidget(buttons);
    resize(640, 720);
}

void AttributeDialog::accept() {
    if (m_form->validate().empty()) {
        QDialog::accept();
    }
}

void AttributeDialog::reject() {
    if (m_form->isModified()) {
        QMessageBox question(QMessageBox::Question, windowTitle(), tr("Kasta ändringarna?"),
                             QMessageBox::NoButton, this);
        question.setObjectName(QStringLiteral("discardQuestion"));
        question.setInformativeText(tr("Det du har ändrat i formuläret sparas inte."));
        auto* discard = question.addButton(tr("Kasta ändringarna"), QMessageBox::DestructiveRole);
        auto* keep = question.addButton(tr("Fortsätt redigera"), QMessageBox::RejectRole);
        question.setDefaultButton(keep); // Enter or a second Esc keeps the work
        question.setEscapeButton(keep);
        for (auto* button : {discard, keep}) {
            button->setMinimumHeight(kTouchHeight);
        }
        question.exec();
        if (question.clickedButton() != discard) {
            return;
        }
    }
    QDialog::reject();
}

} // namespace trygg
