#include "map_tools_controller.h"

#include "map_canvas.h"
#include "tools/add_point_tool.h"
#include "tools/move_tool.h"
#include "tools/select_tool.h"
#include "tools/selection_ops.h"
#include "tools/sketch_tool.h"
#include "tools/tool_icons.h"
#include "tools/vertex_tool.h"

#include "tryggkarta/document/map_document.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QInputDialog>
#include <QSettings>
#include <QToolBar>

namespace trygg {
namespace {

const QString kToleranceKey = QStringLiteral("editing/snapTolerancePixels");
const QString kSnappingKey = QStringLiteral("editing/snapping");

constexpr std::array kIcons{ToolIcon::Pan,     ToolIcon::Select, ToolIcon::AddPoint, ToolIcon::Line,
                            ToolIcon::Polygon, ToolIcon::Move,   ToolIcon::Vertices};
constexpr std::array kKeys{Qt::Key_H, Qt::Key_S, Qt::Key_P, Qt::Key_L,
                           Qt::Key_Y, Qt::Key_M, Qt::Key_V};

bool fits(GeometryKind layer, GeometryKind shape) {
    return layer == shape || layer == GeometryKind::Any;
}

} // namespace

MapToolsController::MapToolsController(MapDocument& document, MapCanvas& canvas, QObject* parent)
    : QObject(parent), m_document(document), m_canvas(&canvas), m_context(document) {
    QSettings settings;
    m_context.snapper.setTolerancePixels(
        settings.value(kToleranceKey, Snapper::kDefaultTolerancePixels).toDouble());
    m_context.snapper.setEnabled(settings.value(kSnappingKey, true).toBool());

    auto select = std::make_unique<SelectTool>(m_context);
    auto point = std::make_unique<AddPointTool>(m_context);
    auto line = std::make_unique<SketchTool>(m_context, GeometryKind::LineString);
    auto polygon = std::make_unique<SketchTool>(m_context, GeometryKind::Polygon);
    connect(point.get(), &AddPointTool::geometryReady, this,
            [this](const QString& layer, const Geometry& shape) {
                m_offered = nullptr;
                emit geometryReady(layer, shape);
            });
    for (SketchTool* sketchTool : {line.get(), polygon.get()}) {
        connect(sketchTool, &SketchTool::geometryReady, this,
                [this, sketchTool](const QString& layer, const Geometry& shape) {
                    m_offered = sketchTool;
                    emit geometryReady(layer, shape);
                });
    }
    m_tools[static_cast<std::size_t>(Tool::Select)] = std::move(select);
    m_tools[static_cast<std::size_t>(Tool::AddPoint)] = std::move(point);
    m_tools[static_cast<std::size_t>(Tool::Line)] = std::move(line);
    m_tools[static_cast<std::size_t>(Tool::Polygon)] = std::move(polygon);
    auto moveTool = std::make_unique<MoveTool>(m_context);
    connect(moveTool.get(), &MoveTool::dragPreview, this, &MapToolsController::dragPreview);
    connect(moveTool.get(), &MoveTool::dragEnded, this, &MapToolsController::dragEnded);
    m_tools[static_cast<std::size_t>(Tool::Move)] = std::move(moveTool);
    m_tools[static_cast<std::size_t>(Tool::Vertices)] = std::make_unique<VertexTool>(m_context);
    for (const auto& tool : m_tools) {
        if (tool) {
            connect(tool.get(), &MapTool::message, this, &MapToolsController::message);
        }
    }
    createActions();

    auto refresh = [this] {
        fillLayerBox();
        updateActions();
    };
    connect(&m_document, &MapDocument::projectReplaced, this, refresh);
    connect(&m_document, &MapDocument::layersChanged, this, refresh);
    // The overlay draws the selection and the handles from the document's data.
    for (auto signal : {&MapDocument::selectionChanged, &MapDocument::layersChanged}) {
        connect(&m_document, signal, m_canvas, qOverload<>(&QWidget::update));
    }
    connect(&m_document, &MapDocument::featuresChanged, m_canvas, qOverload<>(&QWidget::update));
    refresh();
    retranslate();
}

MapToolsController::~MapToolsController() {
    if (m_canvas && m_canvas->tool() != nullptr) {
        m_canvas->setTool(nullptr);
    }
    if (m_toolBar && m_toolBar->parent() == nullptr) {
        delete m_toolBar.data();
    }
}

void MapToolsController::createActions() {
    m_toolBar = new QToolBar();
    m_toolBar->setObjectName(QStringLiteral("mapTools"));
    m_toolBar->setIconSize(QSize(28, 28)); // finger-sized on a tablet
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    for (std::size_t i = 0; i < kToolCount; ++i) {
        QAction* action = m_group->addAction(toolIcon(kIcons[i]), QString());
        action->setCheckable(true);
        action->setShortcut(QKeySequence(kKeys[i]));
        // Letters act while the map or its tool bar has focus, never while typing elsewhere.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const auto tool = static_cast<Tool>(i);
        connect(action, &QAction::triggered, this, [this, tool] { setTool(tool); });
        m_actions[i] = action;
        m_toolBar->addAction(action);
        m_canvas->addAction(action);
    }
    action(Tool::Pan)->setChecked(true);

    m_snap = new QAction(toolIcon(ToolIcon::Snap), QString(), this);
    m_snap->setCheckable(true);
    m_snap->setChecked(m_context.snapper.isEnabled());
    connect(m_snap, &QAction::toggled, this, [this](bool on) {
        m_context.snapper.setEnabled(on);
        QSettings().setValue(kSnappingKey, on);
    });
    m_selectWhere = new QAction(toolIcon(ToolIcon::SelectWhere), QString(), this);
    connect(m_selectWhere, &QAction::triggered, this, &MapToolsController::selectWhere);

    m_toolBar->addSeparator();
    m_toolBar->addAction(m_snap);
    m_toolBar->addAction(m_selectWhere);
    m_toolBar->addSeparator();
    m_layerBox = new QComboBox(m_toolBar);
    m_layerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_layerBox->setMinimumHeight(32);
    m_toolBar->addWidget(m_layerBox);
    connect(m_layerBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        const std::string layer =
            index < 0 ? std::string() : m_layerBox->itemData(index).toString().toStdString();
        if (layer != m_context.layer) {
            m_context.layer = layer;
            updateActions();
            m_canvas->update();
            emit currentLayerChanged(QString::fromStdString(layer));
        }
    });
}

void MapToolsController::retranslate() {
    const std::array texts{tr("Panorera"), tr("Markera"), tr("Lägg till punkt"), tr("Rita linje"),
                           tr("Rita yta"), tr("Flytta"),  tr("Redigera hörn")};
    const std::array tips{tr("Dra för att panorera, rulla för att zooma"),
                          tr("Klicka på ett objekt för att markera det, Ctrl+klick lägger till, "
                             "dra en ruta för att markera flera"),
                          tr("Klicka eller tryck där punkten ska vara"),
                          tr("Klicka för varje hörn; dubbelklick, Enter eller högerklick avslutar; "
                             "Esc tar bort senaste hörnet"),
                          tr("Klicka för varje hörn; dubbelklick, Enter eller högerklick avslutar; "
                             "Esc tar bort senaste hörnet"),
                          tr("Dra ett objekt för att flytta det; Esc avbryter"),
                          tr("Dra ett hörn för att flytta det, tryck på en mittpunkt för att lägga "
                             "till ett, Delete eller högerklick tar bort")};
    for (std::size_t i = 0; i < kToolCount; ++i) {
        m_actions[i]->setText(texts[i]);
        m_actions[i]->setToolTip(
            QStringLiteral("%1 (%2)\n%3")
                .arg(texts[i], m_actions[i]->shortcut().toString(QKeySequence::NativeText),
                     tips[i]));
    }
    m_snap->setText(tr("Fäst mot objekt"));
    m_snap->setToolTip(tr("Fäst mot hörn och linjer i baskartan och temalagren; håll Skift för att "
                          "släppa tillfälligt"));
    m_selectWhere->setText(tr("Markera med villkor…"));
    m_toolBar->setWindowTitle(tr("Redigeringsverktyg"));
    m_layerBox->setToolTip(tr("Lagret som verktygen lägger till i"));
}

void MapToolsController::setLanguage(const std::string& language) {
    m_language = language;
    fillLayerBox();
}

void MapToolsController::fillLayerBox() {
    const QSignalBlocker block(m_layerBox);
    m_layerBox->clear();
    int keep = -1;
    for (const DocumentLayer& entry : m_document.layers()) {
        const Layer& layer = *entry.layer;
        if (entry.overlay || !m_document.isEditable(layer.name()) ||
            layer.definition().geometry == GeometryKind::None) {
            continue;
        }
        m_layerBox->addItem(QString::fromStdString(layer.definition().title.in(m_language)),
                            QString::fromStdString(layer.name()));
        if (layer.name() == m_context.layer) {
            keep = m_layerBox->count() - 1;
        }
    }
    const int index = keep >= 0 ? keep : (m_layerBox->count() > 0 ? 0 : -1);
    m_layerBox->setCurrentIndex(index);
    const std::string layer =
        index < 0 ? std::string() : m_layerBox->itemData(index).toString().toStdString();
    if (layer != m_context.layer) {
        m_context.layer = layer;
        emit currentLayerChanged(QString::fromStdString(layer));
    }
}

bool MapToolsController::setCurrentLayer(const std::string& layer) {
    const int index = m_layerBox->findData(QString::fromStdString(layer));
    if (index < 0) {
        return false;
    }
    m_layerBox->setCurrentIndex(index);
    return true;
}

void MapToolsController::updateActions() {
    const Layer* layer = m_context.layer.empty() ? nullptr : m_document.layer(m_context.layer);
    const GeometryKind kind = layer ? layer->definition().geometry : GeometryKind::None;
    action(Tool::AddPoint)->setEnabled(fits(kind, GeometryKind::Point));
    action(Tool::Line)->setEnabled(fits(kind, GeometryKind::LineString));
    action(Tool::Polygon)->setEnabled(fits(kind, GeometryKind::Polygon));
    action(Tool::Move)->setEnabled(layer != nullptr);
    action(Tool::Vertices)->setEnabled(layer != nullptr);
    m_selectWhere->setEnabled(layer != nullptr);
    if (!action(m_current)->isEnabled()) {
        setTool(Tool::Select); // a sketch stays in its tool for when the layer fits again
    }
}

void MapToolsController::setTool(Tool tool) {
    if (!action(tool)->isEnabled()) {
        return;
    }
    m_current = tool;
    action(tool)->setChecked(true);
    if (m_canvas) {
        m_canvas->setTool(this->tool(tool));
    }
}

SketchTool* MapToolsController::sketch(Tool tool) const {
    return static_cast<SketchTool*>(this->tool(tool));
}

void MapToolsController::clearSketch() {
    if (m_offered != nullptr) {
        m_offered->clearSketch();
        m_offered = nullptr;
    }
}

bool MapToolsController::hasUnfinishedWork() const {
    return sketch(Tool::Line)->hasUnfinishedWork() || sketch(Tool::Polygon)->hasUnfinishedWork();
}

void MapToolsController::setSnapTolerancePixels(double pixels) {
    m_context.snapper.setTolerancePixels(pixels);
    QSettings().setValue(kToleranceKey, pixels);
}

void MapToolsController::selectWhere() {
    const Layer* layer = m_document.layer(m_context.layer);
    if (layer == nullptr) {
        return;
    }
    const QString title = QString::fromStdString(layer->definition().title.in(m_language));
    bool ok = false;
    const QString text = QInputDialog::getText(
        m_canvas ? m_canvas->window() : nullptr, tr("Markera med villkor"),
        tr("Villkor för %1, till exempel: kategori = belysning och känsla <= 1").arg(title),
        QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    auto selected = trygg::selectWhere(m_document, m_context.layer, text.toStdString());
    if (!selected) {
        emit message(tr("Villkoret gick inte att använda: %1")
                         .arg(QString::fromStdString(selected.error().describe())));
        return;
    }
    emit message(tr("%n objekt markerade", nullptr, static_cast<int>(*selected)));
}

} // namespace trygg
