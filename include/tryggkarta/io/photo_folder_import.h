#pragma once
// A folder of geotagged photos (from a safety walk, a phone, a camera) becomes observations:
// each photo with a GPS position in Sweden is a new observation at that place with the photo
// attached, or, when asked, is attached to an observation already within a few metres.
// Files that cannot be used are listed with the reason, never dropped without a word.
//
// The steps are separate so the app can read once and re-plan as the user changes options:
// readPhotoFolder (slow: reads every file), planAttachments (cheap), newObservations (cheap).
// importPhotoFolder does all of them and writes to a project file in one transaction.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/photo.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// What the caller decides for an import of a photo folder.
struct PhotoFolderOptions {
    bool recursive = false; ///< also the photos in sub-folders
    std::string category;   ///< kategori (code or label) of new observations; "" = "annat"
    std::string polarity;   ///< polaritet (code or label); "" = "otrygg"
    bool fileNameInDescription = false; ///< the photo's file name as beskrivn of new observations
    /// A photo this close (metres, in the project CRS) to an existing observation is attached
    /// to the nearest one instead of becoming a new observation; nullopt: never.
    std::optional<double> attachWithin;
};

/// kalla of observations made from photos. The value list has no "photo" source; the
/// photos that come as a folder are those taken walking the place, so the safety walk is the
/// source that fits (see kPhotoCategory and kPhotoPolarity for the other defaults).
inline constexpr std::string_view kPhotoSource = "trygghetsvandring";
/// kategori when the caller gives none: a photo alone does not say what the problem is.
inline constexpr std::string_view kPhotoCategory = "annat";
/// polaritet when the caller gives none: photos from a walk document what feels unsafe.
inline constexpr std::string_view kPhotoPolarity = "otrygg";

/// What happens to one file of the folder.
enum class PhotoPlan {
    NewObservation,   ///< a new observation at the photo's position
    AttachToExisting, ///< attached to `FolderPhoto::observation`
    Skip,             ///< not used; `skipReason` says why
};

enum class SkipReason {
    None,
    NotAPhoto,     ///< not a JPEG or PNG image (a text file, a video, a damaged image)
    Unreadable,    ///< cannot be read (permissions, vanished, too large)
    NoPosition,    ///< a photo without a GPS position in its EXIF tags
    OutsideSweden, ///< the GPS position lies far outside Sweden
};

/// One file of the folder and what becomes of it.
struct FolderPhoto {
    std::filesystem::path file;
    std::string name; ///< relative to the folder ("kvall/IMG_0012.jpg"), for lists
    PhotoPlan plan = PhotoPlan::Skip;
    SkipReason skipReason = SkipReason::None;
    std::string detail;              ///< why it was skipped, in English, naming the file
    std::optional<Point> position;   ///< in the project CRS
    std::optional<DateTime> takenAt; ///< EXIF time of capture
    /// The observation it is attached to (AttachToExisting), or, after importPhotoFolder, the
    /// new observation made from it.
    FeatureId observation = kNoFeatureId;
    double distance = 0.0; ///< metres to `observation` when attached
    Photo photo;           ///< bytes and EXIF facts; empty for skipped files
};

/// Reads every file of `folder` (and its sub-folders when `recursive`) as a photo, with its
/// position reprojected into `projectCrs` and judged against plausibleArea. Photos come
/// first, ordered by time of capture (those without a time after them, then by name), so
/// new observations are numbered the same way on every run; skipped files follow, by name.
/// Every usable photo is planned as a new observation (see planAttachments). Checks for
/// cancel after each file; a folder that cannot be listed fails naming it.
Result<std::vector<FolderPhoto>> readPhotoFolder(const std::filesystem::path& folder,
                                                 bool recursive, const Crs& projectCrs,
                                                 Progress& progress = Progress::none());

/// Plans each usable photo as a new observation or, within `within` metres of an existing
/// feature of `observations`, as attached to the nearest one. Skipped files stay skipped.
void planAttachments(std::vector<FolderPhoto>& photos, const Layer& observations,
                     std::optional<double> within);

/// The new observations of the photos planned as new, in their order (ids unassigned):
/// position, tidpunkt from EXIF, kategori and polaritet from `options` (or the defaults
/// above), kalla kPhotoSource, the layer's other defaults for that moment and place (the
/// light conditions from the sun when the time has its UTC offset). InvalidValue naming the
/// field when a category or polarity is not in the value list.
Result<std::vector<Feature>> newObservations(const LayerDef& observations,
                                             const std::vector<FolderPhoto>& photos,
                                             const PhotoFolderOptions& options);

/// How many files have that plan.
std::size_t countPlanned(const std::vector<FolderPhoto>& photos, PhotoPlan plan);

/// Imports the photos of `folder` into the observations of the project at `projectPath`,
/// new observations and photos in one transaction: on an error or cancel nothing is written
/// and the project on disk is unchanged. Returns every file with what became of it (the new
/// observation's id in `observation`), without the photos' bytes.
Result<std::vector<FolderPhoto>> importPhotoFolder(const std::filesystem::path& projectPath,
                                                   const LayerCatalog& catalog,
                                                   const std::filesystem::path& folder,
                                                   const PhotoFolderOptions& options,
                                                   Progress& progress = Progress::none());

} // namespace trygg
