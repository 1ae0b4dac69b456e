#include "project_photos.h"

#include "gdal_util.h"
#include "photo_table.h"
#include "project_schema.h"
#include "tryggkarta/io/project_store.h"

#include <optional>

namespace trygg::gdal {
namespace {

namespace fs = std::filesystem;

std::string describe(const Photo& photo) {
    return std::string(kPhotoTable) + ": photo " + std::to_string(toInt(photo.id)) + " of " +
           photo.layer + " feature " + std::to_string(toInt(photo.feature));
}

/// A stored photo always belongs to a feature that exists: an orphan row would silently
/// attach itself to the next feature given the same fid.
Result<void> checkOwner(const Project& project, const Photo& photo) {
    if (photo.id == kNoPhotoId) {
        return fail(ErrorCode::Usage, "a photo has no id (use nextPhotoId)", describe(photo));
    }
    const Layer* layer = project.layer(photo.layer);
    if (layer == nullptr || layer->find(photo.feature) == nullptr) {
        return fail(ErrorCode::Usage, "the photo's feature is not in the project", describe(photo));
    }
    return {};
}

} // namespace

Result<void> applyPhotoChanges(GDALDataset& dataset, const Project& project,
                               const ChangeSet& changes) {
    for (const auto& [name, layerChanges] : changes.layers) {
        if (auto ok = deletePhotosOf(dataset, name, layerChanges.removed, changes.photos.written);
            !ok) {
            return ok;
        }
    }
    for (PhotoId id : changes.photos.removed) {
        if (auto ok = deletePhoto(dataset, id); !ok) {
            return ok;
        }
    }
    for (PhotoId id : changes.photos.written) {
        const Photo* photo = findPhoto(project.photos, id);
        if (photo == nullptr) {
            return fail(ErrorCode::NotFound, "changed photo is missing",
                        std::string(kPhotoTable) + ": photo " + std::to_string(toInt(id)));
        }
        if (auto ok = checkOwner(project, *photo); !ok) {
            return ok;
        }
        if (photo->data) {
            if (auto ok = writePhoto(dataset, *photo, *photo->data); !ok) {
                return ok;
            }
            continue;
        }
        // Only the metadata changed: keep the bytes the file already holds.
        auto stored = readPhotoBytes(dataset, id);
        if (!stored) {
            return fail(ErrorCode::Usage, "a new photo has no image data", describe(*photo));
        }
        if (auto ok = writePhoto(dataset, *photo, *stored); !ok) {
            return ok;
        }
    }
    return {};
}

Result<void> writeAllPhotos(GDALDataset& dataset, const Project& project, const fs::path& source,
                            Progress& progress) {
    if (auto ok = ensurePhotoTable(dataset); !ok) {
        return ok;
    }
    std::optional<ProjectFile> from; // opened on the first photo that needs it
    std::uint64_t done = 0;
    for (const auto& photo : project.photos) {
        if (auto ok = checkOwner(project, photo); !ok) {
            return ok;
        }
        if (photo.data) {
            if (auto ok = writePhoto(dataset, photo, *photo.data); !ok) {
                return ok;
            }
        } else {
            if (source.empty()) {
                return fail(ErrorCode::Usage,
                            "the photo's bytes are in the original project file, which was not "
                            "named",
                            describe(photo));
            }
            if (!from) {
                auto opened = openProjectFile(source, false);
                if (!opened) {
                    return std::unexpected(opened.error());
                }
                from = std::move(*opened);
            }
            auto bytes = readPhotoBytes(*from->dataset, photo.id);
            if (!bytes) {
                Error error = bytes.error();
                error.where = displayName(source) + ": " + error.where;
                return std::unexpected(error);
            }
            if (auto ok = writePhoto(dataset, photo, *bytes); !ok) {
                return ok;
            }
        }
        progress.update(++done, project.photos.size());
        if (progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "saving was cancelled");
        }
    }
    return {};
}

} // namespace trygg::gdal

namespace trygg {

Result<std::string> readPhotoData(const std::filesystem::path& project, PhotoId id) {
    auto opened = gdal::openProjectFile(project, false);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    auto bytes = gdal::readPhotoBytes(*opened->dataset, id);
    if (!bytes) {
        Error error = bytes.error();
        error.where = gdal::displayName(project) + ": " + error.where;
        return std::unexpected(error);
    }
    return bytes;
}

} // namespace trygg
