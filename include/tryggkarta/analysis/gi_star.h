#pragma once
// The Getis-Ord Gi* statistic with binary weights, its two-sided p-value, and ArcGIS's
// confidence bins (Hot Spot Analysis, Gi_Bin), optionally with the false-discovery-rate
// correction. Ord & Getis (1995), "Local spatial autocorrelation statistics", eq. for Gi*.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace trygg {

/// For each feature, the features whose values its statistic sums (weight 1; all others 0).
/// For Gi* a feature's own index belongs to its neighbourhood. Stored flat (one list after the
/// other) so a million cells do not mean a million small vectors.
class Neighbourhoods {
public:
    /// Appends the neighbourhood of the next feature.
    void add(std::span<const std::size_t> members);
    [[nodiscard]] std::size_t size() const { return m_start.size() - 1; }
    [[nodiscard]] std::span<const std::size_t> of(std::size_t feature) const;

private:
    std::vector<std::size_t> m_start{0};
    std::vector<std::size_t> m_members;
};

/// One feature's result.
struct GiStar {
    double z = 0.0; ///< Gi* as a z-score: > 0 more than the mean around here, < 0 less
    double p = 1.0; ///< two-sided p-value of z under the standard normal
};

/// Gi* of every feature. With n features, x̄ = Σx / n, S = √(Σx² / n − x̄²) and W_i the size of
/// feature i's neighbourhood (binary weights, so Σw = Σw² = W_i):
///
///     z_i = (Σ_{j∈N(i)} x_j − x̄ · W_i) / (S · √((n · W_i − W_i²) / (n − 1)))
///
/// z is 0 (p 1) where it is undefined: all values equal (S = 0), or a neighbourhood holding
/// every feature. Errors: Usage for fewer than 3 features, a neighbourhood count other than
/// the value count or an index out of range; Cancelled when `progress` says so.
Result<std::vector<GiStar>> giStar(std::span<const double> values,
                                   const Neighbourhoods& neighbourhoods, Progress& progress);

/// P(|Z| ≥ |z|) for a standard normal Z.
double twoSidedP(double z);

/// The confidence levels of a bin: 90, 95 and 99 %, tested at p ≤ 0.10, 0.05 and 0.01.
inline constexpr double kBinAlpha[3] = {0.10, 0.05, 0.01};

/// Benjamini-Hochberg's critical p for `alpha`: the largest p_(k) (sorted ascending, k from 1)
/// with p_(k) ≤ k / n · alpha; nothing when none qualifies (then nothing is significant).
std::optional<double> falseDiscoveryCutoff(std::span<const double> pValues, double alpha);

/// ArcGIS's Gi_Bin: ±3 at 99 % confidence, ±2 at 95 %, ±1 at 90 %, 0 not significant; the sign
/// is z's. Without `fdr` a feature reaches a level when p ≤ alpha; with it when p is at most
/// that level's falseDiscoveryCutoff over all features (ArcGIS's "Apply False Discovery Rate
/// Correction").
std::vector<int> confidenceBins(std::span<const GiStar> results, bool fdr);

} // namespace trygg
