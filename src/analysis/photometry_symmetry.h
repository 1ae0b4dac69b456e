#pragma once
// Files store only the C planes their symmetry does not imply; both parsers hand the stored
// planes here to get the full table from 0 to 360°.

#include "tryggkarta/analysis/photometry.h"

#include <vector>

namespace trygg {

/// How the unstored half or quarters of a distribution mirror the stored planes.
enum class PlaneSymmetry {
    None,         ///< every plane stored
    Rotational,   ///< one plane stands for all
    AboutC0C180,  ///< I(C) = I(360° − C)
    AboutC90C270, ///< I(C) = I(180° − C)
    Quadrants,    ///< both of the above, hence also I(C) = I(180° + C)
};

/// The full table from stored planes: `storedC[k]` is the angle of stored plane k, whose
/// values are `candela[k * gammas.size()]` onwards. Planes the symmetry implies are added as
/// mirror images; where an image falls on a stored plane, the stored one is kept.
Result<Photometry> expandSymmetry(PhotometryInfo info, const std::vector<double>& storedC,
                                  std::vector<double> gammas, const std::vector<double>& candela,
                                  PlaneSymmetry symmetry);

} // namespace trygg
