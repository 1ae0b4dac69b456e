#include "layer_panel.h"

#include "tryggkarta/document/map_document.h"

#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace trygg {
namespace {

constexpr int kLayerRole = Qt::UserRole + 1;  ///< layer name on layer items
constexpr int kRasterRole = Qt::UserRole + 2; ///< index + 1 on background-image items
constexpr int kAnalysisRasterRole = Qt::UserRole + 3; ///< name on analysis-map items

/// What the panel shows of the analysis maps: a change here needs a rebuild.
QStringList analysisSignature(const std::vector<SceneRaster>& rasters, const std::string& language) {
    QStringList shown;
    for (const SceneRaster& raster : rasters) {
        QString line = QString::fromStdString(raster.name + '|' + raster.legendTitle.in(language)) +
                       (raster.visible ? QStringLiteral("|1") : QStringLiteral("|0"));
        for (const RampLegendStep& step : raster.legend) {
            line += QLatin1Char('|') + QString::fromStdString(step.label.in(language));
        }
        shown << line;
    }
    return shown;
}

QIcon colourSwatch(QRgb colour) {
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 80));
    painter.setBrush(QColor::fromRgba(colour));
    painter.drawRect(1, 1, 13, 13);
    return QIcon(pixmap);
}

/// Moving layers by drag: after Qt moved the item, the panel reads the new order back.
class LayerTree : public QTreeWidget {
public:
    std::function<void()> onDropped;

protected:
    void dropEvent(QDropEvent* event) override {
        QTreeWidget::dropEvent(event);
        if (onDropped) {
            onDropped();
        }
    }
};

QColor colourOf(const std::string& text) { return QColor(QString::fromStdString(text.substr(0, 7))); }

QColor withAlpha(const std::string& text) {
    QColor colour = colourOf(text);
    if (text.size() == 9) {
        colour.setAlpha(QString::fromStdString(text.substr(7, 2)).toInt(nullptr, 16));
    }
    return colour;
}

} // namespace

QIcon styleSwatch(const Style& style, bool asLine, bool asArea) {
    QPixmap pixmap(18, 18);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (asLine || style.symbol == "line" || style.symbol == "dashed") {
        QPen pen(colourOf(style.stroke), 3.0, style.symbol == "dashed" ? Qt::DashLine : Qt::SolidLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(2, 13), QPointF(16, 5));
    } else if (asArea || style.symbol == "fill" || style.symbol == "hatched") {
        painter.setPen(QPen(colourOf(style.stroke), 1.0));
        painter.setBrush(withAlpha(style.fill));
        painter.drawRect(QRectF(2, 3, 14, 12));
    } else {
        painter.setPen(QPen(colourOf(style.stroke), 1.0));
        painter.setBrush(withAlpha(style.fill));
        if (style.symbol == "square") {
            painter.drawRect(QRectF(4, 4, 10, 10));
        } else if (style.symbol == "triangle") {
            painter.drawPolygon(QPolygonF({QPointF(9, 3), QPointF(15, 14), QPointF(3, 14)}));
        } else if (style.symbol == "diamond") {
            painter.drawPolygon(QPolygonF({QPointF(9, 2), QPointF(16, 9), QPointF(9, 16), QPointF(2, 9)}));
        } else {
            painter.drawEllipse(QRectF(4, 4, 10, 10));
        }
    }
    return QIcon(pixmap);
}

LayerPanel::LayerPanel(MapDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document) {
    auto* tree = new LayerTree;
    tree->onDropped = [this] { onOrderChanged(); };
    m_tree = tree;
    m_tree->setHeaderHidden(true);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setIconSize(QSize(18, 18));
    m_opacity = new QSlider(Qt::Horizontal);
    m_opacity->setRange(0, 100);
    m_opacity->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_tree);
    layout->addWidget(m_opacity);

    connect(m_tree, &QTreeWidget::itemChanged, this, &LayerPanel::onItemChanged);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &LayerPanel::onCurrentChanged);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        QString name = item->data(0, kLayerRole).toString();
        if (!name.isEmpty()) {
            emit zoomToLayerRequested(name.toStdString());
        }
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &LayerPanel::showContextMenu);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        if (auto* item = m_tree->currentItem(); item && !m_rebuilding) {
            int index = m_document.indexOf(item->data(0, kLayerRole).toString().toStdString());
            m_document.setOpacity(index, value / 100.0);
        }
    });
    connect(&m_document, &MapDocument::projectReplaced, this, &LayerPanel::rebuild);
    // Queued: a change made from this panel's own itemChanged handler must not destroy the
    // item Qt is still in the middle of updating.
    connect(&m_document, &MapDocument::layersChanged, this, &LayerPanel::rebuild, Qt::QueuedConnection);
    connect(&m_document, &MapDocument::featuresChanged, this, &LayerPanel::updateCount);
    connect(&m_document, &MapDocument::analysisRastersChanged, this,
            &LayerPanel::analysisRastersChanged, Qt::QueuedConnection);
    retranslate();
}

void LayerPanel::showContextMenu(const QPoint& at) {
    QTreeWidgetItem* item = m_tree->itemAt(at);
    const QString name = item ? item->data(0, kLayerRole).toString() : QString();
    if (name.isEmpty()) {
        return;
    }
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("&Zooma till lagret"), this, [this, name] { emit zoomToLayerRequested(name.toStdString()); });
    menu->addAction(tr("Visa &tabellen"), this, [this, name] { emit tableRequested(name); });
    m_contextMenu = menu;
    menu->popup(m_tree->viewport()->mapToGlobal(at));
}

void LayerPanel::updateCount(const QString& layerName) {
    QTreeWidgetItem* item = itemFor(layerName.toStdString());
    const int index = m_document.indexOf(layerName.toStdString());
    if (item == nullptr || index < 0) {
        return;
    }
    const auto& entry = m_document.layers()[static_cast<std::size_t>(index)];
    m_rebuilding = true; // a text change is not the user ticking the box
    item->setText(0, layerItemText(entry.layer->definition(), entry.layer->size()));
    m_rebuilding = false;
}

QString LayerPanel::layerItemText(const LayerDef& definition, std::size_t count) const {
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(definition.title.in(m_language))).arg(count);
}

void LayerPanel::setLanguage(const std::string& language) {
    m_language = language;
    retranslate(); // layer titles and group names both change: one rebuild does both
}

void LayerPanel::retranslate() {
    m_opacity->setToolTip(tr("Opacitet för valt lager"));
    m_tree->setToolTip(tr("Bocka för att visa. Dra för att ändra ordning. Dubbelklicka för att zooma till lagret."));
    rebuild();
}

QTreeWidgetItem* LayerPanel::itemFor(const std::string& layerName) const {
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, kLayerRole).toString().toStdString() == layerName) {
                return group->child(i);
            }
        }
    }
    return nullptr;
}

void LayerPanel::rebuild() {
    m_rebuilding = true;
    QString current = m_tree->currentItem() ? m_tree->currentItem()->data(0, kLayerRole).toString() : QString();
    m_tree->clear();
    auto* added = new QTreeWidgetItem(QStringList(tr("Tillagda lager")));
    auto* thematic = new QTreeWidgetItem(QStringList(tr("Tematiska lager")));
    auto* baseMap = new QTreeWidgetItem(QStringList(tr("Baskarta (schematisk)")));
    auto* results = new QTreeWidgetItem(QStringList(tr("Analysresultat")));
    for (auto* group : {added, thematic, results, baseMap}) {
        group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsDropEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
    }
    for (const auto& entry : m_document.layers()) {
        const LayerDef& def = entry.layer->definition();
        QTreeWidgetItem* group = entry.overlay                  ? added
                                 : def.group == kBaseMapGroup   ? baseMap
                                 : def.group == kAnalysisGroup ? results
                                                                : thematic;
        auto* item = new QTreeWidgetItem(group);
        item->setText(0, layerItemText(def, entry.layer->size()));
        item->setData(0, kLayerRole, QString::fromStdString(def.table));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled);
        item->setCheckState(0, entry.visible ? Qt::Checked : Qt::Unchecked);
        const bool line = def.geometry == GeometryKind::LineString;
        const bool area = def.geometry == GeometryKind::Polygon;
        item->setIcon(0, styleSwatch(def.symbology.fallback, line, area));
        if (const FieldDef* field = def.field(def.symbology.field)) {
            for (const auto& value : field->values) {
                auto* legend = new QTreeWidgetItem(item);
                legend->setText(0, QString::fromStdString(value.label.in(m_language)));
                legend->setIcon(0, styleSwatch(def.symbology.styleFor(value.code), line, area));
                legend->setFlags(Qt::ItemIsEnabled);
            }
        }
        if (item->data(0, kLayerRole).toString() == current) {
            m_tree->setCurrentItem(item);
        }
    }
    addAnalysisRasters(results);
    auto* backgrounds = new QTreeWidgetItem(QStringList(tr("Bakgrundsbilder")));
    backgrounds->setFlags(Qt::ItemIsEnabled);
    QFont bold = backgrounds->font(0);
    bold.setBold(true);
    backgrounds->setFont(0, bold);
    const auto& rasters = m_document.rasters();
    for (std::size_t i = 0; i < rasters.size(); ++i) {
        auto* item = new QTreeWidgetItem(backgrounds);
        item->setText(0, QString::fromStdString(rasters[i].name));
        item->setData(0, kRasterRole, static_cast<int>(i) + 1);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, rasters[i].visible ? Qt::Checked : Qt::Unchecked);
    }
    for (auto* group : {added, thematic, results, baseMap, backgrounds}) {
        if (group->childCount() > 0) {
            m_tree->addTopLevelItem(group);
            group->setExpanded(true);
            for (int i = 0; i < group->childCount(); ++i) { // an analysis map shows its classes
                if (!group->child(i)->data(0, kAnalysisRasterRole).toString().isEmpty()) {
                    group->child(i)->setExpanded(true);
                }
            }
        } else {
            delete group;
        }
    }
    m_rebuilding = false;
    onCurrentChanged();
}

void LayerPanel::onItemChanged(QTreeWidgetItem* item, int) {
    if (m_rebuilding) {
        return;
    }
    const bool checked = item->checkState(0) == Qt::Checked;
    QString name = item->data(0, kLayerRole).toString();
    if (!name.isEmpty()) {
        m_document.setVisible(m_document.indexOf(name.toStdString()), checked);
    } else if (int raster = item->data(0, kRasterRole).toInt(); raster > 0) {
        m_document.setRasterVisible(raster - 1, checked);
    } else if (const QString map = item->data(0, kAnalysisRasterRole).toString(); !map.isEmpty()) {
        m_document.setAnalysisRasterVisible(map.toStdString(), checked);
    }
}

void LayerPanel::addAnalysisRasters(QTreeWidgetItem* results) {
    m_analysisShown = analysisSignature(m_document.analysisRasters(), m_language);
    for (const SceneRaster& raster : m_document.analysisRasters()) {
        auto* item = new QTreeWidgetItem(results);
        item->setText(0, QString::fromStdString(raster.legendTitle.in(m_language)));
        item->setData(0, kAnalysisRasterRole, QString::fromStdString(raster.name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, raster.visible ? Qt::Checked : Qt::Unchecked);
        for (auto step = raster.legend.rbegin(); step != raster.legend.rend(); ++step) {
            auto* legend = new QTreeWidgetItem(item); // highest class on top, as on a map legend
            legend->setText(0, QString::fromStdString(step->label.in(m_language)));
            legend->setIcon(0, colourSwatch(step->colour));
            legend->setFlags(Qt::ItemIsEnabled);
        }
    }
}

void LayerPanel::analysisRastersChanged() {
    if (analysisSignature(m_document.analysisRasters(), m_language) != m_analysisShown) {
        rebuild();
    }
}

void LayerPanel::onOrderChanged() {
    // Read the order Qt left after the drop and apply it to the document, one move at a time.
    std::vector<std::string> wanted;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QString name = group->child(i)->data(0, kLayerRole).toString();
            if (!name.isEmpty()) {
                wanted.push_back(name.toStdString());
            }
        }
    }
    QSignalBlocker block(&m_document);
    for (int target = 0; target < static_cast<int>(wanted.size()); ++target) {
        int from = m_document.indexOf(wanted[static_cast<std::size_t>(target)]);
        m_document.moveLayer(from, target);
    }
    block.unblock();
    emit m_document.layersChanged();
}

void LayerPanel::onCurrentChanged() {
    QTreeWidgetItem* item = m_tree->currentItem();
    int index = item ? m_document.indexOf(item->data(0, kLayerRole).toString().toStdString()) : -1;
    m_opacity->setEnabled(index >= 0);
    if (index >= 0) {
        QSignalBlocker block(m_opacity);
        m_opacity->setValue(static_cast<int>(m_document.layers()[static_cast<std::size_t>(index)].opacity * 100));
    }
}

} // namespace trygg
