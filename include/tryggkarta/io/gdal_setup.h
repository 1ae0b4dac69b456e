#pragma once

namespace trygg {

/// Registers GDAL's drivers and sets the options Tryggkarta relies on (UTF-8 file names,
/// no network access while opening files). Call once from each main and test main; repeated
/// calls do nothing.
void initialiseGdal();

} // namespace trygg
