#pragma once
// Measuring along lines in a projected CRS (metres): where a point along a line is, which way
// the line runs there, and the point of a line nearest to another point.

#include "tryggkarta/core/geometry.h"

namespace trygg::synth {

/// A place on a line: the point and the unit direction of the segment it lies on.
struct Station {
    Point point;
    double dx = 1.0;
    double dy = 0.0;
};

/// The point of a line nearest to another point, and how far along the line it lies.
struct Foot {
    Point point;
    double distance = 0.0; ///< from the other point, metres
    double along = 0.0;    ///< metres from the line's start
};

double distance(const Point& a, const Point& b);

/// Sum of the segment lengths.
double lineLength(const LineString& line);

/// The station `along` metres from the start, clamped to the line's ends. A point on a vertex
/// takes the direction of the segment that starts there (the last one at the end).
/// A line without length gives its last point, facing east.
Station stationAt(const LineString& line, double along);

/// The nearest point of `line` to `point`. The line must have at least one point.
Foot nearestOn(const LineString& line, const Point& point);

/// Compass bearing in degrees (clockwise from north, within [0, 360)) from `from` to `to`.
double bearingDegrees(const Point& from, const Point& to);

/// Compass bearing in degrees of a direction given as (east, north) components.
double bearingOf(double dx, double dy);

/// Twice the signed area of a ring: positive when it runs counter-clockwise.
double signedArea2(const LineString& ring);

} // namespace trygg::synth
