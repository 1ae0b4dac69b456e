#include "tools/tool_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace trygg {
namespace {

const QColor kInk(0x24, 0x2f, 0x3d);
const QColor kAccent(0x1f, 0x4e, 0x9c);

void vertex(QPainter& p, QPointF at) {
    p.setPen(QPen(kInk, 1.2));
    p.setBrush(Qt::white);
    p.drawRect(QRectF(at.x() - 2.5, at.y() - 2.5, 5, 5));
}

void draw(QPainter& p, ToolIcon icon) {
    p.setRenderHint(QPainter::Antialiasing);
    const QPen line(kAccent, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (icon) {
    case ToolIcon::Pan: {
        p.setPen(QPen(kInk, 2.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(12, 3), QPointF(12, 21));
        p.drawLine(QPointF(3, 12), QPointF(21, 12));
        p.setBrush(kInk);
        for (const QPolygonF& head :
             {QPolygonF({{12, 1}, {9, 5}, {15, 5}}), QPolygonF({{12, 23}, {9, 19}, {15, 19}}),
              QPolygonF({{1, 12}, {5, 9}, {5, 15}}), QPolygonF({{23, 12}, {19, 9}, {19, 15}})}) {
            p.drawPolygon(head);
        }
        break;
    }
    case ToolIcon::Select: {
        p.setPen(QPen(kInk, 1.2));
        p.setBrush(Qt::white);
        p.drawPolygon(
            QPolygonF({{6, 3}, {6, 19}, {10, 15}, {13, 21}, {15.5, 20}, {12.5, 14}, {18, 14}}));
        break;
    }
    case ToolIcon::AddPoint:
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(kAccent);
        p.drawEllipse(QPointF(10, 13), 6, 6);
        p.setPen(QPen(kInk, 2.0));
        p.drawLine(QPointF(19, 2), QPointF(19, 10));
        p.drawLine(QPointF(15, 6), QPointF(23, 6));
        break;
    case ToolIcon::Line:
        p.setPen(line);
        p.drawPolyline(QPolygonF({{3, 19}, {9, 7}, {15, 15}, {21, 4}}));
        for (QPointF at : {QPointF(3, 19), QPointF(9, 7), QPointF(15, 15), QPointF(21, 4)}) {
            vertex(p, at);
        }
        break;
    case ToolIcon::Polygon: {
        const QPolygonF shape({{4, 18}, {7, 5}, {19, 4}, {21, 16}, {12, 21}});
        p.setPen(line);
        p.setBrush(QColor(0x1f, 0x4e, 0x9c, 70));
        p.drawPolygon(shape);
        for (QPointF at : shape) {
            vertex(p, at);
        }
        break;
    }
    case ToolIcon::Move:
        p.setPen(QPen(kAccent, 1.5, Qt::DashLine));
        p.setBrush(QColor(0x1f, 0x4e, 0x9c, 50));
        p.drawRect(QRectF(3, 3, 11, 11));
        p.setPen(QPen(kInk, 1.5));
        p.setBrush(QColor(0x1f, 0x4e, 0x9c, 150));
        p.drawRect(QRectF(10, 10, 11, 11));
        break;
    case ToolIcon::Vertices:
        p.setPen(line);
        p.drawPolyline(QPolygonF({{3, 20}, {12, 6}, {21, 18}}));
        vertex(p, QPointF(3, 20));
        vertex(p, QPointF(21, 18));
        p.setPen(QPen(QColor(0xd0, 0x00, 0x78), 1.5));
        p.setBrush(QColor(255, 230, 240));
        p.drawRect(QRectF(8.5, 2.5, 7, 7));
        break;
    case ToolIcon::Snap:
        p.setPen(QPen(kInk, 1.8));
        p.drawLine(QPointF(2, 20), QPointF(22, 20));
        p.drawLine(QPointF(12, 20), QPointF(12, 4));
        p.setPen(QPen(QColor(0xd0, 0x00, 0x78), 2.0));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(7, 15, 10, 10).adjusted(0, 0, 0, -2));
        break;
    case ToolIcon::SelectWhere:
        p.setPen(QPen(kInk, 1.5));
        p.setBrush(QColor(0xff, 0xc4, 0x00));
        p.drawPolygon(QPolygonF({{3, 4}, {21, 4}, {14, 12}, {14, 20}, {10, 22}, {10, 12}}));
        break;
    }
}

QString themeName(ToolIcon icon) {
    switch (icon) {
    case ToolIcon::Pan:
        return QStringLiteral("transform-move");
    case ToolIcon::Select:
        return QStringLiteral("edit-select");
    case ToolIcon::SelectWhere:
        return QStringLiteral("view-filter");
    default:
        return {}; // no theme has map drawing icons that mean the same everywhere
    }
}

} // namespace

QIcon toolIcon(ToolIcon icon) {
    QPixmap pixmap(48, 48);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.scale(2.0, 2.0); // drawn on a 24 px grid, sharp on high-density screens
        draw(painter, icon);
    }
    pixmap.setDevicePixelRatio(2.0);
    const QString name = themeName(icon);
    return name.isEmpty() ? QIcon(pixmap) : QIcon::fromTheme(name, QIcon(pixmap));
}

} // namespace trygg
