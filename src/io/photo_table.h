#pragma once
// The table trygg_foto of a project GeoPackage: one row per photo, the image bytes in a BLOB.
// A GeoPackage attributes table (no geometry), so QGIS lists it and can show the rows.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/photo.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <set>
#include <string>
#include <vector>

namespace trygg::gdal {

/// trygg_foto, created when absent.
Result<void> ensurePhotoTable(GDALDataset& dataset);

/// The metadata of every photo, ascending id; the bytes are not read (data stays null).
/// A file without the table has no photos.
Result<std::vector<Photo>> readPhotos(GDALDataset& dataset);

/// The stored bytes of one photo; NotFound when there is no such row.
Result<std::string> readPhotoBytes(GDALDataset& dataset, PhotoId id);

/// Writes the row of `photo.id` (replacing one of that id) with `bytes` as the image.
Result<void> writePhoto(GDALDataset& dataset, const Photo& photo, const std::string& bytes);

/// Deletes the row of that id; a missing row is no failure.
Result<void> deletePhoto(GDALDataset& dataset, PhotoId id);

/// Deletes the photos of these features of one layer, so none outlives its feature; photos
/// in `keep` (moved to another feature in the same save) stay.
Result<void> deletePhotosOf(GDALDataset& dataset, const std::string& layer,
                            const std::set<FeatureId>& features, const std::set<PhotoId>& keep);

} // namespace trygg::gdal
