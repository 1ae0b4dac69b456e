// The follow-up page: promises on the left, the timeline and the observations' answers on the
// right. Sizes are fixed in millimetres like the rest of the plan; what does not fit (more
// promises or deadlines than the page holds) is counted in a note rather than squeezed.

#include "follow_up_page.h"

#include "plan_pages.h"
#include "protocol_map.h"
#include "tryggkarta/render/follow_up_style.h"

#include <QDate>
#include <QFontMetricsF>
#include <algorithm>
#include <array>
#include <utility>

namespace trygg::render {
namespace {

constexpr double kChartFontMm = 2.4;
constexpr double kSmallFontMm = 2.2;
constexpr double kBarMm = 3.6;
constexpr double kBoxMm = 3.0; ///< a legend's colour box
constexpr double kTimelineRowMm = 4.2;
constexpr double kMarkerMm = 3.2; ///< the plan's number of a measure on the timeline
const QColor kMuted(0x55, 0x55, 0x55);
const QColor kRule(0xdd, 0xdd, 0xdd);
const QColor kStripe(0xf5, 0xf6, 0xf8);

// The render module has no Qt Linguist: its texts in both languages are kept here.
const Label kHeading{"Uppföljning", "Follow-up"};
const Label kScope{
    "Läget %1 · alla projektets åtgärder (%2), även de som inte står i planen",
    "The state on %1 · all measures of the project (%2), also those not in the plan"};
const Label kPromisesHeading{"Åtgärder per medborgarlöfte och status",
                             "Measures by citizen promise and status"};
const Label kMeasureCount{"Antal åtgärder", "Number of measures"};
const Label kCost{"Kostnad", "Cost"};
const Label kNoPromise{"Utan medborgarlöfte", "No citizen promise"};
const Label kNoMeasures{"inga åtgärder", "no measures"};
const Label kMorePromises{"%1 löften till får inte plats.", "%1 more promises do not fit."};
const Label kTimelineHeading{"Åtgärder efter datum för klart senast", "Measures by deadline"};
const Label kTimelineNote{"Försenade (i rött): %1 · utan datum för klart senast: %2",
                          "Overdue (in red): %1 · without a deadline: %2"};
const Label kNoDeadlines{"Ingen åtgärd har datum för klart senast.", "No measure has a deadline."};
const Label kToday{"idag", "today"};
const Label kMoreRows{"%1 åtgärder till visas inte.", "%1 more measures are not shown."};
const Label kAnswersHeading{"Vad görs åt de otrygga synpunkterna?",
                            "What is being done about the unsafe observations?"};
const Label kActing{"Åtgärdas (beslutad, planerad, pågår, klar)",
                    "Being acted on (decided, planned, under way, done)"};
const Label kProposal{"Förslag finns", "Proposal only"};
const Label kNothing{"Inget görs", "Nothing done"};
const Label kNoUnsafe{"Inga otrygga synpunkter i projektet.",
                      "No unsafe observations in the project."};
const Label kAllObservations{"Alla synpunkter, även trygga och trivsamma: %1, varav %2 åtgärdas.",
                             "All observations, safe and pleasant ones too: %1, of which %2 are "
                             "being acted on."};

double px(double mm) {
    return protocolPixels(mm);
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QColor colourOf(std::string_view hex) {
    return QColor(QLatin1String(hex.data(), static_cast<qsizetype>(hex.size())));
}

long long dayOf(const Date& date) {
    return QDate(date.year, date.month, date.day).toJulianDay();
}

/// The promise chart's columns: the promise, its bar, its cost.
struct PromiseColumns {
    double labelWidth;
    double barLeft;
    double barWidth;
    double costLeft;
    double costWidth;
};

PromiseColumns promiseColumns(const QRectF& area) {
    const double labelWidth = area.width() * 0.42;
    const double costWidth = px(22.0);
    const double barLeft = area.left() + labelWidth + px(2.0);
    const double costLeft = area.right() - costWidth;
    return {labelWidth, barLeft, costLeft - px(2.0) - barLeft, costLeft, costWidth};
}

/// Days along the timeline's plot.
struct DayScale {
    QRectF plot;
    long long first = 0;
    long long last = 1;

    [[nodiscard]] double x(long long day) const {
        return plot.left() +
               plot.width() * static_cast<double>(day - first) / static_cast<double>(last - first);
    }
};

const Label& answerLabel(Answer answer) {
    switch (answer) {
    case Answer::Acting:
        return kActing;
    case Answer::ProposalOnly:
        return kProposal;
    case Answer::Nothing:
        break;
    }
    return kNothing;
}

} // namespace

FollowUpPage::FollowUpPage(QPainter& painter, const QRectF& body, const MeasurePlan& plan)
    : m_painter(painter), m_body(body), m_plan(plan), m_followUp(*plan.followUp) {}

QString FollowUpPage::tr(const Label& label) const {
    return qs(label.in(m_plan.language));
}

double FollowUpPage::text(const QString& text, const QFont& font, QPointF at, double width,
                          bool draw, const QColor& colour, Qt::Alignment alignment) {
    return wrappedText(m_painter, text, font, at, width, draw, colour, alignment);
}

double FollowUpPage::sectionHeading(const Label& label, QPointF at, double width, bool draw) {
    return text(tr(label), protocolFont(3.6, true), at, width, draw) + px(2.0);
}

QColor FollowUpPage::statusColour(const std::string& status) const {
    const std::vector<std::string>& statuses = m_followUp.model.promises.statuses;
    const auto at = std::ranges::find(statuses, status);
    const auto index = static_cast<std::size_t>(at - statuses.begin());
    return index < m_followUp.statusColours.size() ? colourOf(m_followUp.statusColours[index])
                                                   : QColor(Qt::gray);
}

void FollowUpPage::segment(const QRectF& rect, const QColor& colour, std::size_t count) {
    m_painter.fillRect(rect, colour);
    m_painter.setPen(QPen(Qt::white, px(0.25))); // neighbours of similar colour stay apart
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(rect);
    const QString number = QString::number(count);
    const QFont font = protocolFont(kSmallFontMm, true);
    if (QFontMetricsF(font, m_painter.device()).horizontalAdvance(number) + px(1.0) <
        rect.width()) {
        m_painter.setFont(font);
        m_painter.setPen(colour.lightnessF() > 0.6 ? Qt::black : Qt::white);
        m_painter.drawText(rect, Qt::AlignCenter, number);
    }
}

void FollowUpPage::draw() {
    const FollowUp& model = m_followUp.model;
    double top = m_body.top();
    top += text(tr(kHeading), protocolFont(5.0, true), m_body.topLeft(), m_body.width()) + px(1.0);
    const QString scope =
        tr(kScope).arg(qs(toIsoString(model.today))).arg(model.promises.all.measures);
    top +=
        text(scope, protocolFont(3.0), QPointF(m_body.left(), top), m_body.width(), true, kMuted) +
        px(5.0);
    const double gap = px(10.0);
    const QRectF left(m_body.left(), top, (m_body.width() - gap) / 2.0, m_body.bottom() - top);
    const QRectF right(left.right() + gap, top, m_body.right() - left.right() - gap, left.height());
    promises(left);
    const double answersHeight = answers(right, false);
    const double answersTop = right.bottom() - answersHeight;
    // The timeline takes what the answers leave; the answers follow right under it.
    const double timelineEnd = timeline(
        QRectF(right.left(), right.top(), right.width(), answersTop - px(8.0) - right.top()));
    answers(QRectF(right.left(), timelineEnd + px(8.0), right.width(), answersHeight), true);
}

void FollowUpPage::promises(const QRectF& area) {
    const PromiseStatusTable& table = m_followUp.model.promises;
    const PromiseColumns columns = promiseColumns(area);
    double top = area.top() + sectionHeading(kPromisesHeading, area.topLeft(), area.width());
    const QFont small = protocolFont(kSmallFontMm, false, true);
    text(tr(kMeasureCount), small, QPointF(columns.barLeft, top), columns.barWidth, true, kMuted);
    text(tr(kCost), small, QPointF(columns.costLeft, top), columns.costWidth, true, kMuted,
         Qt::AlignRight);
    top += px(3.5);
    const double bottom = area.bottom() - statusLegend(QPointF(), area.width(), false) - px(4.0);
    std::size_t most = 1;
    for (const PromiseRow& row : table.rows) {
        most = std::max(most, row.total.measures);
    }
    std::size_t drawn = 0;
    for (; drawn < table.rows.size(); ++drawn) {
        const double height = promiseRow(table.rows[drawn], top, area, most, false);
        if (top + height > bottom) {
            break;
        }
        top += promiseRow(table.rows[drawn], top, area, most, true);
    }
    if (drawn < table.rows.size()) {
        top += px(1.0) + text(tr(kMorePromises).arg(table.rows.size() - drawn), small,
                              QPointF(area.left(), top + px(1.0)), area.width(), true, kMuted);
    }
    statusLegend(QPointF(area.left(), top + px(3.0)), area.width(), true);
}

double FollowUpPage::promiseRow(const PromiseRow& row, double top, const QRectF& area,
                                std::size_t most, bool draw) {
    const PromiseColumns columns = promiseColumns(area);
    const QFont font = protocolFont(kChartFontMm);
    const QString label =
        row.code.empty() ? tr(kNoPromise) : qs(row.text.empty() ? row.code : row.text);
    const double pad = px(1.0);
    const QPointF at(area.left(), top + pad);
    const double height =
        std::max(text(label, font, at, columns.labelWidth, false), px(kBarMm)) + 2 * pad;
    if (!draw) {
        return height;
    }
    text(label, font, at, columns.labelWidth);
    if (row.total.measures == 0) {
        text(tr(kNoMeasures), protocolFont(kChartFontMm, false, true),
             QPointF(columns.barLeft, at.y()), columns.barWidth, true, kMuted);
    } else {
        const std::vector<std::string>& statuses = m_followUp.model.promises.statuses;
        double x = columns.barLeft;
        for (std::size_t s = 0; s < row.byStatus.size() && s < statuses.size(); ++s) {
            const std::size_t count = row.byStatus[s].measures;
            if (count > 0) {
                const double width =
                    columns.barWidth * static_cast<double>(count) / static_cast<double>(most);
                segment(QRectF(x, at.y(), width, px(kBarMm)), statusColour(statuses[s]), count);
                x += width;
            }
        }
        text(planMoney(row.total.cost, m_plan.language), font, QPointF(columns.costLeft, at.y()),
             columns.costWidth, true, Qt::black, Qt::AlignRight);
    }
    m_painter.setPen(QPen(kRule, px(0.15)));
    m_painter.drawLine(QPointF(area.left(), top + height), QPointF(area.right(), top + height));
    return height;
}

double FollowUpPage::statusLegend(QPointF at, double width, bool draw) {
    const PromiseStatusTable& table = m_followUp.model.promises;
    const QFont font = protocolFont(kChartFontMm);
    const QFontMetricsF metrics(font, m_painter.device());
    const double box = px(kBoxMm);
    const double line = std::max(box, metrics.height()) + px(1.0);
    double x = 0.0;
    double y = 0.0;
    for (std::size_t s = 0; s < table.statuses.size() && s < table.byStatus.size(); ++s) {
        if (table.byStatus[s].measures == 0) {
            continue;
        }
        const std::string& name = table.statusLabels[s];
        const QString label = qs(name.empty() ? "–" : name) + QStringLiteral(" (") +
                              QString::number(table.byStatus[s].measures) + QStringLiteral(")");
        const double itemWidth = box + px(1.2) + metrics.horizontalAdvance(label) + px(4.0);
        if (x > 0.0 && x + itemWidth > width) {
            x = 0.0;
            y += line;
        }
        if (draw) {
            m_painter.fillRect(
                QRectF(at.x() + x, at.y() + y + (line - px(1.0) - box) / 2.0, box, box),
                statusColour(table.statuses[s]));
            m_painter.setFont(font);
            m_painter.setPen(Qt::black);
            m_painter.drawText(
                QRectF(at.x() + x + box + px(1.2), at.y() + y, width, line - px(1.0)),
                Qt::AlignLeft | Qt::AlignVCenter, label);
        }
        x += itemWidth;
    }
    return x > 0.0 ? y + line : y;
}

std::vector<std::size_t> FollowUpPage::shownRows(std::size_t capacity) const {
    const std::vector<TimelineMeasure>& measures = m_followUp.model.timeline.measures;
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < measures.size(); ++i) {
        if (onTimeline(measures[i])) {
            rows.push_back(i);
        }
    }
    if (rows.size() > capacity) {
        std::ranges::stable_partition(rows, [&](std::size_t i) { return measures[i].overdue; });
        rows.resize(capacity);
        std::ranges::sort(rows); // the measures are by deadline
    }
    return rows;
}

double FollowUpPage::timeline(const QRectF& area) {
    const Timeline& timeline = m_followUp.model.timeline;
    double top = area.top() + sectionHeading(kTimelineHeading, area.topLeft(), area.width());
    const QFont small = protocolFont(kSmallFontMm, false, true);
    top += px(1.5) + text(tr(kTimelineNote).arg(timeline.overdue).arg(timeline.withoutDeadline),
                          small, QPointF(area.left(), top), area.width(), true, kMuted);
    const auto listed =
        static_cast<std::size_t>(std::ranges::count_if(timeline.measures, onTimeline));
    if (listed == 0) {
        return top + px(2.0) +
               text(tr(kNoDeadlines), protocolFont(kChartFontMm),
                    QPointF(area.left(), top + px(2.0)), area.width());
    }
    top += px(4.0); // room for "today" over the plot
    const double rowHeight = px(kTimelineRowMm);
    const double axisHeight = px(9.0);
    const auto capacity =
        static_cast<std::size_t>(std::max(0.0, (area.bottom() - top - axisHeight) / rowHeight));
    const std::vector<std::size_t> rows = shownRows(capacity);
    const double labelWidth = area.width() * 0.4;
    DayScale scale;
    scale.plot =
        QRectF(area.left() + labelWidth + px(2.0), top, area.width() - labelWidth - px(4.0),
               rowHeight * static_cast<double>(rows.size()));
    const long long today = dayOf(m_followUp.model.today);
    scale.first = today;
    scale.last = today;
    for (std::size_t i : rows) {
        scale.first = std::min(scale.first, dayOf(timeline.measures[i].deadline));
        scale.last = std::max(scale.last, dayOf(timeline.measures[i].deadline));
    }
    const long long pad = std::max<long long>(14, (scale.last - scale.first) / 20);
    scale.first -= pad;
    scale.last += pad;

    for (std::size_t i = 1; i < rows.size(); i += 2) {
        m_painter.fillRect(
            QRectF(area.left(), top + rowHeight * static_cast<double>(i), area.width(), rowHeight),
            kStripe);
    }
    timeAxis(scale.plot, scale.first, scale.last);
    m_painter.setRenderHint(QPainter::Antialiasing);
    const double todayX = scale.x(today);
    m_painter.setPen(QPen(Qt::black, px(0.3), Qt::DashLine));
    m_painter.drawLine(QPointF(todayX, top - px(1.0)), QPointF(todayX, scale.plot.bottom()));
    m_painter.setFont(protocolFont(kSmallFontMm, true));
    m_painter.drawText(QRectF(todayX - px(15.0), top - px(4.0), px(30.0), px(3.0)),
                       Qt::AlignHCenter | Qt::AlignBottom, tr(kToday));

    const QFont font = protocolFont(kChartFontMm);
    const QFontMetricsF metrics(font, m_painter.device());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const TimelineMeasure& measure = timeline.measures[rows[r]];
        const double middle = top + rowHeight * (static_cast<double>(r) + 0.5);
        const QColor ink = measure.overdue ? kPlanOverdue : Qt::black;
        const auto planned = std::ranges::find(m_plan.measures, measure.id, &PlanMeasure::id);
        if (planned != m_plan.measures.end()) {
            drawStopMarker(m_painter, QPointF(area.left() + px(kMarkerMm) / 2.0, middle),
                           px(kMarkerMm), planned->number, planned->markerColour);
        }
        const double titleLeft = area.left() + px(kMarkerMm + 1.2);
        m_painter.setFont(font);
        m_painter.setPen(ink);
        m_painter.drawText(QRectF(titleLeft, middle - rowHeight / 2.0,
                                  labelWidth - px(kMarkerMm + 1.2), rowHeight),
                           Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(qs(measure.title), Qt::ElideRight,
                                              labelWidth - px(kMarkerMm + 1.2)));
        const QPointF point(scale.x(dayOf(measure.deadline)), middle);
        if (measure.overdue) {
            m_painter.setPen(QPen(kPlanOverdue, px(0.6)));
            m_painter.drawLine(point, QPointF(todayX, middle)); // how late it is
        }
        m_painter.setPen(measure.overdue ? QPen(kPlanOverdue, px(0.5)) : QPen(kMuted, px(0.2)));
        m_painter.setBrush(statusColour(measure.status));
        m_painter.drawEllipse(point, px(1.3), px(1.3));
    }
    double bottom = scale.plot.bottom() + px(5.0); // under the axis's labels
    if (rows.size() < listed) {
        bottom += text(tr(kMoreRows).arg(listed - rows.size()), small, QPointF(area.left(), bottom),
                       area.width(), true, kMuted);
    }
    return bottom;
}

void FollowUpPage::timeAxis(const QRectF& plot, long long first, long long last) {
    const QFont font = protocolFont(kSmallFontMm);
    const QFontMetricsF metrics(font, m_painter.device());
    const double labelWidth = metrics.horizontalAdvance(QStringLiteral("2026-12")) + px(2.0);
    const double months = static_cast<double>(last - first) / 30.44;
    // Months between ticks: the fewest that keep the labels apart.
    int step = 60;
    for (int candidate : {1, 2, 3, 6, 12, 24}) {
        if (plot.width() * candidate / months >= labelWidth) {
            step = candidate;
            break;
        }
    }
    const QDate start = QDate::fromJulianDay(first);
    const QDate end = QDate::fromJulianDay(last);
    QDate tick(start.year(), 1, 1);
    while (tick < start) {
        tick = tick.addMonths(step);
    }
    const DayScale scale{plot, first, last};
    m_painter.setFont(font);
    for (; tick <= end; tick = tick.addMonths(step)) {
        const double x = scale.x(tick.toJulianDay());
        m_painter.setPen(QPen(kRule, px(0.15)));
        m_painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        m_painter.setPen(kMuted);
        const QString label =
            step >= 12 ? QString::number(tick.year()) : tick.toString(QStringLiteral("yyyy-MM"));
        m_painter.drawText(
            QRectF(x - labelWidth / 2.0, plot.bottom() + px(0.8), labelWidth, metrics.height()),
            Qt::AlignHCenter | Qt::AlignTop, label);
    }
    m_painter.setPen(QPen(kMuted, px(0.2)));
    m_painter.drawLine(plot.bottomLeft(), plot.bottomRight());
}

double FollowUpPage::answers(const QRectF& area, bool draw) {
    const ObservationAnswers& answers = m_followUp.model.answers;
    const AnswerTotals& unsafe = answers.unsafe;
    double top = area.top() + sectionHeading(kAnswersHeading, area.topLeft(), area.width(), draw);
    const QFont font = protocolFont(kChartFontMm);
    if (unsafe.total() == 0) {
        top += text(tr(kNoUnsafe), font, QPointF(area.left(), top), area.width(), draw);
    } else {
        const std::array<std::pair<Answer, std::size_t>, 3> parts{
            {{Answer::Acting, unsafe.acting},
             {Answer::ProposalOnly, unsafe.proposalOnly},
             {Answer::Nothing, unsafe.nothing}}};
        const double total = static_cast<double>(unsafe.total());
        double x = area.left();
        for (const auto& [answer, count] : parts) {
            const double width = area.width() * static_cast<double>(count) / total;
            if (draw && count > 0) {
                segment(QRectF(x, top, width, px(5.0)), colourOf(answerColour(answer)), count);
            }
            x += width;
        }
        top += px(7.0);
        const QLocale locale = planLocale(m_plan.language);
        const double box = px(kBoxMm);
        for (const auto& [answer, count] : parts) {
            const QString share =
                locale.toString(100.0 * static_cast<double>(count) / total, 'f', 0);
            const QString line =
                tr(answerLabel(answer)) + QStringLiteral(": ") + QString::number(count) +
                QStringLiteral(" (") + share +
                (m_plan.language == "en" ? QStringLiteral("%)") : QStringLiteral(" %)"));
            if (draw) {
                m_painter.fillRect(QRectF(area.left(), top + px(0.2), box, box),
                                   colourOf(answerColour(answer)));
            }
            top += px(0.8) + text(line, font, QPointF(area.left() + box + px(1.5), top),
                                  area.width() - box - px(1.5), draw);
        }
    }
    const AnswerTotals& all = answers.all;
    top += px(1.5) + text(tr(kAllObservations).arg(all.total()).arg(all.acting),
                          protocolFont(kSmallFontMm, false, true),
                          QPointF(area.left(), top + px(1.5)), area.width(), draw, kMuted);
    return top - area.top();
}

} // namespace trygg::render
