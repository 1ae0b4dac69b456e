#include "tryggkarta/io/export.h"

#include "export_formats.h"

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

/// Whether an existing output may be replaced: a file by a file, and a folder by a folder only
/// when it holds nothing but files an export writes, so that a mistyped path never deletes
/// someone's folder.
bool mayReplace(const fs::path& output, const ExportOptions& options) {
    std::error_code ec;
    if (!writesFolder(options)) {
        return fs::is_regular_file(output, ec);
    }
    if (!fs::is_directory(output, ec)) {
        return false;
    }
    static const std::vector<std::string> written{".shp", ".shx", ".dbf",     ".prj",
                                                  ".cpg", ".csv", ".geojson", ".txt"};
    for (const auto& entry : fs::directory_iterator(output, ec)) {
        const std::string extension = entry.path().extension().string();
        if (!entry.is_regular_file() ||
            std::find(written.begin(), written.end(), extension) == written.end()) {
            return false;
        }
    }
    return !ec;
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
    return {};
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

std::vector<std::string> filesIn(const fs::path& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path().filename().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// Writes the export into `staging` (a folder, or the GeoPackage file) and returns what is
/// to be renamed into place: `staging` itself, or the zip made of it.
Result<fs::path> writeStaged(const std::vector<ExportTable>& tables, const fs::path& staging,
                             const fs::path& output, ExportContext& context) {
    const ExportOptions& options = context.options;
    if (isOneFile(options.format)) {
        Result<void> written = options.format == ExportFormat::GeoPackage
                                   ? writeGeoPackage(tables, staging, context)
                               : options.format == ExportFormat::Kml ? writeKml(tables, staging, context)
                               : options.format == ExportFormat::Gpx ? writeGpx(tables, staging, context)
                                                                     : writeDxf(tables, staging, context);
        if (!written) {
            return std::unexpected(written.error());
        }
        context.report.files = {output.filename().string()};
        return staging;
    }
    std::error_code ec;
    if (!fs::create_directory(staging, ec)) {
        return fail(ErrorCode::WriteFailed, "cannot create a folder beside the output",
                    staging.string(), ec.message());
    }
    Result<void> written =
        options.format == ExportFormat::Shapefile ? writeShapefilePackage(tables, staging, context)
        : options.format == ExportFormat::GeoJson ? writeGeoJson(tables, staging, context)
                                                  : writeCsv(tables, staging, context);
    if (!written) {
        return std::unexpected(written.error());
    }
    context.report.files = filesIn(staging);
    if (!options.zip) {
        return staging;
    }
    const fs::path zip = besideTarget(output, "zip");
    if (auto ok = zipFolder(staging, context.report.files, zip); !ok) {
        removeQuietly(zip);
        return std::unexpected(ok.error());
    }
    removeQuietly(staging);
    return zip;
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
    ExportContext context{
        options,  projectFile, project.crs, targetCrs(project, options, report.log),
        progress, report,      0,           0};
    for (const ExportTable& table : *tables) {
        context.total += table.features.size();
    }
    progress.setStage("export");
    // The staging file keeps the output's extension: LIBKML picks KML or KMZ (or a folder)
    // by it.
    fs::path staging = besideTarget(output, "tmp");
    if (isOneFile(options.format) && options.format != ExportFormat::GeoPackage) {
        staging += output.extension();
    }
    removeQuietly(staging);
    auto finished = writeStaged(*tables, staging, output, context);
    if (finished && progress.isCancelled()) {
        removeQuietly(*finished);
        finished =
            fail(ErrorCode::Cancelled, "export cancelled; nothing was written", output.string());
    }
    if (!finished) {
        removeQuietly(staging);
        return std::unexpected(finished.error());
    }
    if (auto moved = moveIntoPlace(*finished, output); !moved) {
        removeQuietly(*finished);
        return std::unexpected(moved.error());
    }
    progress.update(context.total, context.total);
    return report;
}

} // namespace trygg
