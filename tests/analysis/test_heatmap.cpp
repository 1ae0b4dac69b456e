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
    // Reference numbers from qgis:heatmapkerneldensityestimation, radius 3.4, pixel 1, quartic, raw.
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
