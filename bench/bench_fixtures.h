#pragma once
// Large fixture files for the io benchmarks, made once into the cache directory and reused.

#include "tryggkarta/core/error.h"

#include <filesystem>

namespace trygg::bench {

struct Fixtures {
    std::filesystem::path project;    ///< a project with benchRows() observations
    std::filesystem::path sourceGpkg; ///< its observations alone, as an import source
    std::filesystem::path sourceCsv;  ///< the same with X and Y columns (GEOMETRY=AS_XY)
};

/// Makes the files that are missing (a few minutes at a million rows) and returns them all.
Result<Fixtures> ensureFixtures();

/// ensureFixtures() once per process; exits with a message when a fixture cannot be made.
const Fixtures& fixtures();

/// A scratch folder inside the cache for files the benchmarks write; emptied on each call.
std::filesystem::path scratchDirectory();

} // namespace trygg::bench
