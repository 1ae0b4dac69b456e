// Photos in exports: originals for internal use, stripped of every trace of where, when and
// with which camera for a consultant, none for the public; linked from their features.

#include "photo_samples.h"
#include "test_support.h"
#include "tryggkarta/io/export.h"
#include "tryggkarta/io/photo_import.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <map>
#include <memory>
#include <ogrsf_frmts.h>
#include <string>
#include <vector>

using namespace trygg;
using trygg::test::TempDir;

namespace {

namespace fs = std::filesystem;

const std::string kPhotoReporter = "Signe Fotografsson";
const std::string kPhotoPhone = "070-987 65 43";
const std::string kTakenAs = "IMG_20241005_213015.jpg";
/// What the EXIF of every test photo says, none of which may reach a consultant.
const std::vector<std::string> kExifTexts{"Testkamera", "TK-1", "2024:10:05 21:30:15"};

/// Vännäs centrum in SWEREF 99 TM.
constexpr double kPhotoX = 733107.0;
constexpr double kPhotoY = 7096069.0;

struct PhotoProject {
    Project project;
    std::string jpeg; ///< the original bytes of every photo (with EXIF)
};

FeatureId addPhotoObservation(Project& project, double dx, bool personal) {
    Layer& layer = *project.layer("observationer");
    const LayerDef& def = layer.definition();
    Feature feature;
    feature.geometry = Point{kPhotoX + dx, kPhotoY};
    feature.values.resize(def.fields.size());
    auto set = [&](const char* name, Value value) {
        feature.values[*def.fieldIndex(name)] = std::move(value);
    };
    set("kategori", std::string("belysning"));
    set("polaritet", std::string("otrygg"));
    set("kalla", std::string("trygghetsvandring"));
    if (personal) {
        set("rapportor", kPhotoReporter);
        set("kontakt", kPhotoPhone);
    }
    return layer.add(std::move(feature));
}

void attach(PhotoProject& sample, std::string_view layer, FeatureId feature) {
    auto photo = photoFromBytes(sample.jpeg, kTakenAs);
    REQUIRE(photo);
    photo->id = nextPhotoId(sample.project.photos);
    photo->layer = std::string(layer);
    photo->feature = feature;
    sample.project.photos.push_back(std::move(*photo));
}

/// Observation 1 (with personal data) has two photos, observation 2 one, and a measure one.
PhotoProject photoProject() {
    PhotoProject sample;
    sample.project.crs = Crs::fromEpsg(3006);
    for (const LayerDef& def : trygg::test::sourceCatalog().layers) {
        sample.project.layers.emplace_back(def);
    }
    sample.jpeg = trygg::test::makeImage("JPEG", trygg::test::geotag());
    const FeatureId first = addPhotoObservation(sample.project, 0.0, true);
    const FeatureId second = addPhotoObservation(sample.project, 30.0, false);
    attach(sample, "observationer", first);
    attach(sample, "observationer", first);
    attach(sample, "observationer", second);
    Layer& measures = *sample.project.layer("atgarder");
    Feature measure;
    measure.geometry = Point{kPhotoX, kPhotoY};
    measure.values.resize(measures.definition().fields.size());
    measure.values[*measures.definition().fieldIndex("titel")] = std::string("Ny armatur");
    attach(sample, "atgarder", measures.add(std::move(measure)));
    return sample;
}

ExportOptions photoOptions(ExportFormat format, PrivacyProfile profile, const fs::path& output) {
    ExportOptions options;
    options.format = format;
    options.profile = profile;
    options.output = output;
    options.layers = {"observationer", "atgarder"};
    return options;
}

ExportReport exportPhotos(const Project& project, const ExportOptions& options,
                          Progress& progress = Progress::none()) {
    auto report = exportProject(project, "photos.gpkg", options, progress);
    if (!report) {
        FAIL(report.error().describe());
    }
    return *report;
}

/// Every file an export wrote: under its folder, or the file and the photo folder beside it.
std::map<fs::path, std::string> writtenFiles(const fs::path& output) {
    std::map<fs::path, std::string> files;
    std::vector<fs::path> roots{output, output.parent_path() / (output.stem().string() + "_foton")};
    for (const fs::path& root : roots) {
        if (fs::is_regular_file(root)) {
            files[root] = trygg::test::readAll(root);
        } else if (fs::is_directory(root)) {
            for (const auto& entry : fs::recursive_directory_iterator(root)) {
                if (entry.is_regular_file()) {
                    files[entry.path()] = trygg::test::readAll(entry.path());
                }
            }
        }
    }
    return files;
}

bool isImage(const fs::path& file) {
    return file.extension() == ".jpg" || file.extension() == ".png";
}

/// The image blobs of a GeoPackage's trygg_foto, by the file name stored with them.
std::map<std::string, std::string> photoBlobs(const fs::path& gpkg) {
    GDALDatasetUniquePtr dataset(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("trygg_foto");
    REQUIRE(layer != nullptr);
    std::map<std::string, std::string> blobs;
    while (OGRFeatureUniquePtr row{layer->GetNextFeature()}) {
        int size = 0;
        const GByte* data = row->GetFieldAsBinary(row->GetFieldIndex("data"), &size);
        CHECK(row->IsFieldNull(row->GetFieldIndex("tidpunkt")));
        CHECK(row->IsFieldNull(row->GetFieldIndex("lat")));
        CHECK(row->GetFieldAsInteger(row->GetFieldIndex("orientering")) == 1);
        blobs[row->GetFieldAsString(row->GetFieldIndex("filnamn"))] =
            std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
    }
    return blobs;
}

/// No trace of the camera, the place or the time of capture, and no personal value.
void requireClean(const std::string& what, const std::string& bytes) {
    INFO(what);
    CHECK(bytes.find(std::string("Exif\0\0", 6)) == std::string::npos);
    for (const std::string& text : kExifTexts) {
        CHECK(bytes.find(text) == std::string::npos);
    }
    CHECK(bytes.find(kPhotoReporter) == std::string::npos);
    CHECK(bytes.find(kPhotoPhone) == std::string::npos);
    CHECK(bytes.find("IMG_2024") == std::string::npos);
}

/// An image without any metadata, upright: the 32 × 16 original was stored lying down
/// (orientation 6), so it shows 16 wide and 32 high, red top right.
void requireStrippedPhoto(const std::string& what, const std::string& bytes) {
    INFO(what);
    const auto decoded = trygg::test::decode(bytes);
    CHECK_FALSE(trygg::test::hasExifKeys(decoded.items));
    CHECK(decoded.width == 16);
    CHECK(decoded.height == 32);
    CHECK(decoded.isRed(12, 2));
    CHECK(decoded.isBlue(2, 28));
}

std::string fieldOf(OGRLayer& layer, std::int64_t id, const char* field) {
    layer.ResetReading();
    while (OGRFeatureUniquePtr feature{layer.GetNextFeature()}) {
        if (feature->GetFieldAsInteger64("id") == id) {
            return feature->GetFieldAsString(field);
        }
    }
    return "(no feature " + std::to_string(id) + ")";
}

bool logSays(const ExportReport& report, std::string_view text) {
    return std::ranges::any_of(
        report.log, [&](const std::string& line) { return line.find(text) != line.npos; });
}

/// Cancels at the first progress report (the first photo).
class CancelAtOnce : public Progress {
public:
    void update(std::uint64_t, std::uint64_t) override { m_cancelled = true; }
    [[nodiscard]] bool isCancelled() const override { return m_cancelled; }

private:
    bool m_cancelled = false;
};

} // namespace

TEST_CASE("Internal shapefile package: the original photos, linked from their features",
          "[export][photos]") {
    TempDir dir;
    const PhotoProject sample = photoProject();
    const auto report =
        exportPhotos(sample.project, photoOptions(ExportFormat::Shapefile, PrivacyProfile::Internal,
                                                  dir / "paket"));
    CHECK(report.photosWritten == 4);
    CHECK(report.photosLeftOut == 0);
    const fs::path photos = dir.path() / "paket" / "foton";
    for (const char* name : {"observationer_1_1.jpg", "observationer_1_2.jpg",
                             "observationer_2_1.jpg", "atgarder_1_1.jpg"}) {
        INFO(name);
        CHECK(trygg::test::readAll(photos / name) == sample.jpeg);
        CHECK(std::ranges::count(report.files, "foton/" + std::string(name)) == 1);
    }

    GDALDatasetUniquePtr shp(
        GDALDataset::Open((dir.path() / "paket" / "observationer.shp").c_str(), GDAL_OF_VECTOR));
    REQUIRE(shp);
    OGRLayer& layer = *shp->GetLayer(0);
    CHECK(fieldOf(layer, 1, "foton") == "foton/observationer_1_1.jpg; foton/observationer_1_2.jpg");
    CHECK(fieldOf(layer, 2, "foton") == "foton/observationer_2_1.jpg");

    const std::string list = trygg::test::readAll(photos / "foton.csv");
    CHECK(list.find("observationer_1_2.jpg,observationer,\"1\"," + kTakenAs + ",image/jpeg") !=
          std::string::npos);
    const std::string dictionary = trygg::test::readAll(dir.path() / "paket" / "datakatalog.csv");
    CHECK(dictionary.find("observationer.shp,foton,Foton,Photos") != std::string::npos);
    const std::string readme = trygg::test::readAll(dir.path() / "paket" / "LASMIG.txt");
    CHECK(readme.find("Mappen foton har 4 foton") != std::string::npos);
    CHECK(readme.find("foton/foton.csv") != std::string::npos);
}

TEST_CASE("Consultant: no EXIF, camera, time or personal value in any file of any format",
          "[export][photos]") {
    const PhotoProject sample = photoProject();
    const std::pair<ExportFormat, const char*> formats[] = {
        {ExportFormat::Shapefile, "paket"},
        {ExportFormat::GeoJson, "json"},
        {ExportFormat::Csv, "csv"},
        {ExportFormat::Kml, "karta.kml"},
        {ExportFormat::Gpx, "spar.gpx"},
        {ExportFormat::Dxf, "ritning.dxf"},
        {ExportFormat::GeoPackage, "data.gpkg"}};
    for (const auto& [format, name] : formats) {
        TempDir dir;
        const fs::path output = dir / name;
        INFO(name);
        const auto report =
            exportPhotos(sample.project, photoOptions(format, PrivacyProfile::Consultant, output));
        // A GPX holds no measures, so their photos stay behind.
        CHECK(report.photosWritten == (format == ExportFormat::Gpx ? 3 : 4));
        CHECK(logSays(report, "atgarder: 1 photo of features not in this export left out") ==
              (format == ExportFormat::Gpx));
        CHECK(logSays(report, "EXIF and all other metadata"));
        int images = 0;
        for (const auto& [file, bytes] : writtenFiles(output)) {
            requireClean(file.string(), bytes);
            if (isImage(file)) {
                requireStrippedPhoto(file.string(), bytes);
                ++images;
            }
        }
        if (format == ExportFormat::GeoPackage) {
            const auto blobs = photoBlobs(output);
            CHECK(blobs.size() == 4);
            for (const auto& [file, bytes] : blobs) {
                requireClean(file, bytes);
                requireStrippedPhoto(file, bytes);
            }
            CHECK(blobs.count("observationer_1_2.jpg") == 1);
        } else {
            CHECK(images == report.photosWritten);
        }
    }
}

TEST_CASE("The link column in GeoJSON, KML and GPX points at the photo files", "[export][photos]") {
    TempDir dir;
    const PhotoProject sample = photoProject();
    exportPhotos(sample.project,
                 photoOptions(ExportFormat::GeoJson, PrivacyProfile::Consultant, dir / "json"));
    const std::string geojson = trygg::test::readAll(dir.path() / "json" / "observationer.geojson");
    CHECK(geojson.find("\"foton\": \"foton/observationer_1_1.jpg; foton/observationer_1_2.jpg\"") !=
          std::string::npos);
    CHECK(fs::is_regular_file(dir.path() / "json" / "foton" / "observationer_2_1.jpg"));

    exportPhotos(sample.project,
                 photoOptions(ExportFormat::Kml, PrivacyProfile::Consultant, dir / "karta.kml"));
    const std::string kml = trygg::test::readAll(dir / "karta.kml");
    CHECK(kml.find("karta_foton/observationer_2_1.jpg") != std::string::npos);
    CHECK(kml.find("img src=") != std::string::npos);
    CHECK(fs::is_regular_file(dir.path() / "karta_foton" / "observationer_2_1.jpg"));
    CHECK(fs::is_regular_file(dir.path() / "karta_foton" / "foton.csv"));

    exportPhotos(sample.project,
                 photoOptions(ExportFormat::Gpx, PrivacyProfile::Consultant, dir / "spar.gpx"));
    const std::string gpx = trygg::test::readAll(dir / "spar.gpx");
    CHECK(gpx.find("<link href=\"spar_foton/observationer_1_1.jpg\"") != std::string::npos);
    CHECK(gpx.find("spar_foton/observationer_1_1.jpg; spar_foton/observationer_1_2.jpg") !=
          std::string::npos);
}

TEST_CASE("Public: no photos at all, and the report says so", "[export][photos]") {
    const PhotoProject sample = photoProject();
    for (ExportFormat format :
         {ExportFormat::Shapefile, ExportFormat::Kml, ExportFormat::GeoPackage}) {
        TempDir dir;
        const fs::path output = dir / (format == ExportFormat::Shapefile ? "paket"
                                       : format == ExportFormat::Kml     ? "karta.kml"
                                                                         : "data.gpkg");
        const auto report =
            exportPhotos(sample.project, photoOptions(format, PrivacyProfile::Public, output));
        CHECK(report.photosWritten == 0);
        CHECK(report.photosLeftOut == 4);
        CHECK(logSays(report, "4 photos left out: no photos under profile public"));
        for (const auto& [file, bytes] : writtenFiles(output)) {
            CHECK_FALSE(isImage(file));
            CHECK(bytes.find("\xFF\xD8\xFF") == std::string::npos);
        }
        CHECK_FALSE(fs::exists(dir.path() / "karta_foton"));
    }
}

TEST_CASE("Photos stay behind when not asked for, or when their feature does not go",
          "[export][photos]") {
    TempDir dir;
    const PhotoProject sample = photoProject();
    auto options = photoOptions(ExportFormat::GeoJson, PrivacyProfile::Internal, dir / "utan");
    options.photos = false;
    auto report = exportPhotos(sample.project, options);
    CHECK(report.photosLeftOut == 4);
    CHECK(logSays(report, "4 photos left out: photos were not asked for"));
    CHECK_FALSE(fs::exists(dir.path() / "utan" / "foton"));
    CHECK(trygg::test::readAll(dir.path() / "utan" / "observationer.geojson").find("foton") ==
          std::string::npos);

    options = photoOptions(ExportFormat::GeoJson, PrivacyProfile::Internal, dir / "atgarder");
    options.layers = {"atgarder"};
    report = exportPhotos(sample.project, options);
    CHECK(report.photosWritten == 1);
    CHECK(report.photosLeftOut == 0);
    CHECK(fs::is_regular_file(dir.path() / "atgarder" / "foton" / "atgarder_1_1.jpg"));
    CHECK_FALSE(fs::exists(dir.path() / "atgarder" / "foton" / "observationer_1_1.jpg"));
}

TEST_CASE("A photo that cannot be read is noted with its feature, the rest go",
          "[export][photos]") {
    TempDir dir;
    PhotoProject sample = photoProject();
    // Its bytes are only in a project file that does not exist.
    sample.project.photos[2].data.reset();
    const auto report = exportPhotos(
        sample.project, photoOptions(ExportFormat::Csv, PrivacyProfile::Internal, dir / "csv"));
    CHECK(report.photosWritten == 3);
    CHECK(report.photosLeftOut == 1);
    CHECK(logSays(report, "photo 3 (" + kTakenAs + ") of observationer feature 2: cannot be read"));
    CHECK_FALSE(fs::exists(dir.path() / "csv" / "foton" / "observationer_2_1.jpg"));
    const std::string csv = trygg::test::readAll(dir.path() / "csv" / "observationer.csv");
    CHECK(csv.find("observationer_2_1") == std::string::npos);
    CHECK(csv.find("foton/observationer_1_1.jpg; foton/observationer_1_2.jpg") !=
          std::string::npos);
}

TEST_CASE("Zipped packages hold the photos, and a cancel leaves neither file nor photo folder",
          "[export][photos]") {
    TempDir dir;
    const PhotoProject sample = photoProject();
    auto options = photoOptions(ExportFormat::Shapefile, PrivacyProfile::Consultant, dir / "paket");
    options.zip = true;
    const auto report = exportPhotos(sample.project, options);
    const std::string zip = "/vsizip/" + (dir.path() / "paket.zip").string();
    VSIStatBufL stat;
    CHECK(VSIStatL((zip + "/foton/observationer_1_1.jpg").c_str(), &stat) == 0);
    CHECK(VSIStatL((zip + "/foton/foton.csv").c_str(), &stat) == 0);
    CHECK(std::ranges::count(report.files, "foton/atgarder_1_1.jpg") == 1);

    CancelAtOnce cancel;
    auto cancelled = exportProject(
        sample.project, "photos.gpkg",
        photoOptions(ExportFormat::Kml, PrivacyProfile::Consultant, dir / "karta.kml"), cancel);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        left.push_back(entry.path().filename().string());
    }
    CHECK(left == std::vector<std::string>{"paket.zip"});
}

TEST_CASE("Replacing a KML replaces its photo folder, and a public one removes it",
          "[export][photos]") {
    TempDir dir;
    const PhotoProject sample = photoProject();
    auto options = photoOptions(ExportFormat::Kml, PrivacyProfile::Internal, dir / "karta.kml");
    exportPhotos(sample.project, options);
    REQUIRE(fs::is_regular_file(dir.path() / "karta_foton" / "observationer_1_1.jpg"));

    options.profile = PrivacyProfile::Public;
    auto refused = exportProject(sample.project, "photos.gpkg", options);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().where == (dir / "karta.kml").string());

    options.overwrite = true;
    exportPhotos(sample.project, options);
    CHECK(fs::is_regular_file(dir / "karta.kml"));
    CHECK_FALSE(fs::exists(dir.path() / "karta_foton"));

    // A folder of that name that is not an export's photos is never deleted.
    fs::create_directory(dir.path() / "karta_foton");
    dir.write("karta_foton/anteckningar.docx", "mine");
    auto kept = exportProject(sample.project, "photos.gpkg", options);
    REQUIRE_FALSE(kept);
    CHECK(kept.error().where == (dir.path() / "karta_foton").string());
    CHECK(fs::exists(dir.path() / "karta_foton" / "anteckningar.docx"));
}
