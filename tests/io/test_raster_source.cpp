#include <catch2/catch.hpp>

#include "test_support.h"
#include "tryggkarta/io/raster_source.h"
#include "tryggkarta/io/vector_overlay.h"

#include <arpa/inet.h>
#include <cpl_conv.h>
#include <gdal_priv.h>
#include <netinet/in.h>
#include <ogr_spatialref.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

using namespace trygg;
using trygg::test::TempDir;

namespace {

constexpr double kWest = 733000.0;
constexpr double kNorth = 7096100.0;

/// A 100 × 100 px GeoTIFF of 1 m pixels in SWEREF 99 TM, its top-left corner at
/// (kWest, kNorth); `paint` gives each pixel's band values.
template <typename Paint>
std::filesystem::path writeTiff(const TempDir& dir, const char* name, int bands, Paint paint,
                                const GDALColorTable* palette = nullptr,
                                std::optional<double> nodata = std::nullopt) {
    auto path = dir / name;
    auto* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 100, 100, bands, GDT_Byte, nullptr));
    REQUIRE(ds);
    double transform[6] = {kWest, 1.0, 0.0, kNorth, 0.0, -1.0};
    ds->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.importFromEPSG(3006);
    ds->SetSpatialRef(&srs);
    for (int b = 1; b <= bands; ++b) {
        std::vector<std::uint8_t> pixels(100 * 100);
        for (int row = 0; row < 100; ++row) {
            for (int col = 0; col < 100; ++col) {
                pixels[static_cast<std::size_t>(row * 100 + col)] = paint(b, col, row);
            }
        }
        GDALRasterBand* band = ds->GetRasterBand(b);
        REQUIRE(band->RasterIO(GF_Write, 0, 0, 100, 100, pixels.data(), 100, 100, GDT_Byte, 0, 0,
                               nullptr) == CE_None);
        if (palette != nullptr) {
            band->SetColorTable(const_cast<GDALColorTable*>(palette));
        }
        if (nodata) {
            band->SetNoDataValue(*nodata);
        }
    }
    return path;
}

/// Red in the left (western) half, blue in the right.
std::uint8_t redBlue(int band, int col, int) {
    const bool left = col < 50;
    return static_cast<std::uint8_t>(band == 1 ? (left ? 255 : 0) : band == 3 ? (left ? 0 : 255) : 0);
}

/// Checks each side of `box` against `expected` within `margin` map units.
void checkBox(const Box& box, const Box& expected, double margin) {
    CHECK(box.min_corner().x() == Approx(expected.min_corner().x()).margin(margin));
    CHECK(box.min_corner().y() == Approx(expected.min_corner().y()).margin(margin));
    CHECK(box.max_corner().x() == Approx(expected.max_corner().x()).margin(margin));
    CHECK(box.max_corner().y() == Approx(expected.max_corner().y()).margin(margin));
}

std::uint32_t pixel(const RasterImage& image, int col, int row) {
    return image.argb[static_cast<std::size_t>(row * image.width + col)];
}

constexpr std::uint32_t kRed = 0xFFFF0000;
constexpr std::uint32_t kBlue = 0xFF0000FF;

} // namespace

TEST_CASE("a GeoTIFF is read back for its own extent and for a window") {
    TempDir dir;
    auto tiff = writeTiff(dir, "orto.tif", 3, redBlue);
    const Crs sweref = Crs::fromEpsg(3006);

    auto extent = rasterExtent(tiff, sweref);
    REQUIRE(extent);
    checkBox(*extent, Box(Point{kWest, kNorth - 100}, Point{kWest + 100, kNorth}), 0.01);

    auto whole = readRasterView(tiff, sweref, *extent, 100, 100);
    REQUIRE(whole);
    CHECK(whole->width == 100);
    CHECK(whole->height == 100);
    REQUIRE(whole->argb.size() == 10000);
    CHECK(pixel(*whole, 0, 0) == kRed);
    CHECK(pixel(*whole, 25, 50) == kRed);
    CHECK(pixel(*whole, 48, 99) == kRed);
    CHECK(pixel(*whole, 51, 0) == kBlue);
    CHECK(pixel(*whole, 99, 99) == kBlue);

    // 20 m × 10 m around the red/blue edge at 2 px per metre.
    const Box window(Point{kWest + 40, kNorth - 60}, Point{kWest + 60, kNorth - 50});
    auto part = readRasterView(tiff, sweref, window, 40, 20);
    REQUIRE(part);
    CHECK(part->extent.min_corner().x() == kWest + 40);
    CHECK(pixel(*part, 0, 0) == kRed);
    CHECK(pixel(*part, 17, 10) == kRed);
    CHECK(pixel(*part, 22, 10) == kBlue);
    CHECK(pixel(*part, 39, 19) == kBlue);

    // Beyond the raster's edge the view is transparent.
    const Box overhang(Point{kWest + 80, kNorth - 10}, Point{kWest + 120, kNorth + 30});
    auto edge = readRasterView(tiff, sweref, overhang, 40, 40);
    REQUIRE(edge);
    CHECK(pixel(*edge, 5, 35) == kBlue);
    CHECK((pixel(*edge, 35, 5) >> 24) == 0);
}

TEST_CASE("grey, palette and nodata rasters become ARGB") {
    TempDir dir;
    const Crs sweref = Crs::fromEpsg(3006);
    const Box all(Point{kWest, kNorth - 100}, Point{kWest + 100, kNorth});

    auto grey = writeTiff(dir, "grey.tif", 1, [](int, int col, int) {
        return static_cast<std::uint8_t>(col < 50 ? 0 : 200);
    }, nullptr, 0.0);
    auto greyView = readRasterView(grey, sweref, all, 100, 100);
    REQUIRE(greyView);
    CHECK((pixel(*greyView, 10, 10) >> 24) == 0); // nodata
    CHECK(pixel(*greyView, 90, 10) == 0xFFC8C8C8);

    GDALColorTable palette;
    GDALColorEntry green{0, 128, 0, 255};
    GDALColorEntry yellow{255, 255, 0, 255};
    palette.SetColorEntry(0, &green);
    palette.SetColorEntry(1, &yellow);
    auto indexed = writeTiff(dir, "karta.tif", 1, [](int, int, int row) {
        return static_cast<std::uint8_t>(row < 50 ? 0 : 1);
    }, &palette);
    auto indexedView = readRasterView(indexed, sweref, all, 50, 50);
    REQUIRE(indexedView);
    CHECK(pixel(*indexedView, 10, 5) == 0xFF008000);
    CHECK(pixel(*indexedView, 10, 45) == 0xFFFFFF00);

    // The same raster seen in SWEREF 99 20 15 keeps its colours where it lands.
    auto local = rasterExtent(indexed, Crs::fromEpsg(3016));
    REQUIRE(local);
    CHECK(local->min_corner().x() == Approx(125600).margin(500));
    auto localView = readRasterView(indexed, Crs::fromEpsg(3016), *local, 50, 50);
    REQUIRE(localView);
    CHECK(pixel(*localView, 25, 12) == 0xFF008000);
    CHECK(pixel(*localView, 25, 38) == 0xFFFFFF00);
}

TEST_CASE("a file that is not a raster gives an error naming it") {
    TempDir dir;
    auto text = dir.write("ortofoto.tif", "inte en bild\n");
    const Box any(Point{733000, 7096000}, Point{733100, 7096100});
    auto view = readRasterView(text, Crs::fromEpsg(3006), any, 10, 10);
    REQUIRE_FALSE(view);
    CHECK(view.error().code == ErrorCode::OpenFailed);
    CHECK(view.error().where == text.string());
    CHECK(view.error().describe().find("ortofoto.tif") != std::string::npos);
    auto extent = rasterExtent(dir / "saknas.tif", Crs::fromEpsg(3006));
    REQUIRE_FALSE(extent);
    CHECK(extent.error().code == ErrorCode::OpenFailed);
    auto bad = readRasterView(text, Crs::fromEpsg(3006), any, 0, 10);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::Usage);
}

// Tile services, offline: GDAL fetches tiles through cURL, which reads file:// URLs, so a
// pyramid of PNGs in a temporary folder stands in for the server.
namespace {

/// The pyramid covers Vännäs centrum: zoom 16 columns 36360–36367 and rows 17512–17515, and the
/// zoom 15 tiles above them. Each tile is one colour saying which it is: red 100 + 16 × column,
/// green 40 × row (both counted from the pyramid's first), blue 16 at zoom 16 and 200 at zoom 15.
constexpr int kFirstColumn = 36360;
constexpr int kFirstRow = 17512;

std::uint32_t tileColour(int zoom, int column, int row) {
    const int shift = 16 - zoom;
    const auto red = static_cast<std::uint32_t>(100 + 16 * (column - (kFirstColumn >> shift)));
    const auto green = static_cast<std::uint32_t>(40 * (row - (kFirstRow >> shift)));
    return 0xFF000000U | red << 16 | green << 8 | (zoom == 16 ? 16U : 200U);
}

/// Writes the pyramid as <folder>/<z>/<x>/<y>.png and returns its file:// URL template.
std::string writeTilePyramid(const TempDir& dir) {
    auto* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    auto* png = GetGDALDriverManager()->GetDriverByName("PNG");
    for (int zoom : {15, 16}) {
        const int shift = 16 - zoom;
        for (int column = kFirstColumn >> shift; column < (kFirstColumn + 8) >> shift; ++column) {
            for (int row = kFirstRow >> shift; row < (kFirstRow + 4) >> shift; ++row) {
                const auto folder =
                    dir / ("tiles/" + std::to_string(zoom) + "/" + std::to_string(column));
                std::filesystem::create_directories(folder);
                GDALDatasetUniquePtr tile(memory->Create("", 256, 256, 3, GDT_Byte, nullptr));
                for (int band = 1; band <= 3; ++band) {
                    tile->GetRasterBand(band)->Fill(
                        (tileColour(zoom, column, row) >> (8 * (3 - band))) & 0xFF);
                }
                const auto file = folder / (std::to_string(row) + ".png");
                REQUIRE(GDALDatasetUniquePtr(
                    png->CreateCopy(file.c_str(), tile.get(), FALSE, nullptr, nullptr, nullptr)));
            }
        }
    }
    return "file://" + (dir / "tiles").string() + "/${z}/${x}/${y}.png";
}

/// The whole Web Mercator world down to zoom 16, as in the descriptions of OpenStreetMap's tiles.
constexpr const char* kWorldWindow = R"(
    <UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>
    <LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY>
    <TileLevel>16</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY>)";

/// Only the pyramid's tiles: its zoom 16 tiles' outer edges, and one overview (zoom 15).
constexpr const char* kPyramidWindow = R"(
    <UpperLeftX>2196494.444803</UpperLeftX><UpperLeftY>9328986.428149</UpperLeftY>
    <LowerRightX>2201386.414613</LowerRightX><LowerRightY>9326540.443244</LowerRightY>
    <SizeX>2048</SizeX><SizeY>1024</SizeY><TileX>36360</TileX><TileY>17512</TileY>
    <TileLevel>16</TileLevel>)";

/// A GDAL_WMS description of a TMS ("XYZ" tiles, row 0 at the top) at `serverUrl`. It starts
/// with an XML declaration, as editors write them: GDAL 3.6 on its own does not recognise that.
std::filesystem::path writeTmsDescription(const TempDir& dir, const std::string& name,
                                          const std::string& serverUrl, const std::string& window,
                                          const std::string& extra = "") {
    return dir.write(name, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<GDAL_WMS>\n  <Service name=\"TMS\"><ServerUrl>" +
                               serverUrl + "</ServerUrl></Service>\n  <DataWindow>" + window +
                               "<YOrigin>top</YOrigin></DataWindow>\n"
                               "  <Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX>"
                               "<BlockSizeY>256</BlockSizeY><BandsCount>3</BandsCount>" +
                               extra + "\n</GDAL_WMS>\n");
}

/// The view's pixel at a map point.
std::uint32_t pixelAt(const RasterImage& image, Point point) {
    const double width = image.extent.max_corner().x() - image.extent.min_corner().x();
    const double height = image.extent.max_corner().y() - image.extent.min_corner().y();
    return pixel(
        image, static_cast<int>((point.x() - image.extent.min_corner().x()) / width * image.width),
        static_cast<int>((image.extent.max_corner().y() - point.y()) / height * image.height));
}

// 1 km × 800 m of Vännäs centrum in SWEREF 99 TM. Its corner pixels lie in zoom 16 tiles
// 36362–36366 / 17512–17515, and `kInTile` is the centre of zoom 16 tile 36364/17514 (in zoom 15
// tile 18182/8757), each at least 25 px from a tile's edge, as PROJ (gdaltransform) puts them.
const Box kCentrum(Point{732600, 7095600}, Point{733600, 7096400});
const Point kInTile{733201.04, 7095910.28};

/// Checks a view of kCentrum at `width` × 800 / 1000 × width px read from a tile service.
void checkCentrum(const std::filesystem::path& description, int width, int zoom) {
    auto view = readRasterView(description, Crs::fromEpsg(3006), kCentrum, width, width * 4 / 5);
    INFO((view ? "" : view.error().describe()));
    REQUIRE(view);
    CHECK(view->extent.min_corner().x() == 732600);
    CHECK(view->extent.max_corner().y() == 7096400);
    CHECK(view->argb.size() == static_cast<std::size_t>(width * width * 4 / 5));
    CHECK(pixelAt(*view, kInTile) == tileColour(zoom, 36364 >> (16 - zoom), 17514 >> (16 - zoom)));
    if (zoom == 16) {
        CHECK(pixel(*view, 0, 0) == tileColour(16, 36362, 17512));
        CHECK(pixel(*view, width - 1, 0) == tileColour(16, 36366, 17512));
        CHECK(pixel(*view, 0, width * 4 / 5 - 1) == tileColour(16, 36362, 17515));
        CHECK(pixel(*view, width - 1, width * 4 / 5 - 1) == tileColour(16, 36365, 17515));
    }
    CHECK(std::all_of(view->argb.begin(), view->argb.end(),
                      [](std::uint32_t p) { return p >> 24 == 255; }));
}

/// Checks a tile service's extent in SWEREF 99 TM (to 1 m) and views of kCentrum at 1 m per
/// pixel (zoom 16, 1.05 m) and 2 m per pixel (the zoom 15 overview, 2.1 m: 1/4 of the tiles).
void checkTileService(const std::filesystem::path& description, const Box& expectedExtent) {
    auto extent = rasterExtent(description, Crs::fromEpsg(3006));
    INFO((extent ? "" : extent.error().describe()));
    REQUIRE(extent);
    checkBox(*extent, expectedExtent, 1.0);
    checkCentrum(description, 1000, 16);
    checkCentrum(description, 500, 15);
}

} // namespace

TEST_CASE("a TMS description of a tile pyramid is warped into SWEREF 99 TM at the right zoom") {
    TempDir dir;
    const auto description =
        writeTmsDescription(dir, "vannas-tms.xml", writeTilePyramid(dir), kPyramidWindow,
                            "<OverviewCount>1</OverviewCount>");
    checkTileService(description, Box(Point{731940.8, 7095416.4}, Point{734172.6, 7096652.2}));
    // "Lägg till data" routes it to the backgrounds despite the XML declaration in front.
    CHECK(probeDataKind(description) == DataKind::Raster);

    // ETRS89 / UTM zone 32N is made for 6–12° E: Vännäs (19.75° E) lies outside it.
    auto elsewhere = rasterExtent(description, Crs::fromEpsg(25832));
    REQUIRE_FALSE(elsewhere);
    CHECK(elsewhere.error().code == ErrorCode::CrsMismatch);
    CHECK(elsewhere.error().where == description.string());
    CHECK(elsewhere.error().detail.find("Europe between 6°E and 12°E") != std::string::npos);
}

TEST_CASE("a world-wide TMS description is cut to Sweden and read where it has tiles") {
    TempDir dir;
    const auto description =
        writeTmsDescription(dir, "osm.xml", writeTilePyramid(dir), kWorldWindow);

    // EPSG:3006 is made for 10.03–24.17 E, 54.96–69.07 N, which EPSG puts at 181896.33,
    // 6101648.07, 1086312.94, 7689478.31; that rectangle drawn in Web Mercator reaches a little
    // further south. The whole world would not fit.
    checkTileService(description, Box(Point{181896.33, 6090353.8}, Point{1086312.94, 7689478.31}));
}

TEST_CASE("a WMTS capabilities document with file:// tiles is read, its first layer") {
    TempDir dir;
    const std::string tiles = writeTilePyramid(dir);
    const std::string folder = tiles.substr(0, tiles.find("/${z}"));
    auto layer = [&](const std::string& id, const std::string& tileFolder) {
        return "<Layer><ows:Title>" + id +
               "</ows:Title><ows:WGS84BoundingBox>"
               "<ows:LowerCorner>19.7315 63.9084</ows:LowerCorner>"
               "<ows:UpperCorner>19.7753 63.9180</ows:UpperCorner></ows:WGS84BoundingBox>"
               "<ows:Identifier>" +
               id +
               "</ows:Identifier>"
               "<Style isDefault=\"true\"><ows:Identifier>default</ows:Identifier></Style>"
               "<Format>image/png</Format><TileMatrixSetLink><TileMatrixSet>3857</TileMatrixSet>"
               "</TileMatrixSetLink><ResourceURL format=\"image/png\" resourceType=\"tile\" "
               "template=\"" +
               tileFolder + "/{TileMatrix}/{TileCol}/{TileRow}.png\"/></Layer>";
    };
    auto matrix = [](int zoom, const char* scale) {
        const std::string size = std::to_string(1 << zoom);
        return "<TileMatrix><ows:Identifier>" + std::to_string(zoom) +
               "</ows:Identifier><ScaleDenominator>" + scale +
               "</ScaleDenominator><TopLeftCorner>-20037508.3427892 "
               "20037508.3427892</TopLeftCorner>"
               "<TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>" +
               size + "</MatrixWidth><MatrixHeight>" + size + "</MatrixHeight></TileMatrix>";
    };
    const auto capabilities = dir.write(
        "wmts.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<Capabilities xmlns=\"http://www.opengis.net/wmts/1.0\" "
                    "xmlns:ows=\"http://www.opengis.net/ows/1.1\" "
                    "version=\"1.0.0\"><Contents>" +
                        layer("orto", folder) + layer("saknas", folder + "/saknas") +
                        "<TileMatrixSet><ows:Identifier>3857</ows:Identifier>"
                        "<ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>" +
                        matrix(15, "17061.836670798") + matrix(16, "8530.9183353991") +
                        "</TileMatrixSet></Contents></Capabilities>\n");

    // The WMTS driver caches every tile it fetches: in the user's cache folder, not in
    // ./gdalwmscache of wherever the program was started.
    const char* userCache = std::getenv("XDG_CACHE_HOME");
    const std::optional<std::string> savedCache =
        userCache != nullptr ? std::optional<std::string>(userCache) : std::nullopt;
    setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);

    // The layer's WGS84BoundingBox: 2–7 m inside the pyramid's tiles (see the TMS test).
    checkTileService(capabilities, Box(Point{731943.4, 7095417.3}, Point{734168.4, 7096645.6}));
    CHECK(std::filesystem::is_directory(dir / "cache/tryggkarta/gdalwmscache"));
    savedCache ? setenv("XDG_CACHE_HOME", savedCache->c_str(), 1) : unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("a tile server that cannot be reached gives an error naming the description") {
    TempDir dir;
    const Crs sweref = Crs::fromEpsg(3006);
    auto failsNamingIt = [&](const std::filesystem::path& description,
                             const std::string& gdalSays) {
        auto view = readRasterView(description, sweref, kCentrum, 100, 80);
        REQUIRE_FALSE(view);
        INFO(view.error().describe());
        CHECK(view.error().code == ErrorCode::OpenFailed);
        CHECK(view.error().where == description.string());
        CHECK(view.error().message == "cannot fetch the background's map tiles from its server");
        CHECK(view.error().detail.find(gdalSays) != std::string::npos);
    };
    // Nothing listens on the discard port: the connection is refused at once.
    failsNamingIt(writeTmsDescription(dir, "refused.xml", "http://127.0.0.1:9/${z}/${x}/${y}.png",
                                      kWorldWindow),
                  "Failed to connect to 127.0.0.1 port 9");
    // A misspelt folder: its first missing tile is named.
    failsNamingIt(writeTmsDescription(dir, "typo.xml",
                                      "file://" + (dir / "tiels").string() + "/${z}/${x}/${y}.png",
                                      kWorldWindow),
                  (dir / "tiels/13/4545/2189.png").string()); // 10 m per pixel: zoom 13

    // A server that accepts the connection and never answers: GDAL would wait 300 s, the
    // description has no <Timeout>, so GDAL_HTTP_TIMEOUT (here 1 s, by default 20 s) holds.
    const int silent = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(silent >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(bind(silent, reinterpret_cast<sockaddr*>(&address), length) == 0);
    REQUIRE(listen(silent, 16) == 0);
    REQUIRE(getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    const auto description =
        writeTmsDescription(dir, "silent.xml", url + "/${z}/${x}/${y}.png", kWorldWindow);
    const auto start = std::chrono::steady_clock::now();
    {
        CPLConfigOptionSetter timeout("GDAL_HTTP_TIMEOUT", "1", false);
        failsNamingIt(description, "timed out");
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    close(silent);
}
