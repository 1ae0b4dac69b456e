#include "tryggkarta/analysis/illuminance.h"
#include "tryggkarta/analysis/illuminance_grid.h"
#include "tryggkarta/analysis/luminaire_index.h"

#include <array>
#include "photometry_samples.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <numbers>
#include <random>

using namespace trygg;

namespace {

constexpr double kMaintenance = 0.8;

using test::fourWays;
using test::isotropic;
using test::shared;

Luminaire lamp(LuminaireSpec spec) {
    auto luminaire = makeLuminaire(std::move(spec));
    INFO((luminaire ? "" : luminaire.error().describe()));
    REQUIRE(luminaire.has_value());
    return *luminaire;
}

Luminaire lamp(double x, double y, double height, std::shared_ptr<const Photometry> light) {
    LuminaireSpec spec;
    spec.position = Point{x, y};
    spec.height = height;
    spec.photometry = std::move(light);
    return lamp(std::move(spec));
}

Luminaire movedTo(const Luminaire& luminaire, double x, double y) {
    LuminaireSpec spec = luminaire.spec();
    spec.position = Point{x, y};
    return lamp(std::move(spec));
}

// Random lamps of four kinds over a 200 m square, some tilted, some turned, some off.
struct RandomLamps {
    std::mt19937_64 rng{11};
    std::array<std::shared_ptr<const Photometry>, 4> lights = {
        isotropic(800), fourWays(), shared(genericPhotometry(6000)), isotropic(3000)};

    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(rng);
    }
    std::size_t below(std::size_t count) {
        return std::uniform_int_distribution<std::size_t>(0, count - 1)(rng);
    }
    Point point() { return Point{uniform(-20, 220), uniform(-20, 220)}; }
    Luminaire next() {
        LuminaireSpec spec;
        spec.position = Point{uniform(0, 200), uniform(0, 200)};
        spec.height = uniform(3.5, 10);
        spec.tilt = uniform(-15, 15);
        spec.azimuth = uniform(0, 360);
        spec.photometry = lights[below(lights.size())];
        spec.on = uniform(0, 1) > 0.1;
        return lamp(std::move(spec));
    }
};

// One random change: add, move, turn or replace outright, or switch.
void changeAtRandom(LuminaireIndex& index, RandomLamps& random) {
    const std::size_t i = random.below(index.luminaires().size());
    const Luminaire& was = index.luminaires()[i];
    switch (random.below(5)) {
    case 0: {
        const std::size_t count = index.luminaires().size();
        CHECK(index.add(random.next()) == count);
        break;
    }
    case 1:
        index.replace(i, movedTo(was, was.position().x() + random.uniform(-5, 5),
                                 was.position().y() + random.uniform(-5, 5)));
        break;
    case 2: {
        LuminaireSpec spec = was.spec();
        spec.azimuth = random.uniform(0, 360);
        index.replace(i, lamp(std::move(spec)));
        break;
    }
    case 3:
        index.replace(i, random.next());
        break;
    default:
        index.setOn(i, !was.isOn());
        break;
    }
}

// Every query of `changed` gives, bit for bit, what `fresh` gives.
void requireSameAnswers(const LuminaireIndex& changed, const LuminaireIndex& fresh,
                        RandomLamps& random) {
    REQUIRE(changed.luminaires().size() == fresh.luminaires().size());
    for (std::size_t i = 0; i < fresh.luminaires().size(); ++i) {
        for (IlluminancePlane plane : {IlluminancePlane::Horizontal, IlluminancePlane::Vertical}) {
            REQUIRE(changed.reach(i, plane) == fresh.reach(i, plane));
        }
    }
    for (int n = 0; n < 400; ++n) {
        const Point p = random.point();
        for (IlluminancePlane plane : {IlluminancePlane::Horizontal, IlluminancePlane::Vertical}) {
            REQUIRE(changed.reaching(p, plane) == fresh.reaching(p, plane));
        }
        REQUIRE(changed.horizontalIlluminance(p) == fresh.horizontalIlluminance(p));
        REQUIRE(changed.verticalIlluminance(p, 37) == fresh.verticalIlluminance(p, 37));
        const Box around{Point{p.x() - 15, p.y() - 10}, Point{p.x() + 15, p.y() + 10}};
        REQUIRE(changed.near(around, IlluminancePlane::Horizontal) ==
                fresh.near(around, IlluminancePlane::Horizontal));
    }
}

IlluminanceGrid computedGrid(const Box& extent, double cellSize, const LuminaireIndex& index) {
    auto grid = illuminanceGrid(extent, cellSize, index, kMaintenance, Progress::none(), 2);
    REQUIRE(grid);
    return std::move(*grid);
}

// Three kinds of lamp over a 120 m × 80 m grid, the first near the grid's west edge.
LuminaireIndex sampleIndex() {
    LuminaireSpec tilted;
    tilted.position = Point{70, 45};
    tilted.height = 8;
    tilted.tilt = 5;
    tilted.azimuth = 30;
    tilted.photometry = fourWays();
    return LuminaireIndex({lamp(10, 10, 6, isotropic(800)), lamp(std::move(tilted)),
                           lamp(95, 20, 5, shared(genericPhotometry(4000)))});
}

const Box kSampleExtent{Point{0, 0}, Point{120, 80}};

} // namespace

TEST_CASE("an index changed step by step answers as one built afresh", "[luminaire_index]") {
    RandomLamps random;
    std::vector<Luminaire> start;
    for (int i = 0; i < 40; ++i) {
        start.push_back(random.next());
    }
    LuminaireIndex index(start);
    for (int round = 0; round < 6; ++round) {
        for (int step = 0; step < 60; ++step) {
            changeAtRandom(index, random);
        }
        const LuminaireIndex fresh(index.luminaires());
        requireSameAnswers(index, fresh, random);
    }
    CHECK(index.luminaires().size() > start.size());
}

TEST_CASE("add returns the next index; an off luminaire is in no tree", "[luminaire_index]") {
    LuminaireIndex index({});
    CHECK(index.add(lamp(0, 0, 6, isotropic(1000))) == 0);
    CHECK(index.add(lamp(100, 0, 6, isotropic(1000))) == 1);
    CHECK(index.reaching(Point{0, 0}, IlluminancePlane::Horizontal) == std::vector<std::size_t>{0});
    const double reach = index.reach(0, IlluminancePlane::Horizontal);
    CHECK(index.reachBox(0, IlluminancePlane::Horizontal).min_corner().x() == -reach);
    CHECK(index.reachBox(0, IlluminancePlane::Horizontal).max_corner().y() == reach);

    index.setOn(0, false); // "removed": the index of lamp 1 stays 1
    CHECK_FALSE(index.luminaires()[0].isOn());
    CHECK(index.reach(0, IlluminancePlane::Horizontal) == 0.0);
    CHECK(isEmpty(index.reachBox(0, IlluminancePlane::Vertical)));
    CHECK(index.reaching(Point{0, 0}, IlluminancePlane::Horizontal).empty());
    CHECK(index.near(Box{Point{-500, -500}, Point{500, 500}}, IlluminancePlane::Vertical) ==
          std::vector<std::size_t>{1});
    CHECK(index.horizontalIlluminance(Point{0, 0}) == 0.0);
    index.setOn(0, false); // already off: nothing to do
    index.setOn(0, true);
    CHECK(index.reach(0, IlluminancePlane::Horizontal) == reach);
    CHECK(index.horizontalIlluminance(Point{0, 0}) == Approx(1000.0 / 36 * 0.8));
}

TEST_CASE("cellsWithin: the cells whose centres lie in an area", "[luminaire_index]") {
    const LuminaireIndex index = sampleIndex();
    const IlluminanceGrid grid = computedGrid(kSampleExtent, 2.0, index);
    // Centres at x = 1, 3, ... and y = 79, 77, ...; the edges count as inside.
    const GridCells cells = cellsWithin(grid, Box{Point{3, 70}, Point{8, 77}});
    CHECK(cells.column0 == 1); // x = 3, 5, 7
    CHECK(cells.columns == 3);
    CHECK(cells.row0 == 1); // y = 77, 75, 73, 71
    CHECK(cells.rows == 4);
    const GridCells clipped = cellsWithin(grid, Box{Point{-50, -50}, Point{2, 500}});
    CHECK(clipped.column0 == 0);
    CHECK(clipped.columns == 1);
    CHECK(clipped.row0 == 0);
    CHECK(clipped.rows == 40);
    CHECK(cellsWithin(grid, Box{Point{3.5, 70}, Point{4.5, 77}}).isEmpty()); // between centres
    CHECK(cellsWithin(grid, emptyBox()).isEmpty());
}

TEST_CASE("refreshing the union of a moved lamp's reach boxes equals a full recomputation",
          "[luminaire_index]") {
    LuminaireIndex index = sampleIndex();
    IlluminanceGrid grid = computedGrid(kSampleExtent, 0.5, index);
    const std::vector<float> before = grid.lux;
    for (std::size_t moved = 0; moved < 3; ++moved) {
        const Luminaire& was = index.luminaires()[moved];
        Box area = index.reachBox(moved, IlluminancePlane::Horizontal);
        index.replace(moved, movedTo(was, was.position().x() + 3, was.position().y() - 2));
        expand(area, index.reachBox(moved, IlluminancePlane::Horizontal));
        const GridCells cells = refreshIlluminanceGrid(grid, area, index, kMaintenance);
        const GridCells expected = cellsWithin(grid, area);
        CHECK(cells.column0 == expected.column0);
        CHECK(cells.row0 == expected.row0);
        CHECK(cells.columns == expected.columns);
        CHECK(cells.rows == expected.rows);
        CHECK_FALSE(cells.isEmpty());
        REQUIRE(grid.lux == computedGrid(kSampleExtent, 0.5, index).lux);
    }
    CHECK(grid.lux != before);
    // Lamp 0, now at (13, 8), reaches past the west and south edges: its area is clipped.
    const GridCells clipped = refreshIlluminanceGrid(
        grid, index.reachBox(0, IlluminancePlane::Horizontal), index, kMaintenance);
    CHECK(clipped.column0 == 0);
    CHECK(clipped.row0 + clipped.rows == grid.rows);
}

TEST_CASE("refreshing an area outside the grid changes nothing", "[luminaire_index]") {
    LuminaireIndex index = sampleIndex();
    IlluminanceGrid grid = computedGrid(kSampleExtent, 1.0, index);
    const std::vector<float> before = grid.lux;
    index.replace(2, movedTo(index.luminaires()[2], 60, 40)); // the grid is now out of date
    for (const Box& area : {Box{Point{121, 0}, Point{300, 80}}, Box{Point{0, -90}, Point{120, -1}},
                            Box{Point{20, 20}, Point{20.2, 20.2}}, emptyBox()}) {
        CHECK(refreshIlluminanceGrid(grid, area, index, kMaintenance).isEmpty());
        CHECK(grid.lux == before);
    }
}

TEST_CASE("a generic lamp moved 10 m east: the lux under it by hand", "[luminaire_index]") {
    const auto light = shared(genericPhotometry(6000));
    const double h = 6.0;
    LuminaireIndex index({lamp(0, 0, h, light)});
    // 1 m cells centred on whole metres from x = -40 to 60 and y = -10 to 10.
    const Box extent{Point{-40.5, -10.5}, Point{60.5, 10.5}};
    IlluminanceGrid grid = computedGrid(extent, 1.0, index);
    const std::size_t row = 10; // y = 0
    const std::size_t oldColumn = 40;
    const std::size_t newColumn = 50;
    REQUIRE(grid.cellCentre(oldColumn, row).x() == 0.0);
    REQUIRE(grid.cellCentre(newColumn, row).y() == 0.0);
    const double below = light->intensity(0, 0) * kMaintenance / (h * h);
    CHECK(grid.at(oldColumn, row) == Approx(below).epsilon(1e-6));

    auto moveTo = [&](double x) {
        Box area = index.reachBox(0, IlluminancePlane::Horizontal);
        index.replace(0, movedTo(index.luminaires()[0], x, 0));
        expand(area, index.reachBox(0, IlluminancePlane::Horizontal));
        refreshIlluminanceGrid(grid, area, index, kMaintenance);
    };
    moveTo(10);
    CHECK(grid.at(newColumn, row) == Approx(below).epsilon(1e-6));
    // The old spot is now 10 m aside: γ = atan(10 / 6) = 59.04°, E = I(γ) · cos³γ · MF / h².
    const double gamma = std::atan2(10.0, h);
    const double aside = light->intensity(0, gamma * 180 / std::numbers::pi) *
                         std::pow(std::cos(gamma), 3) * kMaintenance / (h * h);
    CHECK(aside > 0.0);
    CHECK(grid.at(oldColumn, row) == Approx(aside).epsilon(1e-5));
    // Out of reach (the generic lamp sends nothing beyond 80°: 34 m at 6 m): back to 0 lx.
    moveTo(50);
    CHECK(grid.at(oldColumn, row) == 0.0F);
    CHECK(grid.at(newColumn, row) == 0.0F);
    CHECK(grid.at(90, row) == Approx(below).epsilon(1e-6));
    CHECK(grid.lux == computedGrid(extent, 1.0, index).lux);
}
