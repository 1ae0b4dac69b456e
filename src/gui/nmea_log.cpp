#include "nmea_log.h"

namespace trygg {
namespace {

bool isSentence(const QByteArray& line) {
    const qsizetype star = line.lastIndexOf('*');
    if (!line.startsWith('$') || star < 1 || star + 3 != line.size()) {
        return false;
    }
    unsigned char sum = 0;
    for (qsizetype i = 1; i < star; ++i) {
        sum ^= static_cast<unsigned char>(line[i]);
    }
    bool ok = false;
    const uint given = line.mid(star + 1, 2).toUInt(&ok, 16);
    return ok && given == sum;
}

} // namespace

NmeaLogCheck checkNmeaLog(QIODevice& log) {
    NmeaLogCheck check;
    const qint64 start = log.pos();
    int number = 0;
    while (!log.atEnd()) {
        const QByteArray line = log.readLine().trimmed();
        ++number;
        if (line.isEmpty()) {
            continue;
        }
        ++check.lines;
        if (isSentence(line)) {
            ++check.sentences;
        } else if (check.firstBadLine == 0) {
            check.firstBadLine = number;
        }
    }
    log.seek(start);
    return check;
}

} // namespace trygg
