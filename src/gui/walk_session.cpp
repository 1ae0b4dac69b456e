#include "walk_session.h"

#include "tryggkarta/core/defaults.h"
#include "tryggkarta/document/map_document.h"

#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/algorithms/length.hpp>

#include <algorithm>

namespace trygg {
namespace {

const Value* valueOf(const Layer& layer, const Feature& feature, std::string_view field) {
    auto index = layer.definition().fieldIndex(field);
    return index ? &feature.values[*index] : nullptr;
}

bool belongsTo(const Layer& observations, const Feature& feature, FeatureId walk) {
    const Value* value = valueOf(observations, feature, "vandring");
    const auto* id = value ? std::get_if<std::int64_t>(value) : nullptr;
    return id != nullptr && *id == toInt(walk);
}

void setValue(const LayerDef& definition, std::vector<Value>& values, std::string_view field, Value value) {
    if (auto index = definition.fieldIndex(field)) {
        values[*index] = std::move(value);
    }
}

} // namespace

WalkSession::WalkSession(MapDocument& document, FeatureId walk, QObject* parent)
    : QObject(parent), m_document(document), m_walk(walk) {
    const Layer* walks = m_document.layer(kWalkLayer);
    const Feature* feature = walks ? walks->find(walk) : nullptr;
    if (feature != nullptr && feature->geometry) {
        if (const auto* line = std::get_if<LineString>(&*feature->geometry)) {
            m_route = *line; // continuing a walk: the new stretch follows the old one
            m_written = m_route.size();
        }
    }
    m_clock.start();
    m_sinceWrite.start();
    connect(&m_document, &MapDocument::featuresChanged, this, [this](const QString& layer) {
        if (layer == QLatin1String(kWalkLayer.data(), qsizetype(kWalkLayer.size()))) {
            checkWalkStillExists();
        }
    });
    connect(&m_document, &MapDocument::projectReplaced, this, &WalkSession::walkRemoved);
}

QString WalkSession::title() const {
    const Layer* walks = m_document.layer(kWalkLayer);
    const Feature* feature = walks ? walks->find(m_walk) : nullptr;
    const Value* name = feature ? valueOf(*walks, *feature, "namn") : nullptr;
    const auto* text = name ? std::get_if<std::string>(name) : nullptr;
    if (text != nullptr && !text->empty()) {
        return QString::fromStdString(*text);
    }
    return tr("Vandring %1").arg(toInt(m_walk));
}

double WalkSession::routeLength() const {
    return m_route.size() < 2 ? 0.0 : static_cast<double>(bg::length(m_route));
}

int WalkSession::observationCount() const {
    const Layer* observations = m_document.layer(kObservationLayer);
    if (observations == nullptr) {
        return 0;
    }
    return static_cast<int>(std::ranges::count_if(observations->features(), [&](const Feature& f) {
        return belongsTo(*observations, f, m_walk);
    }));
}

void WalkSession::addFix(const Point& position, double accuracy) {
    m_position = position;
    emit positionChanged();
    if (accuracy > kWorstAccuracy) {
        return;
    }
    if (!m_route.empty() && bg::distance(m_route.back(), position) < kMinimumStep) {
        return;
    }
    m_route.push_back(position);
    emit routeChanged();
    if (m_route.size() >= 2 && (m_written < 2 || m_sinceWrite.elapsed() >= kRouteWriteMilliseconds)) {
        (void)writeRoute(m_route); // a refused write is retried with the next fix
    }
}

void WalkSession::loseFix() {
    m_position.reset();
    emit positionChanged();
}

Result<FeatureId> WalkSession::addObservation(const Point& where, const std::string& category,
                                              const std::string& polarity) {
    const Layer* observations = m_document.layer(kObservationLayer);
    const Layer* walks = m_document.layer(kWalkLayer);
    const Feature* walk = walks ? walks->find(m_walk) : nullptr;
    if (observations == nullptr || walk == nullptr) {
        return fail(ErrorCode::NotFound, "the walk or the observation layer is missing",
                    std::string(kWalkLayer) + " " + std::to_string(toInt(m_walk)));
    }
    const LayerDef& definition = observations->definition();
    DefaultContext context = currentContext();
    context.currentWalk = toInt(m_walk);
    Feature feature{kNoFeatureId, Geometry(where), defaultValues(definition, context)};
    setValue(definition, feature.values, "kategori", category);
    setValue(definition, feature.values, "polaritet", polarity);
    setValue(definition, feature.values, "kalla", std::string("trygghetsvandring"));
    if (const Value* light = valueOf(*walks, *walk, "ljusforh"); light && !isNull(*light)) {
        setValue(definition, feature.values, "ljusforh", *light); // the walk's, not the sun's
    }
    auto added = m_document.addFeature(kObservationLayer, std::move(feature));
    if (added) {
        emit observationAdded(toInt(*added));
    }
    return added;
}

Result<QString> WalkSession::finish() {
    if (m_route.size() >= 2) {
        if (m_written != m_route.size()) {
            if (auto written = writeRoute(m_route); !written) {
                return std::unexpected(written.error());
            }
        }
        return tr("Slingan är %1 m lång.").arg(qRound(routeLength()));
    }
    if (auto stops = routeThroughStops()) {
        if (auto written = writeRoute(*stops); !written) {
            return std::unexpected(written.error());
        }
        return tr("Ingen GPS-slinga spelades in; slingan ritades genom observationerna i tidsordning.");
    }
    return tr("Ingen slinga spelades in (ingen GPS och färre än två observationer).");
}

Result<void> WalkSession::writeRoute(const LineString& route) {
    const Layer* walks = m_document.layer(kWalkLayer);
    const Feature* current = walks ? walks->find(m_walk) : nullptr;
    if (current == nullptr) {
        return fail(ErrorCode::NotFound, "the walk no longer exists",
                    std::string(kWalkLayer) + " " + std::to_string(toInt(m_walk)));
    }
    Feature changed = *current;
    changed.geometry = route;
    FeatureEdit edit;
    edit.layer = std::string(kWalkLayer);
    edit.changes.push_back(FeatureChange{*current, std::move(changed)});
    edit.mergeKey = toInt(m_walk); // the growing route is one undo step between stops
    auto applied = m_document.apply(std::move(edit), tr("Vandringens slinga"));
    if (applied) {
        m_written = route.size();
        m_sinceWrite.restart();
    }
    return applied;
}

std::optional<LineString> WalkSession::routeThroughStops() const {
    const Layer* observations = m_document.layer(kObservationLayer);
    if (observations == nullptr) {
        return std::nullopt;
    }
    std::vector<std::pair<Value, Point>> stops;
    for (const Feature& f : observations->features()) {
        const auto* point = f.geometry ? std::get_if<Point>(&*f.geometry) : nullptr;
        if (point != nullptr && belongsTo(*observations, f, m_walk)) {
            const Value* time = valueOf(*observations, f, "tidpunkt");
            stops.emplace_back(time ? *time : Value{}, *point);
        }
    }
    // Stable: stops without a time keep the order they were added in (ascending id).
    std::ranges::stable_sort(stops, {}, &std::pair<Value, Point>::first);
    LineString line;
    for (const auto& stop : stops) {
        if (line.empty() || bg::distance(line.back(), stop.second) > 0.0) {
            line.push_back(stop.second);
        }
    }
    return line.size() >= 2 ? std::optional(line) : std::nullopt;
}

void WalkSession::checkWalkStillExists() {
    const Layer* walks = m_document.layer(kWalkLayer);
    if (walks == nullptr || walks->find(m_walk) == nullptr) {
        emit walkRemoved();
    }
}

} // namespace trygg
