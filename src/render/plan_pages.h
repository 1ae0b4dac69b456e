#pragma once
// The measure plan's pages: what is on them and where. Private to trygg_render; the PDF and
// PNG files are written by writeMeasurePlan.

#include "tryggkarta/render/follow_up_style.h"
#include "tryggkarta/render/measure_plan.h"
#include "tryggkarta/render/view_transform.h"

#include <QFont>
#include <QLocale>
#include <QPainter>
#include <cstddef>
#include <limits>
#include <vector>

namespace trygg::render {

/// Overdue deadlines, in the plan's table and on its timeline.
inline const QColor kPlanOverdue{QLatin1String(kOverdueColour.data(), kOverdueColour.size())};

/// The plan's locale: Swedish, or British English.
QLocale planLocale(const std::string& language);
/// An amount in kronor as the plan writes it: "85 000 kr", "SEK 85,000".
QString planMoney(double amount, const std::string& language);

class PlanPages {
public:
    /// A row of the table, or the totals, and where it goes.
    struct Block {
        std::size_t item = 0; ///< index into plan.measures, or kTotalsBlock
        int page = 0;         ///< 0 is the map page
        double top = 0.0;
    };
    static constexpr std::size_t kTotalsBlock = std::numeric_limits<std::size_t>::max();

    /// Pages of `page` pixels (at kProtocolDpi) drawn through `painter`.
    PlanPages(QPainter& painter, QSizeF page, const MeasurePlan& plan);

    /// Where every block goes; the last one is the totals.
    std::vector<Block> paginate();

    void mapPage(const MapScene& scene);
    /// The heading row of the table at the top of a table page; on the first one, the
    /// section's heading above it (or a note that there are no measures).
    void tableStart(bool first);
    void block(const Block& block);
    /// The follow-up page, on a page of its own; the plan must have one.
    void followUpPage();
    void footer(int page, int pages);

private:
    struct RowStyle {
        bool overdue = false;
    };

    [[nodiscard]] QString tr(const Label& label) const;
    double text(const QString& text, const QFont& font, QPointF at, double width, bool draw,
                const QColor& colour = Qt::black, Qt::Alignment alignment = Qt::AlignLeft);
    void legend(const MapScene& scene, const ViewTransform& view, QPointF at, double width);
    double heading(const Label& label, double top, bool draw);
    double cells(const std::vector<QString>& values, double top, bool draw, const QFont& font,
                 const RowStyle& style);
    double tableHeading(double top, bool draw);
    [[nodiscard]] std::vector<QString> rowValues(const PlanMeasure& measure) const;
    double row(const PlanMeasure& measure, double top, bool draw);
    double totals(double top, bool draw);

    QPainter& m_painter;
    const MeasurePlan& m_plan;
    QRectF m_body;
    std::vector<double> m_columnWidths;
};

} // namespace trygg::render
