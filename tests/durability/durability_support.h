#pragma once
// Shared by the durability tests that drive a document and its recovery copies.

#include "test_support.h"
#include "tryggkarta/io/project_store.h"

#include <QCoreApplication>
#include <catch2/catch.hpp>
#include <filesystem>

namespace trygg::test {

/// How long a recovery copy may take on a loaded machine.
inline constexpr int kCopyWaitMs = 20000;

/// The event loop that the writer's timers and its finished signal need; one per test.
struct EventLoop {
    int argc = 1;
    char name[16] = "test_durability";
    char* argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
};

/// The observations in a project file; fails the test when it does not open.
inline std::size_t observationCount(const std::filesystem::path& file) {
    auto project = openProject(file, sourceCatalog());
    INFO((project ? file.string() : project.error().describe()));
    REQUIRE(project);
    return project->layer(kObservationLayer)->size();
}

} // namespace trygg::test
