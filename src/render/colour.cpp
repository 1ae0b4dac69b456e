#include "colour.h"

#include <algorithm>
#include <charconv>

namespace trygg::render {
namespace {

constexpr double kPointStyleLineMaxMm = 0.6;

bool isLineSymbol(std::string_view symbol) { return symbol == "line" || symbol == "dashed"; }

int hexByte(std::string_view text, std::size_t at) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + at + 2, value, 16);
    return ec == std::errc{} && ptr == text.data() + at + 2 ? value : -1;
}

} // namespace

QColor parseColour(std::string_view text) {
    const QColor fallback(128, 128, 128);
    if ((text.size() != 7 && text.size() != 9) || text.front() != '#') {
        return fallback;
    }
    int red = hexByte(text, 1);
    int green = hexByte(text, 3);
    int blue = hexByte(text, 5);
    int alpha = text.size() == 9 ? hexByte(text, 7) : 255;
    if (red < 0 || green < 0 || blue < 0 || alpha < 0) {
        return fallback;
    }
    return QColor(red, green, blue, alpha);
}

StylePaint paintFor(const Style& style, double pixelsPerMillimetre) {
    StylePaint paint;
    paint.fill = parseColour(style.fill);
    paint.stroke = parseColour(style.stroke);
    paint.symbolPixels = std::max(style.size * pixelsPerMillimetre, 1.0);

    const double strokePixels = style.strokeWidth * pixelsPerMillimetre;
    paint.outline = strokePixels > 0.0 ? QPen(paint.stroke, strokePixels) : QPen(Qt::NoPen);
    paint.outline.setJoinStyle(Qt::MiterJoin);

    if (isLineSymbol(style.symbol)) {
        paint.line = QPen(paint.stroke, std::max(strokePixels, 1.0), Qt::SolidLine, Qt::RoundCap,
                          Qt::RoundJoin);
        if (style.symbol == "dashed") {
            paint.line.setStyle(Qt::DashLine);
            paint.line.setCapStyle(Qt::FlatCap);
        }
    } else {
        // A point or area style on a line (measures of any geometry): the fill colour is
        // what tells the categories apart, the outline colour is mostly dark grey.
        const double width = std::min(style.strokeWidth, kPointStyleLineMaxMm) * pixelsPerMillimetre;
        paint.line = QPen(paint.fill, std::max(width, 1.0), Qt::SolidLine, Qt::RoundCap,
                          Qt::RoundJoin);
    }

    if (style.symbol == "hatched") {
        paint.area = QBrush(paint.fill, Qt::BDiagPattern);
    } else if (isLineSymbol(style.symbol)) {
        // A line style on a polygon: outline only, as a route drawn round an area.
        paint.area = QBrush(Qt::NoBrush);
        paint.outline = paint.line;
    } else {
        paint.area = QBrush(paint.fill);
    }
    return paint;
}

} // namespace trygg::render
