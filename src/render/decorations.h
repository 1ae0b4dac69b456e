#pragma once
// What makes a drawn map a finished map: scale bar, north arrow, legend, source note and
// title. Sized in millimetres and converted with the view's dpi, so a PDF at 300 dpi and
// the screen at 96 dpi look alike.

#include "tryggkarta/render/map_scene.h"
#include "tryggkarta/render/view_transform.h"

#include <QFont>
#include <QPainter>

namespace trygg::render {

/// A sans-serif font `millimetres` high (pixel size through the view's dpi).
QFont mapFont(const ViewTransform& view, double millimetres, bool bold = false);

/// The scale bar's length in metres: 1, 2 or 5 × 10^n, the largest not above `metres`.
double roundScaleLength(double metres);

/// "100 m", "2 km".
QString formatLength(double metres);

/// True when the layer is drawn at the view's scale (visible and within its maxScale).
bool drawnAtScale(const SceneLayer& layer, const ViewTransform& view);

void drawDecorations(QPainter& painter, const MapScene& scene, const ViewTransform& view);

/// Draws the legend of the scene's drawn layers, top layer first, below `top` (pixels).
void drawLegend(QPainter& painter, const MapScene& scene, const ViewTransform& view, double top);

} // namespace trygg::render
