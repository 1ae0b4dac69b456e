#include "follow_up_charts.h"

#include "tryggkarta/render/follow_up_style.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>

namespace trygg {
namespace {

constexpr int kPromiseNameLength = 48; ///< characters of a promise's text beside its bar
constexpr int kTitleLength = 34;       ///< characters of a measure's title on the timeline
constexpr qint64 kTimelineMarginDays = 20;
constexpr std::array<Answer, 3> kAnswers{Answer::Acting, Answer::ProposalOnly, Answer::Nothing};

QColor colourOf(std::string_view hex) {
    return QColor(QLatin1String(hex.data(), static_cast<qsizetype>(hex.size())));
}

QChart* newChart(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true); // a label cut short in a narrow dock shows in full
    return chart;
}

QString shortened(const QString& text, int length) {
    return text.size() <= length ? text : text.left(length - 1).trimmed() + QChar(0x2026);
}

QString labelOf(const std::string& label) {
    return label.empty() ? QStringLiteral("–") : QString::fromStdString(label);
}

QDateTime noonOf(const Date& date) {
    return QDateTime(QDate(date.year, date.month, date.day), QTime(12, 0), Qt::UTC);
}

/// A count axis: whole numbers from 0, about five ticks.
QValueAxis* countAxis(std::size_t most) {
    auto* axis = new QValueAxis;
    const double top = static_cast<double>(std::max<std::size_t>(most, 1));
    axis->setRange(0.0, top);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(std::max(1.0, std::ceil(top / 5.0)));
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

/// Bars side by side in rows named `names` (bottom row first, as Qt draws them).
void attachBars(QChart* chart, QAbstractBarSeries* series, const QStringList& names,
                QValueAxis* values) {
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(names);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
}

} // namespace

FollowUpCharts::FollowUpCharts(const FollowUp& followUp, std::vector<QColor> statusColours,
                               QLocale locale)
    : m_followUp(followUp), m_statusColours(std::move(statusColours)), m_locale(std::move(locale)) {
    m_statusColours.resize(m_followUp.promises.statuses.size(), QColor(Qt::gray));
}

QString FollowUpCharts::money(double amount) const {
    return tr("%1 kr").arg(m_locale.toString(static_cast<qlonglong>(std::llround(amount))));
}

QString FollowUpCharts::promiseName(const PromiseRow& row) {
    if (row.code.empty()) {
        return tr("Utan medborgarlöfte");
    }
    return shortened(QString::fromStdString(row.text.empty() ? row.code : row.text),
                     kPromiseNameLength);
}

QString FollowUpCharts::answerName(Answer answer) {
    switch (answer) {
    case Answer::Acting:
        return tr("Åtgärdas");
    case Answer::ProposalOnly:
        return tr("Förslag finns");
    case Answer::Nothing:
        break;
    }
    return tr("Inget görs");
}

std::vector<std::size_t> FollowUpCharts::occurringStatuses() const {
    const PromiseStatusTable& table = m_followUp.promises;
    std::vector<std::size_t> found;
    for (std::size_t s = 0; s < table.byStatus.size(); ++s) {
        if (table.byStatus[s].measures > 0) {
            found.push_back(s);
        }
    }
    return found;
}

QChart* FollowUpCharts::promises() const {
    const PromiseStatusTable& table = m_followUp.promises;
    QChart* chart = newChart(tr("Åtgärder per medborgarlöfte och status"));
    auto* series = new QHorizontalStackedBarSeries;
    // Qt draws the first category at the bottom: reversed, the promises read from the top.
    QStringList names;
    std::size_t most = 0;
    for (auto row = table.rows.rbegin(); row != table.rows.rend(); ++row) {
        names << promiseName(*row);
        most = std::max(most, row->total.measures);
    }
    for (std::size_t s : occurringStatuses()) {
        auto* set = new QBarSet(labelOf(table.statusLabels[s]));
        set->setColor(m_statusColours[s]);
        set->setBorderColor(Qt::white);
        for (auto row = table.rows.rbegin(); row != table.rows.rend(); ++row) {
            set->append(static_cast<double>(row->byStatus[s].measures));
        }
        series->append(set);
    }
    attachBars(chart, series, names, countAxis(most));
    return chart;
}

QChart* FollowUpCharts::costs() const {
    const PromiseStatusTable& table = m_followUp.promises;
    QChart* chart = newChart(tr("Kostnad per status"));
    chart->legend()->hide(); // the categories name the statuses
    // One set per status with its cost in its own row only: stacked, each row gets its colour.
    std::vector<std::size_t> shown = occurringStatuses();
    std::ranges::reverse(shown);
    auto* series = new QHorizontalStackedBarSeries;
    QStringList names;
    double most = 0.0;
    for (std::size_t row = 0; row < shown.size(); ++row) {
        const std::size_t s = shown[row];
        const FollowUpCell& cell = table.byStatus[s];
        names << tr("%1: %2").arg(labelOf(table.statusLabels[s]), money(cell.cost));
        most = std::max(most, cell.cost);
        auto* set = new QBarSet(labelOf(table.statusLabels[s]));
        set->setColor(m_statusColours[s]);
        for (std::size_t other = 0; other < shown.size(); ++other) {
            set->append(other == row ? cell.cost : 0.0);
        }
        series->append(set);
    }
    auto* kronor = new QValueAxis;
    kronor->setRange(0.0, most > 0.0 ? most : 1.0);
    kronor->applyNiceNumbers();
    kronor->setLabelFormat(QStringLiteral("%.0f"));
    kronor->setTitleText(tr("kr"));
    attachBars(chart, series, names, kronor);
    return chart;
}

QChart* FollowUpCharts::timeline() const {
    const Timeline& timeline = m_followUp.timeline;
    const PromiseStatusTable& table = m_followUp.promises;
    QChart* chart = newChart(tr("Åtgärder efter datum för klart senast"));
    std::vector<const TimelineMeasure*> listed;
    for (const TimelineMeasure& measure : timeline.measures) {
        if (onTimeline(measure)) {
            listed.push_back(&measure);
        }
    }
    const std::size_t n = listed.size();
    if (n == 0) {
        chart->setTitle(tr("Ingen åtgärd har datum för klart senast."));
        return chart;
    }
    // The earliest deadline at the top: row n-1.
    auto rowOf = [n](std::size_t i) { return static_cast<double>(n - 1 - i); };
    std::vector<QScatterSeries*> byStatus(table.statuses.size(), nullptr);
    auto* late = new QScatterSeries;
    late->setName(tr("Försenad"));
    late->setColor(colourOf(kOverdueColour));
    late->setMarkerSize(13.0);
    QDateTime first = noonOf(m_followUp.today);
    QDateTime last = first;
    for (std::size_t i = 0; i < n; ++i) {
        const TimelineMeasure& measure = *listed[i];
        const QDateTime when = noonOf(measure.deadline);
        first = std::min(first, when);
        last = std::max(last, when);
        const QPointF point(static_cast<double>(when.toMSecsSinceEpoch()), rowOf(i));
        const auto s = static_cast<std::size_t>(std::ranges::find(table.statuses, measure.status) -
                                                table.statuses.begin());
        if (measure.overdue || s >= byStatus.size()) { // every status occurs in the table
            late->append(point);
            continue;
        }
        if (byStatus[s] == nullptr) {
            byStatus[s] = new QScatterSeries;
            byStatus[s]->setName(labelOf(table.statusLabels[s]));
            byStatus[s]->setColor(m_statusColours[s]);
            byStatus[s]->setMarkerSize(10.0);
        }
        byStatus[s]->append(point);
    }
    auto* today = new QLineSeries;
    today->setName(tr("Idag %1").arg(QString::fromStdString(toIsoString(m_followUp.today))));
    today->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
    const double todayAt = static_cast<double>(noonOf(m_followUp.today).toMSecsSinceEpoch());
    today->append(todayAt, -0.5);
    today->append(todayAt, static_cast<double>(n) - 0.5);

    auto* dates = new QDateTimeAxis;
    dates->setFormat(QStringLiteral("yyyy-MM"));
    dates->setRange(first.addDays(-kTimelineMarginDays), last.addDays(kTimelineMarginDays));
    dates->setTickCount(5);
    auto* titles = new QCategoryAxis;
    titles->setStartValue(-0.5);
    titles->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    QStringList used; // a category axis needs distinct labels
    for (std::size_t i = n; i-- > 0;) {
        const TimelineMeasure& measure = *listed[i];
        QString label = shortened(QString::fromStdString(measure.title), kTitleLength);
        if (measure.overdue) {
            label += tr(" (försenad)");
        }
        while (used.contains(label)) {
            label += QChar(0x200B); // invisible, keeps same titles apart
        }
        used << label;
        titles->append(label, rowOf(i) + 0.5);
    }
    titles->setRange(-0.5, static_cast<double>(n) - 0.5);
    chart->addAxis(dates, Qt::AlignBottom);
    chart->addAxis(titles, Qt::AlignLeft);
    std::vector<QAbstractSeries*> all(byStatus.begin(), byStatus.end());
    all.push_back(late);
    all.push_back(today);
    for (QAbstractSeries* series : all) {
        if (series == nullptr) {
            continue;
        }
        chart->addSeries(series);
        series->attachAxis(dates);
        series->attachAxis(titles);
    }
    return chart;
}

QChart* FollowUpCharts::answers() const {
    const AnswerTotals& unsafe = m_followUp.answers.unsafe;
    QChart* chart = newChart(tr("Vad görs åt de otrygga synpunkterna?"));
    chart->legend()->setAlignment(Qt::AlignRight);
    auto* series = new QPieSeries;
    const std::array<std::size_t, 3> counts{unsafe.acting, unsafe.proposalOnly, unsafe.nothing};
    for (std::size_t i = 0; i < kAnswers.size(); ++i) {
        QPieSlice* slice = series->append(tr("%1: %2").arg(answerName(kAnswers[i])).arg(counts[i]),
                                          static_cast<double>(counts[i]));
        slice->setColor(colourOf(answerColour(kAnswers[i])));
        slice->setBorderColor(Qt::white);
    }
    series->setPieSize(0.75);
    chart->addSeries(series);
    return chart;
}

QString FollowUpCharts::costNote() const {
    const std::size_t without = m_followUp.promises.all.withoutCost;
    return without == 0 ? QString()
                        : tr("Åtgärder utan kostnad, räknade som 0 kr: %1.").arg(without);
}

QString FollowUpCharts::answerNote() const {
    const ObservationAnswers& answers = m_followUp.answers;
    QString note = tr("Alla synpunkter, även trygga och trivsamma: %1, varav %2 åtgärdas.")
                       .arg(answers.all.total())
                       .arg(answers.all.acting);
    if (answers.unsafe.total() == 0) {
        note.prepend(tr("Inga otrygga synpunkter i projektet.") + QLatin1Char(' '));
    }
    return note;
}

} // namespace trygg
