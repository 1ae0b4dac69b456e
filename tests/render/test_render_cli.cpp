#include <catch2/catch.hpp>

#include "render_fixtures.h"
#include "test_support.h"

#include "tryggkarta/io/project_store.h"
#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_builder.h"

#include <sys/wait.h>

using trygg::test::q;
using namespace trygg;
using namespace trygg::test;

namespace {

trygg::test::CliRun cli(const trygg::test::TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

} // namespace

TEST_CASE("cli render: the PNG is the library's picture of the same view") {
    ensureGuiApplication();
    TempDir dir;
    auto project = dir / "p.gpkg";
    REQUIRE(cli(dir, "generate " + q(project) + " --observations 400 --seed 7").exitCode == 0);

    trygg::test::CliRun rendered = cli(dir, "render " + q(project) + " --output " + q(dir / "karta.png") +
                                " --size 800x600 --legend --title 'Vännäs centrum'");
    INFO(rendered.err);
    REQUIRE(rendered.exitCode == 0);
    QImage fromCli(QString::fromStdString((dir / "karta.png").string()));
    REQUIRE(fromCli.size() == QSize(800, 600));
    CHECK(countNonWhite(fromCli) > 1000);

    auto catalog = loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
    REQUIRE(catalog);
    auto opened = openProject(project, *catalog);
    REQUIRE(opened);
    MapScene scene = sceneFromProject(std::move(*opened), "sv");
    scene.decorations.legend = true;
    scene.decorations.title = "Vännäs centrum";
    const ViewTransform view = ViewTransform::fitting(sceneExtent(scene), QSize(800, 600), 0.05, 96.0);
    QImage fromLibrary = MapRenderer().renderImage(scene, view).convertToFormat(QImage::Format_ARGB32);
    QImage cliImage = fromCli.convertToFormat(QImage::Format_ARGB32);
    std::size_t differing = 0;
    for (int y = 0; y < 600; ++y) {
        for (int x = 0; x < 800; ++x) {
            differing += cliImage.pixel(x, y) != fromLibrary.pixel(x, y) ? 1u : 0u;
        }
    }
    CHECK(differing <= 480); // 0.1 % of the pixels

    trygg::test::CliRun pdf = cli(dir, "render " + q(project) + " -o " + q(dir / "karta.pdf") + " --layers observationer --dpi 150");
    CHECK(pdf.exitCode == 0);
    CHECK(readAll(dir / "karta.pdf").starts_with("%PDF"));
}

TEST_CASE("cli render: usage errors name the argument") {
    TempDir dir;
    auto project = dir / "p.gpkg";
    REQUIRE(cli(dir, "generate " + q(project) + " --observations 20").exitCode == 0);
    const std::string base = "render " + q(project) + " -o " + q(dir / "k.png");

    trygg::test::CliRun size = cli(dir, base + " --size 800by600");
    CHECK(size.exitCode == 2);
    CHECK(size.err.find("--size") != std::string::npos);
    CHECK(size.err.find("800by600") != std::string::npos);

    trygg::test::CliRun extent = cli(dir, base + " --extent 1,2,3");
    CHECK(extent.exitCode == 2);
    CHECK(extent.err.find("--extent") != std::string::npos);

    trygg::test::CliRun layers = cli(dir, base + " --layers observationer,gator");
    CHECK(layers.exitCode == 2);
    CHECK(layers.err.find("'gator'") != std::string::npos);
    CHECK(layers.err.find("belysning") != std::string::npos); // the layers there are

    trygg::test::CliRun format = cli(dir, "render " + q(project) + " -o " + q(dir / "k.tiff"));
    CHECK(format.exitCode == 2);
    CHECK(format.err.find("k.tiff") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "k.png"));
}
