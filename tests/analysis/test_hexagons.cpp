// Hexagon statistics: the grid's geometry, Getis-Ord Gi* against hand-worked numbers, the
// confidence bins with and without the false-discovery-rate correction, counts and rates,
// and the cells as features of the result layer hotspot_celler.

#include "test_support.h"
#include "tryggkarta/analysis/gi_star.h"
#include "tryggkarta/analysis/hexagon_stats.h"
#include "tryggkarta/analysis/hotspot_results.h"
#include "tryggkarta/core/hex_grid.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

using namespace trygg;

namespace {

const double kSqrt3 = std::numbers::sqrt3;

/// The cell with `coord` among the statistics' cells.
const HexagonCell& cellAt(const HexagonStatistics& stats, HexCoord coord) {
    auto found = std::find_if(stats.cells.begin(), stats.cells.end(),
                              [&](const HexagonCell& c) { return c.coord == coord; });
    REQUIRE(found != stats.cells.end());
    return *found;
}

/// `count` points at the centre of `cell` of a 100 m grid.
void addPoints(std::vector<Point>& points, HexCoord cell, int count) {
    const Point centre = HexGrid(100.0).centre(cell);
    for (int i = 0; i < count; ++i) {
        points.push_back(centre);
    }
}

/// Cancels as soon as it is asked.
class CancelAtOnce final : public Progress {
public:
    [[nodiscard]] bool isCancelled() const override { return true; }
};

/// The ten-cell example: 4 observations in (0,0), 2 in (1,0), 1 in (0,1), an area from
/// (-10,-10) to (110,10) so the grid is (0,0), (1,0) and the ring of 8 cells around them
/// (the observation in (0,1) lies in the ring, outside the area, and counts).
std::vector<Point> tenCellPoints() {
    std::vector<Point> points;
    addPoints(points, HexCoord{0, 0}, 4);
    addPoints(points, HexCoord{1, 0}, 2);
    addPoints(points, HexCoord{0, 1}, 1);
    return points;
}

HexagonOptions tenCellOptions() {
    HexagonOptions options;
    options.cellSize = 100.0;
    options.extent = Box{Point{-10.0, -10.0}, Point{110.0, 10.0}};
    return options;
}

} // namespace

TEST_CASE("hex grid: centres, size and outline", "[hexagons]") {
    const HexGrid grid(100.0);
    CHECK(grid.circumradius() == Approx(100.0 / kSqrt3));
    CHECK(grid.cellArea() == Approx(8660.254037844386)); // √3/2 · 100²
    CHECK(grid.centre({0, 0}).x() == 0.0);
    CHECK(grid.centre({1, 0}).x() == Approx(100.0));
    CHECK(grid.centre({0, 1}).x() == Approx(50.0));
    CHECK(grid.centre({0, 1}).y() == Approx(86.60254037844386)); // 1.5 · 100/√3
    CHECK(grid.centre({-1, 2}).x() == Approx(0.0).margin(1e-9));
    CHECK(grid.centre({-1, 2}).y() == Approx(173.20508075688772));

    const Polygon outline = grid.outline({1, 0});
    REQUIRE(outline.outer().size() == 7);
    CHECK(bg::equals(outline.outer().front(), outline.outer().back()));
    CHECK(bg::area(outline) == Approx(grid.cellArea())); // positive: counter-clockwise
    // The south-east vertex first, then north-east: flat sides east and west.
    CHECK(outline.outer()[0].x() == Approx(150.0));
    CHECK(outline.outer()[0].y() == Approx(-28.867513459481287));
    CHECK(outline.outer()[1].x() == Approx(150.0));
    CHECK(outline.outer()[1].y() == Approx(28.867513459481287));
    CHECK(outline.outer()[2].y() == Approx(57.735026918962575)); // the north vertex
}

TEST_CASE("hex grid: neighbours are one width away and one step", "[hexagons]") {
    const HexGrid grid(80.0);
    const HexCoord cell{3, -2};
    const auto around = HexGrid::neighbours(cell);
    for (HexCoord n : around) {
        CHECK(bg::distance(grid.centre(cell), grid.centre(n)) == Approx(80.0));
        CHECK(HexGrid::steps(cell, n) == 1);
    }
    CHECK(around[0] == HexCoord{4, -2}); // east
    CHECK(around[1] == HexCoord{3, -1}); // north-east
    CHECK(HexGrid::steps(cell, cell) == 0);
    CHECK(HexGrid::steps(HexCoord{0, 0}, HexCoord{2, -1}) == 2);
    CHECK(HexGrid::steps(HexCoord{0, 0}, HexCoord{-3, 3}) == 3);
}

TEST_CASE("hex grid: points go to the cell that holds them", "[hexagons]") {
    const HexGrid grid(100.0);
    CHECK(grid.cellOf(Point{0.0, 0.0}) == HexCoord{0, 0});
    CHECK(grid.cellOf(Point{49.9, 0.0}) == HexCoord{0, 0});
    CHECK(grid.cellOf(Point{50.1, 0.0}) == HexCoord{1, 0});
    CHECK(grid.cellOf(Point{50.0, 86.6}) == HexCoord{0, 1});
    // On a shared side the point goes to one cell, always the same (here the eastern one).
    CHECK(grid.cellOf(Point{50.0, 0.0}) == HexCoord{1, 0});
    CHECK(grid.cellOf(Point{-50.0, 0.0}) == HexCoord{-1, 0});
    // Just inside the north vertex of (0,0) and just above it, in (0,1) or (-1,1).
    CHECK(grid.cellOf(Point{0.0, 57.7}) == HexCoord{0, 0});
    CHECK(grid.cellOf(Point{0.0, 57.8}) != HexCoord{0, 0});
    // Far from the origin every point lies in its cell's outline.
    for (double x = 500000.0; x < 500300.0; x += 7.3) {
        for (double y = 7090000.0; y < 7090300.0; y += 11.1) {
            const Point p{x, y};
            const HexCoord cell = grid.cellOf(p);
            INFO(x << ", " << y);
            CHECK(bg::distance(p, grid.centre(cell)) <= grid.circumradius() + 1e-6);
            for (HexCoord n : HexGrid::neighbours(cell)) {
                CHECK(bg::distance(p, grid.centre(cell)) <= bg::distance(p, grid.centre(n)) + 1e-6);
            }
        }
    }
}

TEST_CASE("hex grid: the cells covering a box", "[hexagons]") {
    const HexGrid grid(100.0);
    CHECK(grid.cellsCovering(Box{Point{-10.0, -10.0}, Point{110.0, 10.0}}) ==
          std::vector<HexCoord>{{0, 0}, {1, 0}});
    // A box reaching y = 40 meets row 1's cells (their south vertex is at y = 28.9).
    const auto cells = grid.cellsCovering(Box{Point{-10.0, -10.0}, Point{10.0, 40.0}});
    CHECK(cells == std::vector<HexCoord>{{0, 0}, {-1, 1}, {0, 1}});
    CHECK(grid.cellsCovering(emptyBox()).empty());
}

TEST_CASE("Gi* against a hand-worked example", "[hexagons][gistar]") {
    // Eight features, values x = 5 3 0 1 0 2 0 1, symmetric binary neighbourhoods (each
    // holding the feature itself):
    //   0: {0,1,2,3}  1: {1,0,2}  2: {2,0,1,3,4}  3: {3,0,2}
    //   4: {4,2,5,6}  5: {5,4,6,7}  6: {6,4,5,7}  7: {7,5,6}
    // n = 8, Σx = 12, x̄ = 1.5, Σx² = 40, S = √(40/8 − 1.5²) = √2.75.
    // Feature 0: W = 4, Σ = 5+3+0+1 = 9, numerator 9 − 1.5·4 = 3,
    //   denominator √2.75 · √((8·4 − 4²)/7) = √(2.75·16/7) = √(44/7)  ⇒ z = 3·√(7/44).
    // Feature 1: W = 3, Σ = 8, numerator 8 − 4.5 = 3.5, denominator √(2.75·(24 − 9)/7)
    //   = √(41.25/7)  ⇒ z = 3.5·√(7/41.25).
    // Feature 2: W = 5, Σ = 9, numerator 1.5, denominator √(2.75·(40 − 25)/7)  ⇒ 1.5·√(7/41.25).
    // Feature 4: W = 4, Σ = 0+0+2+0 = 2, numerator 2 − 6 = −4  ⇒ z = −4·√(7/44).
    // Feature 7: W = 3, Σ = 1+2+0 = 3, numerator −1.5  ⇒ z = −1.5·√(7/41.25).
    const std::vector<double> x{5, 3, 0, 1, 0, 2, 0, 1};
    const std::vector<std::vector<std::size_t>> lists{{0, 1, 2, 3}, {1, 0, 2},    {2, 0, 1, 3, 4},
                                                      {3, 0, 2},    {4, 2, 5, 6}, {5, 4, 6, 7},
                                                      {6, 4, 5, 7}, {7, 5, 6}};
    Neighbourhoods neighbourhoods;
    for (const auto& list : lists) {
        neighbourhoods.add(list);
    }
    REQUIRE(neighbourhoods.size() == 8);
    CHECK(neighbourhoods.of(2).size() == 5);
    const auto gi = giStar(x, neighbourhoods, Progress::none());
    REQUIRE(gi);
    REQUIRE(gi->size() == 8);
    CHECK((*gi)[0].z == Approx(3.0 * std::sqrt(7.0 / 44.0)).epsilon(1e-12));  // 1.19658605...
    CHECK((*gi)[1].z == Approx(3.5 * std::sqrt(7.0 / 41.25)).epsilon(1e-12)); // 1.44180022...
    CHECK((*gi)[2].z == Approx(1.5 * std::sqrt(7.0 / 41.25)).epsilon(1e-12));
    CHECK((*gi)[4].z == Approx(-4.0 * std::sqrt(7.0 / 44.0)).epsilon(1e-12)); // −1.59544807...
    CHECK((*gi)[7].z == Approx(-1.5 * std::sqrt(7.0 / 41.25)).epsilon(1e-12));
    CHECK(std::abs((*gi)[0].z - 1.1965860528261985) < 1e-9);
    CHECK(std::abs((*gi)[4].z + 1.5954480704349314) < 1e-9);
    // p = erfc(|z|/√2): z = 1.1966 ⇒ 0.2315, z = −1.5954 ⇒ 0.1106.
    CHECK((*gi)[0].p == Approx(0.23146793933412613).epsilon(1e-9));
    CHECK((*gi)[4].p == Approx(0.110612073748523).epsilon(1e-9));
}

TEST_CASE("Gi* where it is undefined, and bad input", "[hexagons][gistar]") {
    Neighbourhoods all;
    const std::vector<std::size_t> everyone{0, 1, 2};
    for (int i = 0; i < 3; ++i) {
        all.add(everyone);
    }
    // A neighbourhood of every feature: n·W − W² = 0, z left at 0 and p at 1.
    auto gi = giStar(std::vector<double>{1, 2, 3}, all, Progress::none());
    REQUIRE(gi);
    CHECK((*gi)[1].z == 0.0);
    CHECK((*gi)[1].p == 1.0);
    // All values equal: S = 0.
    Neighbourhoods own;
    for (std::size_t i = 0; i < 3; ++i) {
        own.add(std::vector<std::size_t>{i});
    }
    gi = giStar(std::vector<double>{2, 2, 2}, own, Progress::none());
    REQUIRE(gi);
    CHECK((*gi)[0].z == 0.0);

    CHECK(giStar(std::vector<double>{1, 2}, own, Progress::none()).error().code ==
          ErrorCode::Usage); // 2 values, 3 neighbourhoods
    Neighbourhoods wrong = own;
    wrong.add(std::vector<std::size_t>{7});
    CHECK(giStar(std::vector<double>{1, 2, 3, 4}, wrong, Progress::none()).error().code ==
          ErrorCode::Usage);
    CancelAtOnce cancel;
    CHECK(giStar(std::vector<double>{1, 2, 3}, own, cancel).error().code == ErrorCode::Cancelled);
}

TEST_CASE("two-sided p-values", "[hexagons][gistar]") {
    CHECK(twoSidedP(0.0) == 1.0);
    CHECK(twoSidedP(1.959963984540054) == Approx(0.05).epsilon(1e-12));
    CHECK(twoSidedP(-2.5758293035489) == Approx(0.01).epsilon(1e-10));
    CHECK(twoSidedP(1.6448536269514722) == Approx(0.10).epsilon(1e-12));
}

TEST_CASE("confidence bins with and without the false-discovery-rate correction",
          "[hexagons][fdr]") {
    // Ten p-values, sorted. Benjamini-Hochberg with n = 10 compares p_(k) with k/10 · alpha:
    //   alpha 0.10: limits 0.01k; k = 5 is the largest with p_(k) ≤ limit (0.041 ≤ 0.05;
    //               0.2 > 0.06)                               ⇒ cut-off 0.041
    //   alpha 0.05: limits 0.005k; 0.012 ≤ 0.015 (k = 3), 0.03 > 0.02, 0.041 > 0.025, the rest
    //               far above                                 ⇒ cut-off 0.012
    //   alpha 0.01: limits 0.001k; 0.001 ≤ 0.001 (k = 1), 0.008 > 0.002 ⇒ cut-off 0.001
    const std::vector<GiStar> results{{3.3, 0.001},  {-2.65, 0.008}, {2.5, 0.012}, {-2.17, 0.03},
                                      {2.04, 0.041}, {1.28, 0.2},    {-0.67, 0.5}, {0.52, 0.6},
                                      {0.39, 0.7},   {-0.13, 0.9}};
    std::vector<double> p;
    for (const GiStar& r : results) {
        p.push_back(r.p);
    }
    CHECK(falseDiscoveryCutoff(p, 0.10).value() == 0.041);
    CHECK(falseDiscoveryCutoff(p, 0.05).value() == 0.012);
    CHECK(falseDiscoveryCutoff(p, 0.01).value() == 0.001);
    CHECK(confidenceBins(results, true) == std::vector<int>{3, -2, 2, -1, 1, 0, 0, 0, 0, 0});
    // Without the correction: p ≤ 0.01 ⇒ ±3, ≤ 0.05 ⇒ ±2, ≤ 0.10 ⇒ ±1.
    CHECK(confidenceBins(results, false) == std::vector<int>{3, -3, 2, -2, 2, 0, 0, 0, 0, 0});

    // Step-up: with n = 4 and alpha 0.05 the limits are 0.0125, 0.025, 0.0375, 0.05; the first
    // p (0.02) misses its limit, but the last (0.049 ≤ 0.05) passes, so all four count.
    CHECK(falseDiscoveryCutoff(std::vector<double>{0.022, 0.02, 0.049, 0.021}, 0.05).value() ==
          0.049);
    CHECK_FALSE(falseDiscoveryCutoff(std::vector<double>{0.5, 0.2, 0.9}, 0.10));
}

TEST_CASE("hexagon statistics: the grid, counts, rates and Gi* per cell", "[hexagons]") {
    std::vector<Point> points = tenCellPoints();
    points.emplace_back(1000.0, 1000.0); // beyond the ring: left out
    std::vector<bool> unsafe{true, true, true, false, false, false, true, false};
    auto stats = hexagonStatistics(points, unsafe, tenCellOptions(), Progress::none());
    REQUIRE(stats);
    // The area holds (0,0) and (1,0); with the ring around them, 10 cells, from the south.
    REQUIRE(stats->cells.size() == 10);
    CHECK(stats->cells.front().coord == HexCoord{0, -1});
    CHECK(stats->cells.back().coord == HexCoord{1, 1});
    CHECK(stats->observations == 7);
    CHECK(stats->outside == 1);

    const HexagonCell& centre = cellAt(*stats, {0, 0});
    CHECK(centre.count == 4);
    CHECK(centre.unsafe == 3);
    CHECK(*centre.rate == Approx(0.75));
    CHECK(centre.perHectare == Approx(4.0 / 0.8660254037844386)); // a cell is 0.866 ha
    CHECK(cellAt(*stats, {1, 0}).unsafe == 0);
    CHECK(*cellAt(*stats, {1, 0}).rate == 0.0);
    CHECK_FALSE(cellAt(*stats, {2, 0}).rate); // no observations, no share

    // Gi* on the counts: n = 10, Σx = 7, x̄ = 0.7, Σx² = 16 + 4 + 1 = 21, S² = 2.1 − 0.49 = 1.61.
    // (0,0): all six neighbours in the grid, W = 7, Σ = 4+2+1 = 7, numerator 7 − 4.9 = 2.1,
    //        denominator √1.61 · √((70 − 49)/9)                ⇒ z = 2.1 / √(1.61 · 21/9).
    // (0,1): neighbours in the grid (0,0), (1,0), (1,1), (-1,1), W = 5, Σ = 1+4+2 = 7,
    //        numerator 7 − 3.5 = 3.5, denominator √1.61 · √((50 − 25)/9) = √1.61 · 5/3
    //                                                          ⇒ z = 2.1 / √1.61 = 1.6550...
    // (2,-1): neighbours (1,-1), (2,0), (1,0), W = 4, Σ = 2, numerator 2 − 2.8 = −0.8,
    //        denominator √1.61 · √((40 − 16)/9)                 ⇒ z = −0.8 / √(1.61 · 24/9).
    CHECK(centre.gi.z == Approx(2.1 / std::sqrt(1.61 * 21.0 / 9.0)).epsilon(1e-12));
    CHECK(std::abs(cellAt(*stats, {0, 1}).gi.z - 2.1 / std::sqrt(1.61)) < 1e-9);
    CHECK(cellAt(*stats, {2, -1}).gi.z == Approx(-0.8 / std::sqrt(1.61 * 24.0 / 9.0)));
    // (0,1) has p = 0.098: 90 % without the correction, but Benjamini-Hochberg over ten cells
    // asks p ≤ 0.01 of the smallest p; none passes, so nothing is significant.
    CHECK(cellAt(*stats, {0, 1}).gi.p == Approx(0.09791803677556113));
    CHECK(cellAt(*stats, {0, 1}).bin == 0);
    CHECK(stats->binCounts()[3] == 10);

    HexagonOptions uncorrected = tenCellOptions();
    uncorrected.falseDiscoveryRate = false;
    stats = hexagonStatistics(points, unsafe, uncorrected, Progress::none());
    REQUIRE(stats);
    CHECK(cellAt(*stats, {0, 1}).bin == 1);
    CHECK(stats->binCounts()[4] == 1);
}

TEST_CASE("hexagon statistics on the unsafe count and with a distance band", "[hexagons]") {
    const std::vector<Point> points = tenCellPoints();
    const std::vector<bool> unsafe{true, true, true, false, false, false, true};
    HexagonOptions options = tenCellOptions();
    options.value = HotSpotValue::Unsafe;
    auto stats = hexagonStatistics(points, unsafe, options, Progress::none());
    REQUIRE(stats);
    // Unsafe counts: 3 in (0,0), 0 in (1,0), 1 in (0,1). n = 10, x̄ = 0.4, Σx² = 10, S² = 0.84.
    // (0,0): W = 7, Σ = 4, numerator 4 − 2.8 = 1.2 ⇒ z = 1.2 / √(0.84 · 21/9).
    CHECK(cellAt(*stats, {0, 0}).gi.z == Approx(1.2 / std::sqrt(0.84 * 21.0 / 9.0)));

    // A band of one width is the six neighbours; 175 m also reaches the six cells √3 widths
    // away: for (0,0) those in the grid are (1,1) and (2,-1), so W = 9, Σ = 7,
    // numerator 7 − 6.3 = 0.7, denominator √1.61 · √((90 − 81)/9) ⇒ z = 0.7 / √1.61.
    options = tenCellOptions();
    options.distanceBand = 100.0;
    auto banded = hexagonStatistics(points, {}, options, Progress::none());
    REQUIRE(banded);
    CHECK(cellAt(*banded, {0, 0}).gi.z == Approx(2.1 / std::sqrt(1.61 * 21.0 / 9.0)));
    options.distanceBand = 175.0;
    banded = hexagonStatistics(points, {}, options, Progress::none());
    REQUIRE(banded);
    CHECK(cellAt(*banded, {0, 0}).gi.z == Approx(0.7 / std::sqrt(1.61)));
    CHECK(cellAt(*banded, {0, 0}).unsafe == 0); // no flags given: none unsafe
}

TEST_CASE("hexagon statistics: the extent of the points and refusals", "[hexagons]") {
    // Without a given area the grid covers the points' envelope and one ring.
    const std::vector<Point> points{Point{0.0, 0.0}, Point{0.0, 0.0}, Point{100.0, 0.0}};
    auto stats = hexagonStatistics(points, {}, HexagonOptions{}, Progress::none());
    REQUIRE(stats);
    CHECK(stats->cells.size() == 10); // (0,0), (1,0) and the 8 around them
    CHECK(stats->observations == 3);

    HexagonOptions options;
    CHECK(hexagonStatistics({}, {}, options, Progress::none()).error().code == ErrorCode::Usage);
    options.cellSize = 0.0;
    CHECK(hexagonStatistics(points, {}, options, Progress::none()).error().code ==
          ErrorCode::Usage);
    options.cellSize = 100.0;
    options.distanceBand = 50.0; // shorter than a cell: no neighbours
    CHECK(hexagonStatistics(points, {}, options, Progress::none()).error().code ==
          ErrorCode::Usage);
    options.distanceBand = 5100.0; // 51 cells: not a neighbourhood any more
    CHECK(hexagonStatistics(points, {}, options, Progress::none()).error().code ==
          ErrorCode::Usage);
    options.distanceBand = 0.0;
    CHECK(hexagonStatistics(points, std::vector<bool>{true}, options, Progress::none())
              .error()
              .code == ErrorCode::Usage);
    options.cellSize = 0.5; // 10 km × 10 km in half-metre cells: far too many
    const std::vector<Point> wide{Point{0.0, 0.0}, Point{10000.0, 10000.0}};
    const auto tooMany = hexagonStatistics(wide, {}, options, Progress::none());
    REQUIRE_FALSE(tooMany);
    CHECK(tooMany.error().message.find("too small") != std::string::npos);
    options.cellSize = 100.0;
    options.extent = Box{Point{5000.0, 5000.0}, Point{5100.0, 5100.0}};
    CHECK(hexagonStatistics(points, {}, options, Progress::none()).error().message ==
          "no observation lies inside the area");
    CancelAtOnce cancel;
    CHECK(hexagonStatistics(points, {}, HexagonOptions{}, cancel).error().code ==
          ErrorCode::Cancelled);
}

TEST_CASE("hexagon statistics of an observation layer, as result features", "[hexagons]") {
    const LayerDef& def = *test::sourceCatalog().find("observationer");
    std::vector<Feature> features;
    for (const Point& p : tenCellPoints()) {
        features.push_back(test::lightingObservation(def, p.x(), p.y())); // otrygg, belysning
    }
    features[1].values[*def.fieldIndex("polaritet")] = std::string("trygg");
    features[2].values[*def.fieldIndex("kategori")] = std::string("annat");
    Feature noPlace = test::lightingObservation(def, 0.0, 0.0);
    noPlace.geometry.reset();
    features.push_back(noPlace);
    const Layer layer(def, std::move(features));

    HexagonOptions options = tenCellOptions();
    options.where = "kategori = belysning";
    auto stats = hexagonStatistics(layer, options, Progress::none());
    REQUIRE(stats);
    CHECK(stats->observations == 6);
    CHECK(stats->withoutGeometry == 1);
    CHECK(stats->selection == "Kategori = Belysning");
    const HexagonCell& centre = cellAt(*stats, {0, 0});
    CHECK(centre.count == 3);  // the one of category annat left out
    CHECK(centre.unsafe == 2); // the trygg one is not unsafe
    CHECK(*centre.rate == Approx(2.0 / 3.0));

    const LayerDef& cellsDef = *test::sourceCatalog().find(std::string(kHotSpotLayer));
    const std::vector<Feature> cells = hotSpotFeatures(cellsDef, *stats, DateTime{});
    REQUIRE(cells.size() == 10);
    auto value = [&](const Feature& f, const char* field) -> const Value& {
        return f.values[*cellsDef.fieldIndex(field)];
    };
    const auto at = static_cast<std::size_t>(std::find_if(stats->cells.begin(), stats->cells.end(),
                                                          [](const HexagonCell& c) {
                                                              return c.coord == HexCoord{0, 0};
                                                          }) -
                                             stats->cells.begin());
    const Feature& f = cells[at];
    CHECK(toInt(f.id) == static_cast<std::int64_t>(at + 1));
    CHECK(std::get<std::int64_t>(value(f, "antal")) == 3);
    CHECK(std::get<std::int64_t>(value(f, "otrygga")) == 2);
    CHECK(std::get<double>(value(f, "andel")) == 66.67);
    CHECK(std::get<double>(value(f, "per_ha")) == 3.46); // 3 / 0.866 ha, to 0.01
    CHECK(std::get<std::int64_t>(value(f, "klass")) == 0);
    CHECK(std::get<std::string>(value(f, "varde")) == "antal");
    CHECK(std::get<std::string>(value(f, "urval")) == "Kategori = Belysning");
    CHECK(std::get<double>(value(f, "cell_m")) == 100.0);
    CHECK(std::get<std::string>(value(f, "fdr")) == "ja");
    CHECK(bg::area(std::get<Polygon>(*f.geometry)) == Approx(8660.254037844386));
    CHECK(isNull(value(cells[0], "andel"))); // (0,-1) has no observations
    for (const Feature& cell : cells) {
        for (std::size_t i = 0; i < cellsDef.fields.size(); ++i) {
            INFO(cellsDef.fields[i].name);
            CHECK_FALSE(checkValue(cellsDef.fields[i], cell.values[i]));
        }
    }

    options.where = "kategori = gatlyktor";
    auto wrong = hexagonStatistics(layer, options, Progress::none());
    REQUIRE_FALSE(wrong);
    options.where = "kategori = annat och polaritet = trygg";
    wrong = hexagonStatistics(layer, options, Progress::none());
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().where == "observationer: kategori = annat och polaritet = trygg");
}
