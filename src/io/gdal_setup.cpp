#include "tryggkarta/io/gdal_setup.h"

#include <cpl_conv.h>
#include <gdal.h>

#include <mutex>

namespace trygg {

void initialiseGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Opening a local file must never reach out to the network (and hang without it).
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "10");
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".tif,.gpkg,.xml,.json");
        // Shapefiles without .cpg are read as the Windows code page consultants' tools assume.
        CPLSetConfigOption("SHAPE_ENCODING", nullptr);
        // Large imports: give SQLite a bigger page cache (MB).
        if (CPLGetConfigOption("OGR_SQLITE_CACHE", nullptr) == nullptr) {
            CPLSetConfigOption("OGR_SQLITE_CACHE", "256");
        }
        GDALAllRegister();
    });
}

} // namespace trygg
