// The protocol as PDF: A4 portrait at 300 dpi. Pages are laid out in two passes with the same
// code, first measuring and then drawing, so no entry block is split across pages and every
// page can say how many pages there are.

#include "protocol_map.h"
#include "tryggkarta/render/walk_protocol.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QImageReader>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace trygg {
namespace {

constexpr double kMarginMm = 15.0;
constexpr double kFooterMm = 8.0; ///< page numbers, below the body
constexpr double kThumbnailMm = 35.0;
constexpr double kMarkerMm = 7.0; ///< the numbered circle of an entry block
constexpr double kGapMm = 4.0;    ///< between blocks
const QColor kMuted(0x55, 0x55, 0x55);
const QColor kDismissed(0x99, 0x1a, 0x1a);

// The render module has no Qt Linguist: its texts in both languages are kept here.
const Label kTitle{"Protokoll trygghetsvandring", "Safety walk protocol"};
const Label kDate{"Datum", "Date"};
const Label kLight{"Ljusförhållanden", "Light conditions"};
const Label kOrganiser{"Arrangör", "Organiser"};
const Label kParticipants{"Deltagare", "Participants"};
const Label kProfile{"Deltagarprofil", "Participant profile"};
const Label kRouteLength{"Sträcka", "Route length"};
const Label kFollowUp{"Uppföljningsmöte", "Follow-up meeting"};
const Label kCategory{"Kategori", "Category"};
const Label kPolarity{"Upplevelse", "Experience"};
const Label kTime{"Tidpunkt", "Time"};
const Label kMeasure{"Åtgärd", "Measure"};
const Label kResponsible{"Ansvarig", "Responsible"};
const Label kDeadline{"Klart senast", "Deadline"};
const Label kNoMeasure{"Ingen åtgärd föreslagen ännu", "No measure proposed yet"};
const Label kNotDone{"Utförs inte", "Will not be done"};
const Label kNoReason{"motivering saknas", "no reason given"};
const Label kNoEntries{"Inga observationer registrerades under vandringen.",
                       "No observations were recorded on this walk."};
const Label kPhotoMissing{"Fotot kunde inte läsas", "The photo could not be read"};
const Label kMorePhotos{"+%1 foton till", "+%1 more photos"};
const Label kPage{"Sida %1 av %2", "Page %1 of %2"};
const Label kMapNote{"Numrerade punkter: protokollets punkter. Linjen: vandringens väg.",
                     "Numbered points: the protocol's entries. The line: the route walked."};

double px(double mm) {
    return render::protocolPixels(mm);
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QFont textFont(double mm, bool bold = false, bool italic = false) {
    return render::protocolFont(mm, bold, italic);
}

QString dateText(const std::optional<Date>& date) {
    return date ? qs(toIsoString(*date)) : QStringLiteral("–");
}

QString timeText(const DateTime& time) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", time.date.year, time.date.month,
                  time.date.day, time.hour, time.minute);
    return QString::fromLatin1(text);
}

QString orDash(const std::string& text) {
    return text.empty() ? QStringLiteral("–") : qs(text);
}

/// The thumbnail of an entry's first photo, upright and scaled for ~300 dpi.
struct Thumbnail {
    QImage image;
    bool missing = false; ///< the entry has a photo that could not be read
    std::size_t more = 0; ///< photos not shown
};

Thumbnail thumbnailOf(const ProtocolEntry& entry, const PhotoLoader& loadPhoto) {
    Thumbnail thumbnail;
    if (entry.photos.empty()) {
        return thumbnail;
    }
    thumbnail.more = entry.photos.size() - 1;
    Result<std::string> bytes =
        loadPhoto ? loadPhoto(entry.photos.front().id) : fail(ErrorCode::Usage, "no photo loader");
    QImage stored;
    if (bytes) {
        QByteArray data = QByteArray::fromStdString(*bytes);
        QBuffer buffer(&data);
        QImageReader reader(&buffer);
        reader.setAutoTransform(false); // the project's orientation decides, once
        stored = reader.read();
    }
    if (stored.isNull()) {
        thumbnail.missing = true;
        return thumbnail;
    }
    const int side = static_cast<int>(px(kThumbnailMm));
    stored = stored.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    thumbnail.image = uprightPhoto(stored, entry.photos.front().orientation);
    return thumbnail;
}

/// Where an entry block goes.
struct Placement {
    std::size_t entry = 0;
    int page = 0;
    double top = 0.0;
};

/// Lays out and draws the pages. Every `draw = false` call measures exactly what the
/// `draw = true` call would draw.
class ProtocolPages {
public:
    ProtocolPages(QPdfWriter& writer, QPainter& painter, const WalkProtocol& protocol,
                  std::string language)
        : m_writer(writer), m_painter(painter), m_protocol(protocol),
          m_language(std::move(language)),
          m_body(px(kMarginMm), px(kMarginMm), writer.width() - 2 * px(kMarginMm),
                 writer.height() - 2 * px(kMarginMm) - px(kFooterMm)) {}

    std::vector<Placement> paginate(const std::vector<Thumbnail>& thumbnails);
    double firstPage(const MapScene& scene, bool draw);
    double entry(const ProtocolEntry& entry, const Thumbnail& thumbnail, double top, bool draw);
    void footer(int page, int pages);
    bool newPage() { return m_writer.newPage(); }

private:
    [[nodiscard]] QString tr(const Label& label) const { return qs(label.in(m_language)); }
    double text(const QString& text, const QFont& font, QPointF at, double width, bool draw,
                const QColor& colour = Qt::black);
    double fact(const Label& label, const QString& value, QPointF at, double width, bool draw);
    double facts(double top, bool draw);
    double measure(const ProtocolMeasure& measure, QPointF at, double width, bool draw);
    double photo(const Thumbnail& thumbnail, QPointF at, bool draw);

    QPdfWriter& m_writer;
    QPainter& m_painter;
    const WalkProtocol& m_protocol;
    std::string m_language;
    QRectF m_body;
};

double ProtocolPages::text(const QString& text, const QFont& font, QPointF at, double width,
                           bool draw, const QColor& colour) {
    return render::wrappedText(m_painter, text, font, at, width, draw, colour);
}

double ProtocolPages::fact(const Label& label, const QString& value, QPointF at, double width,
                           bool draw) {
    const double labelWidth = px(36.0);
    const double labelHeight = text(tr(label), textFont(3.0, true), at, labelWidth, draw);
    const double valueHeight =
        text(value, textFont(3.0), at + QPointF(labelWidth, 0.0), width - labelWidth, draw);
    return std::max(labelHeight, valueHeight);
}

double ProtocolPages::facts(double top, bool draw) {
    const WalkProtocol& p = m_protocol;
    const QString participants =
        p.participants ? QString::number(*p.participants) : QStringLiteral("–");
    const QString length = QString::number(std::llround(p.routeLength)) + QStringLiteral(" m");
    const std::pair<const Label*, QString> cells[] = {
        {&kDate, dateText(p.date)},
        {&kOrganiser, orDash(p.organiser)},
        {&kLight, orDash(p.lightCondition)},
        {&kParticipants, participants},
        {&kRouteLength, length},
        {&kFollowUp, dateText(p.followUp)},
    };
    const double column = (m_body.width() - px(6.0)) / 2.0;
    for (std::size_t i = 0; i < std::size(cells); i += 2) {
        const double left =
            fact(*cells[i].first, cells[i].second, QPointF(m_body.left(), top), column, draw);
        const double right = fact(*cells[i + 1].first, cells[i + 1].second,
                                  QPointF(m_body.left() + column + px(6.0), top), column, draw);
        top += std::max(left, right) + px(1.0);
    }
    return top +
           fact(kProfile, orDash(p.profile), QPointF(m_body.left(), top), m_body.width(), draw);
}

/// Title, facts and the route map; returns where the first entry block may start.
double ProtocolPages::firstPage(const MapScene& scene, bool draw) {
    double top = m_body.top();
    top += text(tr(kTitle), textFont(7.0, true), m_body.topLeft(), m_body.width(), draw);
    top += px(1.0);
    top += text(qs(m_protocol.name), textFont(4.5, true), QPointF(m_body.left(), top),
                m_body.width(), draw, kMuted);
    top = facts(top + px(3.0), draw) + px(4.0);
    const Box extent = render::protocolMapExtent(m_protocol);
    const QRectF frame(m_body.left(), top, m_body.width(),
                       render::protocolMapHeight(extent, m_body.width()));
    if (draw) {
        render::drawProtocolMap(m_painter, frame, m_protocol, scene, extent);
    }
    top = frame.bottom() + px(1.0);
    top += text(tr(kMapNote), textFont(2.6, false, true), QPointF(m_body.left(), top),
                m_body.width(), draw, kMuted);
    if (m_protocol.entries.empty()) {
        top += px(kGapMm) + text(tr(kNoEntries), textFont(3.4),
                                 QPointF(m_body.left(), top + px(kGapMm)), m_body.width(), draw);
    }
    return top + px(kGapMm) * 1.5;
}

double ProtocolPages::measure(const ProtocolMeasure& measure, QPointF at, double width, bool draw) {
    QString heading = tr(kMeasure) + QStringLiteral(": ") + qs(measure.title);
    const QString kind = qs(measure.type) +
                         (measure.type.empty() || measure.status.empty() ? "" : ", ") +
                         qs(measure.status);
    if (!kind.isEmpty()) {
        heading += QStringLiteral(" (") + kind + QStringLiteral(")");
    }
    double height = text(heading, textFont(3.1, true), at, width, draw);
    QString who = tr(kResponsible) + QStringLiteral(": ") + orDash(measure.responsible);
    if (!measure.dismissed ||
        measure.deadline) { // a measure that will not be done has no deadline to keep
        who += QStringLiteral("    ") + tr(kDeadline) + QStringLiteral(": ") +
               dateText(measure.deadline);
    }
    height += text(who, textFont(3.0), at + QPointF(0.0, height), width, draw);
    if (measure.dismissed) {
        const QString why = measure.reason.empty()
                                ? QStringLiteral(" (") + tr(kNoReason) + QStringLiteral(")")
                                : QStringLiteral(": ") + qs(measure.reason);
        height += text(tr(kNotDone) + why, textFont(3.0, false, true), at + QPointF(0.0, height),
                       width, draw, kDismissed);
    }
    return height + px(1.2);
}

/// The thumbnail (or a note that it could not be read) with its top right at `at`.
double ProtocolPages::photo(const Thumbnail& thumbnail, QPointF at, bool draw) {
    double height = 0.0;
    const double width = px(kThumbnailMm);
    if (!thumbnail.image.isNull()) {
        const QRectF target(at.x() - thumbnail.image.width(), at.y(), thumbnail.image.width(),
                            thumbnail.image.height());
        if (draw) {
            m_painter.drawImage(target, thumbnail.image);
        }
        height = target.height();
    } else if (thumbnail.missing) {
        height = px(12.0);
        if (draw) {
            m_painter.fillRect(QRectF(at.x() - width, at.y(), width, height),
                               QColor(0xee, 0xee, 0xee));
        }
        text(tr(kPhotoMissing), textFont(2.6, false, true),
             QPointF(at.x() - width + px(1.5), at.y() + px(1.5)), width - px(3.0), draw, kMuted);
    }
    if (thumbnail.more > 0) {
        const QString more = tr(kMorePhotos).arg(thumbnail.more);
        height += text(more, textFont(2.6), QPointF(at.x() - width, at.y() + height), width, draw,
                       kMuted);
    }
    return height;
}

/// One entry: number, place, what was seen, the measures and a thumbnail. Returns its height.
double ProtocolPages::entry(const ProtocolEntry& entry, const Thumbnail& thumbnail, double top,
                            bool draw) {
    const bool hasPhoto = !thumbnail.image.isNull() || thumbnail.missing;
    const double photoWidth = hasPhoto ? px(kThumbnailMm + 4.0) : 0.0;
    const double x = m_body.left() + px(kMarkerMm + 3.0);
    const double width = m_body.right() - x - photoWidth;
    if (draw) {
        m_painter.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), px(0.2)));
        m_painter.drawLine(QPointF(m_body.left(), top - px(kGapMm) / 2.0),
                           QPointF(m_body.right(), top - px(kGapMm) / 2.0));
        m_painter.setRenderHint(QPainter::Antialiasing);
        render::drawStopMarker(
            m_painter, QPointF(m_body.left() + px(kMarkerMm) / 2.0, top + px(kMarkerMm) / 2.0),
            px(kMarkerMm), entry.number, entry.markerColour);
    }
    double y = top + text(orDash(entry.place), textFont(3.8, true), QPointF(x, top), width, draw);
    QString seen = tr(kCategory) + QStringLiteral(": ") + orDash(entry.category) +
                   QStringLiteral("    ") + tr(kPolarity) + QStringLiteral(": ") +
                   orDash(entry.polarity);
    if (entry.time) {
        seen += QStringLiteral("    ") + tr(kTime) + QStringLiteral(": ") + timeText(*entry.time);
    }
    y += px(0.6) + text(seen, textFont(3.0), QPointF(x, y + px(0.6)), width, draw, kMuted);
    if (!entry.description.empty()) {
        y += px(1.2) +
             text(qs(entry.description), textFont(3.2), QPointF(x, y + px(1.2)), width, draw);
    }
    y += px(1.8);
    if (entry.measures.empty()) {
        y += text(tr(kNoMeasure), textFont(3.0, false, true), QPointF(x, y), width, draw, kMuted);
    }
    for (const ProtocolMeasure& proposed : entry.measures) {
        y += measure(proposed, QPointF(x, y), width, draw);
    }
    const double photoBottom = top + photo(thumbnail, QPointF(m_body.right(), top), draw);
    return std::max({y, photoBottom, top + px(kMarkerMm)}) - top;
}

void ProtocolPages::footer(int page, int pages) {
    render::drawPageFooter(m_painter, m_body, px(kFooterMm),
                           tr(kTitle) + QStringLiteral(" – ") + qs(m_protocol.name),
                           tr(kPage).arg(page + 1).arg(pages));
}

/// Every block on the first page with room for it; a block taller than a whole page gets a
/// page of its own (and is cut at its foot: descriptions are limited to 1000 characters, so
/// this does not happen with data that passed the layer's checks).
std::vector<Placement> ProtocolPages::paginate(const std::vector<Thumbnail>& thumbnails) {
    std::vector<Placement> placements;
    double top = firstPage(MapScene{}, false);
    int page = 0;
    for (std::size_t i = 0; i < m_protocol.entries.size(); ++i) {
        const double height = entry(m_protocol.entries[i], thumbnails[i], 0.0, false);
        // A block that does not fit starts a page, where it is placed whatever its height.
        if (top + height > m_body.bottom()) {
            ++page;
            top = m_body.top() + px(kGapMm) / 2.0;
        }
        placements.push_back(Placement{i, page, top});
        top += height + px(kGapMm);
    }
    return placements;
}

struct PdfJob {
    const WalkProtocol& protocol;
    const MapScene& scene;
    const PhotoLoader& loadPhoto;
    const std::string& language;
    Progress& progress;
    std::string where; ///< the path, for errors
};

Result<ProtocolLayout> drawPages(ProtocolPages& pages, const PdfJob& job,
                                 const std::vector<Thumbnail>& thumbnails) {
    const std::vector<Placement> placements = pages.paginate(thumbnails);
    ProtocolLayout layout;
    layout.pages = placements.empty() ? 1 : placements.back().page + 1;
    pages.firstPage(job.scene, true);
    int page = 0;
    const std::size_t total = 2 * job.protocol.entries.size();
    for (const Placement& placement : placements) {
        if (placement.page != page) {
            pages.footer(page, layout.pages);
            if (!pages.newPage()) {
                return fail(ErrorCode::WriteFailed, "cannot start a new page of the protocol",
                            job.where);
            }
            page = placement.page;
        }
        pages.entry(job.protocol.entries[placement.entry], thumbnails[placement.entry],
                    placement.top, true);
        ++layout.entries;
        job.progress.update(job.protocol.entries.size() + layout.entries, total);
        if (job.progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "writing the protocol was cancelled", job.where);
        }
    }
    pages.footer(page, layout.pages);
    return layout;
}

Result<std::vector<Thumbnail>> loadThumbnails(const PdfJob& job) {
    std::vector<Thumbnail> thumbnails;
    const std::size_t total = 2 * job.protocol.entries.size();
    for (const ProtocolEntry& entry : job.protocol.entries) {
        thumbnails.push_back(thumbnailOf(entry, job.loadPhoto));
        job.progress.update(thumbnails.size(), total);
        if (job.progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "writing the protocol was cancelled", job.where);
        }
    }
    return thumbnails;
}

Result<ProtocolLayout> writePdf(QIODevice& device, const PdfJob& job) {
    job.progress.setStage("protocol");
    auto thumbnails = loadThumbnails(job);
    if (!thumbnails) {
        return std::unexpected(thumbnails.error());
    }
    QPdfWriter writer(&device);
    writer.setResolution(static_cast<int>(render::kProtocolDpi));
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(
        qs(kTitle.in(job.language) + (job.protocol.name.empty() ? "" : " – " + job.protocol.name)));
    writer.setCreator(QStringLiteral("Tryggkarta"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        return fail(ErrorCode::WriteFailed, "cannot write the protocol", job.where);
    }
    ProtocolPages pages(writer, painter, job.protocol, job.language);
    Result<ProtocolLayout> layout = drawPages(pages, job, *thumbnails);
    if (!painter.end() && layout) {
        return fail(ErrorCode::WriteFailed, "cannot write the protocol", job.where);
    }
    if (layout) {
        for (const Thumbnail& thumbnail : *thumbnails) {
            layout->photosDrawn += thumbnail.image.isNull() ? 0 : 1;
            layout->photosMissing += thumbnail.missing ? 1 : 0;
        }
    }
    return layout;
}

} // namespace

QImage uprightPhoto(const QImage& stored, int orientation) {
    const PhotoTurn turn = photoTurn(orientation);
    QImage shown = turn.mirrored ? stored.mirrored(true, false) : stored;
    if (turn.clockwiseDegrees != 0) {
        // On a y-down image a positive angle turns clockwise.
        shown = shown.transformed(QTransform().rotate(turn.clockwiseDegrees));
    }
    return shown;
}

Result<ProtocolLayout> writeWalkProtocolPdf(const std::filesystem::path& path,
                                            const WalkProtocol& protocol, const MapScene& scene,
                                            const PhotoLoader& loadPhoto,
                                            const std::string& language, Progress& progress) {
    // QSaveFile writes beside the target and renames on commit, so a reader never sees half
    // a protocol; a failure or cancel discards the temporary file.
    QSaveFile file(qs(path.string()));
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(ErrorCode::WriteFailed, "cannot write the protocol", path.string(),
                    file.errorString().toStdString());
    }
    Result<ProtocolLayout> written =
        writePdf(file, PdfJob{protocol, scene, loadPhoto, language, progress, path.string()});
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit()) {
        return fail(ErrorCode::WriteFailed, "cannot move the protocol into place", path.string(),
                    file.errorString().toStdString());
    }
    return written;
}

} // namespace trygg
