#pragma once
// The safety-walk protocol ("vandringsprotokoll"): what the follow-up meeting works from.
// One entry per observation of the walk, each with its place, what was seen, the measures
// proposed for it, who is responsible and by when, and why a measure will not be done.
// The model is built from a project; the PDF is drawn through the map renderer.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/render/map_scene.h"

#include <QImage>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// A protocol reads the walks (vandringar), their observations, the measures linked to them
/// (atgarder) and, for place names, the base map's streets (bas_gata); see layers/*.json.

/// A named street at most this far from an observation names its place.
inline constexpr double kPlaceStreetRadius = 75.0;

/// A measure that answers an observation, with coded values as labels in the protocol's language.
struct ProtocolMeasure {
    FeatureId id = kNoFeatureId;
    std::string title;
    std::string type;        ///< label of `typ`
    std::string status;      ///< label of `status`
    std::string responsible; ///< label of `ansvarig`
    std::optional<Date> deadline;
    bool dismissed = false; ///< status "avford": it will not be done
    std::string reason;     ///< `motiv`, why it will not be done (dismissed measures only)
};

/// A photo of an observation: which one, and how to turn it upright (EXIF orientation).
struct ProtocolPhoto {
    PhotoId id = kNoPhotoId;
    int orientation = 1;
};

/// One observation of the walk: one stop of the protocol.
struct ProtocolEntry {
    int number = 0; ///< 1..N, as on the route map
    FeatureId observation = kNoFeatureId;
    std::optional<Point> position; ///< in the project's CRS; empty without a point geometry
    std::string place;             ///< "Vid Storgatan", or coordinates rounded to metres
    std::string category;          ///< label of `kategori`
    std::string polarity;          ///< label of `polaritet`
    std::string markerColour;      ///< "#rrggbb": the observation layer's colour for its polarity
    std::string description;
    std::optional<DateTime> time;
    std::vector<ProtocolPhoto> photos;     ///< ascending id
    std::vector<ProtocolMeasure> measures; ///< ascending id
};

/// The protocol of one walk: the header facts and the entries in the order they were seen.
/// Personal fields (reporter, contact, ...) are never copied into it.
struct WalkProtocol {
    FeatureId walk = kNoFeatureId;
    std::string language = "sv";
    std::string name;
    std::optional<Date> date;
    std::string lightCondition; ///< label of `ljusforh`
    std::string organiser;
    std::optional<std::int64_t> participants;
    std::string profile; ///< aggregated, without names
    std::optional<Geometry> route;
    double routeLength = 0.0; ///< metres
    std::optional<Date> followUp;
    std::vector<ProtocolEntry> entries; ///< by time, then id; numbered from 1
};

/// Collects the protocol of walk `walk`: its facts and one entry per observation whose
/// `vandring` is the walk's id, ordered by `tidpunkt` (those without a time last), then id.
/// Coded values are given as their labels in `language` ("sv", "en"). Fails with NotFound,
/// naming the walk, when the project has no walks layer or no such walk.
Result<WalkProtocol> buildWalkProtocol(const Project& project, FeatureId walk,
                                       const std::string& language);

/// Reads the bytes of one photo (from the project file, or from memory).
using PhotoLoader = std::function<Result<std::string>(PhotoId)>;

/// The stored pixels of a photo turned as its EXIF orientation says (see photoTurn), so that
/// it shows upright.
QImage uprightPhoto(const QImage& stored, int orientation);

/// What writeWalkProtocolPdf wrote.
struct ProtocolLayout {
    int pages = 0;
    std::size_t entries = 0;     ///< entry blocks drawn
    std::size_t photosDrawn = 0; ///< thumbnails drawn
    /// Photos the loader or the decoder failed on (a note is drawn instead).
    std::size_t photosMissing = 0;
};

/// Writes the protocol as an A4 PDF: title, header facts, the route map (the scene drawn by
/// MapRenderer over the route and its stops, the stops numbered as the entries), then one
/// block per entry with a thumbnail of its first photo; a block is never split across pages.
/// Texts in `language`. The file appears complete or not at all; on error or cancel (through
/// `progress`) nothing is left behind and the error names `path`.
Result<ProtocolLayout> writeWalkProtocolPdf(const std::filesystem::path& path,
                                            const WalkProtocol& protocol, const MapScene& scene,
                                            const PhotoLoader& loadPhoto,
                                            const std::string& language,
                                            Progress& progress = Progress::none());

} // namespace trygg
