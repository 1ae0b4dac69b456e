// Photos in an export. A photo can identify a person (a face, a car) and its EXIF says where,
// when and with which phone it was taken, so a consultant gets the pixels only (upright,
// re-encoded) and the public gets no photos at all.

#include "export_photos.h"

#include "export_formats.h"
#include "photo_table.h"
#include "project_schema.h"
#include "tryggkarta/io/photo_import.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <set>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

using FeatureKey = std::pair<std::string, std::int64_t>; ///< project layer, feature id

std::string extensionFor(const Photo& photo) {
    return photo.mimeType == "image/png" ? ".png" : ".jpg";
}

/// "photo 7 (IMG_0042.jpg) of observationer feature 12": what a person looks for.
std::string describe(const Photo& photo) {
    return "photo " + std::to_string(toInt(photo.id)) + " (" + photo.fileName + ") of " +
           photo.layer + " feature " + std::to_string(toInt(photo.feature));
}

std::string countText(std::int64_t count) {
    return std::to_string(count) + (count == 1 ? " photo" : " photos");
}

/// The features each table exports, by project layer; hexagon tables export none of their
/// layer's features, so every photo of that layer stays behind.
struct Exported {
    std::map<FeatureKey, const ExportTable*> features;
    std::set<std::string> layers;
};

Exported exportedFeatures(const std::vector<ExportTable>& tables, ExportFormat format) {
    Exported out;
    for (const ExportTable& table : tables) {
        out.layers.insert(table.layer);
        if (table.owned != nullptr || (format == ExportFormat::Gpx && !gpxHolds(table))) {
            continue;
        }
        for (const Feature& feature : table.features) {
            out.features.emplace(FeatureKey{table.layer, toInt(feature.id)}, &table);
        }
    }
    return out;
}

/// Reads photo bytes from memory or from the project file, opened once.
class PhotoBytes {
public:
    explicit PhotoBytes(fs::path source) : m_source(std::move(source)) {}

    Result<std::string> original(const Photo& photo) {
        if (photo.data) {
            return *photo.data;
        }
        if (m_source.empty()) {
            return fail(ErrorCode::NotFound, "its bytes are in a project file that was not named");
        }
        if (!m_file) {
            auto opened = gdal::openProjectFile(m_source, false);
            if (!opened) {
                return std::unexpected(opened.error());
            }
            m_file.emplace(std::move(*opened));
        }
        return gdal::readPhotoBytes(*m_file->dataset, photo.id);
    }

    /// What leaves under `profile`: the original, or pixels without any metadata.
    Result<std::string> forProfile(const Photo& photo, PrivacyProfile profile) {
        auto bytes = original(photo);
        if (!bytes || profile == PrivacyProfile::Internal) {
            return bytes;
        }
        return withoutExif(*bytes);
    }

private:
    fs::path m_source;
    std::optional<gdal::ProjectFile> m_file;
};

fs::path photoSourceOf(const ExportContext& context) {
    return context.options.photoSource.empty() ? context.projectFile : context.options.photoSource;
}

/// Reads each planned photo's bytes for the profile and hands them to `write`; unreadable
/// photos are logged and skipped. Counts progress per photo (re-encoding one takes a while).
template <typename Write> Result<void> forEachPhoto(ExportContext& context, Write&& write) {
    PhotoBytes reader(photoSourceOf(context));
    for (const ExportPhoto& planned : context.photos->photos) {
        auto bytes = reader.forProfile(*planned.photo, context.options.profile);
        if (!bytes) {
            context.report.log.push_back(describe(*planned.photo) + ": cannot be read (" +
                                         bytes.error().describe() + "); left out");
            ++context.report.photosLeftOut;
        } else {
            if (auto ok = write(planned, *bytes); !ok) {
                return ok;
            }
            ++context.report.photosWritten;
        }
        if (auto ok = context.advance(true); !ok) {
            return ok;
        }
    }
    return {};
}

Result<void> writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        return fail(ErrorCode::WriteFailed, "cannot write the photo (disk full?)",
                    file.parent_path().filename().string() + "/" + file.filename().string());
    }
    return {};
}

struct ListRow {
    std::string file;
    std::string layer;
    std::int64_t feature = 0;
    std::string takenAs;
    std::string mime;
};

/// foton.csv through GDAL's CSV driver (quoting as every other CSV of the export).
Result<void> writePhotoList(const std::vector<ListRow>& rows, const fs::path& path) {
    gdal::ErrorCapture errors;
    const std::string where =
        path.parent_path().filename().string() + "/" + std::string(kPhotoList);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("CSV");
    GDALDatasetUniquePtr dataset(
        driver == nullptr ? nullptr : driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    const char* options[] = {"WRITE_BOM=YES", nullptr}; // Excel then reads UTF-8
    OGRLayer* layer = dataset == nullptr ? nullptr
                                         : dataset->CreateLayer("foton", nullptr, wkbNone,
                                                                const_cast<char**>(options));
    const std::pair<const char*, OGRFieldType> columns[] = {{"fil", OFTString},
                                                            {"lager", OFTString},
                                                            {"id", OFTInteger64},
                                                            {"filnamn", OFTString},
                                                            {"mime", OFTString}};
    for (const auto& [name, type] : columns) {
        OGRFieldDefn defn(name, type);
        if (layer == nullptr || layer->CreateField(&defn) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot create the list of photos", where,
                        errors.last());
        }
    }
    OGRFeatureUniquePtr out(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    for (const ListRow& row : rows) {
        out->SetField(0, row.file.c_str());
        out->SetField(1, row.layer.c_str());
        out->SetField(2, static_cast<GIntBig>(row.feature));
        out->SetField(3, row.takenAs.c_str());
        out->SetField(4, row.mime.c_str());
        out->SetFID(OGRNullFID);
        if (layer->CreateFeature(out.get()) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot write the list of photos", where,
                        errors.last());
        }
    }
    return gdal::close(std::move(dataset), path);
}

/// The name a photo had when taken goes out for internal use only: a phone names a photo by
/// its time of capture ("IMG_20241005_213015.jpg"), and people name photos after people.
std::string takenAsFor(const Photo& photo, PrivacyProfile profile) {
    return profile == PrivacyProfile::Internal ? photo.fileName : std::string();
}

} // namespace

PhotoPlan planPhotos(const Project& project, const std::vector<ExportTable>& tables,
                     const ExportOptions& options, std::vector<std::string>& log) {
    PhotoPlan plan;
    const Exported exported = exportedFeatures(tables, options.format);
    std::map<FeatureKey, int> perFeature;
    std::map<std::string, std::int64_t> notExported; // per layer
    for (const Photo& photo : project.photos) {
        if (exported.layers.count(photo.layer) == 0) {
            continue;
        }
        const FeatureKey key{photo.layer, toInt(photo.feature)};
        const auto table = exported.features.find(key);
        if (options.profile == PrivacyProfile::Public || !options.photos) {
            ++plan.leftOut;
        } else if (table == exported.features.end()) {
            ++notExported[photo.layer];
        } else {
            const std::string& name = table->second->source.table;
            plan.photos.push_back(ExportPhoto{&photo, name,
                                              name + "_" + std::to_string(key.second) + "_" +
                                                  std::to_string(++perFeature[key]) +
                                                  extensionFor(photo)});
        }
    }
    if (plan.leftOut > 0) {
        log.push_back(countText(plan.leftOut) + " left out: " +
                      (options.profile == PrivacyProfile::Public
                           ? "no photos under profile public (a photo can identify a person)"
                           : "photos were not asked for"));
    }
    for (const auto& [layer, count] : notExported) {
        log.push_back(layer + ": " + countText(count) + " of features not in this export left out");
    }
    if (!plan.photos.empty() && options.profile == PrivacyProfile::Consultant) {
        log.push_back("photos: EXIF and all other metadata (GPS position, camera, time) removed, "
                      "pixels turned upright; names as taken left out");
    }
    return plan;
}

void PhotoLinks::add(const std::string& table, FeatureId feature, const std::string& path) {
    std::string& links = m_links[{table, toInt(feature)}];
    links += (links.empty() ? "" : "; ") + path;
}

const std::string* PhotoLinks::of(const std::string& table, FeatureId feature) const {
    auto found = m_links.find({table, toInt(feature)});
    return found == m_links.end() ? nullptr : &found->second;
}

bool PhotoLinks::has(const std::string& table) const {
    auto found = m_links.lower_bound({table, std::numeric_limits<std::int64_t>::min()});
    return found != m_links.end() && found->first.first == table;
}

fs::path photoFolderBeside(const fs::path& output) {
    return output.parent_path() / (output.stem().string() + "_" + std::string(kPhotoFolder));
}

Result<PhotoLinks> writePhotoFolder(const fs::path& folder, const std::string& linkPrefix,
                                    ExportContext& context) {
    std::error_code ec;
    if (!fs::create_directory(folder, ec)) {
        return fail(ErrorCode::WriteFailed, "cannot create the photo folder",
                    folder.filename().string(), ec.message());
    }
    PhotoLinks links;
    std::vector<ListRow> rows;
    const PrivacyProfile profile = context.options.profile;
    auto written = forEachPhoto(
        context, [&](const ExportPhoto& planned, const std::string& bytes) -> Result<void> {
            if (auto ok = writeBytes(folder / planned.name, bytes); !ok) {
                return ok;
            }
            const Photo& photo = *planned.photo;
            links.add(planned.table, photo.feature, linkPrefix + planned.name);
            rows.push_back(ListRow{planned.name, planned.table, toInt(photo.feature),
                                   takenAsFor(photo, profile), photo.mimeType});
            return {};
        });
    if (!written) {
        return std::unexpected(written.error());
    }
    if (auto ok = writePhotoList(rows, folder / std::string(kPhotoList)); !ok) {
        return std::unexpected(ok.error());
    }
    return links;
}

Result<void> writePhotoTable(GDALDataset& dataset, ExportContext& context) {
    if (auto ok = gdal::ensurePhotoTable(dataset); !ok) {
        return ok;
    }
    const PrivacyProfile profile = context.options.profile;
    return forEachPhoto(context,
                        [&](const ExportPhoto& planned, const std::string& bytes) -> Result<void> {
                            Photo out = *planned.photo;
                            if (profile != PrivacyProfile::Internal) {
                                // What withoutExif left: upright pixels, nothing about where, when
                                // or how.
                                out.fileName = planned.name;
                                out.takenAt.reset();
                                out.position.reset();
                                out.orientation = 1;
                            }
                            out.byteSize = static_cast<std::int64_t>(bytes.size());
                            return gdal::writePhoto(dataset, out, bytes);
                        });
}

std::string fittedLinks(const std::string& links, std::size_t maxBytes, bool& cut) {
    cut = maxBytes > 0 && links.size() > maxBytes;
    if (!cut) {
        return links;
    }
    // Whole paths only: half a file name links to nothing.
    const std::size_t end = links.rfind("; ", maxBytes);
    return end == std::string::npos ? std::string() : links.substr(0, end);
}

} // namespace trygg::exporting
