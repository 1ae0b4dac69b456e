#include "tryggkarta/io/raster_source.h"

#include "gdal_util.h"
#include "tryggkarta/io/crs_transform.h"

#include <gdal_utils.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace trygg {
namespace {

/// Larger views are a caller's bug (a zoom gone wrong), not a request worth gigabytes.
constexpr int kMaxPixels = 16384;

struct OpenRaster {
    GDALDatasetUniquePtr dataset;
    Crs crs;
};

/// Opens a georeferenced raster; the error says what is missing and names the file.
Result<OpenRaster> openRaster(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return fail(ErrorCode::OpenFailed, "file not found", path.string());
    }
    gdal::ErrorCapture errors;
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset || dataset->GetRasterCount() == 0) {
        return fail(ErrorCode::OpenFailed,
                    "cannot read as a background image: not a raster format GDAL knows "
                    "(GeoTIFF, JPEG or PNG with world file, MBTiles, WMS/WMTS description)",
                    path.string(), errors.last());
    }
    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    if (srs == nullptr && dataset->GetGCPCount() > 0) {
        srs = dataset->GetGCPSpatialRef();
    }
    double transform[6];
    const bool georeferenced =
        dataset->GetGeoTransform(transform) == CE_None || dataset->GetGCPCount() > 0;
    if (!georeferenced || srs == nullptr) {
        return fail(ErrorCode::CrsUnknown,
                    "the image does not say where it lies or in which coordinate system "
                    "(missing world file, .prj or .aux.xml?)",
                    path.string());
    }
    return OpenRaster{std::move(dataset), gdal::crsFromSrs(*srs)};
}

std::string crsArgument(const Crs& crs) { return crs.isEpsg(0) ? crs.wkt : crs.identifier(); }

std::uint32_t argb(unsigned a, unsigned r, unsigned g, unsigned b) {
    return (a << 24) | (r << 16) | (g << 8) | b;
}

/// Reads one band of the warped image as 0-255, stretching other data types over the source
/// band's range (a 16-bit orthophoto would otherwise clip to white). Empty when GDAL fails.
std::vector<std::uint8_t> readBand(GDALRasterBand& band, GDALRasterBand& sourceBand, int width,
                                   int height) {
    const auto count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    std::vector<std::uint8_t> out(count);
    if (band.GetRasterDataType() == GDT_Byte) {
        if (band.RasterIO(GF_Read, 0, 0, width, height, out.data(), width, height, GDT_Byte, 0, 0,
                          nullptr) != CE_None) {
            out.clear();
        }
        return out;
    }
    std::vector<double> values(count);
    if (band.RasterIO(GF_Read, 0, 0, width, height, values.data(), width, height, GDT_Float64, 0,
                      0, nullptr) != CE_None) {
        out.clear();
        return out;
    }
    double range[2] = {0.0, 255.0};
    sourceBand.ComputeRasterMinMax(TRUE, range);
    const double span = range[1] > range[0] ? range[1] - range[0] : 1.0;
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = static_cast<std::uint8_t>(std::clamp((values[i] - range[0]) / span * 255.0, 0.0, 255.0));
    }
    return out;
}

} // namespace

Result<RasterImage> readRasterView(const std::filesystem::path& path, const Crs& mapCrs,
                                   const Box& extent, int width, int height) {
    if (width <= 0 || height <= 0 || width > kMaxPixels || height > kMaxPixels || isEmpty(extent)) {
        return fail(ErrorCode::Usage, "a raster view needs a non-empty extent and 1 to 16384 pixels",
                    path.string());
    }
    auto opened = openRaster(path);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    GDALDataset& source = *opened->dataset;
    GDALRasterBand& first = *source.GetRasterBand(1);
    const GDALColorTable* palette = first.GetColorTable();

    // Warp into a MEM dataset of exactly the view: -dstalpha turns nodata and the area outside
    // the raster into alpha 0; palettes are warped by index, so never interpolated.
    char number[64];
    std::vector<std::string> args = {"-of", "MEM", "-t_srs", crsArgument(mapCrs), "-te"};
    for (double v : {extent.min_corner().x(), extent.min_corner().y(), extent.max_corner().x(),
                     extent.max_corner().y()}) {
        std::snprintf(number, sizeof number, "%.17g", v);
        args.emplace_back(number);
    }
    args.insert(args.end(), {"-ts", std::to_string(width), std::to_string(height), "-r",
                             palette != nullptr ? "near" : "bilinear", "-dstalpha"});
    gdal::StringList argv(args);
    gdal::ErrorCapture errors;
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(argv.get(), nullptr);
    GDALDatasetH sourceHandle = GDALDataset::ToHandle(&source);
    int usageError = FALSE;
    GDALDatasetUniquePtr warped(GDALDataset::FromHandle(
        GDALWarp("", nullptr, 1, &sourceHandle, options, &usageError)));
    GDALWarpAppOptionsFree(options);
    if (!warped) {
        return fail(ErrorCode::InvalidFormat, "cannot warp the image into the map's coordinate system",
                    path.string(), errors.last());
    }

    std::vector<std::vector<std::uint8_t>> colours;
    std::vector<std::uint8_t> alpha;
    for (int i = 1; i <= warped->GetRasterCount(); ++i) {
        GDALRasterBand& band = *warped->GetRasterBand(i);
        const bool isAlpha = band.GetColorInterpretation() == GCI_AlphaBand;
        if (!isAlpha && colours.size() == 3) {
            continue; // a fourth colour band (near infrared) has no place in ARGB
        }
        GDALRasterBand& sourceBand = *source.GetRasterBand(std::min(i, source.GetRasterCount()));
        auto values = readBand(band, sourceBand, width, height);
        if (values.empty()) {
            return fail(ErrorCode::OpenFailed, "cannot read the image's pixels", path.string(),
                        errors.last());
        }
        (isAlpha ? alpha : colours.emplace_back()) = std::move(values);
    }
    RasterImage image;
    image.width = width;
    image.height = height;
    image.extent = extent;
    image.argb.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (std::size_t i = 0; i < image.argb.size(); ++i) {
        const unsigned a = alpha.empty() ? 255U : alpha[i];
        if (palette != nullptr) {
            const GDALColorEntry* entry = palette->GetColorEntry(colours[0][i]);
            image.argb[i] = entry == nullptr
                                ? 0U
                                : argb(std::min<unsigned>(a, static_cast<unsigned>(entry->c4)),
                                       static_cast<unsigned>(entry->c1), static_cast<unsigned>(entry->c2),
                                       static_cast<unsigned>(entry->c3));
        } else if (colours.size() >= 3) {
            image.argb[i] = argb(a, colours[0][i], colours[1][i], colours[2][i]);
        } else {
            image.argb[i] = argb(a, colours[0][i], colours[0][i], colours[0][i]);
        }
    }
    return image;
}

Result<Box> rasterExtent(const std::filesystem::path& path, const Crs& mapCrs) {
    auto opened = openRaster(path);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    GDALDataset& dataset = *opened->dataset;
    double t[6];
    if (dataset.GetGeoTransform(t) != CE_None) {
        return fail(ErrorCode::Usage, "the image is placed by control points; warp it first",
                    path.string());
    }
    const double w = dataset.GetRasterXSize();
    const double h = dataset.GetRasterYSize();
    Box box = emptyBox();
    // All four corners: a rotated geotransform puts the extremes at any of them.
    for (auto [col, row] : {std::pair{0.0, 0.0}, {w, 0.0}, {0.0, h}, {w, h}}) {
        const Point corner{t[0] + col * t[1] + row * t[2], t[3] + col * t[4] + row * t[5]};
        expand(box, Box(corner, corner));
    }
    auto transform = CoordinateTransform::create(opened->crs, mapCrs);
    if (!transform) {
        Error error = transform.error();
        error.where = path.string();
        return std::unexpected(error);
    }
    auto moved = transform->apply(box);
    if (!moved) {
        Error error = moved.error();
        error.where = path.string();
        return std::unexpected(error);
    }
    return *moved;
}

} // namespace trygg
