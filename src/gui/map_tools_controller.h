#pragma once
// The editing tools of the map, their tool bar and the layer they work on.

#include "tools/tool_context.h"

#include "tryggkarta/core/geometry.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QToolBar>

#include <array>
#include <memory>
#include <string>

class QAction;
class QActionGroup;
class QComboBox;

namespace trygg {

class MapCanvas;
class MapDocument;
class MapTool;
class SketchTool;

/// Owns the map tools and the checkable actions that choose one, the snapping switch and the
/// "current layer" box, and hands the chosen tool to the canvas. Drawing tools are enabled
/// only for a current layer whose geometry fits (measures take points, lines and polygons).
///
/// It does not store new features: geometryReady goes to the main window, which asks for the
/// attributes and adds the feature, then calls clearSketch(). When the form is cancelled the
/// sketch simply stays.
class MapToolsController : public QObject {
    Q_OBJECT
public:
    enum class Tool { Pan, Select, AddPoint, Line, Polygon, Move, Vertices };
    static constexpr std::size_t kToolCount = 7;

    MapToolsController(MapDocument& document, MapCanvas& canvas, QObject* parent = nullptr);
    ~MapToolsController() override;

    [[nodiscard]] QAction* action(Tool tool) const {
        return m_actions[static_cast<std::size_t>(tool)];
    }
    [[nodiscard]] QActionGroup* toolGroup() const { return m_group; }
    /// Checkable, on by default; Shift held switches snapping off for a moment.
    [[nodiscard]] QAction* snapAction() const { return m_snap; }
    /// Asks for an attribute condition and selects what matches in the current layer.
    [[nodiscard]] QAction* selectWhereAction() const { return m_selectWhere; }
    /// The tool actions, the snapping switch and the current-layer box. Whoever adds it to a
    /// window owns it; otherwise the controller deletes it.
    [[nodiscard]] QToolBar* toolBar() const { return m_toolBar; }
    [[nodiscard]] QComboBox* layerBox() const { return m_layerBox; }

    [[nodiscard]] Tool currentTool() const { return m_current; }
    void setTool(Tool tool);
    [[nodiscard]] MapTool* tool(Tool tool) const {
        return m_tools[static_cast<std::size_t>(tool)].get();
    }
    [[nodiscard]] const std::string& currentLayer() const { return m_context.layer; }
    /// Makes a layer current when it can be edited; false otherwise.
    bool setCurrentLayer(const std::string& layer);

    /// Forgets the sketch that was offered last (the feature has been stored).
    void clearSketch();
    /// True while a line or polygon has been drawn but not stored.
    [[nodiscard]] bool hasUnfinishedWork() const;
    void setSnapTolerancePixels(double pixels);
    [[nodiscard]] double snapTolerancePixels() const { return m_context.snapper.tolerancePixels(); }
    /// Layer titles in the box follow the language ("sv", "en").
    void setLanguage(const std::string& language);
    void retranslate();

signals:
    /// A finished point, line or polygon for `layer`: ask for attributes, then add it.
    void geometryReady(const QString& layer, const trygg::Geometry& geometry);
    void message(const QString& text);
    void currentLayerChanged(const QString& layer);
    /// The move tool's drag so far (see MoveTool::dragPreview): for live previews.
    void dragPreview(const QString& layer, const QList<qint64>& ids, double dx, double dy);
    void dragEnded();

private:
    void createActions();
    void fillLayerBox();
    void updateActions();
    void selectWhere();
    [[nodiscard]] SketchTool* sketch(Tool tool) const;

    MapDocument& m_document;
    QPointer<MapCanvas> m_canvas;
    ToolContext m_context;
    std::array<std::unique_ptr<MapTool>, kToolCount> m_tools;
    std::array<QAction*, kToolCount> m_actions{};
    QActionGroup* m_group = nullptr;
    QAction* m_snap = nullptr;
    QAction* m_selectWhere = nullptr;
    QPointer<QToolBar> m_toolBar;
    QComboBox* m_layerBox = nullptr;
    Tool m_current = Tool::Pan;
    SketchTool* m_offered = nullptr; ///< the tool whose shape geometryReady carried last
    std::string m_language = "sv";
};

} // namespace trygg
