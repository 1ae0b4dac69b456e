// Zipping a finished shapefile package. Shapefiles cannot be written into /vsizip/ directly
// (a writer keeps .shp, .shx and .dbf open at once, a zip takes one file at a time), so the
// folder is written first and zipped file by file.

#include "export_formats.h"

#include <cpl_conv.h>
#include <fstream>
#include <vector>

namespace trygg::exporting {
namespace {

Result<void> addFile(void* zip, const std::filesystem::path& file, const std::string& entry) {
    std::ifstream in(file, std::ios::binary);
    if (!in || CPLCreateFileInZip(zip, entry.c_str(), nullptr) != CE_None) {
        return fail(ErrorCode::WriteFailed, "cannot add to the zip", entry, CPLGetLastErrorMsg());
    }
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<int>(in.gcount());
        if (got > 0 && CPLWriteFileInZip(zip, buffer.data(), got) != CE_None) {
            CPLCloseFileInZip(zip);
            return fail(ErrorCode::WriteFailed, "cannot write the zip (disk full?)", entry,
                        CPLGetLastErrorMsg());
        }
    }
    if (CPLCloseFileInZip(zip) != CE_None) {
        return fail(ErrorCode::WriteFailed, "cannot write the zip (disk full?)", entry,
                    CPLGetLastErrorMsg());
    }
    return {};
}

} // namespace

Result<void> zipFolder(const std::filesystem::path& folder, const std::vector<std::string>& files,
                       const std::filesystem::path& zip) {
    gdal::ErrorCapture errors;
    void* handle = CPLCreateZip(zip.c_str(), nullptr);
    if (handle == nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create the zip", zip.filename().string(),
                    errors.last());
    }
    for (const std::string& file : files) {
        if (auto ok = addFile(handle, folder / file, file); !ok) {
            CPLCloseZip(handle);
            return ok;
        }
    }
    if (CPLCloseZip(handle) != CE_None) {
        return fail(ErrorCode::WriteFailed, "cannot finish the zip (disk full?)",
                    zip.filename().string(), errors.last());
    }
    return {};
}

} // namespace trygg::exporting
