#pragma once
// Colours and pens of the layer definitions' styles, in device pixels for a view.

#include "tryggkarta/core/schema.h"

#include <QBrush>
#include <QColor>
#include <QPen>

#include <string_view>

namespace trygg::render {

/// "#rrggbb" or "#rrggbbaa" (alpha last, as the layer definitions write it; Qt's own
/// parser reads "#aarrggbb"). Anything else is mid grey, so a typo shows rather than hides.
QColor parseColour(std::string_view text);

/// What a style turns into on a device: colours parsed once per style, sizes in pixels.
struct StylePaint {
    QColor fill;
    QColor stroke;
    QPen outline;       ///< symbol and polygon outlines; Qt::NoPen for a zero stroke width
    QPen line;          ///< line features
    QBrush area;        ///< polygon interiors (solid, or hatched)
    double symbolPixels = 0.0;
};

/// `pixelsPerMillimetre` comes from the view (dpi / 25.4). Point-symbol styles drawn on
/// lines use the fill colour at a width of at most 0.6 mm, so a line measure keeps the
/// colour of its status without turning into a band.
StylePaint paintFor(const Style& style, double pixelsPerMillimetre);

} // namespace trygg::render
