#include "gps_tracker.h"

#include "gps_fix.h"
#include "nmea_log.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QLineEdit>
#include <QNmeaPositionInfoSource>
#include <QPushButton>
#include <QSettings>
#include <QVariantMap>

namespace trygg {

GpsTracker::GpsTracker() { setMapCrs(Crs::fromEpsg(crs::kSweref99Tm)); }

GpsTracker::~GpsTracker() { stop(); }

void GpsTracker::setMapCrs(const Crs& crs) {
    auto t = CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84), crs);
    m_fromWgs84 = t ? std::optional<CoordinateTransform>(std::move(*t)) : std::nullopt;
}

void GpsTracker::restoreFromSettings() {
    QSettings settings;
    auto kind = static_cast<SourceKind>(settings.value(QStringLiteral("gps/kind"), 0).toInt());
    if (kind != SourceKind::None) {
        start(kind, settings.value(QStringLiteral("gps/path")).toString());
    }
}

bool GpsTracker::start(SourceKind kind, const QString& path) {
    stop();
    switch (kind) {
    case SourceKind::None: return true;
    case SourceKind::System:
        m_source.reset(QGeoPositionInfoSource::createDefaultSource(nullptr));
        break;
    case SourceKind::NmeaFile: {
        m_log = std::make_unique<QFile>(path);
        if (!m_log->open(QIODevice::ReadOnly)) {
            emit problem(tr("GPS: NMEA-loggen %1 kan inte läsas").arg(path));
            return false;
        }
        // Qt's NMEA source skips lines it cannot read without a word: say so here, so that a
        // log of garbage does not just show no position.
        const NmeaLogCheck check = checkNmeaLog(*m_log);
        if (check.sentences == 0) {
            emit problem(tr("GPS: NMEA-loggen %1 innehåller inga positioner som går att läsa").arg(path));
            m_log.reset();
            return false;
        }
        if (check.badLines() > 0) {
            emit problem(tr("GPS: %1 av %2 rader i NMEA-loggen %3 går inte att läsa och hoppas över "
                            "(den första är rad %4)")
                             .arg(check.badLines())
                             .arg(check.lines)
                             .arg(path)
                             .arg(check.firstBadLine));
        }
        // A recorded walk is replayed at the pace it was recorded.
        auto* nmea = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode);
        nmea->setDevice(m_log.get());
        m_source.reset(nmea);
        break;
    }
    case SourceKind::NmeaSerial: {
        QVariantMap parameters{{QStringLiteral("serialnmea.serial_port"), path}};
        m_source.reset(QGeoPositionInfoSource::createSource(QStringLiteral("serialnmea"), parameters, nullptr));
        break;
    }
    }
    if (!m_source) {
        emit problem(tr("GPS: ingen positionskälla finns på den här datorn"));
        return false;
    }
    connect(m_source.get(), &QGeoPositionInfoSource::positionUpdated, this, &GpsTracker::onPosition);
    connect(m_source.get(), &QGeoPositionInfoSource::errorOccurred, this,
            [this](QGeoPositionInfoSource::Error) { emit problem(tr("GPS: positionskällan svarar inte")); });
    m_source->startUpdates();
    return true;
}

void GpsTracker::stop() {
    if (m_source) {
        m_source->stopUpdates();
        m_source.reset();
    }
    m_log.reset();
    emit positionChanged(std::nullopt);
}

void GpsTracker::onPosition(const QGeoPositionInfo& info) {
    if (!m_fromWgs84) {
        return;
    }
    if (auto fix = gpsFix(info, *m_fromWgs84)) {
        emit positionChanged(PositionMarker{fix->position, fix->accuracyMetres});
    }
}

void GpsTracker::chooseSource(QWidget* parent) {
    QSettings settings;
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("GPS-källa"));
    auto* kind = new QComboBox(&dialog);
    kind->addItem(tr("Ingen"), static_cast<int>(SourceKind::None));
    kind->addItem(tr("Datorns egen positionering"), static_cast<int>(SourceKind::System));
    kind->addItem(tr("NMEA-logg (fil)"), static_cast<int>(SourceKind::NmeaFile));
    kind->addItem(tr("NMEA-mottagare (seriell port)"), static_cast<int>(SourceKind::NmeaSerial));
    kind->setCurrentIndex(kind->findData(settings.value(QStringLiteral("gps/kind"), 0).toInt()));
    auto* path = new QLineEdit(settings.value(QStringLiteral("gps/path")).toString(), &dialog);
    path->setPlaceholderText(tr("Fil eller port, t.ex. /dev/ttyUSB0"));
    auto* browse = new QPushButton(tr("Bläddra…"), &dialog);
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        QString file = QFileDialog::getOpenFileName(&dialog, tr("NMEA-logg"), QString(),
                                                    tr("NMEA (*.nmea *.txt *.log);;Alla filer (*)"));
        if (!file.isEmpty()) {
            path->setText(file);
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Källa"), kind);
    form->addRow(tr("Fil eller port"), path);
    form->addRow(QString(), browse);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    auto chosen = static_cast<SourceKind>(kind->currentData().toInt());
    if (start(chosen, path->text())) {
        settings.setValue(QStringLiteral("gps/kind"), static_cast<int>(chosen));
        settings.setValue(QStringLiteral("gps/path"), path->text());
    }
}

} // namespace trygg
