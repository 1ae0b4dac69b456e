#include "tryggkarta/analysis/luminaire_index.h"

#include <algorithm>
#include <boost/geometry.hpp> // the cartesian strategies the R-tree needs
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cassert>
#include <cmath>
#include <numbers>

namespace trygg {
namespace {

constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;
constexpr double kRelativeStep = 0.02; // the reach is found to within this share
constexpr double kSmallestStep = 0.05; // metres

double angleFromNadir(double distance, double drop) {
    return std::atan2(distance, drop) * kDegreesPerRadian;
}

std::size_t planeIndex(IlluminancePlane plane) {
    return static_cast<std::size_t>(plane);
}

constexpr std::array kPlanes = {IlluminancePlane::Horizontal, IlluminancePlane::Vertical};

// The one place a reach box is made, so that removing an entry finds the box it was put in with.
Box squareAround(const Point& at, double reach) {
    return Box{Point{at.x() - reach, at.y() - reach}, Point{at.x() + reach, at.y() + reach}};
}

} // namespace

double reachOf(const Luminaire& luminaire, IlluminancePlane plane, double thresholdLux) {
    if (!luminaire.isOn()) {
        return 0.0;
    }
    const Photometry& light = luminaire.photometry();
    const double tilt = std::abs(luminaire.spec().tilt);
    const bool ground = plane == IlluminancePlane::Horizontal;
    const double drop = ground ? luminaire.height() : luminaire.height() - kFaceHeight;
    // Within [d, next) the light leaves between these angles (± tilt in the lamp's own frame)
    // and travels at least r: E ≤ I · drop / r³ on the ground, ≤ I / r² on a face.
    auto bound = [&](double intensity, double r) {
        return ground ? intensity * drop / (r * r * r) : intensity / (r * r);
    };
    double reach = 0.0;
    double d = 0.0;
    double angle = angleFromNadir(d, drop);
    while (true) {
        const double r = std::sqrt(d * d + drop * drop);
        const double next = d + std::max(kSmallestStep, kRelativeStep * r);
        const double nextAngle = angleFromNadir(next, drop);
        if (bound(light.maxIntensityBetween(angle - tilt, nextAngle + tilt), r) >= thresholdLux) {
            reach = next;
        } else if (bound(light.maxIntensityBetween(angle - tilt, 180.0), r) < thresholdLux) {
            return reach; // nothing further out can reach either
        }
        d = next;
        angle = nextAngle;
    }
}

struct LuminaireIndex::Trees {
    using Entry = std::pair<Box, std::size_t>;
    using Tree = bg::index::rtree<Entry, bg::index::rstar<16>>;
    std::array<Tree, 2> byPlane;
};

LuminaireIndex::LuminaireIndex(std::vector<Luminaire> luminaires, double thresholdLux)
    : m_luminaires(std::move(luminaires)), m_thresholdLux(thresholdLux),
      m_trees(std::make_unique<Trees>()) {
    for (IlluminancePlane plane : kPlanes) {
        std::vector<Trees::Entry> entries;
        auto& reach = m_reach[planeIndex(plane)];
        for (std::size_t i = 0; i < m_luminaires.size(); ++i) {
            reach.push_back(reachOf(m_luminaires[i], plane, thresholdLux));
            if (reach.back() > 0.0) {
                entries.emplace_back(reachBox(i, plane), i);
            }
        }
        m_trees->byPlane[planeIndex(plane)] = Trees::Tree(entries); // packed bulk load
    }
}

LuminaireIndex::~LuminaireIndex() = default;
LuminaireIndex::LuminaireIndex(LuminaireIndex&& other) noexcept = default;
LuminaireIndex& LuminaireIndex::operator=(LuminaireIndex&& other) noexcept = default;

Box LuminaireIndex::reachBox(std::size_t luminaire, IlluminancePlane plane) const {
    const double range = reach(luminaire, plane);
    return range > 0.0 ? squareAround(m_luminaires[luminaire].position(), range) : emptyBox();
}

std::size_t LuminaireIndex::add(Luminaire luminaire) {
    const std::size_t index = m_luminaires.size();
    m_luminaires.push_back(std::move(luminaire));
    for (auto& reach : m_reach) {
        reach.push_back(0.0);
    }
    enterTrees(index);
    return index;
}

void LuminaireIndex::replace(std::size_t index, Luminaire luminaire) {
    assert(index < m_luminaires.size() && "replace: no luminaire with this index");
    leaveTrees(index);
    m_luminaires[index] = std::move(luminaire);
    enterTrees(index);
}

void LuminaireIndex::setOn(std::size_t index, bool on) {
    assert(index < m_luminaires.size() && "setOn: no luminaire with this index");
    LuminaireSpec spec = m_luminaires[index].spec();
    if (spec.on == on) {
        return;
    }
    spec.on = on;
    Result<Luminaire> switched = makeLuminaire(std::move(spec));
    assert(switched && "the spec of a valid luminaire stays valid when switched");
    replace(index, std::move(*switched));
}

// Computes the luminaire's reach on each plane and files its reach boxes; an off luminaire,
// with no reach, stays out of the trees.
void LuminaireIndex::enterTrees(std::size_t luminaire) {
    for (IlluminancePlane plane : kPlanes) {
        m_reach[planeIndex(plane)][luminaire] =
            reachOf(m_luminaires[luminaire], plane, m_thresholdLux);
        if (reach(luminaire, plane) > 0.0) {
            m_trees->byPlane[planeIndex(plane)].insert({reachBox(luminaire, plane), luminaire});
        }
    }
}

// Takes out the boxes enterTrees (or the constructor) filed, before the luminaire changes.
void LuminaireIndex::leaveTrees(std::size_t luminaire) {
    for (IlluminancePlane plane : kPlanes) {
        if (reach(luminaire, plane) > 0.0) {
            [[maybe_unused]] const std::size_t removed =
                m_trees->byPlane[planeIndex(plane)].remove({reachBox(luminaire, plane), luminaire});
            assert(removed == 1 && "a luminaire's reach box is in its tree");
        }
        m_reach[planeIndex(plane)][luminaire] = 0.0;
    }
}

bool LuminaireIndex::reaches(std::size_t luminaire, const Point& point,
                             IlluminancePlane plane) const {
    const double range = reach(luminaire, plane);
    const Point& at = m_luminaires[luminaire].position();
    const double dx = point.x() - at.x();
    const double dy = point.y() - at.y();
    return range > 0.0 && dx * dx + dy * dy <= range * range;
}

std::vector<std::size_t> LuminaireIndex::near(const Box& area, IlluminancePlane plane) const {
    std::vector<std::size_t> found;
    m_trees->byPlane[planeIndex(plane)].query(
        bg::index::intersects(area),
        boost::make_function_output_iterator(
            [&](const Trees::Entry& e) { found.push_back(e.second); }));
    std::ranges::sort(found);
    return found;
}

std::vector<std::size_t> LuminaireIndex::reaching(const Point& point,
                                                  IlluminancePlane plane) const {
    std::vector<std::size_t> found = near(Box{point, point}, plane);
    std::erase_if(found, [&](std::size_t i) { return !reaches(i, point, plane); });
    return found;
}

double LuminaireIndex::horizontalIlluminance(const Point& point, double maintenanceFactor) const {
    double sum = 0.0;
    for (std::size_t i : reaching(point, IlluminancePlane::Horizontal)) {
        sum += m_luminaires[i].horizontalAt(point);
    }
    return sum * maintenanceFactor;
}

double LuminaireIndex::verticalIlluminance(const Point& point, double facingAzimuth,
                                           double maintenanceFactor) const {
    const double bearing = facingAzimuth / kDegreesPerRadian;
    double sum = 0.0;
    for (std::size_t i : reaching(point, IlluminancePlane::Vertical)) {
        sum += m_luminaires[i].verticalAt(point, std::sin(bearing), std::cos(bearing));
    }
    return sum * maintenanceFactor;
}

} // namespace trygg
