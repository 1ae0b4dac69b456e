#pragma once
// Qt's NMEA sentence reader, the one QNmeaPositionInfoSource uses for GpsTracker's log files
// and receivers, opened for the fuzz target and its regression tests (it is protected in Qt).

#include <QGeoPositionInfo>
#include <QNmeaPositionInfoSource>

#include <string_view>

namespace trygg::fuzz {

class NmeaSentenceReader : public QNmeaPositionInfoSource {
public:
    NmeaSentenceReader() : QNmeaPositionInfoSource(QNmeaPositionInfoSource::RealTimeMode) {}

    /// Reads one sentence (a whole line, newline included, as Qt reads them from its device);
    /// true when it gave position data, which then is in `info`.
    bool read(std::string_view sentence, QGeoPositionInfo& info) {
        bool hasFix = false;
        return parsePosInfoFromNmeaData(sentence.data(), static_cast<int>(sentence.size()), &info,
                                        &hasFix);
    }
};

/// The first line of `text` with its newline, removed from `text`.
inline std::string_view takeLine(std::string_view& text) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end == std::string_view::npos ? end : end + 1);
    text.remove_prefix(line.size());
    return line;
}

} // namespace trygg::fuzz
