#include "tryggkarta/analysis/photometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace trygg {
namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

bool strictlyAscending(const std::vector<double>& values) {
    return std::adjacent_find(values.begin(), values.end(), std::greater_equal<>()) == values.end();
}

// Empty when the table can be used; otherwise what is wrong with it.
std::string tableProblem(const std::vector<double>& cAngles, const std::vector<double>& gamma,
                         const std::vector<double>& candela) {
    if (cAngles.empty() || !strictlyAscending(cAngles) || cAngles.front() < 0.0 ||
        cAngles.back() >= 360.0) {
        return "C angles must ascend within [0, 360)";
    }
    if (gamma.size() < 2 || !strictlyAscending(gamma) || gamma.front() < 0.0 ||
        gamma.back() > 180.0) {
        return "gamma angles must be at least two, ascending within [0, 180]";
    }
    if (candela.size() != cAngles.size() * gamma.size()) {
        return "the intensity table does not have one value per C plane and gamma angle";
    }
    if (!std::ranges::all_of(candela, [](double v) { return std::isfinite(v) && v >= 0.0; })) {
        return "luminous intensities must be finite and not negative";
    }
    return {};
}

// ∫ f(γ) sin γ dγ over [a, b] (radians) for f linear from fa to fb.
double linearTimesSine(double a, double b, double fa, double fb) {
    return fa * std::cos(a) - fb * std::cos(b) + (fb - fa) / (b - a) * (std::sin(b) - std::sin(a));
}

} // namespace

AngleAxis::AngleAxis(std::vector<double> nodes) : m_nodes(std::move(nodes)) {
    if (m_nodes.size() < 2) {
        return;
    }
    const double step = m_nodes[1] - m_nodes[0];
    for (std::size_t i = 1; i + 1 < m_nodes.size(); ++i) {
        if (std::abs(m_nodes[i + 1] - m_nodes[i] - step) > 1e-9 * step) {
            return;
        }
    }
    m_inverseStep = 1.0 / step;
}

std::size_t AngleAxis::locateByBisection(double a, double& t) const {
    auto above = std::upper_bound(m_nodes.begin() + 1, m_nodes.end() - 1, a);
    const auto i = static_cast<std::size_t>(above - m_nodes.begin()) - 1;
    t = (a - m_nodes[i]) / (m_nodes[i + 1] - m_nodes[i]);
    return i;
}

Result<Photometry> Photometry::fromTable(PhotometryInfo info, std::vector<double> cAngles,
                                         std::vector<double> gammaAngles,
                                         std::vector<double> candela) {
    if (auto problem = tableProblem(cAngles, gammaAngles, candela); !problem.empty()) {
        return fail(ErrorCode::InvalidFormat, std::move(problem), info.source);
    }
    if (!(info.lampFlux > 0.0) || !std::isfinite(info.lampFlux)) {
        return fail(ErrorCode::InvalidFormat, "the lamp flux must be more than 0 lm", info.source);
    }
    const std::size_t gammaCount = gammaAngles.size();
    Photometry photometry;
    photometry.m_info = std::move(info);
    photometry.m_planeCount = cAngles.size();
    cAngles.push_back(cAngles.front() + 360.0);
    std::vector<double> firstPlane(candela.begin(), candela.begin() + gammaCount);
    candela.insert(candela.end(), firstPlane.begin(), firstPlane.end());
    photometry.m_gammaMax.assign(gammaCount, 0.0);
    for (std::size_t i = 0; i < candela.size(); ++i) {
        double& column = photometry.m_gammaMax[i % gammaCount];
        column = std::max(column, candela[i]);
    }
    photometry.m_maxIntensity = std::ranges::max(photometry.m_gammaMax);
    photometry.m_c = AngleAxis(std::move(cAngles));
    photometry.m_gamma = AngleAxis(std::move(gammaAngles));
    photometry.m_candela = std::move(candela);
    return photometry;
}

double Photometry::planeIntensity(std::size_t plane, std::size_t g, double t) const {
    const double* values = m_candela.data() + plane * m_gamma.nodes().size() + g;
    return values[0] + t * (values[1] - values[0]);
}

double Photometry::intensity(double cDegrees, double gammaDegrees) const {
    const auto& gammas = m_gamma.nodes();
    if (!(gammaDegrees >= gammas.front() && gammaDegrees <= gammas.back())) {
        return 0.0;
    }
    double tg = 0.0;
    const std::size_t g = m_gamma.locate(gammaDegrees, tg);
    if (m_planeCount == 1) {
        return planeIntensity(0, g, tg);
    }
    const double firstC = m_c.nodes().front();
    double c = cDegrees - firstC;
    if (c < 0.0 || c >= 360.0) {
        c = c < 0.0 && c >= -360.0 ? c + 360.0 : c - 360.0 * std::floor(c / 360.0);
    }
    if (!(c >= 0.0)) {
        return 0.0; // a NaN azimuth
    }
    double tc = 0.0;
    const std::size_t plane = m_c.locate(firstC + c, tc);
    const double below = planeIntensity(plane, g, tg);
    return below + tc * (planeIntensity(plane + 1, g, tg) - below);
}

double Photometry::maxIntensityBetween(double gammaLow, double gammaHigh) const {
    const auto& gammas = m_gamma.nodes();
    gammaLow = std::max(gammaLow, gammas.front());
    gammaHigh = std::min(gammaHigh, gammas.back());
    if (gammaLow > gammaHigh) {
        return 0.0;
    }
    // Every plane, hence every interpolated C, stays under the γ nodes' maxima interpolated
    // the same way; that piecewise-linear bound peaks at the range's ends or at a node within.
    auto envelope = [&](double gamma, std::size_t& node) {
        double t = 0.0;
        node = m_gamma.locate(gamma, t);
        return m_gammaMax[node] + t * (m_gammaMax[node + 1] - m_gammaMax[node]);
    };
    std::size_t low = 0;
    std::size_t high = 0;
    double largest = std::max(envelope(gammaLow, low), envelope(gammaHigh, high));
    for (std::size_t node = low + 1; node <= high; ++node) {
        largest = std::max(largest, m_gammaMax[node]);
    }
    return largest;
}

double Photometry::planeIntegral(std::size_t plane) const {
    const auto& gammas = m_gamma.nodes();
    const double* values = m_candela.data() + plane * gammas.size();
    double sum = 0.0;
    for (std::size_t g = 0; g + 1 < gammas.size(); ++g) {
        sum += linearTimesSine(gammas[g] * kRadiansPerDegree, gammas[g + 1] * kRadiansPerDegree,
                               values[g], values[g + 1]);
    }
    return sum;
}

double Photometry::luminousFlux() const {
    if (m_planeCount == 1) {
        return 2.0 * std::numbers::pi * planeIntegral(0);
    }
    // Linear in C between planes, so each gap contributes its width times the mean of its ends.
    const auto& planes = m_c.nodes();
    double sum = 0.0;
    for (std::size_t p = 0; p < m_planeCount; ++p) {
        const double width = (planes[p + 1] - planes[p]) * kRadiansPerDegree;
        sum += width * 0.5 * (planeIntegral(p) + planeIntegral(p + 1));
    }
    return sum;
}

Result<Photometry> Photometry::withLampFlux(double lampFlux) const {
    if (!(lampFlux > 0.0) || !std::isfinite(lampFlux)) {
        return fail(ErrorCode::InvalidValue, "the luminous flux must be more than 0 lm",
                    m_info.source);
    }
    const double factor = lampFlux / m_info.lampFlux;
    Photometry scaled = *this;
    scaled.m_info.lampFlux = lampFlux;
    for (double& value : scaled.m_candela) {
        value *= factor;
    }
    for (double& value : scaled.m_gammaMax) {
        value *= factor;
    }
    scaled.m_maxIntensity *= factor;
    return scaled;
}

std::vector<double> Photometry::cAngles() const {
    return {m_c.nodes().begin(), m_c.nodes().end() - 1};
}

} // namespace trygg
