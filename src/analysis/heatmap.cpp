#include "tryggkarta/analysis/heatmap.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numbers>
#include <system_error>
#include <thread>

namespace trygg {
namespace {

/// Rows of the grid one thread fills at a time: small enough to share the work evenly between
/// the cores and to notice a cancel soon, large enough that few points straddle two bands.
constexpr std::size_t kRowsPerBand = 64;

/// QGIS's kernels (Wand and Jones 1995, p. 175; triangular with decay 0) and constants. The
/// constant factor is worked out once, by the same operations in the same order as QGIS, and
/// each value too, so every value is the same double as QGIS's.
class KernelShape {
public:
    KernelShape() = default;
    KernelShape(Kernel kernel, double radius, bool scaled) : m_kernel(kernel), m_radius(radius) {
        const double pi = std::numbers::pi;
        const double r2 = radius * radius;
        if (!scaled)
            return; // raw: the factor 1 multiplies exactly
        switch (kernel) {
        case Kernel::Uniform:
            m_factor = 2.0 / (pi * radius) * (0.5 / radius);
            break;
        case Kernel::Quartic:
            // Not normalised: a normalised quartic would have 3, QGIS has 116/5 × 15/16.
            m_factor = 116.0 / (5.0 * pi * r2) * (15.0 / 16.0);
            break;
        case Kernel::Triweight:
            m_factor = 128.0 / (35.0 * pi * r2) * (35.0 / 32.0);
            break;
        case Kernel::Epanechnikov:
            m_factor = 8.0 / (3.0 * pi * r2) * (3.0 / 4.0);
            break;
        case Kernel::Triangular:
            m_factor = 3.0 / (pi * r2);
            break;
        }
    }

    [[nodiscard]] Kernel kernel() const { return m_kernel; }
    [[nodiscard]] double radius() const { return m_radius; }

    [[nodiscard]] double uniform() const { return m_factor; }
    [[nodiscard]] double quartic(double distance) const {
        const double s = oneMinusU2(distance);
        return m_factor * (s * s);
    }
    [[nodiscard]] double triweight(double distance) const {
        return m_factor * std::pow(oneMinusU2(distance), 3); // pow, as QGIS: x·x·x rounds apart
    }
    [[nodiscard]] double epanechnikov(double distance) const {
        return m_factor * oneMinusU2(distance);
    }
    [[nodiscard]] double triangular(double distance) const {
        return m_factor * (1.0 - distance / m_radius);
    }
    [[nodiscard]] double operator()(double distance) const {
        switch (m_kernel) {
        case Kernel::Uniform:
            return uniform();
        case Kernel::Quartic:
            return quartic(distance);
        case Kernel::Triweight:
            return triweight(distance);
        case Kernel::Epanechnikov:
            return epanechnikov(distance);
        case Kernel::Triangular:
            return triangular(distance);
        }
        return 0.0;
    }

private:
    [[nodiscard]] double oneMinusU2(double distance) const {
        const double u = distance / m_radius;
        return 1.0 - u * u;
    }

    Kernel m_kernel = Kernel::Quartic;
    double m_radius = 1.0;
    double m_factor = 1.0;
};

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
std::int64_t bufferPixels(double radius, double pixelSize) {
    auto buffer = static_cast<std::int64_t>(radius / pixelSize);
    if (radius - pixelSize * static_cast<double>(buffer) > 0.5)
        ++buffer;
    return buffer;
}

// Where QGIS puts a point's square block of cells. It converts "cells from the edge minus the
// buffer" to an unsigned int, so a start just below 0 truncates to 0. The block's column and
// row come from the west and north edges, but the cell centres it measures distances to count
// rows from the south edge: the block is mirrored north-south around the point's row, which
// QGIS's numbers show and ours keep.
struct Placement {
    std::int64_t column = 0;   ///< first column of the block
    std::int64_t row = 0;      ///< first row of the block, from the north
    std::int64_t southRow = 0; ///< the row index QGIS measures distances with, from the south
    /// The block lies in the grid; when not, QGIS's read fails and the point adds nothing.
    bool inside = false;
};

Placement placementOf(const Point& p, const Frame& frame, double pixel, std::int64_t buffer) {
    const auto start = [&](double offset) {
        return static_cast<std::int64_t>(offset / pixel - static_cast<double>(buffer));
    };
    Placement placed;
    placed.column = start(p.x() - frame.west);
    placed.row = start(frame.north - p.y());
    placed.southRow = start(p.y() - frame.south);
    const std::int64_t side = 2 * buffer + 1;
    placed.inside = placed.column >= 0 && placed.row >= 0 &&
                    placed.column + side <= static_cast<std::int64_t>(frame.columns) &&
                    placed.row + side <= static_cast<std::int64_t>(frame.rows);
    return placed;
}

/// Everything the threads share: read-only inputs, the grid (each band written by one thread
/// only) and the band counter.
struct HeatWork {
    std::span<const Point> points;
    std::span<const double> weights;
    std::vector<Placement> placements;
    Frame frame{};
    double pixel = 0.0;
    std::int64_t side = 0;
    KernelShape kernel;
    std::vector<float> values;
    std::size_t bands = 0;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
};

// Adds one point's kernel to the rows [rowBegin, rowEnd) of its block, cell by cell as QGIS
// does: the float cell (0 when it still holds noData) plus the double value, rounded to float.
// Every cell sees the points in their order, so the sums round exactly as QGIS's do.
template <typename Value>
[[gnu::always_inline]] inline void addPointRows(HeatWork& work, std::size_t index,
                                                std::int64_t rowBegin, std::int64_t rowEnd,
                                                std::vector<double>& dx2, Value kernelAt) {
    const Placement& placed = work.placements[index];
    const Point& p = work.points[index];
    const double weight = work.weights.empty() ? 1.0 : work.weights[index];
    const double radius = work.kernel.radius();
    const auto side = static_cast<std::size_t>(work.side);
    for (std::size_t xp = 0; xp < side; ++xp) {
        const double dx =
            (static_cast<double>(placed.column + static_cast<std::int64_t>(xp)) + 0.5) *
                work.pixel +
            work.frame.west - p.x();
        dx2[xp] = dx * dx;
    }
    for (std::int64_t row = std::max(rowBegin, placed.row);
         row < std::min(rowEnd, placed.row + work.side); ++row) {
        const std::int64_t measured = placed.southRow + (row - placed.row);
        if (measured < 0)
            continue; // QGIS's unsigned index wraps round: a centre far away, out of reach
        const double dy =
            (static_cast<double>(measured) + 0.5) * work.pixel + work.frame.south - p.y();
        const double dy2 = dy * dy;
        float* line = work.values.data() + static_cast<std::size_t>(row) * work.frame.columns +
                      static_cast<std::size_t>(placed.column);
        // Without branches, so that the compiler can do several cells at once; a cell out of
        // reach gets its value back unchanged.
        for (std::size_t xp = 0; xp < side; ++xp) {
            const double distance = std::sqrt(dx2[xp] + dy2);
            const float old = line[xp];
            const float base = old == HeatmapGrid::noData ? 0.0F : old;
            const auto sum =
                static_cast<float>(static_cast<double>(base) + weight * kernelAt(distance));
            line[xp] = distance > radius ? old : sum;
        }
    }
}

template <typename Value>
[[gnu::always_inline]] inline void fillBand(HeatWork& work, std::size_t band, Value kernelAt) {
    const auto rowBegin = static_cast<std::int64_t>(band * kRowsPerBand);
    const auto rowEnd = std::min(rowBegin + static_cast<std::int64_t>(kRowsPerBand),
                                 static_cast<std::int64_t>(work.frame.rows));
    std::vector<double> dx2(static_cast<std::size_t>(work.side));
    for (std::size_t i = 0; i < work.points.size(); ++i) {
        const Placement& placed = work.placements[i];
        if (placed.inside && placed.row < rowEnd && placed.row + work.side > rowBegin)
            addPointRows(work, i, rowBegin, rowEnd, dx2, kernelAt);
    }
}

// One instantiation per kernel, so that the inner loop has no switch; compiled twice, for
// processors with AVX2 (four cells at once) and for any x86-64, and chosen when the program
// starts. The numbers are the same: the same operations, each rounded alike.
[[gnu::target_clones("avx2", "default")]] void fillBand(HeatWork& work, std::size_t band) {
    const KernelShape& k = work.kernel;
    switch (k.kernel()) {
    case Kernel::Uniform:
        return fillBand(work, band, [&k](double) { return k.uniform(); });
    case Kernel::Quartic:
        return fillBand(work, band, [&k](double d) { return k.quartic(d); });
    case Kernel::Triweight:
        return fillBand(work, band, [&k](double d) { return k.triweight(d); });
    case Kernel::Epanechnikov:
        return fillBand(work, band, [&k](double d) { return k.epanechnikov(d); });
    case Kernel::Triangular:
        return fillBand(work, band, [&k](double d) { return k.triangular(d); });
    }
}

void fillBands(HeatWork& work) {
    for (std::size_t band = work.next++; band < work.bands && !work.stop; band = work.next++) {
        fillBand(work, band);
        ++work.done;
    }
}

/// Fills the grid's bands on every core; this thread works too and alone talks to `progress`.
bool fillAll(HeatWork& work, Progress& progress) {
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    std::vector<std::jthread> pool;
    try {
        for (unsigned t = 1; t < cores && t < work.bands; ++t)
            pool.emplace_back([&work] { fillBands(work); });
    } catch (const std::system_error&) {
        // No more threads to be had: the ones started and this one share the bands.
    }
    for (std::size_t band = work.next++; band < work.bands && !work.stop; band = work.next++) {
        fillBand(work, band);
        progress.update(++work.done, work.bands);
        work.stop = progress.isCancelled();
    }
    pool.clear(); // joins
    return !work.stop && !progress.isCancelled();
}

} // namespace

std::string_view kernelName(Kernel kernel) {
    switch (kernel) {
    case Kernel::Quartic:
        return "quartic";
    case Kernel::Triangular:
        return "triangular";
    case Kernel::Uniform:
        return "uniform";
    case Kernel::Triweight:
        return "triweight";
    case Kernel::Epanechnikov:
        return "epanechnikov";
    }
    return "quartic";
}

std::optional<Kernel> parseKernel(std::string_view name) {
    for (Kernel kernel : {Kernel::Quartic, Kernel::Triangular, Kernel::Uniform, Kernel::Triweight,
                          Kernel::Epanechnikov}) {
        const std::string_view known = kernelName(kernel);
        if (std::ranges::equal(name, known, [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return kernel;
    }
    return std::nullopt;
}

std::string heatmapDescription(const HeatmapOptions& options) {
    char radius[32];
    std::snprintf(radius, sizeof radius, "%g", options.radius);
    return std::string(options.scaled ? "Täthet per m² (" : "Täthet (") +
           std::string(kernelName(options.kernel)) + ", radie " + radius + " m)";
}

std::string_view heatmapUnit(const HeatmapOptions& options) {
    return options.scaled ? "1/m²" : "";
}

double kernelValue(Kernel kernel, double distance, double radius, bool scaled) {
    if (distance > radius)
        return 0.0;
    return KernelShape(kernel, radius, scaled)(distance);
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
    HeatWork work;
    work.frame = frameOf(points, options.radius, options.pixelSize);
    if (static_cast<double>(work.frame.columns) * static_cast<double>(work.frame.rows) > 1e9)
        return fail(ErrorCode::Usage, "the heat map would have more than a billion cells",
                    "heat map");
    work.points = points;
    work.weights = weights;
    work.pixel = options.pixelSize;
    work.kernel = KernelShape(options.kernel, options.radius, options.scaled);
    const std::int64_t buffer = bufferPixels(options.radius, options.pixelSize);
    work.side = 2 * buffer + 1;
    work.placements.reserve(points.size());
    for (const Point& p : points)
        work.placements.push_back(placementOf(p, work.frame, options.pixelSize, buffer));
    work.values.assign(work.frame.columns * work.frame.rows, HeatmapGrid::noData);
    work.bands = (work.frame.rows + kRowsPerBand - 1) / kRowsPerBand;
    progress.setStage("heat map");
    if (!fillAll(work, progress))
        return fail(ErrorCode::Cancelled, "the heat map was cancelled", "heat map");
    HeatmapGrid grid;
    grid.west = work.frame.west;
    grid.north = work.frame.north;
    grid.pixelSize = options.pixelSize;
    grid.columns = work.frame.columns;
    grid.rows = work.frame.rows;
    grid.values = std::move(work.values);
    return grid;
}

} // namespace trygg
