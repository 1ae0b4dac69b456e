#include "symbol_painter.h"

#include <QPolygonF>

#include <array>
#include <cmath>
#include <numbers>

namespace trygg::render {
namespace {

QPolygonF regularStar(QPointF centre, double outer, double inner, int points) {
    QPolygonF polygon;
    for (int i = 0; i < 2 * points; ++i) {
        const double radius = i % 2 == 0 ? outer : inner;
        const double angle = -std::numbers::pi / 2.0 + i * std::numbers::pi / points;
        polygon << QPointF(centre.x() + radius * std::cos(angle), centre.y() + radius * std::sin(angle));
    }
    return polygon;
}

} // namespace

SymbolShape shapeFor(std::string_view symbol) {
    if (symbol == "square") {
        return SymbolShape::Square;
    }
    if (symbol == "triangle") {
        return SymbolShape::Triangle;
    }
    if (symbol == "diamond") {
        return SymbolShape::Diamond;
    }
    if (symbol == "star") {
        return SymbolShape::Star;
    }
    if (symbol == "cross") {
        return SymbolShape::Cross;
    }
    return SymbolShape::Circle;
}

void drawSymbol(QPainter& painter, QPointF centre, const ResolvedStyle& style) {
    const StylePaint& paint = style.paint;
    const double r = paint.symbolPixels / 2.0;
    const double x = centre.x();
    const double y = centre.y();
    if (style.shape == SymbolShape::Cross) {
        // A cross has no interior: its arms are drawn with the outline colour, at least a
        // sixth of the symbol wide so it reads at small sizes.
        QPen pen(paint.stroke, std::max(paint.outline.widthF(), paint.symbolPixels / 6.0));
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r));
        painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r));
        return;
    }
    painter.setPen(paint.outline);
    painter.setBrush(paint.fill);
    switch (style.shape) {
    case SymbolShape::Circle:
        painter.drawEllipse(centre, r, r);
        break;
    case SymbolShape::Square:
        painter.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r));
        break;
    case SymbolShape::Triangle: {
        std::array<QPointF, 3> corners{QPointF(x, y - r), QPointF(x + r * 0.866, y + r * 0.5),
                                       QPointF(x - r * 0.866, y + r * 0.5)};
        painter.drawPolygon(corners.data(), 3);
        break;
    }
    case SymbolShape::Diamond: {
        std::array<QPointF, 4> corners{QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r),
                                       QPointF(x - r, y)};
        painter.drawPolygon(corners.data(), 4);
        break;
    }
    case SymbolShape::Star:
        painter.drawPolygon(regularStar(centre, r, r * 0.45, 5));
        break;
    case SymbolShape::Cross:
        break;
    }
}

StyleResolver::StyleResolver(const LayerDef& definition, double pixelsPerMillimetre)
    : m_symbology(definition.symbology) {
    if (!m_symbology.field.empty()) {
        m_field = definition.fieldIndex(m_symbology.field);
    }
    // Every style the symbology can give, made up front: references stay valid and the
    // number of styles is bounded by the definition, not by the data.
    auto add = [&](const Style& style) {
        m_sources.push_back(&style);
        m_styles.push_back(ResolvedStyle{paintFor(style, pixelsPerMillimetre),
                                         shapeFor(style.symbol), m_styles.size()});
    };
    add(m_symbology.fallback);
    for (const auto& [code, style] : m_symbology.byValue) {
        add(style);
    }
}

const ResolvedStyle& StyleResolver::styleFor(const Feature& feature) {
    if (!m_field || *m_field >= feature.values.size()) {
        return m_styles.front();
    }
    const Value& value = feature.values[*m_field];
    if (const auto* text = std::get_if<std::string>(&value)) {
        return resolve(*text);
    }
    return resolve(toDisplayString(value));
}

const ResolvedStyle& StyleResolver::resolve(std::string_view code) {
    for (const auto& [seen, index] : m_seen) {
        if (seen == code) {
            return m_styles[index];
        }
    }
    const Style* source = &m_symbology.styleFor(code);
    std::size_t index = 0;
    while (m_sources[index] != source) {
        ++index;
    }
    // Free-text fields could make this list as long as the data; coded fields never do.
    if (m_seen.size() < kRememberedCodes) {
        m_seen.emplace_back(std::string(code), index);
    }
    return m_styles[index];
}

} // namespace trygg::render
