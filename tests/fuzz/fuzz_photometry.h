#pragma once
// Both photometry targets use what a parsed distribution offers, as the lighting analysis does.

#include "tryggkarta/analysis/photometry.h"

namespace trygg::fuzz {

inline void usePhotometry(const Result<Photometry>& parsed) {
    if (!parsed) {
        return;
    }
    const Photometry& p = *parsed;
    for (double c : {0.0, 45.0, 90.0, 181.5, 359.9, 720.0, -30.0}) {
        for (double gamma : {0.0, 10.0, 55.5, 90.0, 179.0, 180.0}) {
            (void)p.intensity(c, gamma);
        }
    }
    (void)p.maxIntensityBetween(0.0, 90.0);
    (void)p.maxIntensityBetween(80.0, 180.0);
    (void)p.luminousFlux();
    (void)p.withLampFlux(1000.0);
}

} // namespace trygg::fuzz
