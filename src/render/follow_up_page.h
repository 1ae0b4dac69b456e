#pragma once
// The plan's follow-up page: for each citizen promise its measures by status as a stacked
// bar with their cost, the measures' deadlines on a timeline with today marked and the
// overdue ones in red, and what is being done about the unsafe observations. Drawn with
// QPainter like the rest of the plan, from the same FollowUp model as the app's charts and
// `tryggkarta-cli followup`. Private to trygg_render.

#include "tryggkarta/render/measure_plan.h"

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <cstddef>
#include <vector>

namespace trygg::render {

class FollowUpPage {
public:
    /// Draws `plan.followUp` (which must be set) into `body`, pixels at kProtocolDpi.
    FollowUpPage(QPainter& painter, const QRectF& body, const MeasurePlan& plan);

    void draw();

private:
    [[nodiscard]] QString tr(const Label& label) const;
    double text(const QString& text, const QFont& font, QPointF at, double width, bool draw = true,
                const QColor& colour = Qt::black, Qt::Alignment alignment = Qt::AlignLeft);
    double sectionHeading(const Label& label, QPointF at, double width, bool draw = true);
    [[nodiscard]] QColor statusColour(const std::string& status) const;
    /// A bar's segment with its count in it when there is room.
    void segment(const QRectF& rect, const QColor& colour, std::size_t count);

    void promises(const QRectF& area);
    double promiseRow(const PromiseRow& row, double top, const QRectF& area, std::size_t most,
                      bool draw);
    double statusLegend(QPointF at, double width, bool draw);

    /// Returns where the timeline ends, under its axis and notes.
    double timeline(const QRectF& area);
    /// The timeline's rows that fit: the overdue first, then the next deadlines; by date.
    /// Dropped measures are left out.
    [[nodiscard]] std::vector<std::size_t> shownRows(std::size_t capacity) const;
    void timeAxis(const QRectF& plot, long long first, long long last);

    double answers(const QRectF& area, bool draw);

    QPainter& m_painter;
    QRectF m_body;
    const MeasurePlan& m_plan;
    const PlanFollowUp& m_followUp;
};

} // namespace trygg::render
