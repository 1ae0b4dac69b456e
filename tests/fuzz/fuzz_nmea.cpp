// NMEA from a GPS log or receiver: the log check GpsTracker runs before a replay (checkNmeaLog),
// then every line through Qt's NMEA reader, as QNmeaPositionInfoSource reads it for GpsTracker,
// and each position it yields through gpsFix into SWEREF 99 TM. Qt itself is not instrumented,
// so coverage guides only our side; ASan still checks the buffers we hand to Qt.
#include "fuzz_support.h"
#include "nmea_reader.h"

#include "gui/gps_fix.h"
#include "gui/nmea_log.h"

#include <QBuffer>

#include <cstdlib>

namespace {

const trygg::CoordinateTransform& toSweref() {
    static const trygg::CoordinateTransform transform = [] {
        auto t = trygg::CoordinateTransform::create(trygg::Crs::fromEpsg(trygg::crs::kWgs84),
                                                    trygg::Crs::fromEpsg(trygg::crs::kSweref99Tm));
        if (!t) {
            std::abort();
        }
        return std::move(*t);
    }();
    return transform;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static trygg::fuzz::NmeaSentenceReader reader;
    std::string_view input = trygg::fuzz::asText(data, size);

    QByteArray bytes(input.data(), static_cast<qsizetype>(input.size()));
    QBuffer log(&bytes);
    log.open(QIODevice::ReadOnly);
    const trygg::NmeaLogCheck check = trygg::checkNmeaLog(log);
    if (check.sentences > check.lines || check.firstBadLine < 0 || log.pos() != 0) {
        __builtin_trap(); // counts that contradict each other, or the log not rewound
    }

    while (!input.empty()) {
        QGeoPositionInfo info;
        if (reader.read(trygg::fuzz::takeLine(input), info)) {
            (void)trygg::gpsFix(info, toSweref());
        }
    }
    return 0;
}
