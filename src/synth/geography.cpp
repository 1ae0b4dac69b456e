#include "geography.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace trygg::synth {
namespace {

// The railway runs a little east of north through the station; the old grid is laid out
// square to it, so the grid frame is the railway's frame: u eastwards, v along the track.
constexpr double kRailBearing = 8.0 * std::numbers::pi / 180.0;
const double kSinRail = std::sin(kRailBearing);
const double kCosRail = std::cos(kRailBearing);

Point fromGrid(double u, double v) {
    return Point{kCentre.x() + u * kCosRail + v * kSinRail,
                 kCentre.y() - u * kSinRail + v * kCosRail};
}

// Grid frame coordinates of a map point.
void toGrid(const Point& p, double& u, double& v) {
    double dx = p.x() - kCentre.x();
    double dy = p.y() - kCentre.y();
    u = dx * kCosRail - dy * kSinRail;
    v = dx * kSinRail + dy * kCosRail;
}

struct Street {
    double fixed;   ///< u of a street along the track, v of a cross street
    double from;    ///< extent along the street
    double to;
    bool alongTrack;
    double distanceToStation;
};

// Lamps along one straight street, on alternating sides, 25–35 m apart.
void lampsAlong(Rng& rng, const Street& street, std::vector<Point>& out, std::size_t count) {
    double side = 6.0;
    for (double s = street.from + rng.uniform(0.0, 15.0); s <= street.to && out.size() < count;
         s += rng.uniform(25.0, 35.0)) {
        out.push_back(street.alongTrack ? fromGrid(street.fixed + side, s)
                                        : fromGrid(s, street.fixed + side));
        side = -side;
    }
}

// Appends grid points from `from` to `to` stepping along one axis at a time, as a walk
// follows streets.
void staircase(Rng& rng, double& u, double& v, double toU, double toV, LineString& route) {
    bool alongU = rng.chance(0.5);
    while (std::abs(toU - u) > 1.0 || std::abs(toV - v) > 1.0) {
        double step = rng.uniform(60.0, 140.0);
        if (alongU && std::abs(toU - u) > 1.0) {
            u += std::copysign(std::min(step, std::abs(toU - u)), toU - u);
        } else if (std::abs(toV - v) > 1.0) {
            v += std::copysign(std::min(step, std::abs(toV - v)), toV - v);
        } else {
            u += std::copysign(std::min(step, std::abs(toU - u)), toU - u);
        }
        route.push_back(fromGrid(u, v));
        alongU = !alongU;
    }
}

} // namespace

std::vector<HotSpot> makeHotSpots(Rng& rng) {
    std::size_t count = 8 + rng.index(3);
    std::vector<HotSpot> spots;
    // The station square and the resecentrum always draw reports; the rest are scattered.
    spots.push_back({fromGrid(40.0, -20.0), rng.uniform(15.0, 35.0)});
    while (spots.size() < count) {
        double radius = 600.0 * std::sqrt(rng.uniform(0.02, 1.0));
        double angle = rng.uniform(0.0, 2.0 * std::numbers::pi);
        Point centre{kCentre.x() + radius * std::cos(angle), kCentre.y() + radius * std::sin(angle)};
        spots.push_back({centre, rng.uniform(15.0, 60.0)});
    }
    return spots;
}

Point nearHotSpot(Rng& rng, const HotSpot& spot) {
    double dx = std::clamp(rng.normal(), -4.0, 4.0) * spot.sigma;
    double dy = std::clamp(rng.normal(), -4.0, 4.0) * spot.sigma;
    return Point{spot.centre.x() + dx, spot.centre.y() + dy};
}

Point anywhereInCentre(Rng& rng) {
    return Point{kCentre.x() + rng.uniform(-800.0, 800.0), kCentre.y() + rng.uniform(-600.0, 600.0)};
}

Point around(Rng& rng, const Point& point, double radius) {
    double r = radius * std::sqrt(rng.uniform01());
    double angle = rng.uniform(0.0, 2.0 * std::numbers::pi);
    return Point{point.x() + r * std::cos(angle), point.y() + r * std::sin(angle)};
}

std::vector<Point> luminairePositions(Rng& rng, std::size_t count) {
    std::vector<Point> out;
    out.reserve(count);
    // Östra Järnvägsgatan and the platforms: lamps beside the track through the centre.
    Street rail{15.0, -700.0, 700.0, true, 0.0};
    lampsAlong(rng, rail, out, count);
    // The grid grows until it holds enough lamps, so any count gets a plausible layout.
    double width = 700.0;
    double height = 1000.0;
    while (out.size() < count) {
        std::vector<Street> streets;
        for (double u = 70.0; u <= 70.0 + width; u += rng.uniform(80.0, 120.0)) {
            streets.push_back({u, -height / 2, height / 2, true, u});
        }
        for (double v = -height / 2; v <= height / 2; v += rng.uniform(80.0, 120.0)) {
            streets.push_back({v, 70.0, 70.0 + width, false, std::abs(v)});
        }
        std::ranges::stable_sort(streets, {}, &Street::distanceToStation);
        std::size_t before = out.size();
        for (const auto& street : streets) {
            lampsAlong(rng, street, out, count);
        }
        if (out.size() < count) {
            // Lamps of a grid that was too small are dropped, then a larger one is laid out.
            out.resize(std::min(before, out.size()));
            width *= 1.5;
            height *= 1.5;
        }
    }
    return out;
}

LineString walkRoute(Rng& rng) {
    // Start at the edge of the centre, pass the station, leave on another side.
    double angleIn = rng.uniform(0.0, 2.0 * std::numbers::pi);
    double angleOut = angleIn + std::numbers::pi + rng.uniform(-1.0, 1.0);
    double radiusIn = rng.uniform(350.0, 550.0);
    double radiusOut = rng.uniform(350.0, 550.0);
    double u = radiusIn * std::cos(angleIn);
    double v = radiusIn * std::sin(angleIn);
    LineString route{fromGrid(u, v)};
    staircase(rng, u, v, rng.uniform(-30.0, 30.0), rng.uniform(-30.0, 30.0), route);
    staircase(rng, u, v, radiusOut * std::cos(angleOut), radiusOut * std::sin(angleOut), route);

    double target = rng.uniform(1000.0, 2000.0);
    // Too short: wander on, turning back towards the station near the edge of the centre.
    while (lineLength(route) < target) {
        double cu = 0.0;
        double cv = 0.0;
        toGrid(route.back(), cu, cv);
        double step = rng.uniform(60.0, 140.0);
        bool alongU = rng.chance(0.5);
        double away = alongU ? cu : cv;
        double sign = std::abs(away) > 400.0 ? -std::copysign(1.0, away) : (rng.chance(0.5) ? 1.0 : -1.0);
        route.push_back(alongU ? fromGrid(cu + sign * step, cv) : fromGrid(cu, cv + sign * step));
    }
    // Too long: end the walk where the target length is reached.
    double walked = 0.0;
    for (std::size_t i = 1; i < route.size(); ++i) {
        double leg = distance(route[i - 1], route[i]);
        if (walked + leg >= target) {
            double t = (target - walked) / leg;
            Point end{route[i - 1].x() + t * (route[i].x() - route[i - 1].x()),
                      route[i - 1].y() + t * (route[i].y() - route[i - 1].y())};
            route.resize(i);
            route.push_back(end);
            break;
        }
        walked += leg;
    }
    return route;
}

Point pointAlong(const LineString& line, double fraction) {
    return stationAt(line, std::clamp(fraction, 0.0, 1.0) * lineLength(line)).point;
}

} // namespace trygg::synth
