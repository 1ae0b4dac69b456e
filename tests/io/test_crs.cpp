#include <catch2/catch.hpp>

#include "tryggkarta/io/crs_transform.h"

#include <boost/geometry/algorithms/distance.hpp>

using namespace trygg;

namespace {

Point transform(int from, int to, Point p) {
    auto t = CoordinateTransform::create(Crs::fromEpsg(from), Crs::fromEpsg(to));
    REQUIRE(t);
    auto moved = t->apply(p);
    REQUIRE(moved);
    return *moved;
}

} // namespace

TEST_CASE("Vännäs centrum lands where DOMAIN.md says, x = easting") {
    const Point wgs84{19.7545, 63.9135}; // lon, lat

    Point tm = transform(4326, 3006, wgs84);
    CHECK(tm.x() == Approx(733107).margin(2.0));
    CHECK(tm.y() == Approx(7096069).margin(2.0));

    Point local = transform(4326, 3016, wgs84);
    CHECK(local.x() == Approx(125680).margin(2.0));
    CHECK(local.y() == Approx(7090306).margin(2.0));

    Point direct = transform(3006, 3016, tm);
    CHECK(direct.x() == Approx(local.x()).margin(0.01));
    CHECK(direct.y() == Approx(local.y()).margin(0.01));

    Point back = transform(3016, 4326, local);
    CHECK(back.x() == Approx(19.7545).margin(1e-7));
    CHECK(back.y() == Approx(63.9135).margin(1e-7));
}

TEST_CASE("geometries and boxes transform whole") {
    auto t = CoordinateTransform::create(Crs::fromEpsg(3006), Crs::fromEpsg(3016));
    REQUIRE(t);
    Geometry line = LineString{{733107, 7096069}, {733207, 7096069}};
    REQUIRE(t->apply(line));
    const auto& moved = std::get<LineString>(line);
    CHECK(moved[0].x() == Approx(125680).margin(2.0));
    CHECK(bg::distance(moved[0], moved[1]) == Approx(100.0).margin(0.5));

    auto box = t->apply(Box{Point{733000, 7096000}, Point{734000, 7097000}});
    REQUIRE(box);
    CHECK(box->max_corner().x() - box->min_corner().x() > 990.0);
    CHECK_FALSE(t->isIdentity());
    CHECK(CoordinateTransform::create(Crs::fromEpsg(3006), Crs::fromEpsg(3006))->isIdentity());
}

TEST_CASE("CRS parsing from what users type") {
    CHECK(parseCrs("EPSG:3006")->epsg == 3006);
    CHECK(parseCrs("3016")->epsg == 3016);
    CHECK(parseCrs("WGS84")->epsg == 4326);
    auto bad = parseCrs("SWEREF 99 TMX");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::CrsUnknown);
    CHECK(crsName(Crs::fromEpsg(3006)).value() == "SWEREF99 TM");
    CHECK(crsName(Crs::fromEpsg(3016)).value() == "SWEREF99 20 15");
    CHECK(Crs::fromEpsg(3006).displayName() == "SWEREF 99 TM (EPSG:3006)");
}
