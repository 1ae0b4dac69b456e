#include "conflict_dialog.h"

#include "attribute_table_values.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace trygg {
namespace {

enum Column { kWhat, kOurs, kTheirs, kChoice };

/// A point as a planner can place it (SWEREF 99 TM metres); other shapes just "changed".
QString shapeText(const Feature* feature) {
    if (feature == nullptr || !feature->geometry) {
        return ConflictDialog::tr("ingen");
    }
    if (const auto* point = std::get_if<Point>(&*feature->geometry)) {
        return QStringLiteral("N %1, E %2")
            .arg(std::llround(point->y()))
            .arg(std::llround(point->x()));
    }
    return ConflictDialog::tr("annan form");
}

QString valueText(const LayerDef& definition, const Feature* feature, const std::string& field,
                  const std::string& language) {
    if (field == "geom") {
        return shapeText(feature);
    }
    const auto index = definition.fieldIndex(field);
    if (feature == nullptr || !index || *index >= feature->values.size()) {
        return {};
    }
    return cellText(definition.fields[*index], feature->values[*index], language);
}

QString fieldLabel(const LayerDef& definition, const std::string& field,
                   const std::string& language) {
    if (field == "geom") {
        return ConflictDialog::tr("Läge/form");
    }
    const FieldDef* def = definition.field(field);
    return QString::fromStdString(def != nullptr ? def->label.in(language) : field);
}

} // namespace

ConflictDialog::ConflictDialog(const MapDocument& document, std::vector<FeatureConflict> conflicts,
                               std::string language, QWidget* parent)
    : QDialog(parent), m_conflicts(std::move(conflicts)), m_language(std::move(language)) {
    setWindowTitle(tr("Någon annan har ändrat samma objekt"));
    std::erase_if(m_conflicts, [&](const FeatureConflict& c) {
        return document.layer(c.layer) == nullptr; // one row and choice for each kept
    });
    auto* intro = new QLabel(
        tr("Medan du arbetade har någon annan sparat ändringar i %n av de objekt du ändrat. "
           "Ingenting har sparats ännu. Välj för varje objekt om din ändring eller den andras "
           "ska gälla; sedan sparas allt.",
           nullptr, static_cast<int>(m_conflicts.size())),
        this);
    intro->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Objekt och fält"), tr("Din ändring"), tr("Den andras"),
                             tr("Behåll")});
    m_tree->setAlternatingRowColors(true);
    for (const FeatureConflict& conflict : m_conflicts) {
        addConflict(document, conflict);
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* allMine = buttons->addButton(tr("Behåll alla mina"), QDialogButtonBox::ActionRole);
    QPushButton* allTheirs =
        buttons->addButton(tr("Ta alla deras"), QDialogButtonBox::ActionRole);
    buttons->addButton(tr("Spara"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Avbryt"), QDialogButtonBox::RejectRole);
    connect(allMine, &QPushButton::clicked, this, [this] { chooseAll(false); });
    connect(allTheirs, &QPushButton::clicked, this, [this] { chooseAll(true); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

void ConflictDialog::addConflict(const MapDocument& document, const FeatureConflict& conflict) {
    const Layer* layer = document.layer(conflict.layer);
    const LayerDef& definition = layer->definition();
    const Feature* ours = conflict.removedByUs ? nullptr : layer->find(conflict.id);
    const Feature* theirs = conflict.theirs ? &*conflict.theirs : nullptr;
    auto* item = new QTreeWidgetItem(m_tree);
    item->setText(kWhat, tr("%1 nr %2")
                             .arg(QString::fromStdString(definition.title.in(m_language)))
                             .arg(toInt(conflict.id)));
    item->setText(kOurs, conflict.removedByUs ? tr("borttaget av dig") : tr("ändrat av dig"));
    item->setText(kTheirs, theirs == nullptr ? tr("borttaget av någon annan")
                                             : tr("ändrat av någon annan"));
    QFont bold = item->font(kWhat);
    bold.setBold(true);
    item->setFont(kWhat, bold);
    for (const FieldConflict& field : conflict.fields) {
        auto* row = new QTreeWidgetItem(item);
        row->setText(kWhat, fieldLabel(definition, field.field, m_language));
        row->setText(kOurs, valueText(definition, ours, field.field, m_language));
        row->setText(kTheirs, valueText(definition, theirs, field.field, m_language));
    }
    auto* choice = new QComboBox(m_tree);
    choice->addItem(tr("Min ändring"));
    choice->addItem(tr("Den andras"));
    m_tree->setItemWidget(item, kChoice, choice);
    m_choices.push_back(choice);
}

std::vector<bool> ConflictDialog::keepTheirs() const {
    std::vector<bool> theirs;
    for (const QComboBox* choice : m_choices) {
        theirs.push_back(choice->currentIndex() == 1);
    }
    return theirs;
}

void ConflictDialog::chooseAll(bool theirs) {
    for (QComboBox* choice : m_choices) {
        choice->setCurrentIndex(theirs ? 1 : 0);
    }
}

} // namespace trygg
