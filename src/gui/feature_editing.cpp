#include "feature_editing.h"

#include "attribute_dialog.h"
#include "attribute_form.h"

#include "tryggkarta/core/defaults.h"
#include "tryggkarta/document/map_document.h"

#include <QAction>
#include <QMessageBox>

namespace trygg {

FeatureEditing::FeatureEditing(MapDocument& document, QWidget* window)
    : QObject(window), m_document(document), m_window(window) {
    m_properties = new QAction(this);
    m_properties->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));
    connect(m_properties, &QAction::triggered, this, [this] { editSelection(); });
    connect(&m_document, &MapDocument::selectionChanged, this, &FeatureEditing::updateAction);
    connect(&m_document, &MapDocument::projectReplaced, this, &FeatureEditing::updateAction);
    retranslate();
}

void FeatureEditing::retranslate() {
    m_properties->setText(tr("&Egenskaper…"));
    m_properties->setStatusTip(tr("Visa och ändra de markerade objektens egenskaper"));
    updateAction();
}

void FeatureEditing::updateAction() {
    const Selection& selection = m_document.selection();
    m_properties->setEnabled(!selection.empty() && m_document.layer(selection.layer) != nullptr);
}

std::optional<FeatureId> FeatureEditing::addWithForm(const std::string& layer,
                                                     std::optional<Geometry> geometry) {
    const Layer* data = m_document.layer(layer);
    if (data == nullptr || !m_document.isEditable(layer)) {
        return std::nullopt;
    }
    DefaultContext context = currentContext();
    context.currentWalk = m_currentWalk;
    if (m_position) {
        context.latitude = m_position->first;
        context.longitude = m_position->second;
    }
    const LayerDef definition = data->definition(); // the layer may be replaced while the form is open
    AttributeDialog dialog(definition, m_language, {defaultValues(definition, context)}, m_window);
    for (;;) {
        if (dialog.exec() != QDialog::Accepted) {
            return std::nullopt;
        }
        Feature feature{kNoFeatureId, std::move(geometry), dialog.form()->values()};
        auto added = m_document.addFeature(layer, feature);
        if (added) {
            m_document.select(layer, {*added});
            return *added;
        }
        geometry = std::move(feature.geometry);
        // The form checks the same rules; should the document still refuse, say why and
        // keep the form open with what was typed.
        QMessageBox::warning(m_window, dialog.windowTitle(), QString::fromStdString(added.error().describe()));
    }
}

bool FeatureEditing::editSelection() {
    const Selection selection = m_document.selection();
    const Layer* data = m_document.layer(selection.layer);
    if (selection.empty() || data == nullptr) {
        return false;
    }
    std::vector<std::vector<Value>> records;
    for (FeatureId id : selection.ids) {
        if (const Feature* feature = data->find(id)) {
            records.push_back(feature->values);
        }
    }
    const LayerDef definition = data->definition();
    AttributeDialog dialog(definition, m_language, records, m_window);
    if (!m_document.isEditable(selection.layer)) {
        dialog.form()->setEnabled(false); // base map and added files are shown, not changed
    }
    for (;;) {
        if (dialog.exec() != QDialog::Accepted || !m_document.isEditable(selection.layer)) {
            return false;
        }
        auto saved = m_document.setValues(selection.layer, selection.ids, dialog.form()->editedValues());
        if (saved) {
            return true;
        }
        QMessageBox::warning(m_window, dialog.windowTitle(), QString::fromStdString(saved.error().describe()));
    }
}

} // namespace trygg
