#include "tryggkarta/core/photo.h"

#include <algorithm>

namespace trygg {

PhotoId nextPhotoId(const std::vector<Photo>& photos) {
    std::int64_t largest = 0;
    for (const auto& photo : photos) {
        largest = std::max(largest, toInt(photo.id));
    }
    return PhotoId{largest + 1};
}

const Photo* findPhoto(const std::vector<Photo>& photos, PhotoId id) {
    auto it = std::ranges::find(photos, id, &Photo::id);
    return it == photos.end() ? nullptr : &*it;
}

std::vector<PhotoId> photosOf(const std::vector<Photo>& photos, std::string_view layer,
                              FeatureId feature) {
    std::vector<PhotoId> ids;
    for (const auto& photo : photos) {
        if (photo.feature == feature && photo.layer == layer) {
            ids.push_back(photo.id);
        }
    }
    std::ranges::sort(ids);
    return ids;
}

PhotoTurn photoTurn(int orientation) {
    switch (orientation) {
    case 2:
        return {0, true};
    case 3:
        return {180, false};
    case 4:
        return {180, true};
    case 5:
        return {270, true};
    case 6:
        return {90, false};
    case 7:
        return {90, true};
    case 8:
        return {270, false};
    default:
        return {0, false};
    }
}

PixelPosition shownPixel(int orientation, PixelPosition stored, int width, int height) {
    PhotoTurn turn = photoTurn(orientation);
    int x = turn.mirrored ? width - 1 - stored.x : stored.x;
    int y = stored.y;
    switch (turn.clockwiseDegrees) {
    case 90:
        return {height - 1 - y, x};
    case 180:
        return {width - 1 - x, height - 1 - y};
    case 270:
        return {y, width - 1 - x};
    default:
        return {x, y};
    }
}

} // namespace trygg
