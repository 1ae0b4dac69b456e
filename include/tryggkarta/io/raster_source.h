#pragma once
// Background rasters (orthophotos, scanned maps, MBTiles, WMS/WMTS description files) read
// through GDAL and warped into the map's CRS. Plain pixels come back, so trygg_io needs no Qt;
// the renderer wraps them in a QImage.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace trygg {

/// A north-up image of a map extent. `argb` holds width × height pixels, row by row from the
/// top (north), each 0xAARRGGBB and not premultiplied (QImage::Format_ARGB32).
struct RasterImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> argb;
    Box extent; ///< in the map CRS: the area the pixels cover, edge to edge
};

/// Reads `path` (any raster GDAL opens) warped into `mapCrs`, exactly covering `extent` at
/// `width` × `height` pixels. One band gives grey, three RGB, four RGBA, a palette its colours;
/// nodata and the area outside the raster are transparent. Errors name the file.
/// A GDAL_WMS description (WMS, TMS, ...) or a WMTS capabilities document (its first layer) is
/// read from its server at the zoom level nearest the view's resolution; each request may take
/// GDAL_HTTP_TIMEOUT seconds (20 unless set), and a tile that cannot be fetched fails the view.
Result<RasterImage> readRasterView(const std::filesystem::path& path, const Crs& mapCrs,
                                   const Box& extent, int width, int height);

/// The area the raster covers, in `mapCrs` (densified, so a reprojected raster fits inside), cut
/// to the area `mapCrs` is made for: a world-wide tile service in SWEREF 99 TM covers Sweden.
Result<Box> rasterExtent(const std::filesystem::path& path, const Crs& mapCrs);

} // namespace trygg
