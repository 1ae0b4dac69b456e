#pragma once
// Synthetic projects around Vännäs centrum for benchmarks, tests and the example project.
// Deterministic for a given seed. Every feature is marked as example data.

#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstddef>
#include <cstdint>

namespace trygg {

struct SyntheticSpec {
    std::size_t observations = 300;
    std::size_t luminaires = 150;
    std::size_t measures = 12;
    std::size_t walks = 2;
    std::uint64_t seed = 2026;
};

/// A project in EPSG:3006 with the catalog's layers filled with plausible example data:
/// observations clustered at a few places in the centre with realistic category, polarity,
/// source, light-condition and time mixes; luminaires spaced along a street grid east of the
/// station; measures in every status, linked to nearby observations; walks as routes. When
/// a walk in darkness passes measures, one more walk follows a year on along its route with
/// ten more observations, after up to three of those measures were done (their dates set to
/// fit), so the follow-up has a before and an after to show.
Project makeSyntheticProject(const SyntheticSpec& spec, const LayerCatalog& catalog);

} // namespace trygg
