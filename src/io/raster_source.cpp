#include "tryggkarta/io/raster_source.h"

#include "gdal_util.h"
#include "tryggkarta/io/crs_transform.h"

#include <boost/geometry/algorithms/intersection.hpp>
#include <cpl_conv.h>
#include <cpl_minixml.h>
#include <gdal_utils.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>

namespace trygg {
namespace {

/// Larger views are a caller's bug (a zoom gone wrong), not a request worth gigabytes.
constexpr int kMaxPixels = 16384;

/// Seconds one request to a tile server may take when neither GDAL_HTTP_TIMEOUT nor the
/// description's <Timeout> says: GDAL's own default is 300 s, and the map window waits with it.
constexpr const char* kHttpTimeoutSeconds = "20";
constexpr const char* kHttpTimeoutKey = "GDAL_HTTP_TIMEOUT";

/// Where fetched tiles are kept: GDAL 3.6's WMTS driver always caches them, by default in
/// ./gdalwmscache of whatever folder the program was started from.
std::string tileCacheFolder() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = xdg != nullptr && *xdg != '\0' ? std::filesystem::path(xdg)
                                       : home != nullptr && *home != '\0'
                                           ? std::filesystem::path(home) / ".cache"
                                           : std::filesystem::temp_directory_path();
    return (base / "tryggkarta" / "gdalwmscache").string();
}

/// GDAL's settings for reading from tile servers, on this thread while it lives; what the user
/// set (environment or --config) wins.
class NetworkSettings {
public:
    NetworkSettings()
        : m_timeout(kHttpTimeoutKey, kHttpTimeoutSeconds, true),
          m_cache("GDAL_DEFAULT_WMS_CACHE_PATH", tileCacheFolder().c_str(), true) {}

private:
    CPLConfigOptionSetter m_timeout;
    CPLConfigOptionSetter m_cache;
};

constexpr unsigned kOpenFlags = GDAL_OF_RASTER | GDAL_OF_READONLY;

struct OpenRaster {
    GDALDatasetUniquePtr dataset;
    Crs crs;
};

/// What to hand GDAL to open `path`. A GDAL_WMS description goes over as its text, with a
/// <Timeout> added when it has none (GDAL 3.6's WMS driver reads no other timeout) and without
/// an XML declaration or blanks in front (the driver does not recognise the file behind those).
std::string gdalOpenName(const std::filesystem::path& path) {
    std::string head(4096, '\0');
    std::ifstream(path, std::ios::binary)
        .read(head.data(), static_cast<std::streamsize>(head.size()));
    if (head.find("<GDAL_WMS") == std::string::npos) {
        return path.string();
    }
    CPLXMLTreeCloser tree(CPLParseXMLFile(path.c_str()));
    CPLXMLNode* wms = tree ? CPLGetXMLNode(tree.get(), "=GDAL_WMS") : nullptr;
    if (wms == nullptr) {
        return path.string();
    }
    if (CPLGetXMLNode(wms, "Timeout") == nullptr) {
        CPLCreateXMLElementAndValue(wms, "Timeout",
                                    CPLGetConfigOption(kHttpTimeoutKey, kHttpTimeoutSeconds));
    }
    CPLXMLNode* following = std::exchange(wms->psNext, nullptr); // serialise the element alone
    char* text = CPLSerializeXMLTree(wms);
    wms->psNext = following;
    std::string xml = text != nullptr ? text : path.string();
    CPLFree(text);
    return xml;
}

bool isTileService(GDALDataset& dataset) {
    const char* driver =
        dataset.GetDriver() != nullptr ? dataset.GetDriver()->GetDescription() : "";
    return std::strcmp(driver, "WMS") == 0 || std::strcmp(driver, "WMTS") == 0;
}

/// Opens a georeferenced raster; the error says what is missing and names the file.
Result<OpenRaster> openRaster(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return fail(ErrorCode::OpenFailed, "file not found", path.string());
    }
    gdal::ErrorCapture errors;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(gdalOpenName(path).c_str(), kOpenFlags));
    // A file of several rasters (a capabilities document listing layers) opens as the list of
    // them: the first is the background (a GDAL_WMTS description file can choose another).
    const char* firstLayer = dataset && dataset->GetRasterCount() == 0
                                 ? dataset->GetMetadataItem("SUBDATASET_1_NAME", "SUBDATASETS")
                                 : nullptr;
    if (firstLayer != nullptr) {
        dataset.reset(GDALDataset::Open(std::string(firstLayer).c_str(), kOpenFlags));
    }
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

/// `box`, in the raster's `crs`, cut to the area where `mapCrs` applies: a world-wide tile
/// service reaches where a transverse Mercator zone has no sensible coordinates. Unchanged when
/// the map's CRS does not say where it applies.
Result<Box> withinAreaOfUse(const Box& box, const Crs& crs, const Crs& mapCrs) {
    auto srs = gdal::makeSrs(mapCrs);
    double west = 0.0;
    double south = 0.0;
    double east = 0.0;
    double north = 0.0;
    const char* area = nullptr;
    if (!srs || !(*srs)->GetAreaOfUse(&west, &south, &east, &north, &area) || west > east) {
        return box; // unknown, or across the antimeridian: nothing to cut
    }
    auto toRaster = CoordinateTransform::create(Crs::fromEpsg(4326), crs);
    auto usable =
        toRaster ? toRaster->apply(Box(Point(west, south), Point(east, north))) : Result<Box>(box);
    Box clipped;
    if (!usable || !bg::intersection(box, *usable, clipped) || isEmpty(clipped)) {
        return fail(ErrorCode::CrsMismatch,
                    "the image lies outside the area the map's coordinate system is made for", "",
                    area != nullptr ? area : mapCrs.identifier());
    }
    return clipped;
}

} // namespace

Result<RasterImage> readRasterView(const std::filesystem::path& path, const Crs& mapCrs,
                                   const Box& extent, int width, int height) {
    if (width <= 0 || height <= 0 || width > kMaxPixels || height > kMaxPixels || isEmpty(extent)) {
        return fail(ErrorCode::Usage, "a raster view needs a non-empty extent and 1 to 16384 pixels",
                    path.string());
    }
    NetworkSettings network;
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
    CPLErrorReset();
    GDALDatasetUniquePtr warped(
        GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &sourceHandle, options, &usageError)));
    GDALWarpAppOptionsFree(options);
    // A tile that cannot be fetched is an error even where GDAL warps on around the hole.
    if (isTileService(source) && (!warped || CPLGetLastErrorType() >= CE_Failure)) {
        return fail(ErrorCode::OpenFailed,
                    "cannot fetch the background's map tiles from its server", path.string(),
                    errors.last());
    }
    if (!warped) {
        return fail(ErrorCode::InvalidFormat,
                    "cannot warp the image into the map's coordinate system", path.string(),
                    errors.last());
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
    NetworkSettings network;
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
    auto usable =
        transform ? withinAreaOfUse(box, opened->crs, mapCrs) : std::unexpected(transform.error());
    auto moved = usable ? transform->apply(*usable) : std::unexpected(usable.error());
    if (!moved) {
        Error error = moved.error();
        error.where = path.string();
        return std::unexpected(error);
    }
    return *moved;
}

} // namespace trygg
