#include "line_geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace trygg::synth {

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

double lineLength(const LineString& line) {
    double total = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        total += distance(line[i - 1], line[i]);
    }
    return total;
}

Station stationAt(const LineString& line, double along) {
    // A line of one point, or of one point repeated, has no direction: it keeps the default.
    Station last{line.empty() ? Point{0.0, 0.0} : line.back(), 1.0, 0.0};
    double walked = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const Point& a = line[i - 1];
        const Point& b = line[i];
        double leg = distance(a, b);
        if (leg <= 0.0) {
            continue;
        }
        double dx = (b.x() - a.x()) / leg;
        double dy = (b.y() - a.y()) / leg;
        double t = std::clamp(along - walked, 0.0, leg);
        last = Station{Point{a.x() + t * dx, a.y() + t * dy}, dx, dy};
        if (along < walked + leg) {
            return last;
        }
        walked += leg;
    }
    return last;
}

Foot nearestOn(const LineString& line, const Point& point) {
    Foot best{line.front(), distance(line.front(), point), 0.0};
    double walked = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const Point& a = line[i - 1];
        const Point& b = line[i];
        double leg = distance(a, b);
        if (leg <= 0.0) {
            continue;
        }
        double t = ((point.x() - a.x()) * (b.x() - a.x()) + (point.y() - a.y()) * (b.y() - a.y())) /
                   (leg * leg);
        t = std::clamp(t, 0.0, 1.0);
        Point foot{a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())};
        double d = distance(foot, point);
        if (d < best.distance) {
            best = Foot{foot, d, walked + t * leg};
        }
        walked += leg;
    }
    return best;
}

double bearingOf(double dx, double dy) {
    double degrees = std::atan2(dx, dy) * 180.0 / std::numbers::pi;
    if (degrees < 0.0) {
        degrees += 360.0;
    }
    return degrees >= 360.0 ? 0.0 : degrees;
}

double bearingDegrees(const Point& from, const Point& to) {
    return bearingOf(to.x() - from.x(), to.y() - from.y());
}

double signedArea2(const LineString& ring) {
    double sum = 0.0;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        sum += ring[i - 1].x() * ring[i].y() - ring[i].x() * ring[i - 1].y();
    }
    return sum;
}

} // namespace trygg::synth
