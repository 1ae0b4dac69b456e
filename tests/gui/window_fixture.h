#pragma once
// The main window on an empty project in a temporary folder, shown and active (shortcuts
// reach an active window only), for GUI tests that drive the whole application.

#include "main_window.h"
#include "test_support.h"

#include "tryggkarta/io/project_store.h"

#include <QApplication>
#include <QTest>

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>

namespace trygg::test {

struct WindowWorkspace {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("tryggkarta-window-" + std::to_string(std::random_device{}()));
    std::filesystem::path path = dir / "vannas.gpkg";
    MainWindow window{sourceCatalog()};

    WindowWorkspace() {
        std::filesystem::create_directories(dir);
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), sourceCatalog()));
        auto project = openProject(path, sourceCatalog());
        REQUIRE(project);
        window.document().setProject(std::move(*project), path);
        window.resize(1280, 800);
        window.show();
        QApplication::setActiveWindow(&window);
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }
    ~WindowWorkspace() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    WindowWorkspace(const WindowWorkspace&) = delete;
    WindowWorkspace& operator=(const WindowWorkspace&) = delete;
};

} // namespace trygg::test
