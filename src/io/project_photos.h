#pragma once
// Photos when a project is saved: the rules that keep trygg_foto consistent with the
// thematic tables (no photo without its feature) and that carry photos to a new file.

#include "tryggkarta/core/change_set.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"

#include <filesystem>
#include <gdal_priv.h>

namespace trygg::gdal {

/// Within the caller's transaction: deletes the photos of removed features and of removed
/// photos, then writes the written ones. A written photo must belong to a feature of the
/// project; with null data it must already be stored (only its metadata is rewritten).
Result<void> applyPhotoChanges(GDALDataset& dataset, const Project& project,
                               const ChangeSet& changes);

/// Writes every photo of the project to a new file; photos whose data is null are copied
/// from `source`, the file the project was opened from.
Result<void> writeAllPhotos(GDALDataset& dataset, const Project& project,
                            const std::filesystem::path& source, Progress& progress);

} // namespace trygg::gdal
