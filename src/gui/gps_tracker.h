#pragma once

#include "map_canvas.h"

#include "tryggkarta/core/crs.h"
#include "tryggkarta/io/crs_transform.h"

#include <QGeoPositionInfoSource>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QFile;

namespace trygg {

/// The device position through Qt Positioning: the system's source (a tablet's GPS), or an
/// NMEA log file or serial device chosen in the settings, so it also works in tests and on
/// laptops with a USB receiver. Positions arrive in the map's CRS.
class GpsTracker : public QObject {
    Q_OBJECT
public:
    enum class SourceKind { None, System, NmeaFile, NmeaSerial };

    GpsTracker();
    ~GpsTracker() override;

    void setMapCrs(const Crs& crs);
    /// Starts the source kept in the settings (none unless the user chose one).
    void restoreFromSettings();
    /// Starts a source; `path` is the log file or serial port for the NMEA kinds.
    bool start(SourceKind kind, const QString& path = {});
    void stop();
    /// True while a source delivers (or tries to) positions.
    [[nodiscard]] bool isRunning() const { return m_source != nullptr; }
    /// The settings dialog.
    void chooseSource(QWidget* parent);

signals:
    void positionChanged(std::optional<trygg::PositionMarker> marker);
    void problem(const QString& message);

private:
    void onPosition(const QGeoPositionInfo& info);

    std::unique_ptr<QGeoPositionInfoSource> m_source;
    std::unique_ptr<QFile> m_log;
    std::optional<CoordinateTransform> m_fromWgs84;
};

} // namespace trygg
