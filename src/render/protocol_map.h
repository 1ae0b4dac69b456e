#pragma once
// The route map of a walk protocol, and what the documents' pages (protocols, plans) share
// with it: the page resolution, the font, wrapped text and the numbered markers that tie a
// place on the map to its entry.

#include "tryggkarta/render/walk_protocol.h"

#include <QFont>
#include <QPainter>
#include <string>

namespace trygg::render {

/// The protocol's pages are laid out in pixels at this resolution.
inline constexpr double kProtocolDpi = 300.0;

/// Pixels on the protocol's pages for a length in millimetres.
inline double protocolPixels(double millimetres) {
    return millimetres * kProtocolDpi / 25.4;
}

/// The protocol's sans-serif font, `millimetres` high.
QFont protocolFont(double millimetres, bool bold = false, bool italic = false);

/// Draws `text` wrapped to `width` pixels with its top left at `at` (only measures when
/// `draw` is false) and returns its height; a newline starts a line, and a word longer than
/// the width is broken rather than run off the page.
double wrappedText(QPainter& painter, const QString& text, const QFont& font, QPointF at,
                   double width, bool draw, const QColor& colour = Qt::black,
                   Qt::Alignment alignment = Qt::AlignLeft);

/// The line under a page's body: `title` on the left (shortened to fit), `pageText`
/// ("Sida 2 av 3") on the right, its baseline `below` pixels under the body.
void drawPageFooter(QPainter& painter, const QRectF& body, double below, const QString& title,
                    const QString& pageText);

/// A filled circle (`colour` "#rrggbb") with a white rim and `number` in it, in black on
/// light colours and white on dark ones.
void drawStopMarker(QPainter& painter, QPointF centre, double diameter, int number,
                    const std::string& colour);

/// The area the map shows: the route and the stops, at least 200 m across; empty when the
/// protocol has neither.
Box protocolMapExtent(const WalkProtocol& protocol);

/// The map frame's height (pixels) for a frame `width` pixels wide: the extent's shape, kept
/// between 80 and 140 mm.
double protocolMapHeight(const Box& extent, double width);

/// Draws the base map of `scene` (its thematic layers left out: they would show every walk,
/// observation, lamp and measure of the project) over `extent` into `frame`, with the route
/// and the numbered stops on top, a scale bar, a north arrow and the source note.
void drawProtocolMap(QPainter& painter, const QRectF& frame, const WalkProtocol& protocol,
                     const MapScene& scene, const Box& extent);

} // namespace trygg::render
