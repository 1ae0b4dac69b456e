#include "tryggkarta/core/change_set.h"

namespace trygg {

void ChangeSet::markWritten(std::string_view layer, FeatureId id) {
    auto& changes = layers[std::string(layer)];
    changes.removed.erase(id);
    changes.written.insert(id);
}

void ChangeSet::markRemoved(std::string_view layer, FeatureId id) {
    auto& changes = layers[std::string(layer)];
    changes.written.erase(id);
    changes.removed.insert(id);
}

void ChangeSet::markPhotoWritten(PhotoId id) {
    photos.removed.erase(id);
    photos.written.insert(id);
}

void ChangeSet::markPhotoRemoved(PhotoId id) {
    photos.written.erase(id);
    photos.removed.insert(id);
}

bool ChangeSet::empty() const {
    if (linksChanged || metadataChanged || !photos.written.empty() || !photos.removed.empty()) {
        return false;
    }
    for (const auto& [name, changes] : layers) {
        if (!changes.written.empty() || !changes.removed.empty()) {
            return false;
        }
    }
    return true;
}

void ChangeSet::clear() {
    layers.clear();
    photos = {};
    linksChanged = false;
    metadataChanged = false;
}

} // namespace trygg
