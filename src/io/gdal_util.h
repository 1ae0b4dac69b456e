#pragma once
// Private helpers around GDAL: error capture, spatial references, dataset opening.
// GDAL types never appear in public headers.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace trygg::gdal {

/// Collects GDAL's warnings and errors raised on this thread while it lives, so they can be
/// attached to an Error::detail instead of being printed to stderr.
class ErrorCapture {
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    /// The last error (or warning, when there was no error), "" when GDAL said nothing.
    [[nodiscard]] std::string last() const;
    void clear();

private:
    static void handler(CPLErr level, CPLErrorNum number, const char* message);
    std::string m_lastError;
    std::string m_lastWarning;
};

struct SrsDeleter {
    void operator()(OGRSpatialReference* srs) const { srs->Release(); }
};
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsDeleter>;

/// A spatial reference for the CRS, x = easting/longitude.
Result<SrsPtr> makeSrs(const Crs& crs);

/// Our Crs for a GDAL spatial reference: the EPSG code when it has one, else its WKT.
Crs crsFromSrs(const OGRSpatialReference& srs);

/// Opens a vector dataset read-only (or for update), with the error naming the file.
Result<GDALDatasetUniquePtr> openVector(const std::filesystem::path& path, bool update,
                                        const std::vector<std::string>& openOptions = {});

/// Closes a dataset explicitly, so failures of the final flush are reported.
Result<void> close(GDALDatasetUniquePtr dataset, const std::filesystem::path& path);

/// A temporary file beside `target`, so the final rename stays on one file system.
std::filesystem::path temporaryBeside(const std::filesystem::path& target);

/// Removes a temporary file and the side files GDAL or SQLite may have made for it
/// (-journal, -wal, -shm, .aux.xml); errors are ignored.
void removeQuietly(const std::filesystem::path& temporary);

/// Renames a finished temporary file over `target` (atomic on one file system); on failure
/// removes it and says so, naming the target.
Result<void> moveIntoPlace(const std::filesystem::path& temporary,
                           const std::filesystem::path& target);

/// A NULL-terminated char* list for GDAL from strings that outlive it: pass a named vector,
/// never a temporary (its strings would be gone before GDAL reads them).
class StringList {
public:
    explicit StringList(const std::vector<std::string>& items);
    char** get() { return m_pointers.data(); }

private:
    std::vector<char*> m_pointers;
};

/// Creates an empty vector file with `driver` (nothing happens for a null driver) and
/// `options`. On failure the error says `what` ("cannot create shapefile"), names `shown`
/// and carries GDAL's own words.
Result<GDALDatasetUniquePtr> createVectorFile(GDALDriver* driver, const std::filesystem::path& path,
                                              const std::string& what, const std::string& shown,
                                              const std::vector<std::string>& options = {});
/// The same with the driver named ("ESRI Shapefile", "GPKG", "CSV", ...).
Result<GDALDatasetUniquePtr> createVectorFile(const char* driverName,
                                              const std::filesystem::path& path,
                                              const std::string& what, const std::string& shown,
                                              const std::vector<std::string>& options = {});

/// "file.gpkg" for messages: the file name, not the whole path; for a database connection
/// "database NAME on HOST:PORT" (never its password).
std::string displayName(const std::filesystem::path& path);

/// Whether a project location is a PostgreSQL connection ("PG:...") rather than a file.
bool isDatabaseLocation(const std::filesystem::path& location);

/// The value of `key` in a libpq "key=value key=value" connection string, "" when absent.
std::string connectionValue(const std::string& connection, const std::string& key);

} // namespace trygg::gdal
