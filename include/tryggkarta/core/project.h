#pragma once

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/photo.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// The layers whose features a link joins: a measure answers observations.
inline constexpr std::string_view kMeasureLayer = "atgarder";
inline constexpr std::string_view kObservationLayer = "observationer";

/// A measure answers an observation (the many-to-many table atgard_observation).
struct MeasureLink {
    FeatureId measure;
    FeatureId observation;
    auto operator<=>(const MeasureLink&) const = default;
};

/// The schema version this build writes; a project records the version it was written with.
inline constexpr int kProjectSchemaVersion = 1;

/// An open project: its CRS, thematic layers, links, photos and metadata.
struct Project {
    Crs crs = Crs::fromEpsg(crs::kSweref99Tm);
    std::vector<Layer> layers;
    std::vector<MeasureLink> links;
    /// Every photo of every feature. openProject fills in the metadata only (data null);
    /// the bytes are read on demand with readPhotoData.
    std::vector<Photo> photos;
    std::map<std::string, std::string> metadata;

    [[nodiscard]] Layer* layer(std::string_view name);
    [[nodiscard]] const Layer* layer(std::string_view name) const;
};

} // namespace trygg
