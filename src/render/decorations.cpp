#include "decorations.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <cmath>

namespace trygg::render {
namespace {

constexpr double kMarginMm = 5.0;
constexpr double kScaleBarTargetMm = 30.0;
const QColor kPanel(255, 255, 255, 215);

void drawHaloText(QPainter& painter, QPointF baseline, const QString& text, const QFont& font) {
    QPainterPath path;
    path.addText(baseline, font, text);
    painter.setBrush(Qt::NoBrush);
    painter.strokePath(path, QPen(Qt::white, std::max(2.0, font.pixelSize() / 4.0), Qt::SolidLine,
                                  Qt::RoundCap, Qt::RoundJoin));
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(baseline, text);
}

void drawScaleBar(QPainter& painter, const ViewTransform& view) {
    const double metres = roundScaleLength(view.metresPerPixel() * view.pixelsForMillimetres(kScaleBarTargetMm));
    const double length = metres / view.metresPerPixel();
    const double height = view.pixelsForMillimetres(1.5);
    const double left = view.pixelsForMillimetres(kMarginMm);
    const double bottom = view.size().height() - view.pixelsForMillimetres(kMarginMm);
    const QFont font = mapFont(view, 2.6);
    const QFontMetricsF metrics(font, painter.device());
    const QString unitText = formatLength(metres);
    const double textGap = view.pixelsForMillimetres(1.0);

    QRectF panel(left - textGap, bottom - height - textGap * 2 - metrics.height(),
                 length + metrics.horizontalAdvance(unitText) / 2.0 + 2 * textGap,
                 height + metrics.height() + textGap * 3);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPanel);
    painter.drawRect(panel);

    const QPen outline(Qt::black, std::max(1.0, view.pixelsForMillimetres(0.2)));
    painter.setPen(outline);
    painter.setBrush(Qt::black);
    painter.drawRect(QRectF(left, bottom - height, length / 2.0, height));
    painter.setBrush(Qt::white);
    painter.drawRect(QRectF(left + length / 2.0, bottom - height, length / 2.0, height));

    const double baseline = bottom - height - textGap - metrics.descent();
    drawHaloText(painter, QPointF(left - metrics.horizontalAdvance(QStringLiteral("0")) / 2.0, baseline),
                 QStringLiteral("0"), font);
    drawHaloText(painter, QPointF(left + length - metrics.horizontalAdvance(unitText) / 2.0, baseline),
                 unitText, font);
}

void drawNorthArrow(QPainter& painter, const ViewTransform& view) {
    const double width = view.pixelsForMillimetres(5.0);
    const double height = view.pixelsForMillimetres(8.0);
    const double right = view.size().width() - view.pixelsForMillimetres(kMarginMm);
    const QFont font = mapFont(view, 3.5, true);
    const QFontMetricsF metrics(font, painter.device());
    const double top = view.pixelsForMillimetres(kMarginMm) + metrics.height();
    const double centre = right - width / 2.0;

    drawHaloText(painter, QPointF(centre - metrics.horizontalAdvance(QStringLiteral("N")) / 2.0,
                                  top - metrics.descent()),
                 QStringLiteral("N"), font);
    // Two halves, dark and light, as on a compass: it reads on any background.
    const QPointF tip(centre, top + view.pixelsForMillimetres(0.5));
    const QPointF foot(centre, top + height * 0.75);
    const QPointF leftCorner(centre - width / 2.0, top + height);
    const QPointF rightCorner(centre + width / 2.0, top + height);
    painter.setPen(QPen(Qt::black, std::max(1.0, view.pixelsForMillimetres(0.2))));
    painter.setBrush(Qt::white);
    painter.drawPolygon(QPolygonF({tip, foot, leftCorner}));
    painter.setBrush(Qt::black);
    painter.drawPolygon(QPolygonF({tip, rightCorner, foot}));
}

void drawBoxedText(QPainter& painter, const ViewTransform& view, const QString& text, const QFont& font,
                   Qt::Alignment corner) {
    const QFontMetricsF metrics(font, painter.device());
    const double pad = view.pixelsForMillimetres(1.0);
    const double margin = view.pixelsForMillimetres(corner & Qt::AlignTop ? kMarginMm : 2.0);
    const double width = metrics.horizontalAdvance(text);
    const double x = corner & Qt::AlignHCenter ? (view.size().width() - width) / 2.0
                                                 : view.size().width() - margin - width;
    const double top = corner & Qt::AlignTop ? margin : view.size().height() - margin - metrics.height();
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPanel);
    painter.drawRect(QRectF(x - pad, top - pad, width + 2 * pad, metrics.height() + 2 * pad));
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QPointF(x, top + metrics.ascent()), text);
}

} // namespace

QFont mapFont(const ViewTransform& view, double millimetres, bool bold) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(view.pixelsForMillimetres(millimetres)))));
    font.setBold(bold);
    return font;
}

double roundScaleLength(double metres) {
    if (!(metres > 0.0)) {
        return 1.0;
    }
    const double power = std::pow(10.0, std::floor(std::log10(metres)));
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * power <= metres * (1.0 + 1e-9)) {
            return step * power;
        }
    }
    return power;
}

QString formatLength(double metres) {
    if (metres >= 1000.0) {
        return QString::number(metres / 1000.0, 'g', 6) + QStringLiteral(" km");
    }
    return QString::number(metres, 'g', 6) + QStringLiteral(" m");
}

bool drawnAtScale(const SceneLayer& layer, const ViewTransform& view) {
    if (!layer.visible || !layer.layer) {
        return false;
    }
    const double maxScale = layer.layer->definition().symbology.maxScale;
    return !(maxScale > 0.0 && view.scaleDenominator() > maxScale);
}

void drawDecorations(QPainter& painter, const MapScene& scene, const ViewTransform& view) {
    const MapDecorations& decorations = scene.decorations;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setOpacity(1.0);
    double legendTop = view.pixelsForMillimetres(kMarginMm);
    if (!decorations.title.empty()) {
        const QFont font = mapFont(view, 5.0, true);
        drawBoxedText(painter, view, QString::fromStdString(decorations.title), font, Qt::AlignTop | Qt::AlignHCenter);
        legendTop += QFontMetricsF(font, painter.device()).height() + view.pixelsForMillimetres(3.0);
    }
    if (decorations.scaleBar) {
        drawScaleBar(painter, view);
    }
    if (decorations.northArrow) {
        drawNorthArrow(painter, view);
    }
    if (decorations.showSourceNote && !decorations.sourceNote.empty()) {
        drawBoxedText(painter, view, QString::fromStdString(decorations.sourceNote), mapFont(view, 2.2),
                      Qt::AlignBottom | Qt::AlignRight);
    }
    if (decorations.legend) {
        drawLegend(painter, scene, view, legendTop);
    }
    painter.restore();
}

} // namespace trygg::render
