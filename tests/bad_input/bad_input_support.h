#pragma once
// The bad-input corpus (tests/data/bad/, written by scripts/make-bad-corpus.py) and a project
// that must come out of every bad file unchanged.

#include "test_support.h"
#include "tryggkarta/io/importer.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <string>

namespace trygg::test::bad {

/// A file of the corpus.
inline std::filesystem::path corpus(const std::string& name) {
    return std::filesystem::path(TRYGG_TEST_DATA_DIR) / "bad" / name;
}

/// FNV-1a of a file's bytes: equal checksums before and after mean the file is untouched.
inline std::uint64_t checksum(const std::filesystem::path& file) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char byte : readAll(file)) {
        hash = (hash ^ byte) * 1099511628211ULL;
    }
    return hash;
}

/// The number of features of every layer of an open project, in catalog order.
inline std::vector<std::size_t> featureCounts(const Project& project) {
    std::vector<std::size_t> counts;
    for (const Layer& layer : project.layers) {
        counts.push_back(layer.features().size());
    }
    return counts;
}

/// A planner's project on disk holding two observations, and what it held before a bad file
/// came near it.
class GuardedProject {
public:
    GuardedProject() {
        REQUIRE(createProject(m_file, Crs::fromEpsg(3006), sourceCatalog()));
        auto good = m_dir.write("bra.csv", "lat,lon,kategori,polaritet,kalla\n"
                                           "63.9135,19.7545,belysning,otrygg,trygghetsvandring\n"
                                           "63.9140,19.7550,sikt,otrygg,polis\n");
        REQUIRE(importIntoProject(m_file, sourceCatalog(), good, observations())->imported == 2);
        m_checksum = checksum(m_file);
        m_counts = featureCounts(open());
    }

    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }
    [[nodiscard]] const TempDir& dir() const { return m_dir; }
    [[nodiscard]] Project open() const {
        auto project = openProject(m_file, sourceCatalog());
        REQUIRE(project);
        return std::move(*project);
    }

    /// The file's bytes and every layer's feature count are what they were.
    void requireUnchanged() const {
        CHECK(checksum(m_file) == m_checksum);
        CHECK(featureCounts(open()) == m_counts);
    }

    /// Import options for the observations layer, as the CLI's --layer gives them.
    static ImportOptions observations(bool strict = false) {
        ImportOptions options;
        options.targetLayer = "observationer";
        options.strict = strict;
        return options;
    }

private:
    TempDir m_dir;
    std::filesystem::path m_file = m_dir / "projekt.gpkg";
    std::uint64_t m_checksum = 0;
    std::vector<std::size_t> m_counts;
};

} // namespace trygg::test::bad
