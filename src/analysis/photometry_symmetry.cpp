#include "photometry_symmetry.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace trygg {
namespace {

// Angles closer than this are the same plane (files write 359.99 for 360 and the like).
constexpr double kSameAngle = 1e-6;

double normalized(double c) {
    c -= 360.0 * std::floor(c / 360.0);
    return c > 360.0 - kSameAngle ? 0.0 : c;
}

std::vector<std::function<double(double)>> mirrorsOf(PlaneSymmetry symmetry) {
    auto aboutC0 = [](double c) { return 360.0 - c; };
    auto aboutC90 = [](double c) { return 180.0 - c; };
    auto halfTurn = [](double c) { return 180.0 + c; };
    switch (symmetry) {
    case PlaneSymmetry::AboutC0C180:
        return {aboutC0};
    case PlaneSymmetry::AboutC90C270:
        return {aboutC90};
    case PlaneSymmetry::Quadrants:
        return {aboutC0, aboutC90, halfTurn};
    case PlaneSymmetry::None:
    case PlaneSymmetry::Rotational:
        break;
    }
    return {};
}

struct Plane {
    double angle = 0.0;
    std::size_t stored = 0; ///< which stored plane holds its values
};

void addPlane(std::vector<Plane>& planes, Plane plane) {
    bool known = std::ranges::any_of(planes, [&](const Plane& p) {
        double gap = std::abs(p.angle - plane.angle);
        return std::min(gap, 360.0 - gap) < kSameAngle;
    });
    if (!known) {
        planes.push_back(plane);
    }
}

} // namespace

Result<Photometry> expandSymmetry(PhotometryInfo info, const std::vector<double>& storedC,
                                  std::vector<double> gammas, const std::vector<double>& candela,
                                  PlaneSymmetry symmetry) {
    const std::size_t storedCount = symmetry == PlaneSymmetry::Rotational ? 1 : storedC.size();
    if (storedCount == 0 || candela.size() < storedCount * gammas.size()) {
        return fail(ErrorCode::InvalidFormat, "fewer luminous intensities than stored planes",
                    info.source);
    }
    std::vector<Plane> planes;
    for (std::size_t k = 0; k < storedCount; ++k) {
        addPlane(planes, {symmetry == PlaneSymmetry::Rotational ? 0.0 : normalized(storedC[k]), k});
    }
    for (const auto& mirror : mirrorsOf(symmetry)) {
        for (std::size_t k = 0; k < storedCount; ++k) {
            addPlane(planes, {normalized(mirror(storedC[k])), k});
        }
    }
    std::ranges::sort(planes, {}, &Plane::angle);

    const std::size_t gammaCount = gammas.size();
    std::vector<double> angles;
    std::vector<double> table;
    table.reserve(planes.size() * gammaCount);
    for (const Plane& plane : planes) {
        angles.push_back(plane.angle);
        auto first = candela.begin() + static_cast<std::ptrdiff_t>(plane.stored * gammaCount);
        table.insert(table.end(), first, first + static_cast<std::ptrdiff_t>(gammaCount));
    }
    return Photometry::fromTable(std::move(info), std::move(angles), std::move(gammas),
                                 std::move(table));
}

} // namespace trygg
