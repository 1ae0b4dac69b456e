#pragma once
// Vertex-level edits of any geometry, as the vertex and move tools need them. A closed ring's
// last point repeats its first: it is not a vertex of its own, and moving or removing the
// first vertex keeps the ring closed.

#include "tryggkarta/core/geometry.h"

#include <optional>
#include <vector>

namespace trygg {

/// Which vertex: part of a multi geometry, ring of a polygon (0 = exterior), index in it.
/// For a segment, `index` is the vertex it starts at.
struct VertexRef {
    std::size_t part = 0;
    std::size_t ring = 0;
    std::size_t index = 0;
    bool operator==(const VertexRef&) const = default;
};

struct VertexHandle {
    VertexRef ref;
    Point point;
};

/// Every vertex, closing repeats left out.
std::vector<VertexHandle> vertexHandles(const Geometry& geometry);
/// The middle of every segment of lines and rings (none for points).
std::vector<VertexHandle> midpointHandles(const Geometry& geometry);
/// The nearest point on a segment within `tolerance`, with the segment it lies on.
std::optional<VertexHandle> nearestOnSegment(const Geometry& geometry, const Point& point,
                                             double tolerance);

Geometry withVertexMoved(Geometry geometry, const VertexRef& vertex, const Point& to);
/// Inserts `point` into the segment that starts at `segment`.
Geometry withVertexInserted(Geometry geometry, const VertexRef& segment, const Point& point);

/// Why a vertex cannot be removed.
enum class VertexRemoval { Done, NoSuchVertex, LastOfPoint, LineTooShort, RingTooSmall };
/// The geometry without the vertex, or why not: a line keeps two vertices, a ring three, a
/// point its one.
VertexRemoval withoutVertex(Geometry& geometry, const VertexRef& vertex);

Geometry translated(Geometry geometry, double dx, double dy);

} // namespace trygg
