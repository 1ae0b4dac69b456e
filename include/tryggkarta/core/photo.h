#pragma once
// Photos attached to features (observations, measures). Their bytes live in the project
// file; a Photo in memory carries its metadata and, once read or newly added, its bytes.

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// A photo's identity within the project (the fid of its row in trygg_foto). Zero means
/// "not yet assigned".
enum class PhotoId : std::int64_t {};

constexpr PhotoId kNoPhotoId{0};

inline std::int64_t toInt(PhotoId id) {
    return static_cast<std::int64_t>(id);
}

/// One photo of one feature.
struct Photo {
    PhotoId id = kNoPhotoId;
    std::string layer; ///< the feature's layer ("observationer", "atgarder")
    FeatureId feature = kNoFeatureId;
    std::string fileName;            ///< the name it had on disk, for display and export
    std::string mimeType;            ///< "image/jpeg" or "image/png"
    std::optional<DateTime> takenAt; ///< EXIF time of capture, camera-local unless it said
    std::optional<Point> position;   ///< WGS 84, x = longitude, y = latitude, from EXIF GPS
    int orientation = 1;             ///< EXIF orientation 1..8: how to turn the stored pixels
    std::int64_t byteSize = 0;
    /// The image file's bytes, shared (photos are large and a snapshot copies the list).
    /// Null: the bytes are still only in the project file they were opened from
    /// (readPhotoData reads them on demand).
    std::shared_ptr<const std::string> data;
};

/// The next free id: one more than the largest in use.
PhotoId nextPhotoId(const std::vector<Photo>& photos);

/// The photo of that id, or null.
const Photo* findPhoto(const std::vector<Photo>& photos, PhotoId id);

/// Ids of the photos of one feature, in the order they were added (ascending id).
std::vector<PhotoId> photosOf(const std::vector<Photo>& photos, std::string_view layer,
                              FeatureId feature);

/// How to show stored pixels upright for an EXIF orientation: mirror left-right first
/// (when `mirrored`), then rotate clockwise. Orientation 6, the usual portrait photo from a
/// phone held upright, is stored lying down and needs 90 degrees clockwise; a viewer that
/// ignores the tag shows it turned on its side. Values outside 1..8 read as 1.
struct PhotoTurn {
    int clockwiseDegrees = 0; ///< 0, 90, 180 or 270
    bool mirrored = false;
    auto operator<=>(const PhotoTurn&) const = default;
};
PhotoTurn photoTurn(int orientation);

/// Where the stored pixel (x, y) of a `width` × `height` image is shown after the turn of
/// `orientation`; the shown image is `height` × `width` when the turn is 90 or 270 degrees.
struct PixelPosition {
    int x = 0;
    int y = 0;
    auto operator<=>(const PixelPosition&) const = default;
};
PixelPosition shownPixel(int orientation, PixelPosition stored, int width, int height);

} // namespace trygg

template <> struct std::hash<trygg::PhotoId> {
    std::size_t operator()(trygg::PhotoId id) const noexcept {
        return std::hash<std::int64_t>{}(trygg::toInt(id));
    }
};
