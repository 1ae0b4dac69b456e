#include "tryggkarta/io/photo_folder_import.h"

#include "tryggkarta/core/defaults.h"
#include "tryggkarta/core/hit_test.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/photo_import.h"
#include "tryggkarta/io/plausible_area.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace trygg {
namespace {

namespace fs = std::filesystem;

/// The regular files of the folder, by path, so the listing is the same on every run.
Result<std::vector<fs::path>> listFiles(const fs::path& folder, bool recursive) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return fail(ErrorCode::OpenFailed, "not a folder", folder.string(), ec.message());
    }
    std::vector<fs::path> files;
    auto collect = [&](auto iterator) -> Result<void> {
        for (auto it = iterator; it != decltype(iterator){}; it.increment(ec)) {
            if (ec) {
                break;
            }
            if (it->is_regular_file(ec)) {
                files.push_back(it->path());
            }
        }
        if (ec) {
            return fail(ErrorCode::OpenFailed, "cannot list the folder", folder.string(),
                        ec.message());
        }
        return {};
    };
    auto listed = recursive ? collect(fs::recursive_directory_iterator(folder, ec))
                            : collect(fs::directory_iterator(folder, ec));
    if (!listed) {
        return std::unexpected(listed.error());
    }
    std::ranges::sort(files);
    return files;
}

/// Reads one file and judges it; `area` is where a position may lie, in the project CRS.
FolderPhoto readOne(const fs::path& file, const fs::path& folder,
                    const CoordinateTransform& toProject, const Box& area) {
    FolderPhoto entry;
    entry.file = file;
    entry.name = file.lexically_relative(folder).generic_string();
    auto skip = [&](SkipReason reason, std::string detail) {
        entry.skipReason = reason;
        entry.detail = entry.name + ": " + std::move(detail);
        entry.photo = Photo{};
        return entry;
    };
    auto photo = readPhotoFile(file);
    if (!photo) {
        const bool format = photo.error().code == ErrorCode::InvalidFormat;
        return skip(format ? SkipReason::NotAPhoto : SkipReason::Unreadable, photo.error().message);
    }
    entry.takenAt = photo->takenAt;
    entry.photo = std::move(*photo);
    if (!entry.photo.position) {
        return skip(SkipReason::NoPosition, "the photo has no GPS position");
    }
    const Point lonLat = *entry.photo.position;
    auto position = toProject.apply(lonLat);
    if (!position || !bg::covered_by(*position, area)) {
        char where[96];
        std::snprintf(where, sizeof where, "(%.5f N, %.5f E)", lonLat.y(), lonLat.x());
        return skip(SkipReason::OutsideSweden, std::string("taken far outside Sweden ") + where);
    }
    entry.position = *position;
    entry.plan = PhotoPlan::NewObservation;
    return entry;
}

/// Photos by time (those without one last), then by name; skipped files after them, by name
/// (the listing's order, which the stable sort keeps).
void sortForNumbering(std::vector<FolderPhoto>& photos) {
    std::ranges::stable_sort(photos, [](const FolderPhoto& a, const FolderPhoto& b) {
        auto key = [](const FolderPhoto& p) {
            const bool skipped = p.plan == PhotoPlan::Skip;
            return std::tuple(skipped, skipped || !p.takenAt, skipped ? std::nullopt : p.takenAt);
        };
        return key(a) < key(b);
    });
}

/// The code a coded field takes for `input` (code or label), `fallback` when it is empty.
Result<std::string> codeFor(const LayerDef& layer, std::string_view field, const std::string& input,
                            std::string_view fallback) {
    const FieldDef* def = layer.field(field);
    if (def == nullptr) {
        return fail(ErrorCode::NotFound, "no field '" + std::string(field) + "'", layer.table);
    }
    if (input.empty()) {
        return std::string(fallback);
    }
    if (auto code = def->matchCode(input)) {
        return *code;
    }
    std::string codes;
    for (const CodedValue& value : def->values) {
        codes += (codes.empty() ? "" : ", ") + value.code;
    }
    return fail(ErrorCode::InvalidValue, "unknown value '" + input + "' (one of: " + codes + ")",
                layer.table + ", field '" + std::string(field) + "'");
}

/// The values every new observation of this import shares, by field name.
struct SharedValues {
    std::string category;
    std::string polarity;
};

Feature observationFrom(const LayerDef& layer, const FolderPhoto& photo, const SharedValues& shared,
                        const PhotoFolderOptions& options) {
    DefaultContext context;
    context.now = photo.takenAt.value_or(DateTime{});
    context.latitude = photo.photo.position->y();
    context.longitude = photo.photo.position->x();
    Feature feature;
    feature.geometry = *photo.position;
    feature.values = defaultValues(layer, context);
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        // Defaults of the moment would otherwise take the placeholder time above.
        const auto kind = layer.fields[i].defaultRule.kind;
        if (!photo.takenAt &&
            (kind == FieldDefault::Kind::Now || kind == FieldDefault::Kind::LightCondition)) {
            feature.values[i] = std::monostate{};
        }
    }
    auto set = [&](std::string_view field, Value value) {
        if (auto index = layer.fieldIndex(field)) {
            feature.values[*index] = std::move(value);
        }
    };
    set("kategori", shared.category);
    set("polaritet", shared.polarity);
    set("kalla", std::string(kPhotoSource));
    if (photo.takenAt) {
        set("tidpunkt", *photo.takenAt);
    }
    if (options.fileNameInDescription) {
        set("beskrivn", photo.photo.fileName);
    }
    return feature;
}

/// Puts the planned photos and new observations into `project` and lists the changes;
/// each FolderPhoto learns the id of the observation it went to.
void addToProject(Project& project, Layer& observations, std::vector<FolderPhoto>& photos,
                  std::vector<Feature> features, ChangeSet& changes) {
    std::size_t next = 0;
    for (FolderPhoto& entry : photos) {
        if (entry.plan == PhotoPlan::Skip) {
            continue;
        }
        if (entry.plan == PhotoPlan::NewObservation) {
            entry.observation = observations.add(std::move(features[next++]));
            changes.markWritten(observations.name(), entry.observation);
        }
        Photo photo = entry.photo;
        photo.id = nextPhotoId(project.photos);
        photo.layer = observations.name();
        photo.feature = entry.observation;
        changes.markPhotoWritten(photo.id);
        project.photos.push_back(std::move(photo));
    }
}

} // namespace

Result<std::vector<FolderPhoto>> readPhotoFolder(const fs::path& folder, bool recursive,
                                                 const Crs& projectCrs, Progress& progress) {
    auto files = listFiles(folder, recursive);
    if (!files) {
        return std::unexpected(files.error());
    }
    auto toProject = CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84), projectCrs);
    auto area = plausibleArea(projectCrs);
    if (!toProject || !area) {
        return std::unexpected(!toProject ? toProject.error() : area.error());
    }
    progress.setStage("photos");
    std::vector<FolderPhoto> photos;
    photos.reserve(files->size());
    for (const fs::path& file : *files) {
        progress.update(photos.size(), files->size());
        if (progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "reading the photos was cancelled", folder.string());
        }
        photos.push_back(readOne(file, folder, *toProject, *area));
    }
    progress.update(photos.size(), files->size());
    sortForNumbering(photos);
    return photos;
}

void planAttachments(std::vector<FolderPhoto>& photos, const Layer& observations,
                     std::optional<double> within) {
    for (FolderPhoto& entry : photos) {
        if (entry.plan == PhotoPlan::Skip) {
            continue;
        }
        entry.plan = PhotoPlan::NewObservation;
        entry.observation = kNoFeatureId;
        entry.distance = 0.0;
        if (!within || !(*within > 0.0)) {
            continue;
        }
        auto near = featuresNear(observations, *entry.position, *within);
        if (!near.empty()) {
            entry.plan = PhotoPlan::AttachToExisting;
            entry.observation = near.front().id;
            entry.distance = near.front().distance;
        }
    }
}

Result<std::vector<Feature>> newObservations(const LayerDef& observations,
                                             const std::vector<FolderPhoto>& photos,
                                             const PhotoFolderOptions& options) {
    auto category = codeFor(observations, "kategori", options.category, kPhotoCategory);
    auto polarity = codeFor(observations, "polaritet", options.polarity, kPhotoPolarity);
    if (!category || !polarity) {
        return std::unexpected(!category ? category.error() : polarity.error());
    }
    const SharedValues shared{*category, *polarity};
    std::vector<Feature> features;
    for (const FolderPhoto& entry : photos) {
        if (entry.plan == PhotoPlan::NewObservation) {
            features.push_back(observationFrom(observations, entry, shared, options));
        }
    }
    return features;
}

std::size_t countPlanned(const std::vector<FolderPhoto>& photos, PhotoPlan plan) {
    return static_cast<std::size_t>(
        std::ranges::count(photos, plan, [](const FolderPhoto& p) { return p.plan; }));
}

Result<std::vector<FolderPhoto>>
importPhotoFolder(const fs::path& projectPath, const LayerCatalog& catalog, const fs::path& folder,
                  const PhotoFolderOptions& options, Progress& progress) {
    const LayerDef* definition = catalog.find(kObservationLayer);
    if (definition == nullptr) {
        return fail(ErrorCode::NotFound, "the layer definitions have no observation layer",
                    catalog.directory.string());
    }
    // Checked before any photo is read: a typo in the category should not cost a long wait.
    if (auto checked = newObservations(*definition, {}, options); !checked) {
        return std::unexpected(checked.error());
    }
    auto project = openProject(projectPath, catalog);
    if (!project) {
        return std::unexpected(project.error());
    }
    Layer* observations = project->layer(kObservationLayer);
    if (observations == nullptr) {
        return fail(ErrorCode::NotFound, "the project has no observation layer",
                    projectPath.string());
    }
    auto photos = readPhotoFolder(folder, options.recursive, project->crs, progress);
    if (!photos) {
        return std::unexpected(photos.error());
    }
    planAttachments(*photos, *observations, options.attachWithin);
    auto features = newObservations(observations->definition(), *photos, options);
    if (!features) {
        return std::unexpected(features.error());
    }
    ChangeSet changes;
    addToProject(*project, *observations, *photos, std::move(*features), changes);
    if (progress.isCancelled()) {
        return fail(ErrorCode::Cancelled, "import cancelled; nothing was imported",
                    projectPath.string());
    }
    progress.setStage("save");
    // A folder with nothing to import leaves the project file as it was, byte for byte.
    if (auto saved = changes.empty() ? Result<void>{} : saveChanges(projectPath, *project, changes); !saved) {
        return std::unexpected(saved.error());
    }
    for (FolderPhoto& entry : *photos) {
        entry.photo.data.reset(); // the bytes are in the project now
    }
    return photos;
}

} // namespace trygg
