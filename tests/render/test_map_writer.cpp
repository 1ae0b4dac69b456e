#include <catch2/catch.hpp>

#include "render_fixtures.h"
#include "test_support.h"

#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_builder.h"

#include <QXmlStreamReader>

using namespace trygg;
using namespace trygg::test;

namespace {

MapScene squareScene() {
    Style style;
    style.symbol = "fill";
    style.fill = "#3182bd";
    style.stroke = "#303030";
    Polygon square;
    for (Point p : {Point{kStation.x() - 40, kStation.y() - 40}, Point{kStation.x() + 40, kStation.y() - 40},
                    Point{kStation.x() + 40, kStation.y() + 40}, Point{kStation.x() - 40, kStation.y() + 40},
                    Point{kStation.x() - 40, kStation.y() - 40}}) {
        bg::append(square.outer(), p);
    }
    MapScene scene;
    scene.layers.push_back(sceneLayer(simpleDefinition("ytor", GeometryKind::Polygon, style), {feature(square)}));
    scene.decorations.title = "Provkarta";
    scene.decorations.sourceNote = "Syntetiska exempeldata";
    return scene;
}

const ViewTransform kView(kStation, 0.5, QSize(400, 300));

std::string utf16be(const std::string& ascii) {
    std::string bytes = "\xfe\xff";
    for (char c : ascii) {
        bytes += '\0';
        bytes += c;
    }
    return bytes;
}

} // namespace

TEST_CASE("writeMap: PNG equals renderImage, PDF and SVG are what they say") {
    ensureGuiApplication();
    TempDir dir;
    const MapScene scene = squareScene();

    REQUIRE(writeMap(dir / "karta.png", scene, kView));
    QImage written(QString::fromStdString((dir / "karta.png").string()));
    QImage rendered = MapRenderer().renderImage(scene, kView);
    CHECK(written.convertToFormat(QImage::Format_ARGB32) == rendered.convertToFormat(QImage::Format_ARGB32));
    CHECK(written.pixelColor(200, 150) == QColor(0x31, 0x82, 0xbd));

    REQUIRE(writeMap(dir / "karta.pdf", scene, kView));
    std::string pdf = readAll(dir / "karta.pdf");
    CHECK(pdf.starts_with("%PDF"));
    CHECK(pdf.size() > 1024);
    // Qt writes the metadata as UTF-16BE with a byte-order mark.
    CHECK(pdf.find("/Title (" + utf16be("Provkarta") + ")") != std::string::npos);
    CHECK(pdf.find("/Creator (" + utf16be("Tryggkarta") + ")") != std::string::npos);

    REQUIRE(writeMap(dir / "Karta.SVG", scene, kView));
    std::string svg = readAll(dir / "Karta.SVG");
    QXmlStreamReader xml(QByteArray::fromStdString(svg));
    bool sawSvg = false;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg")) {
            sawSvg = true;
            CHECK(xml.attributes().value("viewBox") == QLatin1String("0 0 400 300"));
        }
    }
    CHECK_FALSE(xml.hasError());
    CHECK(sawSvg);
    CHECK(svg.find("#3182bd") != std::string::npos);
    CHECK(svg.find("<title>Provkarta</title>") != std::string::npos);

    // Nothing left behind but the three maps.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 3);
}

TEST_CASE("writeMap: an unknown extension is a usage error naming the file") {
    ensureGuiApplication();
    TempDir dir;
    auto written = writeMap(dir / "karta.jpg", squareScene(), kView);
    REQUIRE_FALSE(written);
    CHECK(written.error().code == ErrorCode::Usage);
    CHECK(written.error().describe().find("karta.jpg") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "karta.jpg"));

    auto nowhere = writeMap(dir / "no-such-folder" / "karta.png", squareScene(), kView);
    REQUIRE_FALSE(nowhere);
    CHECK(nowhere.error().code == ErrorCode::WriteFailed);
}

TEST_CASE("sceneFromProject: base map under themes, smallest order on top, notes") {
    Project project;
    auto add = [&](std::string table, std::string group, double order, bool withFeature) {
        LayerDef definition = simpleDefinition(std::move(table), GeometryKind::Point, circleStyle("#000000"));
        definition.group = std::move(group);
        definition.order = order;
        std::vector<Feature> features;
        if (withFeature) {
            features.push_back(feature(Point{order, order * 2}));
        }
        project.layers.emplace_back(std::move(definition), std::move(features));
    };
    add("observationer", "tema", 1, true);
    add("bas_gata", "baskarta", 102, true);
    add("vandringar", "tema", 4, false);
    add("bas_ytor", "baskarta", 107, false);
    add("belysning", "tema", 2, true);
    project.metadata["example_data"] = "Syntetiska exempeldata";

    MapScene scene = sceneFromProject(std::move(project), "en");
    std::vector<std::string> order;
    for (const SceneLayer& layer : scene.layers) {
        order.push_back(layer.layer->name());
    }
    CHECK(order == std::vector<std::string>{"bas_ytor", "bas_gata", "vandringar", "belysning", "observationer"});
    CHECK(scene.decorations.language == "en");
    CHECK(scene.decorations.sourceNote ==
          "Syntetiska exempeldata. Baskarta: schematisk (ritad efter kända fakta, inte inmätt)");

    Box extent = sceneExtent(scene);
    CHECK(extent.min_corner().x() == Approx(1.0));
    CHECK(extent.max_corner().x() == Approx(102.0));
    CHECK(extent.max_corner().y() == Approx(204.0));
    scene.layers[1].visible = false; // bas_gata
    CHECK(sceneExtent(scene).max_corner().x() == Approx(2.0));
}
