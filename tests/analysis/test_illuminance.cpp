#include "tryggkarta/analysis/illuminance.h"
#include "tryggkarta/analysis/illuminance_grid.h"
#include "tryggkarta/analysis/luminaire_index.h"

#include "photometry_samples.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>

using namespace trygg;

namespace {

using test::fourWays;
using test::isotropic;
using test::shared;

Luminaire lamp(double x, double y, double height, std::shared_ptr<const Photometry> light,
               double azimuth = 0, double tilt = 0) {
    auto luminaire = makeLuminaire({Point{x, y}, height, tilt, azimuth, std::move(light)});
    INFO((luminaire ? "" : luminaire.error().describe()));
    REQUIRE(luminaire.has_value());
    return *luminaire;
}

} // namespace

TEST_CASE("an isotropic source at 6 m: I/36 below, I·cos³γ/h² beside", "[illuminance]") {
    const std::vector<Luminaire> one = {lamp(0, 0, 6, isotropic(1000))};
    CHECK(horizontalIlluminance(Point{0, 0}, one) == Approx(22.2222222)); // 1000 / 36 × 0.8
    // d = 6 m: cos γ = 6 / √72 = 0.707107, E = 1000 · 0.353553 / 36 × 0.8
    CHECK(horizontalIlluminance(Point{6, 0}, one) == Approx(7.8567420));
    // d = 10 m: cos γ = 6 / √136 = 0.514496, E = 1000 · 0.136190 / 36 × 0.8
    CHECK(horizontalIlluminance(Point{0, -10}, one) == Approx(3.0264456));
    CHECK(horizontalIlluminance(Point{0, 0}, one, 1.0) == Approx(27.7777778));
}

TEST_CASE("two sources sum", "[illuminance]") {
    const std::vector<Luminaire> two = {lamp(0, 0, 6, isotropic(1000)),
                                        lamp(12, 0, 6, isotropic(1000))};
    CHECK(horizontalIlluminance(Point{6, 0}, two) == Approx(15.7134840)); // 2 × 7.856742
}

TEST_CASE("no luminaires, or only switched-off ones, give 0 lx", "[illuminance]") {
    CHECK(horizontalIlluminance(Point{1, 2}, {}) == 0.0);
    CHECK(verticalIlluminance(Point{1, 2}, 90, {}) == 0.0);
    auto off = makeLuminaire({Point{0, 0}, 6, 0, 0, isotropic(1000), false});
    REQUIRE(off);
    const std::vector<Luminaire> dark = {*off};
    CHECK(horizontalIlluminance(Point{0, 0}, dark) == 0.0);
    CHECK(reachOf(*off, IlluminancePlane::Horizontal) == 0.0);
}

TEST_CASE("a mounting height of 0 or below is an error", "[illuminance]") {
    for (double height : {0.0, -3.0}) {
        auto luminaire = makeLuminaire({Point{10, 20}, height, 0, 0, isotropic(1000)});
        REQUIRE_FALSE(luminaire);
        CHECK(luminaire.error().code == ErrorCode::InvalidValue);
        CHECK(luminaire.error().where == "luminaire at (10.00, 20.00): mounting height");
        CHECK(luminaire.error().message.find("more than 0 m") != std::string::npos);
    }
    CHECK_FALSE(makeLuminaire({Point{0, 0}, 6, 0, 0, nullptr}));
    CHECK_FALSE(makeLuminaire({Point{0, 0}, 6, 95, 0, isotropic(1)}));
    CHECK_FALSE(
        makeLuminaire({Point{0, 0}, std::numeric_limits<double>::quiet_NaN(), 0, 0, isotropic(1)}));
}

TEST_CASE("azimuth: C90 faces the azimuth, C0 points 90° clockwise of it", "[illuminance]") {
    // Facing east: east is C90 (400 cd), south C0 (100), west C270 (50), north C180 (200).
    const std::vector<Luminaire> east = {lamp(0, 0, 6, fourWays(), 90)};
    CHECK(horizontalIlluminance(Point{6, 0}, east, 1.0) == Approx(3.9283710));
    CHECK(horizontalIlluminance(Point{0, -6}, east, 1.0) == Approx(0.9820928));
    CHECK(horizontalIlluminance(Point{-6, 0}, east, 1.0) == Approx(0.4910464));
    CHECK(horizontalIlluminance(Point{0, 6}, east, 1.0) == Approx(1.9641855));
    // Right below, γ = 0 and C = atan2(0, 0) = 0: the C0 plane's 100 cd over 36 m².
    CHECK(horizontalIlluminance(Point{0, 0}, east, 1.0) == Approx(100.0 / 36));
    const std::vector<Luminaire> north = {lamp(0, 0, 6, fourWays(), 0)};
    CHECK(horizontalIlluminance(Point{0, 6}, north, 1.0) == Approx(3.9283710));
}

TEST_CASE("tilt leans the light's axis towards the azimuth", "[illuminance]") {
    // 1000 cd straight down, falling linearly to 100 cd at 90°.
    auto light =
        shared(Photometry::fromTable({"lutad", "test", 1000}, {0}, {0, 90, 180}, {1000, 100, 100}));
    const std::vector<Luminaire> tilted = {lamp(0, 0, 6, light, 0, 10)};
    const double aside = 6 * std::tan(10 * std::numbers::pi / 180);
    // On the lamp's own axis (γ = 0), 10° from the vertical: 1000 · cos³10° / 36.
    CHECK(horizontalIlluminance(Point{0, aside}, tilted, 1.0) == Approx(26.5308935));
    // Right below is γ = 10° in the lamp's frame: 900 cd / 36 m².
    CHECK(horizontalIlluminance(Point{0, 0}, tilted, 1.0) == Approx(25.0));
    // Behind, 10° from the vertical the other way, is γ = 20°: 800 · cos³10° / 36.
    CHECK(horizontalIlluminance(Point{0, -aside}, tilted, 1.0) == Approx(21.2247148));
}

TEST_CASE("vertical illuminance on a face at 1.5 m", "[illuminance]") {
    // h' = 6 − 1.5 = 4.5 m, d = 4.5 m: γ = 45°, E = I sin γ cos²γ / h'² = 1000 · 0.7071 · 0.5
    // / 20.25.
    const std::vector<Luminaire> one = {lamp(0, 0, 6, isotropic(1000))};
    CHECK(verticalIlluminance(Point{0, -4.5}, 0, one, 1.0) == Approx(17.4594267)); // facing it
    CHECK(verticalIlluminance(Point{0, -4.5}, 180, one, 1.0) == 0.0);              // back to it
    CHECK(verticalIlluminance(Point{0, -4.5}, 90, one, 1.0) == Approx(0).margin(1e-9));
    // Facing 45° off the lamp: cos 45° of the above.
    CHECK(verticalIlluminance(Point{0, -4.5}, 45, one, 1.0) == Approx(17.4594267 * std::sqrt(0.5)));
    CHECK(verticalIlluminance(Point{0, 0}, 0, one, 1.0) == 0.0); // light from straight above
}

TEST_CASE("reach: where a luminaire's light falls below the threshold", "[illuminance]") {
    const Luminaire one = lamp(0, 0, 6, isotropic(1000));
    // I·h/r³ = 0.05 lx: r = (1000 · 6 / 0.05)^⅓ = 49.3242 m, d = √(r² − 36) = 48.9579 m.
    const double ground = reachOf(one, IlluminancePlane::Horizontal, 0.05);
    CHECK(ground >= 48.9579);
    CHECK(ground <= 48.9579 * 1.03);
    // I/r² = 0.05 lx at 4.5 m below the lamp: d = √(20000 − 20.25) = 141.3497 m.
    const double face = reachOf(one, IlluminancePlane::Vertical, 0.05);
    CHECK(face >= 141.3497);
    CHECK(face <= 141.3497 * 1.03);
    // A full cut-off lamp reaches no further than the light it sends: the generic one stops
    // at 80°, h · tan 80° = 34.03 m, and gives little before that.
    auto generic = shared(genericPhotometry(6000));
    CHECK(reachOf(lamp(0, 0, 6, generic), IlluminancePlane::Horizontal) <=
          6 * std::tan(80 * std::numbers::pi / 180) * 1.03);
}

TEST_CASE("the luminaire index sums only the luminaires that reach a point", "[illuminance]") {
    std::vector<Luminaire> lamps = {lamp(0, 0, 6, isotropic(1000)),
                                    lamp(100, 0, 6, isotropic(1000))};
    const LuminaireIndex index(lamps);
    CHECK(index.reaching(Point{25, 0}, IlluminancePlane::Horizontal) ==
          std::vector<std::size_t>{0});
    CHECK(index.reaching(Point{75, 0}, IlluminancePlane::Horizontal) ==
          std::vector<std::size_t>{1});
    CHECK(index.reaching(Point{50, 30}, IlluminancePlane::Horizontal).empty());
    CHECK(index.reaching(Point{50, 30}, IlluminancePlane::Vertical) ==
          std::vector<std::size_t>{0, 1});
    CHECK(index.horizontalIlluminance(Point{6, 0}) == Approx(7.8567420)); // lamp 1 is 94 m off
    CHECK(index.horizontalIlluminance(Point{50, 30}) == 0.0);
    // Left out: less than the threshold per luminaire.
    for (double x = -60; x <= 160; x += 7.5) {
        const Point p{x, 3};
        CHECK(std::abs(index.horizontalIlluminance(p) - horizontalIlluminance(p, lamps)) <=
              0.05 * 0.8 * 2);
        CHECK(index.verticalIlluminance(p, 90) ==
              Approx(verticalIlluminance(p, 90, lamps)).margin(0.05 * 0.8 * 2));
    }
}

namespace {

// Three kinds of lamp over a 60 m × 40 m area.
LuminaireIndex sampleIndex() {
    return LuminaireIndex({lamp(10, 10, 6, isotropic(800)), lamp(40, 25, 8, fourWays(), 30, 5),
                           lamp(55, 5, 5, shared(genericPhotometry(4000)))});
}

struct CancelAfterFirst : Progress {
    int updates = 0;
    void update(std::uint64_t, std::uint64_t) override { ++updates; }
    [[nodiscard]] bool isCancelled() const override { return updates > 0; }
};

} // namespace

TEST_CASE("the illuminance grid equals the point function at cell centres", "[illuminance]") {
    const LuminaireIndex index = sampleIndex();
    auto grid =
        illuminanceGrid(Box{Point{0, 0}, Point{59, 39}}, 2.0, index, 0.8, Progress::none(), 2);
    REQUIRE(grid);
    CHECK(grid->columns == 30); // 59 m / 2 m, rounded up
    CHECK(grid->rows == 20);
    CHECK(grid->extent.min_corner().y() == -1.0); // from the north edge, 20 rows down
    CHECK(grid->extent.max_corner().x() == 60.0);
    CHECK(grid->cellCentre(0, 0).x() == 1.0);
    CHECK(grid->cellCentre(0, 0).y() == 38.0);
    for (std::size_t row = 0; row < grid->rows; ++row) {
        for (std::size_t column = 0; column < grid->columns; ++column) {
            const Point centre = grid->cellCentre(column, row);
            REQUIRE(grid->at(column, row) ==
                    static_cast<float>(index.horizontalIlluminance(centre, 0.8)));
        }
    }
    auto single =
        illuminanceGrid(Box{Point{0, 0}, Point{59, 39}}, 2.0, index, 0.8, Progress::none(), 1);
    REQUIRE(single);
    CHECK(single->lux == grid->lux);
}

TEST_CASE("the illuminance grid of one isotropic lamp", "[illuminance]") {
    const LuminaireIndex index({lamp(1, 1, 6, isotropic(1000))});
    auto grid = illuminanceGrid(Box{Point{0, 0}, Point{20, 2}}, 2.0, index, 0.8, Progress::none());
    REQUIRE(grid);
    CHECK(grid->lux.size() == 10);
    CHECK(grid->at(0, 0) == Approx(22.2222222)); // centre (1, 1), right below the lamp
    CHECK(grid->at(3, 0) == Approx(7.8567420));  // centre (7, 1), 6 m beside it
    CHECK(grid->at(5, 0) == Approx(3.0264456));  // centre (11, 1), 10 m beside it
}

namespace {

bool isUsageError(const Result<IlluminanceGrid>& grid) {
    return !grid && grid.error().code == ErrorCode::Usage;
}

} // namespace

TEST_CASE("the illuminance grid cancels and refuses nonsense", "[illuminance]") {
    const LuminaireIndex index = sampleIndex();
    CancelAfterFirst cancel;
    auto cancelled = illuminanceGrid(Box{Point{0, 0}, Point{600, 400}}, 0.5, index, 0.8, cancel, 2);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
    CHECK(cancel.updates == 1);

    const Box area{Point{0, 0}, Point{10, 10}};
    CHECK(isUsageError(illuminanceGrid(area, 0.0, index, 0.8, Progress::none())));
    CHECK(isUsageError(illuminanceGrid(area, 1.0, index, 1.5, Progress::none())));
    CHECK(isUsageError(
        illuminanceGrid(Box{Point{0, 0}, Point{0, 10}}, 1.0, index, 0.8, Progress::none())));
    const LuminaireIndex none({});
    auto dark = illuminanceGrid(area, 1.0, none, 0.8, Progress::none());
    REQUIRE(dark);
    CHECK(dark->lux == std::vector<float>(100, 0.0F));
}
