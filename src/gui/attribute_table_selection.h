#pragma once

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/geometry.h"

#include <QObject>
#include <optional>
#include <utility>
#include <vector>

class QTableView;

namespace trygg {

class AttributeTableProxy;
class MapDocument;

/// Keeps the rows selected in an attribute table view and the document's selection the
/// same, both ways and without echo. Rows that come and go (filtering, sorting, an edit, a
/// reset) are not the user deselecting: the document's selection stays, and is shown again
/// once the rows have settled. Also brings back the current cell and the scroll position
/// after a reset.
class AttributeTableSelection : public QObject {
    Q_OBJECT
public:
    /// Gives `view` the proxy as its model, with handlers placed around the view's own.
    AttributeTableSelection(MapDocument& document, AttributeTableProxy& proxy, QTableView& view);

    /// The selected features of the layer the table shows.
    [[nodiscard]] std::vector<FeatureId> selectedHere() const;
    /// Shows the document's selection in the view; `scroll` brings the first one into view.
    void showDocumentSelection(bool scroll);
    /// The box the map should show for these features of the table's layer: their extent,
    /// at least a street block wide; an empty box when none has a geometry.
    [[nodiscard]] Box zoomBox(const std::vector<FeatureId>& ids) const;
    /// True while the view's selection is being handed to the document.
    [[nodiscard]] bool isPushing() const { return m_pushing; }

signals:
    /// Rows were filtered, sorted, changed or reset, and the selection shown again.
    void rowsSettled();

private:
    void onViewSelectionChanged();
    void beginStructuralChange();
    void endStructuralChange();
    void rememberPlace();
    void restorePlace();

    MapDocument& m_document;
    AttributeTableProxy& m_proxy;
    QTableView& m_view;
    bool m_pushing = false; ///< the view's selection is going to the document
    bool m_showing = false; ///< the document's selection is going to the view
    int m_structural = 0;   ///< rows are being removed, added or moved
    std::optional<std::pair<FeatureId, int>> m_current; ///< current cell before a reset
    FeatureId m_top = kNoFeatureId;                     ///< top row before a reset
};

} // namespace trygg
