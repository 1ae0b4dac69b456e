#include "tryggkarta/analysis/photometry.h"

#include <cmath>
#include <numbers>

namespace trygg {
namespace {

constexpr double kEvenUpTo = 55.0; // degrees: I ∝ 1/cos³γ, so the ground below is evenly lit
constexpr double kDarkFrom = 80.0; // degrees: full cut-off

// The shape of the generic distribution, 1 at nadir.
double genericShape(double gamma) {
    const double edge = 1.0 / std::pow(std::cos(kEvenUpTo * std::numbers::pi / 180.0), 3);
    if (gamma <= kEvenUpTo) {
        return 1.0 / std::pow(std::cos(gamma * std::numbers::pi / 180.0), 3);
    }
    if (gamma < kDarkFrom) {
        return edge * (kDarkFrom - gamma) / (kDarkFrom - kEvenUpTo);
    }
    return 0.0;
}

} // namespace

Result<Photometry> genericPhotometry(double lampFlux) {
    if (!(lampFlux > 0.0) || !std::isfinite(lampFlux)) {
        return fail(ErrorCode::InvalidValue, "the luminous flux must be more than 0 lm",
                    "generic distribution");
    }
    std::vector<double> gammas;
    std::vector<double> shape;
    for (int g = 0; g <= 180; ++g) {
        gammas.push_back(g);
        shape.push_back(genericShape(g));
    }
    PhotometryInfo info{"Generisk ljusfördelning (Tryggkarta)", "generic", lampFlux};
    auto unit = Photometry::fromTable(info, {0.0}, gammas, shape);
    if (!unit) {
        return unit;
    }
    // Scale the shape so the luminaire emits the assumed share of the lamp flux.
    const double scale = kGenericLightOutputRatio * lampFlux / unit->luminousFlux();
    for (double& value : shape) {
        value *= scale;
    }
    return Photometry::fromTable(std::move(info), {0.0}, std::move(gammas), std::move(shape));
}

} // namespace trygg
