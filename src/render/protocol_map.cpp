#include "protocol_map.h"

#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_builder.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace trygg::render {
namespace {

constexpr double kMapMinHeightMm = 80.0;
constexpr double kMapMaxHeightMm = 140.0;
constexpr double kMinMapSpanM = 200.0; ///< a short walk still shows the streets around it
constexpr double kMapMargin =
    0.12; ///< share of the frame left around the route: room for the scale bar
constexpr double kStopMm = 4.4;
const QColor kRouteColour(0x76, 0x2a, 0x83);
const QColor kFrameColour(0x55, 0x55, 0x55);

MapScene baseMapScene(const MapScene& scene) {
    MapScene shown = scene;
    for (SceneLayer& layer : shown.layers) {
        if (layer.layer && layer.layer->definition().group != kBaseMapGroup) {
            layer.visible = false;
        }
    }
    shown.decorations.legend = false;
    shown.decorations.title.clear();
    shown.decorations.scaleBar = true;
    shown.decorations.northArrow = true;
    return shown;
}

/// The route's lines on screen (a route is a LineString; a MultiLineString is drawn too).
QPainterPath routePath(const Geometry& route, const ViewTransform& view) {
    QPainterPath path;
    auto addLine = [&](const LineString& line) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (i == 0) {
                path.moveTo(view.toScreen(line[i]));
            } else {
                path.lineTo(view.toScreen(line[i]));
            }
        }
    };
    if (const auto* line = std::get_if<LineString>(&route)) {
        addLine(*line);
    } else if (const auto* lines = std::get_if<MultiLineString>(&route)) {
        std::ranges::for_each(*lines, addLine);
    }
    return path;
}

} // namespace

QFont protocolFont(double millimetres, bool bold, bool italic) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(protocolPixels(millimetres)))));
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

double wrappedText(QPainter& painter, const QString& text, const QFont& font, QPointF at,
                   double width, bool draw, const QColor& colour, Qt::Alignment alignment) {
    if (text.isEmpty()) {
        return 0.0;
    }
    QString shown = text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(shown, font, painter.device());
    QTextOption option;
    option.setWrapMode(
        QTextOption::WrapAtWordBoundaryOrAnywhere); // long words must not run off the page
    option.setAlignment(alignment);
    layout.setTextOption(option);
    double height = 0.0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0.0, height));
        height += line.height();
    }
    layout.endLayout();
    if (draw) {
        painter.setPen(colour);
        layout.draw(&painter, at);
    }
    return height;
}

void drawPageFooter(QPainter& painter, const QRectF& body, double below, const QString& title,
                    const QString& pageText) {
    const QFont font = protocolFont(2.6);
    const QFontMetricsF metrics(font, painter.device());
    const double baseline = body.bottom() + below;
    const double numberWidth = metrics.horizontalAdvance(pageText);
    painter.setFont(font);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawText(QPointF(body.left(), baseline),
                     metrics.elidedText(title, Qt::ElideRight,
                                        body.width() - numberWidth - protocolPixels(6.0)));
    painter.drawText(QPointF(body.right() - numberWidth, baseline), pageText);
}

void drawStopMarker(QPainter& painter, QPointF centre, double diameter, int number,
                    const std::string& colour) {
    const QRectF circle(centre.x() - diameter / 2.0, centre.y() - diameter / 2.0, diameter,
                        diameter);
    painter.setPen(QPen(Qt::white, diameter * 0.08));
    const QColor fill(QString::fromStdString(colour));
    painter.setBrush(fill);
    painter.drawEllipse(circle);
    QFont font = protocolFont(1.0, true);
    font.setPixelSize(std::max(1, static_cast<int>(diameter * (number >= 10 ? 0.46 : 0.55))));
    painter.setFont(font);
    painter.setPen(fill.lightnessF() > 0.7 ? Qt::black : Qt::white);
    painter.drawText(circle, Qt::AlignCenter, QString::number(number));
}

Box protocolMapExtent(const WalkProtocol& protocol) {
    Box extent = protocol.route ? envelope(*protocol.route) : emptyBox();
    for (const ProtocolEntry& entry : protocol.entries) {
        if (entry.position) {
            expand(extent, Box(*entry.position, *entry.position));
        }
    }
    if (isEmpty(extent)) {
        return extent;
    }
    const double padX =
        std::max(0.0, kMinMapSpanM - (extent.max_corner().x() - extent.min_corner().x())) / 2.0;
    const double padY =
        std::max(0.0, kMinMapSpanM - (extent.max_corner().y() - extent.min_corner().y())) / 2.0;
    return Box(Point(extent.min_corner().x() - padX, extent.min_corner().y() - padY),
               Point(extent.max_corner().x() + padX, extent.max_corner().y() + padY));
}

double protocolMapHeight(const Box& extent, double width) {
    if (isEmpty(extent)) {
        return protocolPixels(kMapMinHeightMm);
    }
    const double aspect = (extent.max_corner().y() - extent.min_corner().y()) /
                          (extent.max_corner().x() - extent.min_corner().x());
    return std::clamp(width * aspect, protocolPixels(kMapMinHeightMm),
                      protocolPixels(kMapMaxHeightMm));
}

void drawProtocolMap(QPainter& painter, const QRectF& frame, const WalkProtocol& protocol,
                     const MapScene& scene, const Box& extent) {
    const MapScene shown = baseMapScene(scene);
    const QSize size(static_cast<int>(frame.width()), static_cast<int>(frame.height()));
    const ViewTransform view = ViewTransform::fitting(isEmpty(extent) ? sceneExtent(shown) : extent,
                                                      size, kMapMargin, kProtocolDpi);
    painter.save();
    painter.translate(frame.topLeft());
    painter.setClipRect(QRectF(QPointF(0.0, 0.0), QSizeF(size)));
    painter.fillRect(QRectF(QPointF(0.0, 0.0), QSizeF(size)), Qt::white);
    MapRenderer().render(painter, shown, view);
    painter.setRenderHint(QPainter::Antialiasing);
    if (protocol.route) {
        const QPainterPath path = routePath(*protocol.route, view);
        painter.strokePath(
            path, QPen(Qt::white, protocolPixels(1.6), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.strokePath(path, QPen(kRouteColour, protocolPixels(0.9), Qt::SolidLine,
                                      Qt::RoundCap, Qt::RoundJoin));
    }
    for (const ProtocolEntry& entry : protocol.entries) {
        if (entry.position) {
            drawStopMarker(painter, view.toScreen(*entry.position), protocolPixels(kStopMm),
                           entry.number, entry.markerColour);
        }
    }
    painter.restore();
    painter.setPen(QPen(kFrameColour, protocolPixels(0.25)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
}

} // namespace trygg::render
