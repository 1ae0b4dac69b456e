#include "analysis/photometry_samples.h"
#include "tryggkarta/analysis/photometry.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

using namespace trygg;
using trygg::test::LdtSample;

namespace {

Photometry ldt(const LdtSample& sample) {
    auto photometry = parseEulumdat(test::ldtText(sample), "test.ldt");
    INFO((photometry ? "" : photometry.error().describe()));
    REQUIRE(photometry.has_value());
    return *photometry;
}

// Plane values at γ 0, 90 and 180 that tell the planes apart: 1000 + C, 500 + C and C.
std::vector<double> plane(double c) {
    return {1000.0 + c, 500.0 + c, c};
}

} // namespace

TEST_CASE("Isym 0 stores every plane and C wraps from 315° to 360°", "[photometry]") {
    LdtSample sample;
    for (double c = 0; c < 360; c += 45) {
        sample.planes.push_back(plane(c));
    }
    Photometry p = ldt(sample);
    CHECK(p.cAngles().size() == 8);
    CHECK(p.intensity(45, 90) == Approx(545));
    CHECK(p.intensity(315, 0) == Approx(1315));
    CHECK(p.intensity(337.5, 90) == Approx((815.0 + 500.0) / 2)); // halfway 315 → 360 = 0
    CHECK(p.intensity(-45, 180) == Approx(315));                  // −45 is 315
}

TEST_CASE("Isym 1 stores one plane for all C", "[photometry]") {
    LdtSample sample{.isym = 1, .planes = {{10, 20, 30}}};
    Photometry p = ldt(sample);
    CHECK(p.isRotationallySymmetric());
    CHECK(p.intensity(0, 90) == Approx(20));
    CHECK(p.intensity(123, 90) == Approx(20));
    CHECK(p.intensity(250, 45) == Approx(15));
    CHECK(p.intensity(250, 135) == Approx(25));
}

TEST_CASE("Isym 2 stores C0–C180 and mirrors it about that plane", "[photometry]") {
    LdtSample sample{.isym = 2, .planes = {plane(0), plane(45), plane(90), plane(135), plane(180)}};
    Photometry p = ldt(sample);
    CHECK(p.cAngles() == std::vector<double>{0, 45, 90, 135, 180, 225, 270, 315});
    CHECK(p.intensity(315, 90) == Approx(545));  // = stored C45
    CHECK(p.intensity(270, 0) == Approx(1090));  // = stored C90
    CHECK(p.intensity(225, 180) == Approx(135)); // = stored C135
    CHECK(p.intensity(180, 90) == Approx(680));
}

TEST_CASE("Isym 3 stores C270…C0…C90 and mirrors it about the C90–C270 plane", "[photometry]") {
    // Mc1 = 3·8/4 + 1 = 7: the stored planes are C270, C315, C0, C45, C90 in that order.
    LdtSample sample{.isym = 3, .planes = {plane(270), plane(315), plane(0), plane(45), plane(90)}};
    Photometry p = ldt(sample);
    CHECK(p.cAngles().size() == 8);
    CHECK(p.intensity(270, 90) == Approx(770));
    CHECK(p.intensity(315, 0) == Approx(1315));
    CHECK(p.intensity(225, 90) == Approx(815)); // 180 − 225 = −45: stored C315
    CHECK(p.intensity(180, 0) == Approx(1000)); // stored C0
    CHECK(p.intensity(135, 180) == Approx(45)); // stored C45
    CHECK(p.intensity(90, 90) == Approx(590));
}

TEST_CASE("Isym 4 stores C0–C90 and mirrors it into every quadrant", "[photometry]") {
    LdtSample sample{.isym = 4, .planes = {{100, 50, 0}, {200, 60, 0}, {300, 70, 0}}};
    Photometry p = ldt(sample);
    CHECK(p.cAngles().size() == 8);
    for (double c : {45.0, 135.0, 225.0, 315.0}) {
        CHECK(p.intensity(c, 90) == Approx(60));
    }
    CHECK(p.intensity(180, 0) == Approx(100));
    CHECK(p.intensity(270, 0) == Approx(300));
    CHECK(p.intensity(292.5, 90) == Approx(65)); // halfway C270 (70) → C315 (60)
}

TEST_CASE("EULUMDAT intensities are cd/klm times the lamp flux and the conversion factor",
          "[photometry]") {
    LdtSample sample{
        .isym = 1, .planes = {{100, 40, 0}}, .lampFlux = 2000, .conversionFactor = "1.5"};
    Photometry p = ldt(sample);
    CHECK(p.info().lampFlux == Approx(2000));
    CHECK(p.intensity(0, 0) == Approx(300)); // 100 cd/klm × 2 klm × 1.5
    CHECK(p.maxIntensity() == Approx(300));
    auto doubled = p.withLampFlux(4000);
    REQUIRE(doubled);
    CHECK(doubled->intensity(0, 90) == Approx(240));
    CHECK_FALSE(p.withLampFlux(0).has_value());
}

TEST_CASE("bilinear interpolation between planes and gamma angles", "[photometry]") {
    LdtSample sample{.isym = 2, .planes = {plane(0), plane(45), plane(90), plane(135), plane(180)}};
    Photometry p = ldt(sample);
    // C 22.5 lies halfway between C0 and C45; γ 45 halfway between γ 0 and γ 90.
    // C0: 1000 and 500 → 750; C45: 1045 and 545 → 795; halfway: 772.5.
    CHECK(p.intensity(22.5, 45) == Approx(772.5));
    CHECK(p.intensity(22.5, 45) == Approx(p.intensity(337.5, 45)));
}

TEST_CASE("CRLF, decimal commas and a Windows-1252 name", "[photometry]") {
    LdtSample sample{.isym = 1,
                     .gammas = {0, 90, 180},
                     .planes = {{123.5, 61.5, 0.5}},
                     .name = "Gatuarmatur V\xe4nn\xe4s \x96 \xf6st \x80",
                     .lampFlux = 1000,
                     .conversionFactor = "1,0",
                     .lineEnd = "\r\n",
                     .decimalComma = true};
    std::string text = test::ldtText(sample);
    REQUIRE(text.find("123,5\r\n") != std::string::npos);
    auto p = parseEulumdat(text, "vannas.ldt");
    REQUIRE(p);
    CHECK(p->info().name == "Gatuarmatur Vännäs – öst €");
    CHECK(p->info().source == "vannas.ldt");
    CHECK(p->intensity(0, 0) == Approx(123.5));
    CHECK(p->intensity(0, 45) == Approx((123.5 + 61.5) / 2));
}

TEST_CASE("a UTF-8 name stays as it is", "[photometry]") {
    LdtSample sample{.isym = 1, .planes = {{1, 1, 1}}, .name = "Parkarmatur för gångväg"};
    CHECK(ldt(sample).info().name == "Parkarmatur för gångväg");
}

TEST_CASE("malformed EULUMDAT files name the line and the field", "[photometry]") {
    LdtSample sample{.isym = 2, .planes = {plane(0), plane(45), plane(90), plane(135), plane(180)}};
    std::string text = test::ldtText(sample);

    SECTION("not a number") {
        std::string bad = text;
        bad.replace(bad.find("\n8\n"), 3, "\natta\n");
        auto p = parseEulumdat(bad, "trasig.ldt");
        REQUIRE_FALSE(p);
        CHECK(p.error().code == ErrorCode::InvalidFormat);
        CHECK(p.error().where == "trasig.ldt: line 4: number of C planes (Mc)");
        CHECK(p.error().message == "not a number: 'atta'");
    }
    SECTION("a symmetry indicator out of range") {
        sample.isym = 7;
        auto p = parseEulumdat(test::ldtText(sample), "trasig.ldt");
        REQUIRE_FALSE(p);
        CHECK(p.error().where == "trasig.ldt: line 3: symmetry indicator (Isym)");
    }
    SECTION("Mc that Isym 4 cannot divide") {
        sample.isym = 4;
        sample.mc = 6;
        auto p = parseEulumdat(test::ldtText(sample), "trasig.ldt");
        REQUIRE_FALSE(p);
        CHECK(p.error().where == "trasig.ldt: line 4: number of C planes (Mc)");
    }
    SECTION("cut short") {
        std::string cut = text; // without the last two values of C180
        for (int i = 0; i < 2; ++i) {
            cut.erase(cut.rfind('\n', cut.size() - 2) + 1);
        }
        auto p = parseEulumdat(cut, "kort.ldt");
        REQUIRE_FALSE(p);
        const int missing = test::ldtFirstIntensityLine(sample) + 13;
        CHECK(p.error().where == "kort.ldt: line " + std::to_string(missing) +
                                     ": luminous intensity at C 180°, γ 90°");
        CHECK(p.error().message ==
              "missing: the file ends after line " + std::to_string(missing - 1));
    }
    SECTION("a negative intensity") {
        sample.planes[1][2] = -5;
        auto p = parseEulumdat(test::ldtText(sample), "trasig.ldt");
        REQUIRE_FALSE(p);
        CHECK(p.error().where == "trasig.ldt: line " +
                                     std::to_string(test::ldtFirstIntensityLine(sample) + 5) +
                                     ": luminous intensity at C 45°, γ 180°");
    }
}

namespace {

// Bilateral (0–180°) symmetry, candela multiplier 2 and ballast factor 0.9: factor 1.8.
const char* const kBilateralIes = "IESNA:LM-63-2002\r\n"
                                  "[TEST] Tryggkarta test\r\n"
                                  "[LUMINAIRE] Testarmatur bilateral\r\n"
                                  "TILT=NONE\r\n"
                                  "1 1000 2 3 3 1 2 0.5 0.2 0.1\r\n"
                                  "0.9 1 40\r\n"
                                  "0 45 90\r\n"
                                  "0,90,180\r\n"
                                  "100 80 10\r\n"
                                  "200 150 20\r\n"
                                  "300 250\r\n"
                                  "30\r\n";

} // namespace

TEST_CASE("IES with bilateral symmetry about the 0–180° plane", "[photometry]") {
    auto p = parseIes(kBilateralIes, "bilateral.ies");
    INFO((p ? "" : p.error().describe()));
    REQUIRE(p);
    CHECK(p->info().name == "Testarmatur bilateral");
    CHECK(p->info().lampFlux == Approx(1000));
    CHECK(p->intensity(0, 0) == Approx(180));    // 100 × 1.8
    CHECK(p->intensity(90, 45) == Approx(270));  // 150 × 1.8
    CHECK(p->intensity(270, 45) == Approx(270)); // mirrored
    CHECK(p->intensity(180, 90) == Approx(54));
    CHECK(p->intensity(315, 0) == Approx(p->intensity(45, 0)));
    CHECK(p->intensity(45, 0) == Approx(270)); // halfway 180 → 360
    // H160 = H90 + 70/90 of the way to H180 at γ 90: 36 + 0.7778 × 18 = 50.
    CHECK(p->intensity(200, 90) == Approx(50));
    CHECK(p->intensity(160, 90) == Approx(50));
    CHECK(p->intensity(0, 120) == Approx(0)); // beyond the measured 90°
}

TEST_CASE("IES errors name the line", "[photometry]") {
    std::string text = kBilateralIes;
    SECTION("TILT=INCLUDE") {
        text.replace(text.find("TILT=NONE"), 9, "TILT=INCLUDE");
        auto p = parseIes(text, "tilt.ies");
        REQUIRE_FALSE(p);
        CHECK(p.error().where == "tilt.ies: line 4: TILT");
        CHECK(p.error().message.find("TILT=INCLUDE") != std::string::npos);
    }
    SECTION("a tilt file") {
        text.replace(text.find("TILT=NONE"), 9, "TILT=lampa.tlt");
        auto p = parseIes(text, "tilt.ies");
        REQUIRE_FALSE(p);
        CHECK(p.error().message.find("lampa.tlt") != std::string::npos);
    }
    SECTION("type B photometry") {
        text.replace(text.find("3 3 1 2"), 7, "3 3 2 2");
        auto p = parseIes(text, "b.ies");
        REQUIRE_FALSE(p);
        CHECK(p.error().where == "b.ies: line 5: photometric type");
    }
    SECTION("a bad candela value") {
        text.replace(text.find("200 150"), 3, "2O0");
        auto p = parseIes(text, "fel.ies");
        REQUIRE_FALSE(p);
        CHECK(p.error().where == "fel.ies: line 10: candela at horizontal 90°, vertical 0°");
        CHECK(p.error().message == "not a number: '2O0'");
    }
    SECTION("no TILT line") {
        auto p = parseIes("IESNA:LM-63-2002\n[TEST] x\n", "tom.ies");
        REQUIRE_FALSE(p);
        CHECK(p.error().message == "no TILT= line: not an IES LM-63 file");
    }
}

TEST_CASE("IES absolute photometry takes the luminaire's flux as reference", "[photometry]") {
    auto p = parseIes("IESNA:LM-63-2002\nTILT=NONE\n1 -1 1 3 1 1 2 0 0 0\n1 1 10\n0 90 180\n0\n"
                      "100 100 100\n",
                      "absolut.ies");
    REQUIRE(p);
    CHECK(p->info().lampFlux == Approx(4 * std::numbers::pi * 100)); // isotropic 100 cd
    CHECK(p->intensity(77, 33) == Approx(100));
}

TEST_CASE("the flux integral of an isotropic table is 4π I", "[photometry]") {
    auto p = Photometry::fromTable({"iso", "test", 1000}, {0, 90, 180, 270}, {0, 60, 180},
                                   std::vector<double>(12, 250.0));
    REQUIRE(p);
    CHECK(p->luminousFlux() == Approx(4 * std::numbers::pi * 250));
    // Linear from 300 at γ 0 to 0 at 90°, nothing above: 2π · 300 · (1 − 2/π) = 684.95 lm.
    auto cone = Photometry::fromTable({"kon", "test", 1000}, {0}, {0, 90, 180}, {300, 0, 0});
    REQUIRE(cone);
    CHECK(cone->luminousFlux() == Approx(684.95).epsilon(1e-4));
    CHECK_FALSE(Photometry::fromTable({"fel", "test", 1000}, {0, 0}, {0, 90}, {1, 1, 1, 1}));
}

TEST_CASE("the generic distribution", "[photometry]") {
    auto p = genericPhotometry(5000);
    REQUIRE(p);
    CHECK(p->luminousFlux() == Approx(0.8 * 5000).epsilon(1e-9));
    // I ∝ 1/cos³γ up to 55°, so I(45°) = I(0°) · 2^1.5.
    CHECK(p->intensity(0, 45) == Approx(p->intensity(0, 0) * std::pow(2.0, 1.5)).epsilon(1e-3));
    CHECK(p->intensity(123, 30) == Approx(p->intensity(0, 30)));
    CHECK(p->intensity(0, 80) == 0.0);
    CHECK(p->intensity(0, 120) == 0.0);
    CHECK(p->info().lampFlux == 5000);
    CHECK_FALSE(genericPhotometry(0).has_value());
    CHECK_FALSE(genericPhotometry(-100).has_value());
}

TEST_CASE("the shipped generic profiles read and emit what they claim", "[photometry]") {
    const std::filesystem::path folder =
        std::filesystem::path(TRYGG_SOURCE_LAYERS_DIR) / "photometry";
    struct Expected {
        const char* file;
        const char* name;
        double lampFlux;
        double lightOutputRatio;
    };
    for (const Expected& e :
         {Expected{"generisk_gata.ldt", "Generisk gatuarmatur typ II (Tryggkarta)", 6000, 0.85},
          Expected{"generisk_park.ldt", "Generisk parkarmatur för gångväg, stolptopp (Tryggkarta)",
                   2500, 0.70},
          Expected{"generisk_gangvag.ies",
                   "Generisk gång- och cykelvägsarmatur, tvåvägs (Tryggkarta)", 3000, 0.85}}) {
        INFO(e.file);
        auto p = readPhotometry(folder / e.file);
        INFO((p ? "" : p.error().describe()));
        REQUIRE(p);
        CHECK(p->info().name == e.name);
        CHECK(p->info().lampFlux == Approx(e.lampFlux));
        CHECK(p->luminousFlux() == Approx(e.lampFlux * e.lightOutputRatio).epsilon(0.03));
    }
    auto street = readPhotometry(folder / "generisk_gata.ldt");
    REQUIRE(street);
    CHECK(street->intensity(0, 70) > street->intensity(0, 0));         // throws along the street
    CHECK(street->intensity(90, 50) > 3 * street->intensity(270, 50)); // street side, not houses
    CHECK(street->intensity(30, 60) == Approx(street->intensity(150, 60))); // I(C) = I(180 − C)
    CHECK(street->intensity(0, 90) == 0.0);
}

TEST_CASE("reading a photometry file that is not there", "[photometry]") {
    auto p = readPhotometry("/nonexistent/lampa.ldt");
    REQUIRE_FALSE(p);
    CHECK(p.error().code == ErrorCode::OpenFailed);
    CHECK(p.error().where == "/nonexistent/lampa.ldt");
}
