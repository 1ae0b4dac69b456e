#include "tryggkarta/analysis/gi_star.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>

namespace trygg {
namespace {

constexpr std::size_t kProgressStep = 4096;

/// The mean and the population standard deviation (divisor n, as Gi* defines S).
std::pair<double, double> meanAndDeviation(std::span<const double> values) {
    const auto n = static_cast<double>(values.size());
    double sum = 0.0;
    for (double v : values) {
        sum += v;
    }
    const double mean = sum / n;
    // Summed around the mean rather than as Σx²/n − x̄², which loses digits when the
    // values are large and alike; the two are equal in exact arithmetic.
    double squares = 0.0;
    for (double v : values) {
        squares += (v - mean) * (v - mean);
    }
    return {mean, std::sqrt(squares / n)};
}

Result<void> checkNeighbourhoods(std::size_t count, const Neighbourhoods& neighbourhoods) {
    if (count < 3) {
        return fail(ErrorCode::Usage, "Gi* needs at least 3 cells, got " + std::to_string(count));
    }
    if (neighbourhoods.size() != count) {
        return fail(ErrorCode::Usage, "Gi*: " + std::to_string(neighbourhoods.size()) +
                                          " neighbourhoods for " + std::to_string(count) +
                                          " values");
    }
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t j : neighbourhoods.of(i)) {
            if (j >= count) {
                return fail(ErrorCode::Usage, "Gi*: neighbour index out of range",
                            "cell " + std::to_string(i));
            }
        }
    }
    return {};
}

} // namespace

void Neighbourhoods::add(std::span<const std::size_t> members) {
    m_members.insert(m_members.end(), members.begin(), members.end());
    m_start.push_back(m_members.size());
}

std::span<const std::size_t> Neighbourhoods::of(std::size_t feature) const {
    return std::span<const std::size_t>(m_members).subspan(m_start[feature],
                                                           m_start[feature + 1] - m_start[feature]);
}

double twoSidedP(double z) {
    return std::erfc(std::abs(z) / std::numbers::sqrt2);
}

Result<std::vector<GiStar>> giStar(std::span<const double> values,
                                   const Neighbourhoods& neighbourhoods, Progress& progress) {
    if (auto checked = checkNeighbourhoods(values.size(), neighbourhoods); !checked) {
        return std::unexpected(checked.error());
    }
    const auto n = static_cast<double>(values.size());
    const auto [mean, deviation] = meanAndDeviation(values);
    std::vector<GiStar> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i % kProgressStep == 0) {
            if (progress.isCancelled()) {
                return fail(ErrorCode::Cancelled, "cancelled");
            }
            progress.update(i, values.size());
        }
        const std::span<const std::size_t> around = neighbourhoods.of(i);
        const auto weights = static_cast<double>(around.size());
        const double spread = n * weights - weights * weights;
        if (deviation <= 0.0 || spread <= 0.0) {
            continue; // undefined: no variation, or every cell is a neighbour
        }
        double sum = 0.0;
        for (std::size_t j : around) {
            sum += values[j];
        }
        const double z = (sum - mean * weights) / (deviation * std::sqrt(spread / (n - 1.0)));
        out[i] = GiStar{z, twoSidedP(z)};
    }
    progress.update(values.size(), values.size());
    return out;
}

std::optional<double> falseDiscoveryCutoff(std::span<const double> pValues, double alpha) {
    std::vector<double> sorted(pValues.begin(), pValues.end());
    std::sort(sorted.begin(), sorted.end());
    const auto n = static_cast<double>(sorted.size());
    // Step-up: the largest rank whose p is under its share of alpha decides, even when a
    // smaller rank missed its own (that is what makes Benjamini-Hochberg more powerful).
    for (std::size_t k = sorted.size(); k > 0; --k) {
        if (sorted[k - 1] <= static_cast<double>(k) / n * alpha) {
            return sorted[k - 1];
        }
    }
    return std::nullopt;
}

std::vector<int> confidenceBins(std::span<const GiStar> results, bool fdr) {
    double cutoff[3] = {kBinAlpha[0], kBinAlpha[1], kBinAlpha[2]};
    if (fdr) {
        std::vector<double> p;
        p.reserve(results.size());
        for (const GiStar& r : results) {
            p.push_back(r.p);
        }
        for (int level = 0; level < 3; ++level) {
            cutoff[level] = falseDiscoveryCutoff(p, kBinAlpha[level]).value_or(-1.0);
        }
    }
    std::vector<int> bins(results.size(), 0);
    for (std::size_t i = 0; i < results.size(); ++i) {
        int level = 0;
        while (level < 3 && results[i].p <= cutoff[level]) {
            ++level;
        }
        if (results[i].z != 0.0) {
            bins[i] = results[i].z > 0.0 ? level : -level;
        }
    }
    return bins;
}

} // namespace trygg
