#pragma once
// Test photos made on the spot: small images encoded by GDAL with the EXIF tags a test asks
// for (GPS position, time, orientation, camera), and decoding them back to check pixels and
// metadata. Shared by the tests of photo import, photo folders and photo export.

#include "tryggkarta/io/crs_transform.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <cstdio>
#include <gdal_priv.h>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::test {

using Metadata = std::map<std::string, std::string>;

// Where the test photos claim to be: by Vännäs station, 63°54'48.6"N 19°45'16.2"E.
constexpr double kLat = 63.0 + 54.0 / 60.0 + 48.6 / 3600.0;
constexpr double kLon = 19.0 + 45.0 / 60.0 + 16.2 / 3600.0;

inline Metadata geotag() {
    return {{"EXIF_GPSLatitude", "(63) (54) (48.6)"},
            {"EXIF_GPSLatitudeRef", "N"},
            {"EXIF_GPSLongitude", "(19) (45) (16.2)"},
            {"EXIF_GPSLongitudeRef", "E"},
            {"EXIF_DateTimeOriginal", "2024:10:05 21:30:15"},
            {"EXIF_OffsetTimeOriginal", "+02:00"},
            {"EXIF_Orientation", "6"},
            {"EXIF_Make", "Testkamera"},
            {"EXIF_Model", "TK-1"}};
}

/// The bytes of a /vsimem/ file, unlinked.
inline std::string takeMemoryFile(const char* name) {
    vsi_l_offset length = 0;
    GByte* buffer = VSIGetMemFileBuffer(name, &length, TRUE);
    REQUIRE(buffer != nullptr);
    std::string bytes(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
    CPLFree(buffer);
    return bytes;
}

/// A synthetic 32 × 16 RGB image, red in its top-left quarter (x < 16, y < 8) and blue
/// elsewhere, encoded by GDAL with `metadata` (EXIF_* items become an EXIF block), and with
/// `withExtras` a JPEG comment and an XMP packet.
inline std::string makeImage(const char* driverName, const Metadata& metadata,
                             bool withExtras = false) {
    constexpr int kWidth = 32;
    constexpr int kHeight = 16;
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr source(memory->Create("", kWidth, kHeight, 3, GDT_Byte, nullptr));
    std::vector<GByte> pixels(kWidth * kHeight * 3);
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            bool red = x < 16 && y < 8;
            GByte* p = &pixels[(y * kWidth + x) * 3];
            p[0] = red ? 220 : 20;
            p[1] = 20;
            p[2] = red ? 20 : 220;
        }
    }
    REQUIRE(source->RasterIO(GF_Write, 0, 0, kWidth, kHeight, pixels.data(), kWidth, kHeight,
                             GDT_Byte, 3, nullptr, 3, 3 * kWidth, 1, nullptr) == CE_None);
    for (const auto& [key, value] : metadata) {
        source->SetMetadataItem(key.c_str(), value.c_str());
    }
    std::vector<const char*> options;
    if (std::string_view(driverName) == "JPEG") {
        options.push_back("WRITE_EXIF_METADATA=YES");
    }
    if (withExtras) {
        options.push_back("COMMENT=Anna Andersson, Storgatan 3");
    }
    options.push_back(nullptr);
    CPLConfigOptionSetter noSidecars("GDAL_PAM_ENABLED", "NO", false);
    const char* name = "/vsimem/test-photo-source";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    GDALDatasetUniquePtr written(driver->CreateCopy(
        name, source.get(), FALSE, const_cast<char**>(options.data()), nullptr, nullptr));
    REQUIRE(written);
    written.reset();
    std::string bytes = takeMemoryFile(name);
    if (withExtras) {
        // GDAL's JPEG driver does not write XMP, so the APP1 segment is put in by hand,
        // right after the start-of-image marker, as cameras and editors do.
        std::string payload = std::string("http://ns.adobe.com/xap/1.0/") + '\0' +
                              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf="
                              "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>";
        std::size_t length = payload.size() + 2;
        std::string segment = std::string("\xFF\xE1") + static_cast<char>(length >> 8) +
                              static_cast<char>(length & 0xFF) + payload;
        bytes.insert(2, segment);
    }
    return bytes;
}

/// What GDAL reports of an encoded image: its metadata, XMP and size, and pixel colours.
struct Decoded {
    Metadata items;
    bool hasXmp = false;
    int width = 0;
    int height = 0;
    std::vector<GByte> rgb;

    [[nodiscard]] bool isRed(int x, int y) const {
        const GByte* p = &rgb[(y * width + x) * 3];
        return p[0] > 150 && p[2] < 100;
    }
    [[nodiscard]] bool isBlue(int x, int y) const {
        const GByte* p = &rgb[(y * width + x) * 3];
        return p[2] > 150 && p[0] < 100;
    }
};

inline Decoded decode(const std::string& bytes) {
    CPLConfigOptionSetter noSidecars("GDAL_PAM_ENABLED", "NO", false);
    const char* name = "/vsimem/test-photo-decode";
    VSIFCloseL(VSIFileFromMemBuffer(name, reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                    bytes.size(), FALSE));
    Decoded decoded;
    {
        GDALDatasetUniquePtr dataset(GDALDataset::Open(name, GDAL_OF_RASTER));
        REQUIRE(dataset);
        for (CSLConstList item = dataset->GetMetadata(); item != nullptr && *item != nullptr;
             ++item) {
            std::string text(*item);
            auto equals = text.find('=');
            decoded.items[text.substr(0, equals)] =
                equals == std::string::npos ? "" : text.substr(equals + 1);
        }
        decoded.hasXmp = dataset->GetMetadata("xml:XMP") != nullptr;
        decoded.width = dataset->GetRasterXSize();
        decoded.height = dataset->GetRasterYSize();
        REQUIRE(dataset->GetRasterCount() == 3);
        decoded.rgb.resize(static_cast<std::size_t>(decoded.width * decoded.height * 3));
        REQUIRE(dataset->RasterIO(GF_Read, 0, 0, decoded.width, decoded.height, decoded.rgb.data(),
                                  decoded.width, decoded.height, GDT_Byte, 3, nullptr, 3,
                                  3 * decoded.width, 1, nullptr) == CE_None);
    }
    VSIUnlink(name);
    return decoded;
}

inline bool hasExifKeys(const Metadata& items) {
    return std::ranges::any_of(items,
                               [](const auto& item) { return item.first.starts_with("EXIF_"); });
}

/// EXIF tags placing a photo at (latitude, longitude) in WGS 84 (north and east), taken at
/// `takenAt` ("2024:10:05 21:30:15", EXIF's own form, camera-local time) when not empty.
inline Metadata gpsTags(double latitude, double longitude, const std::string& takenAt = {}) {
    auto degreesMinutesSeconds = [](double angle) {
        double degrees = std::floor(angle);
        double minutes = std::floor((angle - degrees) * 60.0);
        double seconds = ((angle - degrees) * 60.0 - minutes) * 60.0;
        char text[64];
        std::snprintf(text, sizeof text, "(%.0f) (%.0f) (%.6f)", degrees, minutes, seconds);
        return std::string(text);
    };
    Metadata tags{{"EXIF_GPSLatitude", degreesMinutesSeconds(latitude)},
                  {"EXIF_GPSLatitudeRef", "N"},
                  {"EXIF_GPSLongitude", degreesMinutesSeconds(longitude)},
                  {"EXIF_GPSLongitudeRef", "E"}};
    if (!takenAt.empty()) {
        tags["EXIF_DateTimeOriginal"] = takenAt;
    }
    return tags;
}

/// Where the test photos are taken: Vännäs centrum, WGS 84.
inline constexpr double kCentreLat = 63.9135;
inline constexpr double kCentreLon = 19.7545;
/// 150 m north of it.
inline constexpr double kNorthLat = kCentreLat + 150.0 / 111'300.0;

/// A WGS 84 position in SWEREF 99 TM, through the project's own transform.
inline Point sweref(double latitude, double longitude) {
    auto transform =
        CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84), Crs::fromEpsg(crs::kSweref99Tm));
    REQUIRE(transform);
    auto point = transform->apply(Point{longitude, latitude});
    REQUIRE(point);
    return *point;
}

} // namespace trygg::test
