#pragma once

#include <QMenu>
#include <QPointer>
#include <QSlider>
#include <QTreeWidget>
#include <QWidget>

#include <string>

namespace trygg {

struct LayerDef;

class MapDocument;
struct Style;

/// The layer panel: thematic layers, added layers and the base map in groups; a check box
/// per layer for visibility, drag to reorder within a group, an opacity slider for the
/// current layer, and each layer's legend under it.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(MapDocument& document, QWidget* parent = nullptr);

    /// Shows layer titles and legends in `language` ("sv", "en") and retranslates.
    void setLanguage(const std::string& language);
    void retranslate();
    /// The menu the last right-click opened, for tests.
    [[nodiscard]] QMenu* contextMenu() const { return m_contextMenu; }
    /// The tree, for tests.
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    /// The top-level item of a layer, or null.
    [[nodiscard]] QTreeWidgetItem* itemFor(const std::string& layerName) const;

signals:
    void zoomToLayerRequested(const std::string& layerName);
    void tableRequested(const QString& layerName);

private:
    /// The "(N)" after a layer's title follows adds and removals.
    void updateCount(const QString& layerName);
    void showContextMenu(const QPoint& at);
    [[nodiscard]] QString layerItemText(const LayerDef& definition, std::size_t count) const;
    void rebuild();
    void onItemChanged(QTreeWidgetItem* item, int column);
    void onOrderChanged();
    void onCurrentChanged();
    /// The analysis maps (lux, heat) under "Analysresultat", with their classes.
    void addAnalysisRasters(QTreeWidgetItem* results);
    /// Rebuilds when an analysis map came, went, was hidden or got other classes (not on
    /// every repaint of its pixels).
    void analysisRastersChanged();

    MapDocument& m_document;
    std::string m_language = "sv";
    QTreeWidget* m_tree;
    QSlider* m_opacity;
    bool m_rebuilding = false;
    QPointer<QMenu> m_contextMenu;
    QStringList m_analysisShown; ///< what addAnalysisRasters listed, to notice changes
};

/// A small picture of a style, as the legend shows it.
QIcon styleSwatch(const Style& style, bool asLine, bool asArea);

} // namespace trygg
