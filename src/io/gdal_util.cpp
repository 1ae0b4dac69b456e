#include "gdal_util.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include <cpl_error.h>

namespace trygg::gdal {

ErrorCapture::ErrorCapture() { CPLPushErrorHandlerEx(&ErrorCapture::handler, this); }

ErrorCapture::~ErrorCapture() { CPLPopErrorHandler(); }

void ErrorCapture::handler(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self == nullptr || message == nullptr) {
        return;
    }
    if (level >= CE_Failure) {
        self->m_lastError = message;
    } else if (level == CE_Warning) {
        self->m_lastWarning = message;
    }
}

std::string ErrorCapture::last() const { return m_lastError.empty() ? m_lastWarning : m_lastError; }

void ErrorCapture::clear() {
    m_lastError.clear();
    m_lastWarning.clear();
}

Result<GDALDatasetUniquePtr> createVectorFile(GDALDriver* driver, const std::filesystem::path& path,
                                              const std::string& what, const std::string& shown,
                                              const std::vector<std::string>& options) {
    ErrorCapture errors;
    StringList list(options);
    GDALDatasetUniquePtr dataset(
        driver == nullptr ? nullptr
                          : driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, list.get()));
    if (!dataset) {
        return fail(ErrorCode::WriteFailed, what, shown, errors.last());
    }
    return dataset;
}

Result<GDALDatasetUniquePtr> createVectorFile(const char* driverName,
                                              const std::filesystem::path& path,
                                              const std::string& what, const std::string& shown,
                                              const std::vector<std::string>& options) {
    return createVectorFile(GetGDALDriverManager()->GetDriverByName(driverName), path, what, shown,
                            options);
}

Result<SrsPtr> makeSrs(const Crs& crs) {
    ErrorCapture errors;
    SrsPtr srs(new OGRSpatialReference());
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRErr err = crs.epsg > 0 ? srs->importFromEPSG(crs.epsg) : srs->SetFromUserInput(crs.wkt.c_str());
    if (err != OGRERR_NONE) {
        return fail(ErrorCode::CrsUnknown, "unknown coordinate reference system", crs.identifier(),
                    errors.last());
    }
    return srs;
}

Crs crsFromSrs(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr && std::string_view(authority) == "EPSG") {
        return Crs::fromEpsg(std::atoi(code));
    }
    // Shapefile .prj files often carry an ESRI WKT without authority; ask PROJ for a match.
    OGRSpatialReference copy(srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
        authority = copy.GetAuthorityName(nullptr);
        code = copy.GetAuthorityCode(nullptr);
        if (authority != nullptr && code != nullptr && std::string_view(authority) == "EPSG") {
            return Crs::fromEpsg(std::atoi(code));
        }
    }
    int matches = 0;
    int* confidences = nullptr;
    OGRSpatialReferenceH* found = copy.FindMatches(nullptr, &matches, &confidences);
    Crs result;
    // PROJ rates matches 0-100; below 70 it is a guess, and we never guess a CRS silently.
    if (found != nullptr && matches > 0 && confidences[0] >= 70) {
        auto* best = OGRSpatialReference::FromHandle(found[0]);
        const char* bestAuth = best->GetAuthorityName(nullptr);
        const char* bestCode = best->GetAuthorityCode(nullptr);
        if (bestAuth != nullptr && bestCode != nullptr && std::string_view(bestAuth) == "EPSG") {
            result = Crs::fromEpsg(std::atoi(bestCode));
        }
    }
    OSRFreeSRSArray(found);
    CPLFree(confidences);
    if (result.isValid()) {
        return result;
    }
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2018", nullptr};
    srs.exportToWkt(&wkt, options);
    result.wkt = wkt != nullptr ? wkt : "";
    CPLFree(wkt);
    return result;
}

Result<GDALDatasetUniquePtr> openVector(const std::filesystem::path& path, bool update,
                                        const std::vector<std::string>& openOptions) {
    std::error_code ec;
    if (!isDatabaseLocation(path) && !std::filesystem::exists(path, ec)) {
        return fail(ErrorCode::OpenFailed, "file not found", path.string());
    }
    ErrorCapture errors;
    StringList options(openOptions);
    unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), flags, nullptr, options.get(), nullptr));
    if (!dataset) {
        return fail(ErrorCode::OpenFailed,
                    update ? "cannot open for writing (not a readable vector file, or read-only)"
                           : "cannot read: not a vector format GDAL knows, or a damaged file",
                    isDatabaseLocation(path) ? displayName(path) : path.string(), errors.last());
    }
    return dataset;
}

Result<void> close(GDALDatasetUniquePtr dataset, const std::filesystem::path& path) {
    ErrorCapture errors;
    CPLErrorReset();
    GDALClose(GDALDataset::ToHandle(dataset.release()));
    if (CPLGetLastErrorType() >= CE_Failure) {
        return fail(ErrorCode::WriteFailed, "writing failed when the file was closed",
                    path.string(), errors.last());
    }
    return {};
}

StringList::StringList(const std::vector<std::string>& items) {
    m_pointers.reserve(items.size() + 1);
    for (const auto& item : items) {
        m_pointers.push_back(const_cast<char*>(item.c_str()));
    }
    m_pointers.push_back(nullptr);
}

bool isDatabaseLocation(const std::filesystem::path& location) {
    return location.native().starts_with("PG:");
}

std::string connectionValue(const std::string& connection, const std::string& key) {
    std::size_t at = 0;
    while ((at = connection.find(key + "=", at)) != std::string::npos) {
        if (at == 0 || connection[at - 1] == ' ' || connection[at - 1] == ':') {
            std::size_t start = at + key.size() + 1;
            return connection.substr(start, connection.find(' ', start) - start);
        }
        at += key.size();
    }
    return {};
}

std::string displayName(const std::filesystem::path& path) {
    if (!isDatabaseLocation(path)) {
        return path.filename().string();
    }
    const std::string& text = path.native();
    std::string host = connectionValue(text, "host");
    std::string port = connectionValue(text, "port");
    return "database " + connectionValue(text, "dbname") + " on " +
           (host.empty() ? "localhost" : host) + (port.empty() ? "" : ":" + port);
}

std::filesystem::path temporaryBeside(const std::filesystem::path& target) {
    return target.parent_path() /
           (target.filename().string() + ".tmp-" + std::to_string(::getpid()));
}

void removeQuietly(const std::filesystem::path& temporary) {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm", ".aux.xml"}) {
        std::filesystem::remove(temporary.string() + suffix, ignored);
    }
}

namespace {

/// fsync of a file or folder: a rename is only as durable as the data it points to, and as
/// the folder entry that records it (a flat battery must not leave an empty project file).
bool syncToDisk(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

} // namespace

Result<void> moveIntoPlace(const std::filesystem::path& temporary,
                           const std::filesystem::path& target) {
    std::error_code ec;
    if (!syncToDisk(temporary)) {
        ec = std::error_code(errno, std::generic_category());
    } else {
        std::filesystem::rename(temporary, target, ec);
    }
    if (ec) {
        removeQuietly(temporary);
        return fail(ErrorCode::WriteFailed, "cannot move the new file into place", target.string(),
                    ec.message());
    }
    const auto folder = target.parent_path();
    syncToDisk(folder.empty() ? std::filesystem::path(".") : folder); // best effort: it is in place
    return {};
}

} // namespace trygg::gdal
