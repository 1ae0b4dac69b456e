#include "attribute_table_selection.h"

#include "attribute_table_model.h"
#include "attribute_table_proxy.h"
#include "tryggkarta/document/map_document.h"

#include <QItemSelectionModel>
#include <QTableView>
#include <algorithm>

namespace trygg {
namespace {

/// A single point has no extent; show at least this much around it (metres in SWEREF 99 TM,
/// about a street block at the canvas's usual size).
constexpr double kMinZoomSpan = 60.0;

} // namespace

AttributeTableSelection::AttributeTableSelection(MapDocument& document, AttributeTableProxy& proxy,
                                                 QTableView& view)
    : QObject(&view), m_document(document), m_proxy(proxy), m_view(view) {
    // Connected before setModel, these run ahead of the selection model's own handlers: the
    // selection changes that moving rows cause are then known not to be the user's.
    connect(&m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &AttributeTableSelection::beginStructuralChange);
    connect(&m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &AttributeTableSelection::beginStructuralChange);
    connect(&m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &AttributeTableSelection::beginStructuralChange);
    connect(&m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        rememberPlace();
        beginStructuralChange();
    });
    m_view.setModel(&m_proxy);
    // Connected after setModel, these run once the view has taken the change in.
    connect(&m_proxy, &QAbstractItemModel::rowsRemoved, this,
            &AttributeTableSelection::endStructuralChange);
    connect(&m_proxy, &QAbstractItemModel::rowsInserted, this,
            &AttributeTableSelection::endStructuralChange);
    connect(&m_proxy, &QAbstractItemModel::layoutChanged, this,
            &AttributeTableSelection::endStructuralChange);
    connect(&m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        restorePlace();
        endStructuralChange();
    });
    connect(m_view.selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttributeTableSelection::onViewSelectionChanged);
}

std::vector<FeatureId> AttributeTableSelection::selectedHere() const {
    const Selection& selection = m_document.selection();
    return selection.layer == m_proxy.table().layerName() ? selection.ids
                                                          : std::vector<FeatureId>{};
}

void AttributeTableSelection::onViewSelectionChanged() {
    if (m_showing || m_structural > 0) {
        return;
    }
    std::vector<FeatureId> ids;
    for (const QItemSelectionRange& range : m_view.selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            ids.push_back(m_proxy.featureAt(row));
        }
    }
    std::erase(ids, kNoFeatureId);
    const std::string& layer = m_proxy.table().layerName();
    m_pushing = true;
    if (!ids.empty()) {
        m_document.select(layer, std::move(ids));
    } else if (m_document.selection().layer == layer) {
        m_document.clearSelection();
    }
    m_pushing = false;
}

void AttributeTableSelection::showDocumentSelection(bool scroll) {
    const AttributeTableModel& table = m_proxy.table();
    std::vector<int> rows;
    for (FeatureId id : selectedHere()) {
        if (auto row = table.rowOf(id)) {
            if (QModelIndex shown = m_proxy.mapFromSource(table.index(*row, 0)); shown.isValid()) {
                rows.push_back(shown.row());
            }
        }
    }
    std::ranges::sort(rows);
    // Runs of neighbouring rows as one range each: selecting all of a million rows is one.
    QItemSelection selection;
    const int lastColumn = m_proxy.columnCount() - 1;
    for (std::size_t first = 0; first < rows.size();) {
        std::size_t end = first + 1;
        while (end < rows.size() && rows[end] == rows[end - 1] + 1) {
            ++end;
        }
        selection.select(m_proxy.index(rows[first], 0), m_proxy.index(rows[end - 1], lastColumn));
        first = end;
    }
    m_showing = true;
    m_view.selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_showing = false;
    if (scroll && !rows.empty()) {
        m_view.scrollTo(m_proxy.index(rows.front(), 0), QAbstractItemView::EnsureVisible);
    }
}

void AttributeTableSelection::beginStructuralChange() {
    ++m_structural;
}

void AttributeTableSelection::endStructuralChange() {
    if (m_structural > 0 && --m_structural == 0) {
        showDocumentSelection(false);
        emit rowsSettled();
    }
}

void AttributeTableSelection::rememberPlace() {
    const QModelIndex current = m_view.currentIndex();
    m_current.reset();
    if (current.isValid()) {
        m_current = std::make_pair(m_proxy.featureAt(current.row()), current.column());
    }
    m_top = m_proxy.featureAt(m_view.rowAt(0));
}

void AttributeTableSelection::restorePlace() {
    const AttributeTableModel& table = m_proxy.table();
    auto shown = [&](FeatureId id, int column) {
        auto row = table.rowOf(id);
        return row ? m_proxy.mapFromSource(table.index(*row, column)) : QModelIndex();
    };
    if (QModelIndex top = shown(m_top, 0); top.isValid()) {
        m_view.scrollTo(top, QAbstractItemView::PositionAtTop);
    }
    if (m_current) {
        if (QModelIndex current = shown(m_current->first, m_current->second); current.isValid()) {
            m_view.selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        }
    }
}

Box AttributeTableSelection::zoomBox(const std::vector<FeatureId>& ids) const {
    Box box = emptyBox();
    const Layer* layer = m_proxy.table().layer();
    for (FeatureId id : ids) {
        const Feature* feature = layer != nullptr ? layer->find(id) : nullptr;
        if (feature != nullptr && feature->geometry) {
            expand(box, envelope(*feature->geometry));
        }
    }
    if (isEmpty(box)) {
        return box;
    }
    const Point centre((box.min_corner().x() + box.max_corner().x()) / 2,
                       (box.min_corner().y() + box.max_corner().y()) / 2);
    const double halfWidth =
        std::max(box.max_corner().x() - box.min_corner().x(), kMinZoomSpan) / 2;
    const double halfHeight =
        std::max(box.max_corner().y() - box.min_corner().y(), kMinZoomSpan) / 2;
    return Box(Point(centre.x() - halfWidth, centre.y() - halfHeight),
               Point(centre.x() + halfWidth, centre.y() + halfHeight));
}

} // namespace trygg
