#pragma once
// How the tools draw above the map: one style for sketches, handles, snap markers and the
// selection, sized for fingers on a tablet as much as for a mouse.

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/snapping.h"
#include "tryggkarta/render/view_transform.h"

#include <QColor>

class QPainter;

namespace trygg {

class MapDocument;

namespace overlay {

inline const QColor kSketch{0x1f, 0x4e, 0x9c};    ///< lines being drawn
inline const QColor kSelection{0xff, 0xc4, 0x00}; ///< selected features
inline const QColor kSnap{0xd0, 0x00, 0x78};      ///< where a point snaps to
/// Half the side of a vertex handle, in pixels: big enough to hit with a finger.
inline constexpr double kHandleRadius = 5.0;
/// How near (pixels) a press must be to a handle to take it.
inline constexpr double kHandleReach = 12.0;

/// Draws a geometry with the painter's pen and brush; points as circles of `pointRadius` px.
void drawGeometry(QPainter& painter, const ViewTransform& view, const Geometry& geometry,
                  double pointRadius = 6.0);
/// A square vertex handle; `hot` when under the pointer or being dragged.
void drawVertexHandle(QPainter& painter, QPointF at, bool hot = false);
/// A small round handle in the middle of a segment, for adding a vertex.
void drawMidpointHandle(QPainter& painter, QPointF at);
/// A square around a vertex, a diamond on a segment.
void drawSnapMarker(QPainter& painter, const ViewTransform& view, const SnapResult& snap);
/// Highlights the document's selected features that lie in the view.
void drawSelection(QPainter& painter, const ViewTransform& view, const MapDocument& document);

} // namespace overlay
} // namespace trygg
