#pragma once
// A look through an NMEA log file before it is replayed: Qt's NMEA source skips lines it
// cannot read without a word, so a log of garbage would just show no position. QtCore only.

#include <QIODevice>

namespace trygg {

/// What an NMEA log holds, line by line.
struct NmeaLogCheck {
    int lines = 0;        ///< non-empty lines
    int sentences = 0;    ///< lines that are NMEA sentences with a correct checksum
    int firstBadLine = 0; ///< 1-based number of the first other line; 0 when there is none
    [[nodiscard]] int badLines() const { return lines - sentences; }
};

/// Reads `log` from its current position to the end (and back: the position is restored).
/// A sentence is "$...*HH" with HH the XOR of the characters between, as NMEA 0183 says.
NmeaLogCheck checkNmeaLog(QIODevice& log);

} // namespace trygg
