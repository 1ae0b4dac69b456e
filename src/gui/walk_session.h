#pragma once
// A safety walk in progress: the route grows from the GPS fixes, and observations are added
// with one tap where the group stands (or where the map was tapped), each linked to the walk.
// Everything goes through the document, so it can be undone and is saved like any edit.

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/error.h"

#include <QElapsedTimer>
#include <QObject>

#include <optional>
#include <string>

namespace trygg {

class MapDocument;

/// The layer a walk is a feature of.
inline constexpr std::string_view kWalkLayer = "vandringar";

class WalkSession : public QObject {
    Q_OBJECT
public:
    /// Fixes less accurate than this are not part of the route (metres, when the source says).
    static constexpr double kWorstAccuracy = 50.0;
    /// A fix closer than this to the last route point does not add a vertex: standing still
    /// at a stop must not draw a scribble.
    static constexpr double kMinimumStep = 2.0;
    /// The route is written to the document at most this often (plus when the walk ends).
    static constexpr int kRouteWriteMilliseconds = 10'000;

    /// Continues recording `walk` (a feature of "vandringar"), after any route it already has.
    WalkSession(MapDocument& document, FeatureId walk, QObject* parent = nullptr);

    [[nodiscard]] FeatureId walk() const { return m_walk; }
    /// The walk's name, or "Vandring N" when it has none.
    [[nodiscard]] QString title() const;
    [[nodiscard]] const LineString& route() const { return m_route; }
    [[nodiscard]] double routeLength() const;
    [[nodiscard]] std::optional<Point> position() const { return m_position; }
    [[nodiscard]] int observationCount() const;
    [[nodiscard]] qint64 elapsedSeconds() const { return m_clock.elapsed() / 1000; }

    /// A position from the GPS, in the project's CRS; `accuracy` 0 means unknown.
    void addFix(const Point& position, double accuracy);
    /// The GPS stopped or lost its fix: no current position until the next one.
    void loseFix();

    /// Adds an observation of this walk: the category and polarity given, the source
    /// "trygghetsvandring", the walk's light condition, the time now. One undo step.
    Result<FeatureId> addObservation(const Point& where, const std::string& category,
                                     const std::string& polarity);
    /// Writes the route (when it changed); at the end of a walk without a GPS route, the
    /// stops in time order stand in for it. Returns a note for the user, or an Error.
    Result<QString> finish();

signals:
    void positionChanged();
    void routeChanged();
    void observationAdded(qint64 id);
    /// The walk was removed (its start undone): the session is over.
    void walkRemoved();

private:
    Result<void> writeRoute(const LineString& route);
    [[nodiscard]] std::optional<LineString> routeThroughStops() const;
    void checkWalkStillExists();

    MapDocument& m_document;
    FeatureId m_walk;
    LineString m_route;
    std::size_t m_written = 0; ///< route vertices already in the document
    std::optional<Point> m_position;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceWrite;
};

} // namespace trygg
