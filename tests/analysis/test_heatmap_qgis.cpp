// The heat map against QGIS 3.22 itself: the same made-up points through
// qgis:heatmapkerneldensityestimation (scripts/qgis_heatmap.py, QGIS started once for all
// cases) and through heatmap(): the same grid, the same cells without data, every value within
// 1e-6 relative. Skipped, with a warning, where QGIS is not installed.

#include "test_support.h"
#include "tryggkarta/analysis/heatmap.h"
#include "tryggkarta/io/raster_writer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace trygg;
using trygg::test::TempDir;

namespace {

// QGIS's Python module is installed for Debian's interpreter, not for another one on PATH.
constexpr const char* kPython = "/usr/bin/python3";

bool qgisInstalled() {
    const std::string probe = std::string(kPython) + " -c 'import qgis.core' >/dev/null 2>&1";
    return std::system(probe.c_str()) == 0;
}

/// 30 points: a tight cluster of 14, a looser one of 8 and 8 spread over the area, at
/// fractions of a metre. The weights run 0.5 to 3; one point, away from the others, has none
/// (NULL): QGIS counts it as 0, so the cells it reaches hold 0 instead of no data.
struct Sample {
    std::vector<Point> points;
    std::vector<std::optional<double>> weights;
};

Sample samplePoints() {
    Sample sample;
    for (int i = 0; i < 30; ++i) {
        const double a = 0.37 * i * i + 1.3 * i;
        double x = 0;
        double y = 0;
        if (i < 14) {
            x = 733100.0 + 7.3 * std::sin(a);
            y = 7096050.0 + 6.1 * std::cos(1.7 * a);
        } else if (i < 22) {
            x = 733160.25 + 21.0 * std::sin(a);
            y = 7096090.75 + 17.0 * std::cos(a);
        } else {
            x = 733020.4 + 19.7 * (i - 22) + 3.3 * std::sin(a);
            y = 7095990.6 + 23.9 * ((i * 5) % 8) + 2.1 * std::cos(a);
        }
        sample.points.emplace_back(x, y);
        sample.weights.emplace_back(i == 25 ? std::nullopt
                                            : std::optional<double>(0.5 + 0.5 * (i % 6)));
    }
    return sample;
}

std::string csvOf(const Sample& sample, bool weighted) {
    std::ostringstream out;
    out.precision(17);
    for (std::size_t i = 0; i < sample.points.size(); ++i) {
        out << sample.points[i].x() << ',' << sample.points[i].y();
        if (weighted) {
            out << ',';
            if (sample.weights[i]) {
                out << *sample.weights[i];
            }
        }
        out << '\n';
    }
    return out.str();
}

struct Case {
    HeatmapOptions options;
    bool weighted = false;
    std::string name;
};

std::vector<Case> cases() {
    std::vector<Case> all;
    // 25.7 m at 2 m: the block is one pixel wider than the radius (QGIS's "remainder over
    // half a metre"), which moves the blocks of the southern and western points.
    for (Kernel kernel : {Kernel::Quartic, Kernel::Triangular, Kernel::Uniform, Kernel::Triweight,
                          Kernel::Epanechnikov}) {
        for (bool scaled : {false, true}) {
            Case c;
            c.options.radius = 25.7;
            c.options.pixelSize = 2.0;
            c.options.kernel = kernel;
            c.options.scaled = scaled;
            c.name = std::string(kernelName(kernel)) + (scaled ? " scaled" : " raw");
            all.push_back(c);
        }
    }
    Case weighted;
    weighted.options.radius = 30.0;
    weighted.options.pixelSize = 2.5;
    weighted.weighted = true;
    weighted.name = "quartic raw, weighted (one NULL)";
    all.push_back(weighted);
    weighted.options.radius = 17.3;
    weighted.options.pixelSize = 0.9;
    weighted.options.kernel = Kernel::Epanechnikov;
    weighted.options.scaled = true;
    weighted.name = "epanechnikov scaled, weighted (one NULL)";
    all.push_back(weighted);
    return all;
}

/// Our heat map of the sample: a NULL weight counts 0, as QGIS's toDouble() makes it.
HeatmapGrid ours(const Sample& sample, const Case& c) {
    std::vector<double> weights;
    if (c.weighted) {
        for (const auto& w : sample.weights) {
            weights.push_back(w.value_or(0.0));
        }
    }
    auto grid = heatmap(sample.points, weights, c.options, Progress::none());
    REQUIRE(grid);
    return std::move(*grid);
}

/// Compares the grids cell by cell; returns the largest relative difference.
double compare(const HeatmapGrid& grid, const FloatRaster& qgis) {
    REQUIRE(qgis.columns == grid.columns);
    REQUIRE(qgis.rows == grid.rows);
    CHECK(qgis.geoTransform[0] == Approx(grid.west).margin(1e-6));
    CHECK(qgis.geoTransform[1] == grid.pixelSize);
    CHECK(qgis.geoTransform[2] == 0.0);
    CHECK(qgis.geoTransform[3] == Approx(grid.north).margin(1e-6));
    CHECK(qgis.geoTransform[4] == 0.0);
    CHECK(qgis.geoTransform[5] == -grid.pixelSize);
    REQUIRE(qgis.band.noData);
    CHECK(*qgis.band.noData == HeatmapGrid::noData);
    double largest = 0.0;
    std::size_t noDataMismatches = 0;
    std::size_t cellsWithData = 0;
    for (std::size_t i = 0; i < grid.values.size(); ++i) {
        const float a = grid.values[i];
        const float b = qgis.values[i];
        if ((a == HeatmapGrid::noData) != (b == HeatmapGrid::noData)) {
            ++noDataMismatches;
            continue;
        }
        if (a == HeatmapGrid::noData) {
            continue;
        }
        ++cellsWithData;
        const double scale = std::max(std::abs(static_cast<double>(b)), 1e-30);
        largest = std::max(largest, std::abs(static_cast<double>(a) - b) / scale);
    }
    CHECK(noDataMismatches == 0);
    CHECK(cellsWithData > 100);
    CHECK(largest <= 1e-6);
    return largest;
}

} // namespace

TEST_CASE("the heat map equals QGIS 3.22's for every kernel, raw and scaled, and weights",
          "[heatmap][qgis]") {
    if (!qgisInstalled()) {
        WARN("QGIS (python3-qgis) is not installed: the comparison with QGIS is skipped");
        return;
    }
    TempDir dir;
    const Sample sample = samplePoints();
    const auto plain = dir.write("points.csv", csvOf(sample, false));
    const auto weighted = dir.write("weighted.csv", csvOf(sample, true));
    const std::vector<Case> all = cases();
    std::ostringstream jobs;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const HeatmapOptions& o = all[i].options;
        jobs << (all[i].weighted ? weighted : plain).string() << ' ' << o.radius << ' '
             << o.pixelSize << ' ' << static_cast<int>(o.kernel) << ' ' << (o.scaled ? 1 : 0) << ' '
             << (dir / ("qgis" + std::to_string(i) + ".tif")).string() << '\n';
    }
    const auto jobFile = dir.write("jobs.txt", jobs.str());
    const std::string command = std::string(kPython) + " " + TRYGG_SCRIPTS_DIR +
                                "/qgis_heatmap.py --jobs " + test::q(jobFile) + " >" +
                                test::q(dir / "qgis.log") + " 2>&1";
    const int status = std::system(command.c_str());
    INFO(test::readAll(dir / "qgis.log"));
    REQUIRE(status == 0);

    std::string summary = "largest relative difference from QGIS:";
    for (std::size_t i = 0; i < all.size(); ++i) {
        INFO(all[i].name);
        auto qgis = readFloatRaster(dir / ("qgis" + std::to_string(i) + ".tif"));
        REQUIRE(qgis);
        const double largest = compare(ours(sample, all[i]), *qgis);
        char line[128];
        std::snprintf(line, sizeof line, "\n  %s: %.3g", all[i].name.c_str(), largest);
        summary += line;
    }
    WARN(summary);
}
