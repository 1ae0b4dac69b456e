#pragma once

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/geometry.h"

#include <QTimer>
#include <QWidget>
#include <functional>
#include <map>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace trygg {

class AttributeTableModel;
class AttributeTableProxy;
class AttributeTableSelection;
class AttributeTableView;
class MapDocument;

/// The attribute table of one thematic layer, for a dock: sort by a column, filter with the
/// filter language, edit in place, and a row selection that is the document's selection (the
/// map shows the same). Selecting features of another layer elsewhere shows that layer.
class AttributeTablePanel : public QWidget {
    Q_OBJECT
public:
    explicit AttributeTablePanel(MapDocument& document, QWidget* parent = nullptr);
    ~AttributeTablePanel() override;

    /// Shows layer titles, field and value labels in `language` ("sv", "en") and retranslates.
    void setLanguage(const std::string& language);
    void retranslate();

    /// Shows a layer by its table name; false when it is not one the table lists.
    bool showLayer(const std::string& name);
    [[nodiscard]] std::string currentLayer() const;
    /// Sets the filter text and applies it at once (typed text applies after a short pause).
    void setFilterText(const QString& text);
    /// Shows only the selected features (the selection when this was turned on, updated
    /// when features are selected elsewhere).
    void setOnlySelected(bool only);

    /// Selects every feature the filter shows: selection by attribute.
    void selectFiltered();
    /// Asks the map to show the selected features.
    void zoomToSelected();
    /// Removes the selected features through the document, asking first when there are several.
    void removeSelected();
    /// The question asked before removing `count` features; tests answer it themselves.
    void setRemovalConfirmation(std::function<bool(int count)> confirm);

    [[nodiscard]] AttributeTableView* view() const { return m_view; }
    [[nodiscard]] AttributeTableModel& model() const { return *m_model; }
    [[nodiscard]] AttributeTableProxy& proxy() const { return *m_proxy; }

signals:
    /// The map should show this box (map coordinates): selected rows, or a double-clicked one.
    void zoomRequested(const trygg::Box& box);

private:
    void buildLayout();
    /// Lists the thematic layers; `reload` shows the chosen one afresh (a new project).
    void rebuildLayerChoice(bool reload);
    void switchLayer(const std::string& name);
    void applyFilter();
    void updateRestriction();
    void onDocumentSelectionChanged();
    void updateCount();
    void showMessage(const QString& text);

    MapDocument& m_document;
    std::string m_language = "sv";
    AttributeTableModel* m_model;
    AttributeTableProxy* m_proxy;
    AttributeTableSelection* m_selection = nullptr;
    QComboBox* m_layerChoice = nullptr;
    QLabel* m_layerLabel = nullptr;
    QCheckBox* m_onlySelected = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QLabel* m_filterProblem = nullptr;
    AttributeTableView* m_view = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_selectFiltered = nullptr;
    QPushButton* m_zoomTo = nullptr;
    QPushButton* m_remove = nullptr;
    QTimer m_filterTimer;
    QTimer m_messageTimer;
    std::function<bool(int)> m_confirmRemoval;
    std::map<std::string, QString> m_filterTexts; ///< per layer, kept while switching
};

} // namespace trygg
