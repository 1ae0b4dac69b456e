// The protocol's model: a walk's facts and its observations with their measures, read from
// the project with coded values turned into labels. No Qt here: the PDF is drawn elsewhere.

#include "tryggkarta/render/walk_protocol.h"

#include "field_reader.h"
#include "tryggkarta/core/hit_test.h"

#include <algorithm>
#include <boost/geometry/algorithms/length.hpp>
#include <cmath>
#include <tuple>

namespace trygg {
namespace {

using render::FieldReader;

// A walk's observations point at it by id; a place is named after a street of the base map.
constexpr std::string_view kWalkLayer = "vandringar";
constexpr std::string_view kStreetLayer = "bas_gata";

const Label kNear{"Vid ", "Near "};
const Label kEast{"Ö", "E"};

std::string roundedMetres(double value) {
    return std::to_string(static_cast<long long>(std::llround(value)));
}

/// "Vid Storgatan" for the nearest named street within kPlaceStreetRadius, else the
/// coordinates rounded to metres, northing first as Swedish maps give them.
std::string placeOf(const Project& project, const Point& position, const std::string& language) {
    if (const Layer* streets = project.layer(kStreetLayer)) {
        for (const Hit& hit : featuresNear(*streets, position, kPlaceStreetRadius)) {
            const std::string name =
                FieldReader(streets->definition(), *streets->find(hit.id), language).text("namn");
            if (!name.empty()) {
                return kNear.in(language) + name;
            }
        }
    }
    const std::string crsName = project.crs.displayName(); // "SWEREF 99 TM (EPSG:3006)"
    return "N " + roundedMetres(position.y()) + ", " + kEast.in(language) + " " +
           roundedMetres(position.x()) + " (" + crsName.substr(0, crsName.find(" (")) + ")";
}

ProtocolMeasure measureOf(const Layer& measures, const Feature& feature,
                          const std::string& language) {
    const FieldReader fields(measures.definition(), feature, language);
    ProtocolMeasure measure;
    measure.id = feature.id;
    measure.title = fields.text("titel");
    measure.type = fields.text("typ");
    measure.status = fields.text("status");
    measure.responsible = fields.text("ansvarig");
    measure.deadline = fields.as<Date>("deadline");
    measure.dismissed = fields.code("status") == "avford";
    if (measure.dismissed) {
        measure.reason = fields.text("motiv");
    }
    return measure;
}

std::vector<ProtocolMeasure> measuresOf(const Project& project, FeatureId observation,
                                        const std::string& language) {
    std::vector<ProtocolMeasure> found;
    const Layer* measures = project.layer(kMeasureLayer);
    if (measures == nullptr) {
        return found;
    }
    for (const MeasureLink& link : project.links) {
        const Feature* feature =
            link.observation == observation ? measures->find(link.measure) : nullptr;
        if (feature != nullptr) {
            found.push_back(measureOf(*measures, *feature, language));
        }
    }
    std::ranges::sort(found, {}, [](const ProtocolMeasure& m) { return toInt(m.id); });
    return found;
}

std::vector<ProtocolPhoto> photosOfObservation(const Project& project, FeatureId observation) {
    std::vector<ProtocolPhoto> photos;
    for (PhotoId id : photosOf(project.photos, kObservationLayer, observation)) {
        photos.push_back(ProtocolPhoto{id, findPhoto(project.photos, id)->orientation});
    }
    return photos;
}

ProtocolEntry entryOf(const Project& project, const Layer& observations, const Feature& feature,
                      const std::string& language) {
    const FieldReader fields(observations.definition(), feature, language);
    ProtocolEntry entry;
    entry.observation = feature.id;
    if (const Point* point = feature.geometry ? std::get_if<Point>(&*feature.geometry) : nullptr) {
        entry.position = *point;
        entry.place = placeOf(project, *point, language);
    }
    entry.category = fields.text("kategori");
    entry.polarity = fields.text("polaritet");
    const Symbology& symbology = observations.definition().symbology;
    entry.markerColour = symbology.styleFor(fields.code(symbology.field)).fill;
    entry.description = fields.text("beskrivn");
    entry.time = fields.as<DateTime>("tidpunkt");
    entry.photos = photosOfObservation(project, feature.id);
    entry.measures = measuresOf(project, feature.id, language);
    return entry;
}

/// Observations without a time come last; ties go by id.
bool seenBefore(const ProtocolEntry& a, const ProtocolEntry& b) {
    return std::tuple(!a.time.has_value(), a.time, toInt(a.observation)) <
           std::tuple(!b.time.has_value(), b.time, toInt(b.observation));
}

std::vector<ProtocolEntry> entriesOf(const Project& project, FeatureId walk,
                                     const std::string& language) {
    std::vector<ProtocolEntry> entries;
    const Layer* observations = project.layer(kObservationLayer);
    if (observations == nullptr) {
        return entries;
    }
    for (const Feature& feature : observations->features()) {
        const FieldReader fields(observations->definition(), feature, language);
        if (fields.as<std::int64_t>("vandring") == toInt(walk)) {
            entries.push_back(entryOf(project, *observations, feature, language));
        }
    }
    std::ranges::sort(entries, seenBefore);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        entries[i].number = static_cast<int>(i + 1);
    }
    return entries;
}

double lengthOf(const Geometry& geometry) {
    return std::visit([](const auto& g) { return static_cast<double>(bg::length(g)); }, geometry);
}

} // namespace

Result<WalkProtocol> buildWalkProtocol(const Project& project, FeatureId walk,
                                       const std::string& language) {
    const std::string where = "walk " + std::to_string(toInt(walk));
    const Layer* walks = project.layer(kWalkLayer);
    if (walks == nullptr) {
        return fail(ErrorCode::NotFound, "the project has no safety walks (layer vandringar)",
                    where);
    }
    const Feature* feature = walks->find(walk);
    if (feature == nullptr) {
        return fail(ErrorCode::NotFound, "no safety walk with this id", where);
    }
    const FieldReader fields(walks->definition(), *feature, language);
    WalkProtocol protocol;
    protocol.walk = walk;
    protocol.language = language;
    protocol.name = fields.text("namn");
    protocol.date = fields.as<Date>("datum");
    protocol.lightCondition = fields.text("ljusforh");
    protocol.organiser = fields.text("arrangor");
    protocol.participants = fields.as<std::int64_t>("deltagare");
    protocol.profile = fields.text("profil");
    protocol.route = feature->geometry;
    protocol.routeLength = feature->geometry ? lengthOf(*feature->geometry) : 0.0;
    protocol.followUp = fields.as<Date>("uppfoljn");
    protocol.entries = entriesOf(project, walk, language);
    return protocol;
}

} // namespace trygg
