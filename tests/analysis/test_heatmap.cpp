#include "tryggkarta/analysis/heatmap.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

using namespace trygg;

namespace {

double scaledMass(Kernel kernel) {
    const std::vector<Point> one{Point{500.0, 500.0}};
    HeatmapOptions options;
    options.radius = 50.0;
    options.pixelSize = 1.0;
    options.kernel = kernel;
    options.scaled = true;
    const auto grid = heatmap(one, {}, options, Progress::none());
    REQUIRE(grid);
    double sum = 0.0;
    for (float v : grid->values)
        if (v != HeatmapGrid::noData)
            sum += v;
    return sum * options.pixelSize * options.pixelSize;
}

} // namespace

TEST_CASE("kernel values at known distances", "[heatmap]") {
    const double area = std::numbers::pi * 4.0; // radius 2
    CHECK(kernelValue(Kernel::Quartic, 1.0, 2.0, false) == Approx(0.5625));
    CHECK(kernelValue(Kernel::Quartic, 1.0, 2.0, true) == Approx(21.75 * 0.5625 / area));
    CHECK(kernelValue(Kernel::Triweight, 1.0, 2.0, false) == Approx(0.421875));
    CHECK(kernelValue(Kernel::Triweight, 1.0, 2.0, true) == Approx(4.0 * 0.421875 / area));
    CHECK(kernelValue(Kernel::Epanechnikov, 1.0, 2.0, false) == Approx(0.75));
    CHECK(kernelValue(Kernel::Epanechnikov, 1.0, 2.0, true) == Approx(2.0 * 0.75 / area));
    CHECK(kernelValue(Kernel::Triangular, 0.5, 2.0, false) == Approx(0.75));
    CHECK(kernelValue(Kernel::Triangular, 0.5, 2.0, true) == Approx(3.0 * 0.75 / area));
    CHECK(kernelValue(Kernel::Uniform, 1.9, 2.0, false) == 1.0);
    CHECK(kernelValue(Kernel::Uniform, 1.9, 2.0, true) == Approx(1.0 / area));
    CHECK(kernelValue(Kernel::Uniform, 2.1, 2.0, false) == 0.0);
}

TEST_CASE("scaled output carries one unit per point, except QGIS's quartic", "[heatmap]") {
    // Sum × pixel² approximates the kernel's integral: 1 for a normalised kernel; QGIS's
    // quartic constant (116/5 × 15/16 instead of 3) gives 7.25.
    CHECK(scaledMass(Kernel::Uniform) == Approx(1.0).epsilon(0.01));
    CHECK(scaledMass(Kernel::Epanechnikov) == Approx(1.0).epsilon(0.01));
    CHECK(scaledMass(Kernel::Triweight) == Approx(1.0).epsilon(0.01));
    CHECK(scaledMass(Kernel::Triangular) == Approx(1.0).epsilon(0.01));
    CHECK(scaledMass(Kernel::Quartic) == Approx(7.25).epsilon(0.01));
}

TEST_CASE("heat map grid matches QGIS 3.22 on two points", "[heatmap]") {
    // Reference numbers from qgis:heatmapkerneldensityestimation, radius 3.4, pixel 1, quartic,
    // raw.
    const std::vector<Point> points{Point{1000.3, 2000.7}, Point{1013.1, 2005.2}};
    HeatmapOptions options;
    options.radius = 3.4;
    options.pixelSize = 1.0;
    const auto grid = heatmap(points, {}, options, Progress::none());
    REQUIRE(grid);
    CHECK(grid->west == Approx(996.9));
    CHECK(grid->north == Approx(2008.6));
    CHECK(grid->columns == 21);
    CHECK(grid->rows == 13);
    CHECK(grid->at(3, 7) == Approx(0.9965428113937378).epsilon(1e-6));
    CHECK(grid->at(16, 2) == Approx(0.676776647567749).epsilon(1e-6));
    CHECK(grid->at(19, 3) == Approx(0.001946366741321981).epsilon(1e-5));
    CHECK(grid->at(0, 0) == HeatmapGrid::noData);
    double sum = 0.0;
    for (float v : grid->values)
        if (v != HeatmapGrid::noData)
            sum += v;
    CHECK(sum == Approx(24.211639404296875).epsilon(1e-6));

    SECTION("weights multiply each point's kernel") {
        const std::vector<double> weights{2.0, 0.0};
        const auto weighted = heatmap(points, weights, options, Progress::none());
        REQUIRE(weighted);
        CHECK(weighted->at(3, 7) == Approx(2.0 * 0.9965428113937378).epsilon(1e-6));
        CHECK(weighted->at(16, 2) == 0.0F);
    }
}

TEST_CASE("heat map rejects nonsense", "[heatmap]") {
    const std::vector<Point> points{Point{0.0, 0.0}};
    HeatmapOptions options;
    options.radius = 0.0;
    options.pixelSize = 1.0;
    CHECK_FALSE(heatmap(points, {}, options, Progress::none()));
    options.radius = 1.0;
    const std::vector<double> twoWeights{1.0, 2.0};
    CHECK_FALSE(heatmap(points, twoWeights, options, Progress::none()));
    CHECK_FALSE(heatmap({}, {}, options, Progress::none()));
}

TEST_CASE("Silverman's rule on four corners of a square", "[heatmap]") {
    // Mean (1,1); every distance sqrt 2, so standard distance = median = sqrt 2.
    const std::vector<Point> square{Point{0, 0}, Point{2, 0}, Point{0, 2}, Point{2, 2}};
    CHECK(silvermanRadius(square) == Approx(0.9 * std::sqrt(2.0) * std::pow(4.0, -0.2)));
    CHECK(silvermanRadius(std::span<const Point>{square.data(), 1}) == 0.0);
}

TEST_CASE("kernel names as QGIS and the CLI write them", "[heatmap]") {
    CHECK(kernelName(Kernel::Epanechnikov) == "epanechnikov");
    CHECK(parseKernel("Epanechnikov") == Kernel::Epanechnikov);
    CHECK(parseKernel("triweight") == Kernel::Triweight);
    CHECK(parseKernel("uniform") == Kernel::Uniform);
    CHECK_FALSE(parseKernel("gauss"));
    HeatmapOptions options;
    options.radius = 100.0;
    CHECK(heatmapDescription(options) == "Täthet (quartic, radie 100 m)");
    options.radius = 37.5;
    options.kernel = Kernel::Triangular;
    options.scaled = true;
    CHECK(heatmapDescription(options) == "Täthet per m² (triangular, radie 37.5 m)");
}

namespace {

class CancelAtOnce : public Progress {
public:
    [[nodiscard]] bool isCancelled() const override { return true; }
};

} // namespace

TEST_CASE("a heat map over many bands of rows is the sum of its points, and can be cancelled",
          "[heatmap]") {
    // 364 rows: the grid is filled in bands on every core. Each cell must still equal QGIS's
    // float sum of the points in their order, here worked out one point at a time. The points
    // lie on whole cells apart, so each one's own grid matches the whole one cell for cell.
    std::vector<Point> points;
    for (int i = 0; i < 40; ++i)
        points.emplace_back(1000.0 + 6.0 * (i % 7), 2000.0 + 18.0 * i);
    HeatmapOptions options;
    options.radius = 12.0;
    options.pixelSize = 2.0;
    const auto grid = heatmap(points, {}, options, Progress::none());
    REQUIRE(grid);
    CHECK(grid->rows == 364);
    std::vector<float> expected(grid->values.size(), HeatmapGrid::noData);
    for (const Point& p : points) {
        const std::vector<Point> one{p};
        const auto alone = heatmap(one, {}, options, Progress::none());
        REQUIRE(alone);
        const auto dc = static_cast<std::size_t>(std::lround((alone->west - grid->west) / 2.0));
        const auto dr = static_cast<std::size_t>(std::lround((grid->north - alone->north) / 2.0));
        for (std::size_t r = 0; r < alone->rows; ++r)
            for (std::size_t c = 0; c < alone->columns; ++c) {
                const float v = alone->at(c, r);
                if (v == HeatmapGrid::noData)
                    continue;
                float& cell = expected[(r + dr) * grid->columns + c + dc];
                cell = static_cast<float>((cell == HeatmapGrid::noData ? 0.0 : cell) +
                                          static_cast<double>(v));
            }
    }
    std::size_t same = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        same += expected[i] == grid->values[i] ? 1 : 0;
    CHECK(same == expected.size());

    CancelAtOnce cancel;
    const auto cancelled = heatmap(points, {}, options, cancel);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
}
