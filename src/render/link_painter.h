#pragma once
// Measure→observation links on the map: thin dashed lines, the selected ones thicker in an
// accent colour. Sized in millimetres like every other stroke, so screen and PDF agree.

#include "tryggkarta/render/map_scene.h"
#include "tryggkarta/render/view_transform.h"

#include <QPainter>
#include <QPen>
#include <cstddef>

namespace trygg::render {

/// True when the map draws the scene's links at this view: switched on, there are some, and
/// the measure and the observation layers are both drawn at its scale. (A scene built with
/// links may have one of them hidden afterwards, as the CLI's --layers does.)
bool linksDrawn(const MapScene& scene, const ViewTransform& view);

/// The pen of a link: dark and thin, or thicker in the accent colour when highlighted.
QPen linkPen(const ViewTransform& view, bool highlighted);

/// Draws the links that cross the view, highlighted ones last; returns how many were drawn.
std::size_t drawLinks(QPainter& painter, const MapScene& scene, const ViewTransform& view);

} // namespace trygg::render
