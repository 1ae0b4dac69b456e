#include "link_panel.h"

#include "attribute_table_values.h"

#include "tryggkarta/document/map_document.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace trygg {
namespace {

constexpr int kIdRole = Qt::UserRole;


} // namespace

LinkPanel::LinkPanel(MapDocument& document, QWidget* parent) : QWidget(parent), m_document(document) {
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_list = new QListWidget(this);
    m_pick = new QPushButton(this);
    m_link = new QPushButton(this);
    m_done = new QPushButton(this);
    m_unlink = new QPushButton(this);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_pick, m_link, m_done, m_unlink}) {
        button->setMinimumHeight(36);
        buttons->addWidget(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_pick, &QPushButton::clicked, this, &LinkPanel::startPicking);
    connect(m_link, &QPushButton::clicked, this, &LinkPanel::linkPicked);
    connect(m_done, &QPushButton::clicked, this, &LinkPanel::finishPicking);
    connect(m_unlink, &QPushButton::clicked, this, &LinkPanel::unlinkCurrent);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const std::string_view other = m_shownLayer == kMeasureLayer ? kObservationLayer : kMeasureLayer;
        emit showFeature(QString::fromUtf8(other.data(), static_cast<qsizetype>(other.size())),
                         item->data(kIdRole).toLongLong());
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { refresh(); });
    connect(&m_document, &MapDocument::selectionChanged, this, &LinkPanel::refresh);
    connect(&m_document, &MapDocument::linksChanged, this, &LinkPanel::refresh);
    connect(&m_document, &MapDocument::featuresChanged, this, &LinkPanel::refresh);
    connect(&m_document, &MapDocument::projectReplaced, this, [this] {
        m_picking = kNoFeatureId;
        refresh();
    });
    retranslate();
}

void LinkPanel::setLanguage(std::string language) {
    m_language = std::move(language);
    retranslate();
}

void LinkPanel::retranslate() {
    m_pick->setText(tr("Välj observationer…"));
    m_pick->setToolTip(tr("Markera sedan de observationer åtgärden besvarar, på kartan eller i tabellen"));
    m_done->setText(tr("Klar"));
    m_unlink->setText(tr("Ta bort koppling"));
    refresh();
}

QString LinkPanel::describe(std::string_view layer, FeatureId id) const {
    const Layer* data = m_document.layer(layer);
    const Feature* feature = data ? data->find(id) : nullptr;
    if (feature == nullptr) {
        return QString::number(toInt(id));
    }
    const LayerDef& def = data->definition();
    // Measures by their title; observations by category and description.
    QStringList parts;
    for (std::string_view name : {std::string_view("titel"), std::string_view("kategori"),
                                  std::string_view("beskrivn")}) {
        if (auto index = def.fieldIndex(name); index && !isNull(feature->values[*index])) {
            parts << cellText(def.fields[*index], feature->values[*index], m_language);
        }
    }
    return QStringLiteral("%1  %2").arg(toInt(id)).arg(parts.join(QStringLiteral(" – ")).left(90));
}

void LinkPanel::refresh() {
    const Selection& selection = m_document.selection();
    const bool single = selection.ids.size() == 1;
    if (m_picking == kNoFeatureId) {
        m_shownLayer = single ? selection.layer : std::string();
        m_shown = single ? selection.ids.front() : kNoFeatureId;
    }
    const int keepRow = m_list->currentRow();
    m_list->blockSignals(true);
    m_list->clear();
    std::vector<FeatureId> linked;
    if (m_shownLayer == kMeasureLayer && m_shown != kNoFeatureId) {
        linked = m_document.observationsAnsweredBy(m_shown);
        m_heading->setText(tr("Åtgärd %1 besvarar %n observationer:", nullptr, static_cast<int>(linked.size()))
                               .arg(toInt(m_shown)));
    } else if (m_shownLayer == kObservationLayer && m_shown != kNoFeatureId) {
        linked = m_document.measuresAnswering(m_shown);
        m_heading->setText(linked.empty() ? tr("Ingen åtgärd besvarar observation %1 ännu.").arg(toInt(m_shown))
                                          : tr("Åtgärder som besvarar observation %1:").arg(toInt(m_shown)));
    } else {
        m_heading->setText(tr("Markera en åtgärd eller en observation för att se vad som hör ihop."));
    }
    const std::string_view other = m_shownLayer == kMeasureLayer ? kObservationLayer : kMeasureLayer;
    for (FeatureId id : linked) {
        auto* item = new QListWidgetItem(describe(other, id), m_list);
        item->setData(kIdRole, static_cast<qlonglong>(toInt(id)));
    }
    m_list->setCurrentRow(std::min(keepRow, m_list->count() - 1));
    m_list->blockSignals(false);

    const bool picking = m_picking != kNoFeatureId;
    const bool measureShown = m_shownLayer == kMeasureLayer && m_shown != kNoFeatureId;
    const std::size_t picked = selection.layer == kObservationLayer ? selection.ids.size() : 0;
    m_pick->setVisible(!picking);
    m_pick->setEnabled(measureShown && m_document.isEditable(kMeasureLayer));
    m_link->setVisible(picking);
    m_link->setEnabled(picked > 0);
    m_link->setText(tr("Koppla %n markerade", nullptr, static_cast<int>(picked)));
    m_done->setVisible(picking);
    m_unlink->setEnabled(!picking && m_list->currentRow() >= 0);
    if (picking) {
        m_heading->setText(m_heading->text() + QStringLiteral("\n") +
                           tr("Markera observationer på kartan eller i tabellen och tryck Koppla."));
    }
}

void LinkPanel::startPicking() {
    if (m_shownLayer != kMeasureLayer || m_shown == kNoFeatureId) {
        return;
    }
    m_picking = m_shown;
    refresh();
    emit pickingStarted();
}

void LinkPanel::linkPicked() {
    const Selection& selection = m_document.selection();
    if (m_picking == kNoFeatureId || selection.layer != kObservationLayer) {
        return;
    }
    if (auto linked = m_document.linkMeasure(m_picking, selection.ids); !linked) {
        QMessageBox::warning(this, tr("Koppla"), QString::fromStdString(linked.error().describe()));
    }
    refresh();
}

void LinkPanel::finishPicking() {
    const FeatureId measure = m_picking;
    m_picking = kNoFeatureId;
    if (measure != kNoFeatureId) {
        m_document.select(kMeasureLayer, {measure}); // back to the measure and its list
    }
    refresh();
}

void LinkPanel::unlinkCurrent() {
    QListWidgetItem* item = m_list->currentItem();
    if (item == nullptr || m_shown == kNoFeatureId) {
        return;
    }
    const FeatureId other{item->data(kIdRole).toLongLong()};
    const FeatureId measure = m_shownLayer == kMeasureLayer ? m_shown : other;
    const FeatureId observation = m_shownLayer == kMeasureLayer ? other : m_shown;
    static_cast<void>(m_document.unlinkMeasure(measure, {observation}));
}

} // namespace trygg
