#include "attribute_table_panel.h"

#include "attribute_table_model.h"
#include "attribute_table_proxy.h"
#include "attribute_table_selection.h"
#include "attribute_table_view.h"
#include "field_editors.h"
#include "tryggkarta/core/filter.h"
#include "tryggkarta/document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace trygg {
namespace {

template <typename Widget> Widget* named(Widget* widget, const char* name) {
    widget->setObjectName(QString::fromLatin1(name)); // for tests and style sheets
    return widget;
}

/// A red line of text, hidden until there is something to say.
QLabel* problemLabel(QLabel* label) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, problemColour(palette));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

AttributeTablePanel::AttributeTablePanel(MapDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document), m_model(new AttributeTableModel(document, this)),
      m_proxy(new AttributeTableProxy(*m_model, this)) {
    m_confirmRemoval = [this](int count) {
        return QMessageBox::question(this, tr("Ta bort objekt"),
                                     tr("Ta bort %n markerade objekt? Det går att ångra.", nullptr,
                                        count)) == QMessageBox::Yes;
    };
    buildLayout();
    m_selection = &m_view->selection();
    connect(m_selection, &AttributeTableSelection::rowsSettled, this,
            &AttributeTablePanel::updateCount);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (Box box = m_selection->zoomBox({m_proxy->featureAt(index.row())}); !isEmpty(box)) {
            emit zoomRequested(box);
        }
    });
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(400);
    m_messageTimer.setSingleShot(true);
    m_messageTimer.setInterval(10000);
    connect(&m_filterTimer, &QTimer::timeout, this, &AttributeTablePanel::applyFilter);
    connect(&m_messageTimer, &QTimer::timeout, m_message, &QLabel::hide);
    connect(m_filterEdit, &QLineEdit::textEdited, this, [this] { m_filterTimer.start(); });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &AttributeTablePanel::applyFilter);
    connect(m_layerChoice, &QComboBox::currentIndexChanged, this,
            [this] { switchLayer(m_layerChoice->currentData().toString().toStdString()); });
    connect(m_onlySelected, &QCheckBox::toggled, this, &AttributeTablePanel::updateRestriction);
    connect(m_selectFiltered, &QPushButton::clicked, this, &AttributeTablePanel::selectFiltered);
    connect(m_zoomTo, &QPushButton::clicked, this, &AttributeTablePanel::zoomToSelected);
    connect(m_remove, &QPushButton::clicked, this, &AttributeTablePanel::removeSelected);
    connect(m_model, &AttributeTableModel::editRefused, this, &AttributeTablePanel::showMessage);
    connect(&m_document, &MapDocument::selectionChanged, this,
            &AttributeTablePanel::onDocumentSelectionChanged);
    connect(&m_document, &MapDocument::projectReplaced, this, [this] { rebuildLayerChoice(true); });
    connect(&m_document, &MapDocument::layersChanged, this, [this] { rebuildLayerChoice(false); });
    rebuildLayerChoice(true);
    retranslate();
}

AttributeTablePanel::~AttributeTablePanel() = default;

void AttributeTablePanel::buildLayout() {
    m_layerLabel = new QLabel;
    m_layerChoice = named(new QComboBox, "layerChoice");
    m_layerChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_layerLabel->setBuddy(m_layerChoice);
    m_onlySelected = named(new QCheckBox, "onlySelected");
    m_filterEdit = named(new QLineEdit, "filter");
    m_filterEdit->setClearButtonEnabled(true);
    m_filterProblem = problemLabel(named(new QLabel, "filterProblem"));
    m_view = named(new AttributeTableView(m_document, *m_proxy), "table");
    m_message = problemLabel(named(new QLabel, "message"));
    m_count = named(new QLabel, "count");
    m_selectFiltered = named(new QPushButton, "selectFiltered");
    m_zoomTo = named(new QPushButton, "zoomTo");
    m_remove = named(new QPushButton, "remove");

    auto* top = new QHBoxLayout;
    top->addWidget(m_layerLabel);
    top->addWidget(m_layerChoice);
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_onlySelected);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    for (QPushButton* button : {m_selectFiltered, m_zoomTo, m_remove}) {
        bottom->addWidget(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_filterProblem);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addLayout(bottom);
}

void AttributeTablePanel::setLanguage(const std::string& language) {
    m_language = language;
    m_model->setLanguage(language);
    m_proxy->updateLanguage();
    rebuildLayerChoice(false);
    retranslate();
    m_view->fitColumns(); // labels in another language have other widths
}

void AttributeTablePanel::retranslate() {
    m_layerLabel->setText(tr("&Lager:"));
    m_onlySelected->setText(tr("Bara markerade"));
    m_onlySelected->setToolTip(tr("Visa bara de markerade objekten"));
    m_filterEdit->setPlaceholderText(tr("Filter, t.ex. kategori = belysning och kansla <= 1"));
    m_selectFiltered->setText(tr("Markera filtrerade"));
    m_selectFiltered->setToolTip(tr("Markera alla objekt som filtret visar"));
    m_zoomTo->setText(tr("Zooma till"));
    m_zoomTo->setToolTip(
        tr("Visa de markerade objekten på kartan. Dubbelklicka på en rad för att zooma till den."));
    m_remove->setText(tr("Ta bort"));
    m_remove->setToolTip(tr("Ta bort de markerade objekten (kan ångras)"));
    applyFilter(); // the problem text and the filter's description are in the UI language
    updateCount();
}

void AttributeTablePanel::rebuildLayerChoice(bool reload) {
    const QString current = m_layerChoice->currentData().toString();
    {
        const QSignalBlocker block(m_layerChoice);
        m_layerChoice->clear();
        for (const DocumentLayer& entry : m_document.layers()) {
            const LayerDef& def = entry.layer->definition();
            if (!entry.overlay && def.group == kThematicGroup) {
                m_layerChoice->addItem(QString::fromStdString(def.title.in(m_language)),
                                       QString::fromStdString(def.table));
            }
        }
        m_layerChoice->setCurrentIndex(std::max(0, m_layerChoice->findData(current)));
    }
    const std::string chosen = m_layerChoice->currentData().toString().toStdString();
    if (reload || chosen != m_model->layerName()) {
        switchLayer(chosen);
    }
}

bool AttributeTablePanel::showLayer(const std::string& name) {
    const int index = m_layerChoice->findData(QString::fromStdString(name));
    if (index < 0) {
        return false;
    }
    m_layerChoice->setCurrentIndex(index); // switches through currentIndexChanged
    return true;
}

std::string AttributeTablePanel::currentLayer() const {
    return m_model->layerName();
}

void AttributeTablePanel::switchLayer(const std::string& name) {
    if (!m_model->layerName().empty()) {
        m_filterTexts[m_model->layerName()] = m_filterEdit->text();
    }
    m_proxy->setFilter(Filter{}); // a filter names the fields of the layer it was written for
    m_proxy->setOnly(std::nullopt);
    m_model->setLayer(name);
    m_filterEdit->setText(m_filterTexts[name]);
    m_filterTimer.stop();
    applyFilter();
    updateRestriction();
    m_message->hide();
    m_view->fitColumns();
    m_selection->showDocumentSelection(true);
    updateCount();
}

void AttributeTablePanel::setFilterText(const QString& text) {
    m_filterEdit->setText(text);
    m_filterTimer.stop();
    applyFilter();
}

void AttributeTablePanel::applyFilter() {
    const Layer* layer = m_model->layer();
    if (layer == nullptr) {
        m_filterProblem->hide();
        return;
    }
    auto filter = parseFilter(m_filterEdit->text().toStdString(), layer->definition());
    if (!filter) {
        // The last good filter stays in force while the text is being corrected.
        m_filterProblem->setText(
            tr("Filtret kan inte läsas: %1").arg(QString::fromStdString(filter.error().message)));
        m_filterProblem->show();
        return;
    }
    m_filterProblem->hide();
    m_filterEdit->setToolTip(filter->matchesEverything()
                                 ? tr("Skriv ett villkor för att bara visa vissa objekt")
                                 : QString::fromStdString(filter->describe(m_language)));
    if (filter->text() != m_proxy->filter().text()) {
        m_proxy->setFilter(std::move(*filter));
        updateCount();
    }
}

void AttributeTablePanel::setOnlySelected(bool only) {
    m_onlySelected->setChecked(only);
}

void AttributeTablePanel::updateRestriction() {
    if (m_onlySelected->isChecked()) {
        m_proxy->setOnly(m_selection->selectedHere());
    } else if (m_proxy->isRestricted()) {
        m_proxy->setOnly(std::nullopt);
    }
    updateCount();
}

void AttributeTablePanel::onDocumentSelectionChanged() {
    if (m_selection->isPushing()) {
        updateCount(); // the user selected rows here: the view shows them already
        return;
    }
    const Selection& selection = m_document.selection();
    if (!selection.empty() && selection.layer != m_model->layerName() &&
        showLayer(selection.layer)) {
        return; // switching shows the selection
    }
    if (m_onlySelected->isChecked()) {
        updateRestriction();
    }
    m_selection->showDocumentSelection(true);
    updateCount();
}

void AttributeTablePanel::updateCount() {
    const Layer* layer = m_model->layer();
    const auto total = layer != nullptr ? static_cast<int>(layer->size()) : 0;
    const auto selected = static_cast<int>(m_selection->selectedHere().size());
    m_count->setText(
        tr("%1 av %2 objekt, %n markerade", nullptr, selected).arg(m_proxy->rowCount()).arg(total));
    m_selectFiltered->setEnabled(m_proxy->rowCount() > 0);
    m_zoomTo->setEnabled(selected > 0);
    m_remove->setEnabled(selected > 0 && m_model->isEditable());
}

void AttributeTablePanel::selectFiltered() {
    std::vector<FeatureId> ids;
    ids.reserve(static_cast<std::size_t>(m_proxy->rowCount()));
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        ids.push_back(m_proxy->featureAt(row));
    }
    m_document.select(m_model->layerName(), std::move(ids)); // comes back to the view as a signal
}

void AttributeTablePanel::zoomToSelected() {
    if (Box box = m_selection->zoomBox(m_selection->selectedHere()); !isEmpty(box)) {
        emit zoomRequested(box);
    }
}

void AttributeTablePanel::removeSelected() {
    const std::vector<FeatureId> ids = m_selection->selectedHere();
    if (ids.empty() || !m_model->isEditable()) {
        return;
    }
    if (ids.size() > 1 && !m_confirmRemoval(static_cast<int>(ids.size()))) {
        return;
    }
    if (auto removed = m_document.removeFeatures(m_model->layerName(), ids); !removed) {
        showMessage(tr("Objekten togs inte bort: %1")
                        .arg(QString::fromStdString(removed.error().describe())));
    }
}

void AttributeTablePanel::setRemovalConfirmation(std::function<bool(int)> confirm) {
    m_confirmRemoval = std::move(confirm);
}

void AttributeTablePanel::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->show();
    m_messageTimer.start();
}

} // namespace trygg
