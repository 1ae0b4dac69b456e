#pragma once

#include "tryggkarta/core/feature.h"

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
    bool linksChanged = false;
    bool metadataChanged = false;

    void markWritten(std::string_view layer, FeatureId id);
    void markRemoved(std::string_view layer, FeatureId id);
    [[nodiscard]] bool empty() const;
    void clear();
};

} // namespace trygg
