#pragma once
// Small photometry files written in the tests, line by line as the formats lay them out,
// and small distributions made in memory.

#include "tryggkarta/analysis/photometry.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace trygg::test {

/// An EULUMDAT file with `planes` as its stored intensity planes (in file order).
struct LdtSample {
    int isym = 0;
    int mc = 8; ///< C planes 0, 45, ... 315 for 8
    std::vector<double> gammas = {0.0, 90.0, 180.0};
    std::vector<std::vector<double>> planes; ///< cd/klm, one row per stored plane
    std::string name = "Testarmatur";
    double lampFlux = 1000.0;
    std::string conversionFactor = "1";
    std::string lineEnd = "\n";
    bool decimalComma = false;
};

inline std::string ldtNumber(double value, bool decimalComma) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string number = text;
    if (decimalComma) {
        number[number.find('.')] = ',';
    }
    return number;
}

inline std::string ldtText(const LdtSample& sample) {
    auto number = [&](double v) { return ldtNumber(v, sample.decimalComma); };
    std::vector<std::string> lines = {"Tryggkarta test",
                                      "3",
                                      std::to_string(sample.isym),
                                      std::to_string(sample.mc),
                                      number(360.0 / sample.mc),
                                      std::to_string(sample.gammas.size()),
                                      "0",
                                      "R-1",
                                      sample.name,
                                      "T-1",
                                      "test.ldt",
                                      "2025",
                                      "600",
                                      "200",
                                      "100",
                                      "400",
                                      "150",
                                      "0",
                                      "0",
                                      "0",
                                      "0",
                                      "100",
                                      "85",
                                      sample.conversionFactor,
                                      "0",
                                      "1",
                                      "1",
                                      "LED",
                                      number(sample.lampFlux),
                                      "3000K",
                                      "80",
                                      "40"};
    lines.insert(lines.end(), 10, "0"); // direct ratios
    for (int c = 0; c < sample.mc; ++c) {
        lines.push_back(number(360.0 * c / sample.mc));
    }
    for (double gamma : sample.gammas) {
        lines.push_back(number(gamma));
    }
    for (const auto& plane : sample.planes) {
        for (double value : plane) {
            lines.push_back(number(value));
        }
    }
    std::string text;
    for (const auto& line : lines) {
        text += line + sample.lineEnd;
    }
    return text;
}

/// The 1-based line of the first intensity in ldtText (26 header lines, one lamp set of 6,
/// 10 direct ratios, the angles).
inline int ldtFirstIntensityLine(const LdtSample& sample) {
    return 26 + 6 + 10 + sample.mc + static_cast<int>(sample.gammas.size()) + 1;
}

/// A photometry made in a test, shared as luminaires hold it.
inline std::shared_ptr<const Photometry> shared(Result<Photometry> photometry) {
    REQUIRE(photometry.has_value());
    return std::make_shared<const Photometry>(std::move(*photometry));
}

/// The same intensity in every direction.
inline std::shared_ptr<const Photometry> isotropic(double candela) {
    return shared(
        Photometry::fromTable({"isotrop", "test", 1000}, {0}, {0, 180}, {candela, candela}));
}

/// A different constant intensity per C plane: C0 100, C90 400, C180 200, C270 50 cd, so
/// that turning a lamp matters.
inline std::shared_ptr<const Photometry> fourWays() {
    return shared(Photometry::fromTable({"fyra håll", "test", 1000}, {0, 90, 180, 270}, {0, 180},
                                        {100, 100, 400, 400, 200, 200, 50, 50}));
}

} // namespace trygg::test
