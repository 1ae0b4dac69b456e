#pragma once
// Photos from image files: recognising JPEG and PNG, reading where, when and how turned a
// photo was taken from its EXIF tags, and stripping all such metadata before a photo leaves
// the municipality (see the privacy rules: exports drop GPS, camera and time).

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/photo.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace trygg {

/// The largest image accepted as a photo (a 50-megapixel camera JPEG is about 20 MB).
inline constexpr std::int64_t kMaxPhotoBytes = 64 * 1024 * 1024;

/// Reads an image file as a new photo: its bytes, file name, MIME type, size and, from EXIF,
/// the position (WGS 84), time of capture and orientation. The id, layer and feature are
/// left for the caller. Only JPEG and PNG that GDAL can decode are accepted; anything else
/// fails with ErrorCode::InvalidFormat naming the file.
Result<Photo> readPhotoFile(const std::filesystem::path& file);

/// The same for image bytes that come without a file (dropped from a web browser);
/// `fileName` is what the photo is called and what messages name.
Result<Photo> photoFromBytes(std::string bytes, std::string fileName);

/// A copy of a JPEG or PNG image with no metadata at all: no EXIF (GPS, camera, time), XMP
/// or comment. The image is decoded and encoded anew (JPEG at quality 90) with the EXIF
/// orientation applied to the pixels, so it still shows upright without the tag.
Result<std::string> withoutExif(const std::string& imageBytes);

} // namespace trygg
