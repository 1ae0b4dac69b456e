#include "tryggkarta/io/export.h"

#include "export_formats.h"
#include "export_photos.h"

#include <algorithm>
#include <unistd.h>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using namespace exporting;

/// A name beside the target, so the final rename stays on one file system; hidden, so a
/// half-written export is not mistaken for a finished one.
fs::path besideTarget(const fs::path& target, std::string_view tag) {
    return target.parent_path() / ("." + target.filename().string() + "." + std::string(tag) + "-" +
                                   std::to_string(::getpid()));
}

void removeQuietly(const fs::path& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
    for (const char* suffix : {"-journal", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix, ec);
    }
}

fs::path outputPath(const ExportOptions& options) {
    fs::path output = options.output;
    if (options.format == ExportFormat::Shapefile && options.zip && output.extension() != ".zip") {
        output += ".zip";
    }
    return output;
}

/// GeoPackage, KML, GPX and DXF are one file each.
bool isOneFile(ExportFormat format) {
    return format == ExportFormat::GeoPackage || format == ExportFormat::Kml ||
           format == ExportFormat::Gpx || format == ExportFormat::Dxf;
}

bool writesFolder(const ExportOptions& options) {
    return !isOneFile(options.format) && !options.zip;
}

/// KML, GPX and DXF keep their photos in a folder beside the file; a GeoPackage holds them.
bool hasPhotoFolderBeside(ExportFormat format) {
    return isOneFile(format) && format != ExportFormat::GeoPackage;
}

const std::vector<std::string> kPhotoFiles{".jpg", ".png", ".csv"};

/// Whether `folder` holds nothing but files an export writes (with `extensions`) and, when
/// `withPhotoFolder`, a photo folder of such files, so that a mistyped path never deletes
/// someone's folder.
bool holdsOnlyExportFiles(const fs::path& folder, const std::vector<std::string>& extensions,
                          bool withPhotoFolder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return false;
    }
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (withPhotoFolder && entry.is_directory() && entry.path().filename() == kPhotoFolder) {
            if (!holdsOnlyExportFiles(entry.path(), kPhotoFiles, false)) {
                return false;
            }
            continue;
        }
        const std::string extension = entry.path().extension().string();
        if (!entry.is_regular_file() ||
            std::find(extensions.begin(), extensions.end(), extension) == extensions.end()) {
            return false;
        }
    }
    return !ec;
}

/// Whether an existing output may be replaced: a file by a file, and a folder by a folder only
/// when it holds nothing but files an export writes.
bool mayReplace(const fs::path& output, const ExportOptions& options) {
    std::error_code ec;
    if (!writesFolder(options)) {
        return fs::is_regular_file(output, ec);
    }
    static const std::vector<std::string> written{".shp", ".shx", ".dbf",     ".prj",
                                                  ".cpg", ".csv", ".geojson", ".txt"};
    return holdsOnlyExportFiles(output, written, true);
}

/// The photo folder beside a KML, GPX or DXF is replaced with the file (or removed when the
/// new export has no photos: old photos must not stay beside a public export).
Result<void> checkPhotoFolderBeside(const fs::path& output, const ExportOptions& options) {
    std::error_code ec;
    const fs::path photos = photoFolderBeside(output);
    if (!hasPhotoFolderBeside(options.format) || !fs::exists(photos, ec)) {
        return {};
    }
    if (!options.overwrite) {
        return fail(ErrorCode::WriteFailed,
                    "already exists; choose another name or allow overwriting", photos.string());
    }
    if (!holdsOnlyExportFiles(photos, kPhotoFiles, false)) {
        return fail(ErrorCode::WriteFailed,
                    "exists and is not the photo folder of an earlier export; not replaced",
                    photos.string());
    }
    return {};
}

Result<void> checkOptions(const fs::path& projectFile, const fs::path& output,
                          const ExportOptions& options) {
    if (options.output.empty()) {
        return fail(ErrorCode::Usage, "no output given");
    }
    if (options.language != "sv" && options.language != "en") {
        return fail(ErrorCode::Usage, "labels are in Swedish (sv) or English (en)",
                    options.language);
    }
    if (options.zip && options.format != ExportFormat::Shapefile) {
        return fail(ErrorCode::Usage, "only a shapefile package is zipped", output.string());
    }
    std::error_code ec;
    if (fs::exists(projectFile, ec) && fs::equivalent(projectFile, output, ec)) {
        return fail(ErrorCode::Usage,
                    "the export would overwrite the project; choose another output",
                    output.string());
    }
    if (fs::exists(output, ec) && !options.overwrite) {
        return fail(ErrorCode::WriteFailed,
                    "already exists; choose another name or allow overwriting", output.string());
    }
    if (fs::exists(output, ec) && !mayReplace(output, options)) {
        return fail(ErrorCode::WriteFailed,
                    "exists and is not an earlier export of this kind; not replaced",
                    output.string());
    }
    const fs::path parent = output.parent_path().empty() ? fs::path(".") : output.parent_path();
    if (!fs::is_directory(parent, ec)) {
        return fail(ErrorCode::WriteFailed, "the folder to write into does not exist",
                    parent.string());
    }
    return checkPhotoFolderBeside(output, options);
}

Crs targetCrs(const Project& project, const ExportOptions& options, std::vector<std::string>& log) {
    const ExportFormat format = options.format;
    if (format == ExportFormat::GeoJson || format == ExportFormat::Kml ||
        format == ExportFormat::Gpx) {
        if (options.crs && !options.crs->isEpsg(crs::kWgs84)) {
            log.push_back(std::string(format == ExportFormat::GeoJson ? "GeoJSON is always WGS 84 (RFC 7946)"
                                      : format == ExportFormat::Kml   ? "KML is always WGS 84"
                                                                      : "GPX is always WGS 84") +
                          ": " + options.crs->identifier() + " not used");
        }
        return Crs::fromEpsg(crs::kWgs84);
    }
    return options.crs.value_or(project.crs);
}

/// The files under `folder` (its photo folder too), as "prefix/name", sorted.
std::vector<std::string> filesIn(const fs::path& folder, const std::string& prefix = {}) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = prefix + entry.path().filename().string();
        if (entry.is_regular_file()) {
            files.push_back(name);
        } else if (entry.is_directory()) {
            auto inside = filesIn(entry.path(), name + "/");
            files.insert(files.end(), inside.begin(), inside.end());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// What a staged export renames into place.
struct Staged {
    fs::path finished; ///< the file, folder or zip
    fs::path photos;   ///< the photo folder beside a KML, GPX or DXF; empty: none
};

void removeStaged(const Staged& staged) {
    removeQuietly(staged.finished);
    if (!staged.photos.empty()) {
        removeQuietly(staged.photos);
    }
}

/// Writes the photos into `folder`, with links from the features starting `linkPrefix`.
Result<void> writePhotos(const fs::path& folder, const std::string& linkPrefix,
                         ExportContext& context, PhotoLinks& links) {
    auto written = writePhotoFolder(folder, linkPrefix, context);
    if (!written) {
        return std::unexpected(written.error());
    }
    links = std::move(*written);
    context.photoLinks = &links;
    return {};
}

/// A GeoPackage, KML, GPX or DXF at `staging`; KML, GPX and DXF write their photos first, into
/// a folder staged beside `staging`.
Result<Staged> writeOneFile(const std::vector<ExportTable>& tables, const fs::path& staging,
                            const fs::path& output, ExportContext& context) {
    const ExportOptions& options = context.options;
    Staged staged{staging, {}};
    PhotoLinks links;
    if (hasPhotoFolderBeside(options.format) && !context.photos->photos.empty()) {
        staged.photos = besideTarget(photoFolderBeside(output), "tmp");
        removeQuietly(staged.photos);
        const std::string prefix = photoFolderBeside(output).filename().string() + "/";
        if (auto ok = writePhotos(staged.photos, prefix, context, links); !ok) {
            removeStaged(staged);
            return std::unexpected(ok.error());
        }
    }
    Result<void> written =
        options.format == ExportFormat::GeoPackage ? writeGeoPackage(tables, staging, context)
        : options.format == ExportFormat::Kml      ? writeKml(tables, staging, context)
        : options.format == ExportFormat::Gpx      ? writeGpx(tables, staging, context)
                                                   : writeDxf(tables, staging, context);
    context.photoLinks = nullptr;
    if (!written) {
        removeStaged(staged);
        return std::unexpected(written.error());
    }
    context.report.files = {output.filename().string()};
    if (!staged.photos.empty()) {
        auto photos = filesIn(staged.photos, photoFolderBeside(output).filename().string() + "/");
        context.report.files.insert(context.report.files.end(), photos.begin(), photos.end());
    }
    return staged;
}

/// Writes the export into `staging` (a folder, or one file and its photo folder) and returns
/// what is to be renamed into place: `staging` itself, or the zip made of it.
Result<Staged> writeStaged(const std::vector<ExportTable>& tables, const fs::path& staging,
                           const fs::path& output, ExportContext& context) {
    const ExportOptions& options = context.options;
    if (isOneFile(options.format)) {
        return writeOneFile(tables, staging, output, context);
    }
    std::error_code ec;
    if (!fs::create_directory(staging, ec)) {
        return fail(ErrorCode::WriteFailed, "cannot create a folder beside the output",
                    staging.string(), ec.message());
    }
    // Photos first: a feature links only to photos that could be read and written.
    PhotoLinks links;
    if (!context.photos->photos.empty()) {
        const std::string folder(kPhotoFolder);
        if (auto ok = writePhotos(staging / folder, folder + "/", context, links); !ok) {
            return std::unexpected(ok.error());
        }
    }
    Result<void> written =
        options.format == ExportFormat::Shapefile ? writeShapefilePackage(tables, staging, context)
        : options.format == ExportFormat::GeoJson ? writeGeoJson(tables, staging, context)
                                                  : writeCsv(tables, staging, context);
    context.photoLinks = nullptr;
    if (!written) {
        return std::unexpected(written.error());
    }
    context.report.files = filesIn(staging);
    if (!options.zip) {
        return Staged{staging, {}};
    }
    const fs::path zip = besideTarget(output, "zip");
    if (auto ok = zipFolder(staging, context.report.files, zip); !ok) {
        removeQuietly(zip);
        return std::unexpected(ok.error());
    }
    removeQuietly(staging);
    return Staged{zip, {}};
}

/// Renames the finished export over the target; an old folder is moved aside first and
/// removed once the new one is in place.
Result<void> moveIntoPlace(const fs::path& finished, const fs::path& target) {
    std::error_code ec;
    fs::path aside;
    if (fs::is_directory(target, ec)) {
        aside = besideTarget(target, "old");
        fs::rename(target, aside, ec);
        if (ec) {
            return fail(ErrorCode::WriteFailed, "cannot replace the old export", target.string(),
                        ec.message());
        }
    }
    fs::rename(finished, target, ec);
    if (ec) {
        if (!aside.empty()) {
            std::error_code ignored;
            fs::rename(aside, target, ignored);
        }
        return fail(ErrorCode::WriteFailed, "cannot move the export into place", target.string(),
                    ec.message());
    }
    if (!aside.empty()) {
        removeQuietly(aside);
    }
    return {};
}

/// Moves a staged export into place: the photo folder beside a KML, GPX or DXF first (the
/// file links to it), then the export; an old photo folder the new export does not replace
/// is removed with the old file.
Result<void> placeStaged(const Staged& staged, const fs::path& output,
                         const ExportOptions& options) {
    const fs::path photos = photoFolderBeside(output);
    if (!staged.photos.empty()) {
        if (auto moved = moveIntoPlace(staged.photos, photos); !moved) {
            removeStaged(staged);
            return moved;
        }
    }
    if (auto moved = moveIntoPlace(staged.finished, output); !moved) {
        removeQuietly(staged.finished);
        if (!staged.photos.empty()) {
            removeQuietly(photos);
        }
        return moved;
    }
    if (staged.photos.empty() && hasPhotoFolderBeside(options.format)) {
        removeQuietly(photos); // checkOptions made sure it holds an export's photos only
    }
    return {};
}

} // namespace

namespace {

template <typename Enum> struct Named {
    std::string_view name;
    Enum value;
};

constexpr Named<ExportFormat> kFormats[] = {
    {"shp", ExportFormat::Shapefile},       {"gpkg", ExportFormat::GeoPackage},
    {"geojson", ExportFormat::GeoJson},     {"csv", ExportFormat::Csv},
    {"kml", ExportFormat::Kml},             {"gpx", ExportFormat::Gpx},
    {"dxf", ExportFormat::Dxf},
    {"shapefile", ExportFormat::Shapefile}, {"geopackage", ExportFormat::GeoPackage},
    {"json", ExportFormat::GeoJson}};

constexpr Named<PrivacyProfile> kProfiles[] = {{"internal", PrivacyProfile::Internal},
                                               {"consultant", PrivacyProfile::Consultant},
                                               {"public", PrivacyProfile::Public}};

/// The value for a name; the first entry naming a value is its canonical name.
template <typename Enum, std::size_t N>
std::optional<Enum> byName(const Named<Enum> (&table)[N], std::string_view name) {
    for (const auto& entry : table) {
        if (entry.name == name) {
            return entry.value;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view nameOf(const Named<Enum> (&table)[N], Enum value) {
    for (const auto& entry : table) {
        if (entry.value == value) {
            return entry.name;
        }
    }
    return table[0].name;
}

} // namespace

std::optional<ExportFormat> parseExportFormat(std::string_view name) {
    return byName(kFormats, name);
}

std::string_view exportFormatName(ExportFormat format) {
    return nameOf(kFormats, format);
}

std::optional<PrivacyProfile> parsePrivacyProfile(std::string_view name) {
    return byName(kProfiles, name);
}

std::string_view privacyProfileName(PrivacyProfile profile) {
    return nameOf(kProfiles, profile);
}

Result<ExportReport> exportProject(const Project& project, const fs::path& projectFile,
                                   const ExportOptions& options, Progress& progress) {
    const fs::path output = outputPath(options);
    if (auto ok = checkOptions(projectFile, output, options); !ok) {
        return std::unexpected(ok.error());
    }
    ExportReport report;
    report.output = output;
    auto tables = planExport(project, options, report.log);
    if (!tables) {
        return std::unexpected(tables.error());
    }
    const PhotoPlan photos = planPhotos(project, *tables, options, report.log);
    report.photosLeftOut = photos.leftOut;
    ExportContext context{options, projectFile, project.crs, targetCrs(project, options, report.log),
                          progress, report,     0,           0,
                          &photos, nullptr};
    context.total = photos.photos.size();
    for (const ExportTable& table : *tables) {
        context.total += table.features.size();
    }
    progress.setStage("export");
    // The staging file keeps the output's extension: LIBKML picks KML or KMZ (or a folder)
    // by it.
    fs::path staging = besideTarget(output, "tmp");
    if (hasPhotoFolderBeside(options.format)) {
        staging += output.extension();
    }
    removeQuietly(staging);
    auto staged = writeStaged(*tables, staging, output, context);
    if (staged && progress.isCancelled()) {
        removeStaged(*staged);
        staged =
            fail(ErrorCode::Cancelled, "export cancelled; nothing was written", output.string());
    }
    if (!staged) {
        removeQuietly(staging);
        return std::unexpected(staged.error());
    }
    if (auto placed = placeStaged(*staged, output, options); !placed) {
        return std::unexpected(placed.error());
    }
    progress.update(context.total, context.total);
    return report;
}

} // namespace trygg
