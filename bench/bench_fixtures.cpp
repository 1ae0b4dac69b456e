#include "bench_fixtures.h"

#include "bench_support.h"

#include "tryggkarta/io/project_store.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <gdal_utils.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace trygg::bench {
namespace {

namespace fs = std::filesystem;

struct DatasetCloser {
    void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

struct TranslateOptionsFree {
    void operator()(GDALVectorTranslateOptions* options) const {
        GDALVectorTranslateOptionsFree(options);
    }
};

// ogr2ogr as a library call. The result appears under its name only when complete, so an
// interrupted run never leaves a half-written fixture to be reused.
Result<void> translate(const fs::path& from, const fs::path& to, const std::vector<std::string>& args) {
    DatasetPtr source(GDALOpenEx(from.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr,
                                 nullptr));
    if (!source) {
        return fail(ErrorCode::OpenFailed, "cannot open the fixture project", from.string(),
                    CPLGetLastErrorMsg());
    }
    CPLStringList argv;
    for (const auto& arg : args) {
        argv.AddString(arg.c_str());
    }
    std::unique_ptr<GDALVectorTranslateOptions, TranslateOptionsFree> options(
        GDALVectorTranslateOptionsNew(argv.List(), nullptr));
    if (!options) {
        return fail(ErrorCode::Usage, "bad ogr2ogr options", to.string(), CPLGetLastErrorMsg());
    }
    fs::path partial = to;
    partial.replace_filename(to.stem().string() + ".partial" + to.extension().string());
    std::error_code ec;
    fs::remove(partial, ec);
    GDALDatasetH sources[] = {source.get()};
    int usageError = 0;
    DatasetPtr written(GDALVectorTranslate(partial.c_str(), nullptr, 1, sources, options.get(),
                                           &usageError));
    if (!written) {
        return fail(ErrorCode::WriteFailed, "cannot write the fixture", partial.string(),
                    CPLGetLastErrorMsg());
    }
    written.reset(); // closing flushes; rename only a closed file
    fs::rename(partial, to, ec);
    if (ec) {
        return fail(ErrorCode::WriteFailed, "cannot rename the fixture", to.string(), ec.message());
    }
    return {};
}

using Clock = std::chrono::steady_clock;

void announce(const fs::path& file, Clock::time_point start) {
    std::cerr << "bench: made " << file << " in "
              << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
}

} // namespace

Result<Fixtures> ensureFixtures() {
    const fs::path directory = benchDataDirectory();
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec) {
        return fail(ErrorCode::WriteFailed, "cannot create the fixture folder", directory.string(),
                    ec.message());
    }
    const SyntheticSpec spec = benchSpec();
    const std::string rows = std::to_string(spec.observations);
    Fixtures fixtures;
    fixtures.project = directory / ("vannas-" + rows + "-seed" + std::to_string(spec.seed) + ".gpkg");
    fixtures.sourceGpkg = directory / ("observationer-" + rows + ".gpkg");
    fixtures.sourceCsv = directory / ("observationer-" + rows + ".csv");

    if (!fs::exists(fixtures.project)) {
        auto start = Clock::now();
        Project project = makeSyntheticProject(spec, benchCatalog());
        if (auto saved = saveProjectAs(fixtures.project, project); !saved) {
            return std::unexpected(saved.error());
        }
        announce(fixtures.project, start);
    }
    // Both sources hold the project's observation columns, so import maps every field.
    if (!fs::exists(fixtures.sourceGpkg)) {
        auto start = Clock::now();
        if (auto made = translate(fixtures.project, fixtures.sourceGpkg,
                                  {"-f", "GPKG", "observationer"});
            !made) {
            return std::unexpected(made.error());
        }
        announce(fixtures.sourceGpkg, start);
    }
    if (!fs::exists(fixtures.sourceCsv)) {
        auto start = Clock::now();
        if (auto made = translate(fixtures.project, fixtures.sourceCsv,
                                  {"-f", "CSV", "-lco", "GEOMETRY=AS_XY", "observationer"});
            !made) {
            return std::unexpected(made.error());
        }
        announce(fixtures.sourceCsv, start);
    }
    return fixtures;
}

std::filesystem::path scratchDirectory() {
    fs::path directory = benchDataDirectory() / "scratch";
    std::error_code ec;
    fs::remove_all(directory, ec);
    fs::create_directories(directory, ec);
    return directory;
}

} // namespace trygg::bench
