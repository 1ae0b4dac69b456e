#pragma once
// What a photo's EXIF tags say, as GDAL's JPEG driver reports them in the default metadata
// domain ("EXIF_GPSLatitude=(63) (54) (48.6)", "EXIF_DateTimeOriginal=2024:10:05 21:30:15").

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/value.h"

#include <cpl_string.h>
#include <optional>
#include <string_view>

namespace trygg::gdal {

struct ExifFacts {
    std::optional<Point> position; ///< WGS 84 lon/lat
    std::optional<DateTime> takenAt;
    int orientation = 1;
};

/// Reads position, time and orientation from GDAL metadata; what is missing or malformed
/// stays empty (a photo is still a photo without them).
ExifFacts exifFacts(CSLConstList metadata);

/// Degrees from an EXIF GPS angle as GDAL prints it: "(63) (54) (48.6)" (degrees, minutes,
/// seconds; fewer parts are allowed). Empty when it is not that.
std::optional<double> parseExifAngle(std::string_view text);

} // namespace trygg::gdal
