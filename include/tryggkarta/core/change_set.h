#pragma once

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/photo.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace trygg {

/// What changed in a project since it was last saved, so a save writes only that.
struct ChangeSet {
    struct LayerChanges {
        std::set<FeatureId> written; ///< added or modified
        std::set<FeatureId> removed;
    };
    std::map<std::string, LayerChanges, std::less<>> layers;
    /// Photos added or changed (their metadata or bytes) and photos removed. The photos of a
    /// removed feature go with it on saving, listed here or not.
    struct PhotoChanges {
        std::set<PhotoId> written;
        std::set<PhotoId> removed;
    };
    PhotoChanges photos;
    bool linksChanged = false;
    bool metadataChanged = false;

    void markWritten(std::string_view layer, FeatureId id);
    void markRemoved(std::string_view layer, FeatureId id);
    void markPhotoWritten(PhotoId id);
    void markPhotoRemoved(PhotoId id);
    [[nodiscard]] bool empty() const;
    void clear();
};

} // namespace trygg
