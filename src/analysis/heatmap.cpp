#include "tryggkarta/analysis/heatmap.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace trygg {
namespace {

constexpr std::size_t progressStep = 4096;

// The grid QGIS makes: the points' extent grown by the radius, one pixel more than it takes
// to cover it in each direction, anchored at the west and north edges.
struct Frame {
    double west, south, north;
    std::size_t columns, rows;
};

Frame frameOf(std::span<const Point> points, double radius, double pixelSize) {
    double west = points.front().x(), east = west;
    double south = points.front().y(), north = south;
    for (const Point& p : points) {
        west = std::min(west, p.x());
        east = std::max(east, p.x());
        south = std::min(south, p.y());
        north = std::max(north, p.y());
    }
    west -= radius;
    east += radius;
    south -= radius;
    north += radius;
    const auto count = [pixelSize](double length) {
        return static_cast<std::size_t>(std::max(std::ceil(length / pixelSize) + 1.0, 1.0));
    };
    return Frame{west, south, north, count(east - west), count(north - south)};
}

// QGIS's block half-width: whole pixels in the radius, plus one when the remainder exceeds
// half a metre (not half a pixel: a quirk kept so the touched cells match).
long bufferPixels(double radius, double pixelSize) {
    auto buffer = static_cast<long>(radius / pixelSize);
    if (radius - pixelSize * static_cast<double>(buffer) > 0.5)
        ++buffer;
    return buffer;
}

// Adds one point's kernel to `sums`. Column and row of the block come from the west and
// north edges, but the cell centres used for distances count from the south edge of the
// extent, exactly as QGIS does it (the two differ by a fraction of a pixel).
void addPoint(const Point& p, double weight, const HeatmapOptions& options, const Frame& frame,
              long buffer, std::vector<double>& sums, std::vector<unsigned char>& touched) {
    const double pixel = options.pixelSize;
    const long x0 = static_cast<long>((p.x() - frame.west) / pixel) - buffer;
    const long y0 = static_cast<long>((p.y() - frame.south) / pixel) - buffer;
    const long row0 = static_cast<long>((frame.north - p.y()) / pixel) - buffer;
    const long side = 2 * buffer + 1;
    for (long yp = 0; yp < side; ++yp) {
        const long row = row0 + yp;
        if (row < 0 || row >= static_cast<long>(frame.rows))
            continue;
        const double dy = (static_cast<double>(y0 + yp) + 0.5) * pixel + frame.south - p.y();
        for (long xp = 0; xp < side; ++xp) {
            const long column = x0 + xp;
            if (column < 0 || column >= static_cast<long>(frame.columns))
                continue;
            const double dx = (static_cast<double>(x0 + xp) + 0.5) * pixel + frame.west - p.x();
            const double distance = std::sqrt(dx * dx + dy * dy);
            if (distance > options.radius)
                continue;
            const auto cell = static_cast<std::size_t>(row) * frame.columns +
                              static_cast<std::size_t>(column);
            sums[cell] += weight * kernelValue(options.kernel, distance, options.radius,
                                               options.scaled);
            touched[cell] = 1;
        }
    }
}

} // namespace

double kernelValue(Kernel kernel, double distance, double radius, bool scaled) {
    if (distance > radius)
        return 0.0;
    const double u2 = (distance / radius) * (distance / radius);
    const double area = std::numbers::pi * radius * radius;
    switch (kernel) {
    case Kernel::Uniform:
        return scaled ? 1.0 / area : 1.0;
    case Kernel::Quartic:
        // QGIS's constant: 116/5 × 15/16 where a normalised kernel would have 3.
        return (scaled ? 116.0 / 5.0 * 15.0 / 16.0 / area : 1.0) * (1.0 - u2) * (1.0 - u2);
    case Kernel::Triweight:
        return (scaled ? 4.0 / area : 1.0) * std::pow(1.0 - u2, 3);
    case Kernel::Epanechnikov:
        return (scaled ? 2.0 / area : 1.0) * (1.0 - u2);
    case Kernel::Triangular:
        return (scaled ? 3.0 / area : 1.0) * (1.0 - distance / radius);
    }
    return 0.0;
}

double silvermanRadius(std::span<const Point> points) {
    if (points.size() < 2)
        return 0.0;
    const auto n = static_cast<double>(points.size());
    double meanX = 0.0, meanY = 0.0;
    for (const Point& p : points) {
        meanX += p.x() / n;
        meanY += p.y() / n;
    }
    std::vector<double> distances;
    distances.reserve(points.size());
    double squares = 0.0;
    for (const Point& p : points) {
        const double d2 = (p.x() - meanX) * (p.x() - meanX) + (p.y() - meanY) * (p.y() - meanY);
        squares += d2;
        distances.push_back(std::sqrt(d2));
    }
    const double standardDistance = std::sqrt(squares / n);
    const auto middle = distances.begin() + static_cast<std::ptrdiff_t>(distances.size() / 2);
    std::nth_element(distances.begin(), middle, distances.end());
    double median = *middle;
    if (distances.size() % 2 == 0)
        median = (median + *std::max_element(distances.begin(), middle)) / 2.0;
    const double spread = std::min(standardDistance, std::sqrt(1.0 / std::numbers::ln2) * median);
    return 0.9 * spread * std::pow(n, -0.2);
}

Result<HeatmapGrid> heatmap(std::span<const Point> points, std::span<const double> weights,
                            const HeatmapOptions& options, Progress& progress) {
    if (points.empty())
        return fail(ErrorCode::Usage, "no points to make a heat map of", "heat map");
    if (!(options.radius > 0.0) || !(options.pixelSize > 0.0))
        return fail(ErrorCode::Usage, "radius and pixel size must be greater than 0", "heat map");
    if (!weights.empty() && weights.size() != points.size())
        return fail(ErrorCode::Usage, "one weight per point is needed", "heat map");
    const Frame frame = frameOf(points, options.radius, options.pixelSize);
    if (static_cast<double>(frame.columns) * static_cast<double>(frame.rows) > 1e9)
        return fail(ErrorCode::Usage, "the heat map would have more than a billion cells",
                    "heat map");
    std::vector<double> sums(frame.columns * frame.rows, 0.0);
    std::vector<unsigned char> touched(sums.size(), 0);
    const long buffer = bufferPixels(options.radius, options.pixelSize);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i % progressStep == 0) {
            if (progress.isCancelled())
                return fail(ErrorCode::Cancelled, "the heat map was cancelled", "heat map");
            progress.update(i, points.size());
        }
        addPoint(points[i], weights.empty() ? 1.0 : weights[i], options, frame, buffer, sums,
                 touched);
    }
    HeatmapGrid grid;
    grid.west = frame.west;
    grid.north = frame.north;
    grid.pixelSize = options.pixelSize;
    grid.columns = frame.columns;
    grid.rows = frame.rows;
    grid.values.resize(sums.size());
    for (std::size_t i = 0; i < sums.size(); ++i)
        grid.values[i] = touched[i] ? static_cast<float>(sums[i]) : HeatmapGrid::noData;
    progress.update(points.size(), points.size());
    return grid;
}

} // namespace trygg
