#pragma once
// The white halo that keeps labels readable over the map. The obvious way, stroking the
// text's outline with a wide round pen, costs about a millisecond a label in Qt's raster
// engine (the stroke of a glyph run is thousands of overlapping curve pieces), which at
// street level is more than the rest of the base map together. On raster devices the halo
// is made instead from the text's own coverage, widened by the halo's radius: the same
// shape (a round pen along the outline is the glyphs grown by a disc), at a tenth of the
// cost. Vector devices (PDF, SVG) keep the stroked outline.

#include <QFont>
#include <QPainter>
#include <QString>
#include <QTransform>

namespace trygg::render {

/// Where a label's text goes: the text's baseline origin and rotation, in the painter's
/// user space, and its horizontal advance.
struct TextPlacement {
    QPointF origin;
    double angle = 0.0; ///< degrees
    double width = 0.0;
};

/// Draws the halo of `text` (white, `radius` pixels around the glyphs) under where the
/// text will go. Leaves the painter's state as it found it.
void drawTextHalo(QPainter& painter, const QFont& font, const QString& text,
                  const TextPlacement& placement, double radius);

} // namespace trygg::render
