#pragma once
// The follow-up as Qt Charts for the follow-up panel: per citizen promise its measures by
// status (stacked bars in the measure layer's colours, as on the map), the cost per status,
// the deadlines on a date axis with today marked and the overdue ones in red, and what is
// being done about the unsafe observations. The plan's follow-up page draws the same model
// with QPainter (src/render/follow_up_page.cpp).

#include "tryggkarta/core/follow_up.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <vector>

class QChart;

namespace trygg {

class FollowUpCharts {
    Q_DECLARE_TR_FUNCTIONS(trygg::FollowUpCharts)
public:
    /// `statusColours` is parallel to `followUp.promises.statuses`; `followUp` must outlive
    /// this object (the charts made do not refer to it).
    FollowUpCharts(const FollowUp& followUp, std::vector<QColor> statusColours, QLocale locale);

    /// Each call makes a new chart, owned by the caller (a QChartView takes it).
    [[nodiscard]] QChart* promises() const;
    [[nodiscard]] QChart* costs() const;
    [[nodiscard]] QChart* timeline() const;
    [[nodiscard]] QChart* answers() const;

    /// Under the cost chart: how many measures have no cost; empty when all have one.
    [[nodiscard]] QString costNote() const;
    /// Under the answers: all observations, the safe and pleasant ones too.
    [[nodiscard]] QString answerNote() const;

    /// A promise as a bar's category: its text, shortened to fit beside the bars.
    [[nodiscard]] static QString promiseName(const PromiseRow& row);
    /// "Åtgärdas", "Förslag finns", "Inget görs".
    [[nodiscard]] static QString answerName(Answer answer);
    /// The statuses that occur among the measures, as indices into promises.statuses.
    [[nodiscard]] std::vector<std::size_t> occurringStatuses() const;

private:
    [[nodiscard]] QString money(double amount) const;

    const FollowUp& m_followUp;
    std::vector<QColor> m_statusColours;
    QLocale m_locale;
};

} // namespace trygg
