#pragma once
// Photos in an export: which photos go with it (those of exported features, never under
// profile public), with which bytes (the original for internal use, without EXIF for a
// consultant), under which stable file names, and the link text each feature carries to
// them. Private to trygg_io.

#include "export_plan.h"

#include <cstdint>
#include <filesystem>
#include <gdal_priv.h>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg::exporting {

struct ExportContext;

/// The folder of photo files in a folder or zip package.
inline constexpr std::string_view kPhotoFolder = "foton";
/// The column that lists a feature's photo files, relative to the table's file.
inline constexpr std::string_view kPhotoColumn = "foton";
/// The list of photos (file, layer, feature id, name as taken), inside the photo folder.
inline constexpr std::string_view kPhotoList = "foton.csv";

/// One photo that goes with an export.
struct ExportPhoto {
    const Photo* photo = nullptr;
    std::string table; ///< the exported table of its feature ("observationer")
    std::string name;  ///< its file in the photo folder: "observationer_12_1.jpg"
};

/// The photos an export takes along, decided before anything is written.
struct PhotoPlan {
    std::vector<ExportPhoto> photos;
    /// Photos of exported layers that stay behind (profile public, photos not asked for);
    /// the log says why.
    std::int64_t leftOut = 0;
};

/// The photos of the features in `tables`, numbered per feature in the order they were
/// added; under profile public or without `options.photos`, none (the log says so).
PhotoPlan planPhotos(const Project& project, const std::vector<ExportTable>& tables,
                     const ExportOptions& options, std::vector<std::string>& log);

/// The photo files of each exported feature, as its link column shows them.
class PhotoLinks {
public:
    void add(const std::string& table, FeatureId feature, const std::string& path);
    /// "foton/observationer_12_1.jpg; foton/observationer_12_2.jpg"; null without photos.
    [[nodiscard]] const std::string* of(const std::string& table, FeatureId feature) const;
    /// Whether any feature of `table` has a photo: only then does it get a link column.
    [[nodiscard]] bool has(const std::string& table) const;
    [[nodiscard]] bool empty() const { return m_links.empty(); }

private:
    std::map<std::pair<std::string, std::int64_t>, std::string> m_links;
};

/// The folder of photos beside a one-file export (KML, GPX, DXF): "plan_foton" beside
/// "plan.kml", so that two exports in one folder never share their photos.
std::filesystem::path photoFolderBeside(const std::filesystem::path& output);

/// Writes the planned photos and foton.csv into `folder` (created) and returns the links,
/// each path starting with `linkPrefix` ("foton/"). A photo whose bytes cannot be read is
/// left out and noted in the log, naming the photo and its feature.
Result<PhotoLinks> writePhotoFolder(const std::filesystem::path& folder,
                                    const std::string& linkPrefix, ExportContext& context);

/// Writes the planned photos into the GeoPackage's trygg_foto, the table a project keeps
/// its photos in (so the export also opens in Tryggkarta as a project with its photos).
Result<void> writePhotoTable(GDALDataset& dataset, ExportContext& context);

/// "; "-separated link text cut to at most `maxBytes` at a whole entry (0: never cut);
/// `cut` tells whether entries were dropped.
std::string fittedLinks(const std::string& links, std::size_t maxBytes, bool& cut);

} // namespace trygg::exporting
