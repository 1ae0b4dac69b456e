#include "pdf_support.h"
#include "render_fixtures.h"
#include "test_support.h"
#include "tryggkarta/render/scene_builder.h"
#include "tryggkarta/render/walk_protocol.h"

#include <QBuffer>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <regex>
#include <utility>

using namespace trygg;
using namespace trygg::test;

namespace {

LineString line(std::initializer_list<Point> points) {
    return LineString(points);
}

DateTime at(int hour, int minute) {
    return DateTime{Date{2025, 11, 12}, hour, minute, 0.0, std::nullopt};
}

std::string pngBytes() {
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toStdString();
}

/// Walk 1 goes 300 m east along Storgatan, then 200 m north beside Järnvägsgatan. Its
/// observations are stored out of time order: 2 (19:10), 3 (19:25), 1 (19:40); observation 4
/// belongs to walk 2. An unnamed street runs closer to observation 2 than Storgatan does.
Project walkProject() {
    const LayerDef& observations = *sourceCatalog().find("observationer");
    const LayerDef& measures = *sourceCatalog().find("atgarder");
    const LayerDef& walks = *sourceCatalog().find("vandringar");
    const LayerDef& streets = *sourceCatalog().find("bas_gata");
    Project project;
    project.layers.push_back(
        layerOf("vandringar",
                {
                    made(walks, 1, line({{733000, 7096000}, {733300, 7096000}, {733300, 7096200}}),
                         {{"namn", std::string("Centrum kväll")},
                          {"datum", Date{2025, 11, 12}},
                          {"ljusforh", std::string("morker")},
                          {"deltagare", std::int64_t{8}},
                          {"arrangor", std::string("Vännäs kommun")},
                          {"profil", std::string("5 kvinnor, 3 män")},
                          {"uppfoljn", Date{2026, 1, 20}}}),
                    made(walks, 2, line({{734000, 7097000}, {734100, 7097000}}),
                         {{"ljusforh", std::string("dagsljus")}}),
                }));
    project.layers.push_back(
        layerOf("observationer", {
                                     made(observations, 1, Point{733150.4, 7096199.6},
                                          {{"kategori", std::string("klotter")},
                                           {"polaritet", std::string("trygg")},
                                           {"beskrivn", std::string("Nymålad vägg")},
                                           {"tidpunkt", at(19, 40)},
                                           {"vandring", std::int64_t{1}}}),
                                     made(observations, 2, Point{733050, 7096000},
                                          {{"kategori", std::string("belysning")},
                                           {"polaritet", std::string("otrygg")},
                                           {"beskrivn", std::string("Trasig lampa")},
                                           {"tidpunkt", at(19, 10)},
                                           {"vandring", std::int64_t{1}},
                                           {"rapportor", std::string("Anna Andersson")}}),
                                     made(observations, 3, Point{733300, 7096150},
                                          {{"kategori", std::string("sikt")},
                                           {"polaritet", std::string("trivsam")},
                                           {"tidpunkt", at(19, 25)},
                                           {"vandring", std::int64_t{1}}}),
                                     made(observations, 4, Point{734050, 7097000},
                                          {{"kategori", std::string("trafik")},
                                           {"polaritet", std::string("otrygg")},
                                           {"tidpunkt", at(19, 0)},
                                           {"vandring", std::int64_t{2}}}),
                                 }));
    project.layers.push_back(layerOf(
        "atgarder", {
                        made(measures, 1, Point{733050, 7096005},
                             {{"titel", std::string("Byt armatur")},
                              {"typ", std::string("ny_belysning")},
                              {"status", std::string("beslutad")},
                              {"ansvarig", std::string("kommun")},
                              {"deadline", Date{2026, 4, 30}},
                              {"motiv", std::string("Prioriterad")}}),
                        made(measures, 2, Point{733300, 7096155},
                             {{"titel", std::string("Klipp häcken")},
                              {"typ", std::string("beskarning")},
                              {"status", std::string("avford")},
                              {"ansvarig", std::string("fastighetsagare")},
                              {"motiv", std::string("Häcken är trivsam och skymmer inget")}}),
                    }));
    project.layers.push_back(
        layerOf("bas_gata", {
                                made(streets, 1, line({{732900, 7096010}, {733400, 7096010}}),
                                     {{"klass", std::string("lokalgata")}}),
                                made(streets, 2, line({{732900, 7096030}, {733400, 7096030}}),
                                     {{"namn", std::string("Storgatan")}}),
                                made(streets, 3, line({{733340, 7096000}, {733340, 7096300}}),
                                     {{"namn", std::string("Järnvägsgatan")}}),
                            }));
    project.links = {MeasureLink{FeatureId{1}, FeatureId{2}},
                     MeasureLink{FeatureId{2}, FeatureId{3}}};
    Photo photo;
    photo.id = PhotoId{7};
    photo.layer = "observationer";
    photo.feature = FeatureId{1};
    photo.mimeType = "image/png";
    photo.orientation = 6;
    photo.data = std::make_shared<const std::string>(pngBytes());
    project.photos.push_back(photo);
    return project;
}

PhotoLoader loaderOf(const Project& project) {
    return [&project](PhotoId id) -> Result<std::string> {
        const Photo* photo = findPhoto(project.photos, id);
        if (photo == nullptr || !photo->data) {
            return fail(ErrorCode::NotFound, "no such photo");
        }
        return *photo->data;
    };
}

WalkProtocol built(const Project& project, const std::string& language) {
    auto protocol = buildWalkProtocol(project, FeatureId{1}, language);
    REQUIRE(protocol);
    REQUIRE(protocol->entries.size() == 3);
    return std::move(*protocol);
}

/// Walk 1 of walkProject() in both languages.
struct BothLanguages {
    Project project = walkProject();
    WalkProtocol sv = built(project, "sv");
    WalkProtocol en = built(project, "en");
};

class CancelAtOnce final : public Progress {
public:
    [[nodiscard]] bool isCancelled() const override { return true; }
};

} // namespace

TEST_CASE(
    "walk protocol: one entry per observation of the walk, in time order, labels in sv and en") {
    const BothLanguages protocol;
    const WalkProtocol& sv = protocol.sv;
    CHECK(sv.name == "Centrum kväll");
    CHECK(sv.date == Date{2025, 11, 12});
    CHECK(sv.lightCondition == "Mörker");
    CHECK(sv.participants == 8);
    CHECK(sv.organiser == "Vännäs kommun");
    CHECK(sv.profile == "5 kvinnor, 3 män");
    CHECK(sv.followUp == Date{2026, 1, 20});
    CHECK(sv.routeLength == Approx(500.0));
    CHECK(sv.entries[0].number == 1);
    CHECK(sv.entries[0].observation == FeatureId{2});
    CHECK(sv.entries[1].observation == FeatureId{3});
    CHECK(sv.entries[2].number == 3);
    CHECK(sv.entries[2].observation == FeatureId{1});
    CHECK(sv.entries[0].category == "Belysning");
    CHECK(sv.entries[0].polarity == "Otrygg");
    CHECK(sv.entries[0].markerColour == "#d7301f");
    CHECK(sv.entries[0].description == "Trasig lampa");
    CHECK(sv.entries[0].time == at(19, 10));
    CHECK(sv.entries[1].category == "Skymd sikt/vegetation");
    CHECK(sv.entries[1].polarity == "Trivsam");

    const WalkProtocol& en = protocol.en;
    CHECK(en.lightCondition == "Darkness");
    CHECK(en.entries[0].category == "Lighting");
    CHECK(en.entries[0].polarity == "Unsafe");
    CHECK(en.entries[1].category == "Blocked view/vegetation");
    CHECK(en.entries[2].category == "Graffiti/vandalism");
    CHECK(en.entries[2].polarity == "Safe");
}

TEST_CASE("walk protocol: a place is named after the nearest named street within 75 m") {
    const BothLanguages protocol;
    const WalkProtocol& sv = protocol.sv;
    const WalkProtocol& en = protocol.en;
    // The unnamed street is 10 m away, Storgatan 30 m: the named one gives the place.
    CHECK(sv.entries[0].place == "Vid Storgatan");
    CHECK(en.entries[0].place == "Near Storgatan");
    // Järnvägsgatan at 40 m is nearer than Storgatan at 120 m.
    CHECK(sv.entries[1].place == "Vid Järnvägsgatan");
    // Storgatan 170 m and Järnvägsgatan 190 m away: too far, so coordinates rounded to metres.
    CHECK(sv.entries[2].place == "N 7096200, Ö 733150 (SWEREF 99 TM)");
    CHECK(en.entries[2].place == "N 7096200, E 733150 (SWEREF 99 TM)");
    REQUIRE(sv.entries[2].position);
    CHECK(sv.entries[2].position->x() == 733150.4);
}

TEST_CASE(
    "walk protocol: measures with responsible body, deadline and why dismissed ones are not done") {
    const BothLanguages protocol;
    const WalkProtocol& sv = protocol.sv;
    const WalkProtocol& en = protocol.en;
    REQUIRE(sv.entries[0].measures.size() == 1);
    const ProtocolMeasure& lamp = sv.entries[0].measures[0];
    CHECK(lamp.title == "Byt armatur");
    CHECK(lamp.type == "Ny belysning");
    CHECK(lamp.status == "Beslutad");
    CHECK(lamp.responsible == "Vännäs kommun");
    CHECK(lamp.deadline == Date{2026, 4, 30});
    CHECK_FALSE(lamp.dismissed);
    CHECK(lamp.reason.empty()); // a motive is only the "why" of a measure that will not be done
    CHECK(en.entries[0].measures[0].responsible == "Vännäs municipality");

    REQUIRE(sv.entries[1].measures.size() == 1);
    const ProtocolMeasure& hedge = sv.entries[1].measures[0];
    CHECK(hedge.dismissed);
    CHECK(hedge.status == "Avförd");
    CHECK(hedge.responsible == "Fastighetsägare");
    CHECK(hedge.reason == "Häcken är trivsam och skymmer inget");
    CHECK_FALSE(hedge.deadline);
    CHECK(en.entries[1].measures[0].status == "Dropped");

    CHECK(sv.entries[2].measures.empty());
    REQUIRE(sv.entries[2].photos.size() == 1);
    CHECK(sv.entries[2].photos[0].id == PhotoId{7});
    CHECK(sv.entries[2].photos[0].orientation == 6);
    CHECK(sv.entries[0].photos.empty());
}

TEST_CASE("walk protocol: an unknown walk or a project without walks is an error naming the walk") {
    const Project project = walkProject();
    auto unknown = buildWalkProtocol(project, FeatureId{999}, "sv");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK(unknown.error().describe() == "walk 999: no safety walk with this id");

    Project noWalks;
    auto missing = buildWalkProtocol(noWalks, FeatureId{1}, "sv");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().where == "walk 1");
}

TEST_CASE("walk protocol PDF: A4 pages, one block per entry, the photo drawn") {
    ensureGuiApplication();
    TempDir dir;
    const BothLanguages walk;
    auto layout =
        writeWalkProtocolPdf(dir / "walk.pdf", walk.sv, sceneFromProject(walk.project, "sv"),
                             loaderOf(walk.project), "sv");
    REQUIRE(layout);
    CHECK(layout->entries == 3);
    CHECK(layout->pages == 1);
    CHECK(layout->photosDrawn == 1);
    CHECK(layout->photosMissing == 0);
    const std::string pdf = readAll(dir / "walk.pdf");
    CHECK(pdf.starts_with("%PDF"));
    CHECK(pageObjects(pdf) == layout->pages);
    CHECK(pdf.find("/MediaBox [0 0 595.000000 842.000000]") != std::string::npos); // A4 in points
    // Nothing else is left in the folder: the temporary file was renamed into place.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("walk protocol PDF: many entries flow onto numbered pages, and a photo that cannot be "
          "read is noted") {
    ensureGuiApplication();
    TempDir dir;
    Project project = walkProject();
    const LayerDef& definition = project.layer("observationer")->definition();
    Layer& observations = *project.layer("observationer");
    for (std::int64_t id = 10; id < 40; ++id) {
        observations.add(made(definition, id,
                              Point{733000.0 + 10.0 * static_cast<double>(id), 7096100},
                              {{"kategori", std::string("nedskrapning")},
                               {"polaritet", std::string("otrygg")},
                               {"beskrivn", std::string(300, 'x')},
                               {"vandring", std::int64_t{1}}}));
    }
    project.photos[0].data.reset(); // the loader finds no bytes
    auto protocol = buildWalkProtocol(project, FeatureId{1}, "en");
    REQUIRE(protocol);
    REQUIRE(protocol->entries.size() == 33);
    CHECK(protocol->entries.back().observation == FeatureId{39}); // no time: after the timed ones
    auto layout = writeWalkProtocolPdf(dir / "walk.pdf", *protocol, sceneFromProject(project, "en"),
                                       loaderOf(project), "en");
    REQUIRE(layout);
    CHECK(layout->entries == 33);
    CHECK(layout->pages >= 3);
    CHECK(layout->photosDrawn == 0);
    CHECK(layout->photosMissing == 1);
    CHECK(pageObjects(readAll(dir / "walk.pdf")) == layout->pages);
}

TEST_CASE("walk protocol PDF: cancelled or unwritable leaves no file and names the path") {
    ensureGuiApplication();
    TempDir dir;
    const BothLanguages walk;
    CancelAtOnce cancel;
    auto cancelled = writeWalkProtocolPdf(dir / "walk.pdf", walk.sv, MapScene{},
                                          loaderOf(walk.project), "sv", cancel);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
    CHECK(cancelled.error().where == (dir / "walk.pdf").string());
    CHECK(std::filesystem::is_empty(dir.path()));

    auto unwritable = writeWalkProtocolPdf(dir / "saknas" / "walk.pdf", walk.sv, MapScene{},
                                           loaderOf(walk.project), "sv");
    REQUIRE_FALSE(unwritable);
    CHECK(unwritable.error().code == ErrorCode::WriteFailed);
    CHECK(unwritable.error().where == (dir / "saknas" / "walk.pdf").string());
}

TEST_CASE("walk protocol: photos are turned upright as their EXIF orientation says") {
    QImage stored(4, 2, QImage::Format_RGB32);
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 4; ++x) {
            stored.setPixel(x, y, qRgb(x * 60, y * 200, 10));
        }
    }
    for (int orientation = 1; orientation <= 8; ++orientation) {
        INFO("orientation " << orientation);
        const QImage shown = uprightPhoto(stored, orientation);
        const bool turned = orientation >= 5;
        REQUIRE(shown.size() == (turned ? QSize(2, 4) : QSize(4, 2)));
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 4; ++x) {
                const PixelPosition to = shownPixel(orientation, PixelPosition{x, y}, 4, 2);
                CHECK(shown.pixel(to.x, to.y) == stored.pixel(x, y));
            }
        }
    }
}
