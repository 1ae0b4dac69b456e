// The legend: each drawn layer's title in the map's language and, for thematic layers, a
// swatch and label per styled value. Base-map layers take one row each, so the legend
// explains the plan rather than the street classes. Links, drawn above the layers, come first;
// an analysis raster with classes (a lux map) comes between the thematic layers and the base
// map, where it is drawn, as a heading and a colour box per class.

#include "decorations.h"
#include "link_painter.h"
#include "symbol_painter.h"

#include <QFontMetricsF>

#include <algorithm>
#include <vector>

namespace trygg::render {
namespace {

struct LegendRow {
    QString text;
    bool heading = false;
    const Style* style = nullptr; ///< null for headings and links
    GeometryKind kind = GeometryKind::Point;
    bool link = false; ///< the measure→observation links' line
    bool ramp = false; ///< a class of an analysis raster: a box of `rampColour`
    QColor rampColour = QColor(); ///< as drawn on the map, the raster's opacity included
};

void addLayerRows(const SceneLayer& layer, const std::string& language, std::vector<LegendRow>& rows) {
    const LayerDef& definition = layer.layer->definition();
    const Symbology& symbology = definition.symbology;
    const QString title = QString::fromStdString(definition.title.in(language));
    const FieldDef* field = symbology.field.empty() ? nullptr : definition.field(symbology.field);
    if (definition.group == kBaseMapGroup || symbology.byValue.empty() || field == nullptr) {
        rows.push_back({title, false, &symbology.fallback, definition.geometry});
        return;
    }
    rows.push_back({title, true, nullptr, definition.geometry});
    // In the order of the value list, which is the order people know the categories in.
    for (const CodedValue& value : field->values) {
        if (auto style = symbology.byValue.find(value.code); style != symbology.byValue.end()) {
            rows.push_back({QString::fromStdString(value.label.in(language)), false, &style->second,
                            definition.geometry});
        }
    }
}

/// A heading and one row per class for each shown analysis raster that has classes.
void addAnalysisRows(const MapScene& scene, std::vector<LegendRow>& rows) {
    const std::string& language = scene.decorations.language;
    for (auto it = scene.analysisRasters.rbegin(); it != scene.analysisRasters.rend(); ++it) {
        if (!it->visible || it->image.isNull() || it->legend.empty()) {
            continue;
        }
        LegendRow heading;
        heading.text = QString::fromStdString(it->legendTitle.in(language));
        heading.heading = true;
        rows.push_back(std::move(heading));
        for (const RampLegendStep& step : it->legend) {
            LegendRow row;
            row.text = QString::fromStdString(step.label.in(language));
            row.ramp = true;
            row.rampColour = QColor::fromRgba(step.colour);
            row.rampColour.setAlphaF(row.rampColour.alphaF() * static_cast<float>(it->opacity));
            rows.push_back(std::move(row));
        }
    }
}

std::vector<LegendRow> legendRows(const MapScene& scene, const ViewTransform& view) {
    const std::string& language = scene.decorations.language;
    std::vector<LegendRow> rows;
    if (linksDrawn(scene, view)) {
        rows.push_back({language == "en" ? QStringLiteral("Link measure–observation")
                                         : QStringLiteral("Koppling åtgärd–observation"),
                        false, nullptr, GeometryKind::LineString, true});
    }
    // Top first: the analysis rasters where the renderer puts them among the layers.
    const std::size_t analysisAt = scene.analysisPosition();
    for (std::size_t i = scene.layers.size(); i-- > 0;) {
        if (i + 1 == analysisAt) {
            addAnalysisRows(scene, rows);
        }
        if (drawnAtScale(scene.layers[i], view) && scene.layers[i].layer->size() > 0) {
            addLayerRows(scene.layers[i], language, rows);
        }
    }
    if (analysisAt == 0) {
        addAnalysisRows(scene, rows);
    }
    return rows;
}

void drawSwatch(QPainter& painter, const LegendRow& row, QRectF box, const ViewTransform& view) {
    const QLineF across(box.left(), box.center().y(), box.right(), box.center().y());
    if (row.ramp) {
        // A grey edge, so the near-white class shows on the white panel.
        painter.setPen(QPen(QColor(150, 150, 150), std::max(1.0, view.pixelsForMillimetres(0.1))));
        painter.setBrush(row.rampColour);
        painter.drawRect(box.adjusted(0, box.height() * 0.1, 0, -box.height() * 0.1));
        return;
    }
    if (row.link) {
        painter.setPen(linkPen(view, false));
        painter.drawLine(across);
        return;
    }
    // Symbols keep their size up to the swatch's, so the legend matches the map.
    Style style = *row.style;
    style.size = std::min(style.size, 3.5);
    const ResolvedStyle resolved{paintFor(style, view.pixelsForMillimetres(1.0)), shapeFor(style.symbol), 0};
    if (row.kind == GeometryKind::LineString) {
        painter.setPen(resolved.paint.line);
        painter.drawLine(across);
    } else if (row.kind == GeometryKind::Polygon) {
        painter.setPen(resolved.paint.outline);
        painter.setBrush(resolved.paint.area);
        painter.drawRect(box.adjusted(0, box.height() * 0.15, 0, -box.height() * 0.15));
    } else {
        drawSymbol(painter, box.center(), resolved);
    }
}

} // namespace

void drawLegend(QPainter& painter, const MapScene& scene, const ViewTransform& view, double top) {
    const std::vector<LegendRow> rows = legendRows(scene, view);
    if (rows.empty()) {
        return;
    }
    const QFont headingFont = mapFont(view, 2.8, true);
    const QFont entryFont = mapFont(view, 2.6);
    const QFontMetricsF headingMetrics(headingFont, painter.device());
    const QFontMetricsF entryMetrics(entryFont, painter.device());
    const double pad = view.pixelsForMillimetres(2.0);
    const double swatch = view.pixelsForMillimetres(5.0);
    const double gap = view.pixelsForMillimetres(1.5);
    const double rowHeight = std::max(entryMetrics.height(), swatch * 0.8);

    double width = 0.0;
    double height = 0.0;
    for (const LegendRow& row : rows) {
        width = std::max(width, row.heading ? headingMetrics.horizontalAdvance(row.text)
                                            : swatch + gap + entryMetrics.horizontalAdvance(row.text));
        height += row.heading ? headingMetrics.height() * 1.2 : rowHeight;
    }
    const double left = view.pixelsForMillimetres(5.0);
    painter.setPen(QPen(QColor(160, 160, 160), std::max(1.0, view.pixelsForMillimetres(0.15))));
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRect(QRectF(left, top, width + 2 * pad, height + 2 * pad));

    double y = top + pad;
    for (const LegendRow& row : rows) {
        if (row.heading) {
            painter.setFont(headingFont);
            painter.setPen(Qt::black);
            painter.drawText(QPointF(left + pad, y + headingMetrics.ascent() + headingMetrics.height() * 0.2), row.text);
            y += headingMetrics.height() * 1.2;
            continue;
        }
        drawSwatch(painter, row, QRectF(left + pad, y + (rowHeight - swatch * 0.8) / 2.0, swatch, swatch * 0.8), view);
        painter.setFont(entryFont);
        painter.setPen(Qt::black);
        painter.drawText(QPointF(left + pad + swatch + gap, y + (rowHeight + entryMetrics.ascent() - entryMetrics.descent()) / 2.0),
                         row.text);
        y += rowHeight;
    }
}

} // namespace trygg::render
