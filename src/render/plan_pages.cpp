// The plan's pages, landscape at 300 dpi: the map page, then the table of measures and the
// totals, then the follow-up page (follow_up_page.cpp). Laid out in two passes with the same
// code, first measuring and then drawing, so no row is split across pages and every page can
// say how many pages there are. The same pages go to a PDF or, one image per page, to PNG
// files.

#include "plan_pages.h"

#include "follow_up_page.h"
#include "protocol_map.h"
#include "decorations.h"
#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_builder.h"

#include <QLocale>
#include <algorithm>
#include <array>
#include <numeric>

namespace trygg::render {
namespace {

constexpr double kMarginMm = 12.0;
constexpr double kFooterMm = 7.0;
constexpr double kLegendWidthMm = 64.0;
constexpr double kGapMm = 5.0;
constexpr double kMarkerMm = 6.0;    ///< a measure's number on the map
constexpr double kRowMarkerMm = 4.6; ///< the same number in the table
constexpr double kCellPadMm = 1.3;
constexpr double kTableFontMm = 2.6;
const QColor kMuted(0x55, 0x55, 0x55);
const QColor kRule(0xbb, 0xbb, 0xbb);
const QColor kHeadingFill(0xe4, 0xe9, 0xf0);
const QColor kStripe(0xf5, 0xf6, 0xf8);

// The render module has no Qt Linguist: its texts in both languages are kept here.
const Label kLegend{"Teckenförklaring", "Legend"};
const Label kNumberNote{"Åtgärdens nummer i tabellen", "The measure's number in the table"};
const Label kMeasuresHeading{"Åtgärder", "Measures"};
const Label kTotalsHeading{"Kostnad per ansvarig och status", "Cost by responsible body and status"};
const Label kTotalsNote{"Inom parentes: antal åtgärder.", "In brackets: number of measures."};
const Label kWithoutCost{"%1 av åtgärderna saknar kostnad och räknas som 0 kr.",
                         "%1 of the measures have no cost and count as 0."};
const Label kNoMeasures{"Inga åtgärder att visa.", "No measures to show."};
const Label kSum{"Summa", "Total"};
const Label kOverdueNote{"försenad", "overdue"};
const Label kPage{"Sida %1 av %2", "Page %1 of %2"};
const Label kResponsibleHeading{"Ansvarig", "Responsible"};

/// The table's columns: heading and width share (millimetres on A4, scaled to the page).
struct Column {
    Label heading;
    double width;
    Qt::Alignment alignment = Qt::AlignLeft;
};
const std::array<Column, 9> kColumns{{
    {{"Nr", "No."}, 10.0},
    {{"Åtgärd", "Measure"}, 52.0},
    {{"Typ", "Type"}, 28.0},
    {{"Status", "Status"}, 21.0},
    {{"Ansvarig", "Responsible"}, 27.0},
    {{"Kostnad", "Cost"}, 22.0, Qt::AlignRight},
    {{"Klart senast", "Deadline"}, 21.0},
    {{"Medborgarlöfte", "Citizen promise"}, 50.0},
    {{"Svarar på observationer", "Observations answered"}, 42.0},
}};

double px(double mm) {
    return protocolPixels(mm);
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// What the plan's map shows: the base map, the lighting, the observations, the measures
/// and the dark stretches the lighting analysis found, without the walks and the analysis
/// layers that repeat the others; the measures' links; scale bar, north arrow and note.
MapScene planScene(const MapScene& scene) {
    static constexpr std::string_view kShown[] = {"belysning", "observationer", "atgarder",
                                                  "ljus_morka"};
    MapScene shown = scene;
    for (SceneLayer& layer : shown.layers) {
        const LayerDef& definition = layer.layer->definition();
        layer.visible = definition.group == kBaseMapGroup ||
                        std::ranges::find(kShown, definition.table) != std::end(kShown);
    }
    shown.decorations.legend = false;
    shown.decorations.title.clear();
    shown.decorations.scaleBar = true;
    shown.decorations.northArrow = true;
    return shown;
}

/// The legend lists what the plan is about; the base map explains itself.
MapScene legendScene(const MapScene& shown) {
    MapScene legend = shown;
    for (SceneLayer& layer : legend.layers) {
        layer.visible = layer.visible && layer.layer->definition().group != kBaseMapGroup;
    }
    return legend;
}

} // namespace

QLocale planLocale(const std::string& language) {
    return language == "en" ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                            : QLocale(QLocale::Swedish, QLocale::Sweden);
}

QString planMoney(double amount, const std::string& language) {
    const QString number =
        planLocale(language).toString(static_cast<qlonglong>(std::llround(amount)));
    return language == "en" ? QStringLiteral("SEK ") + number : number + QStringLiteral(" kr");
}

PlanPages::PlanPages(QPainter& painter, QSizeF page, const MeasurePlan& plan)
    : m_painter(painter), m_plan(plan),
      m_body(px(kMarginMm), px(kMarginMm), page.width() - 2 * px(kMarginMm),
             page.height() - 2 * px(kMarginMm) - px(kFooterMm)) {
    const double total = std::accumulate(kColumns.begin(), kColumns.end(), 0.0,
                                         [](double sum, const Column& c) { return sum + c.width; });
    for (const Column& column : kColumns) {
        m_columnWidths.push_back(m_body.width() * column.width / total);
    }
}

QString PlanPages::tr(const Label& label) const {
    return qs(label.in(m_plan.language));
}

double PlanPages::text(const QString& text, const QFont& font, QPointF at, double width, bool draw,
                       const QColor& colour, Qt::Alignment alignment) {
    return wrappedText(m_painter, text, font, at, width, draw, colour, alignment);
}

void PlanPages::mapPage(const MapScene& scene) {
    double top = m_body.top();
    top += text(qs(m_plan.title), protocolFont(7.0, true), m_body.topLeft(), m_body.width(), true);
    const QString line = qs(m_plan.subtitle) + QStringLiteral("  ·  ") +
                         qs(toIsoString(m_plan.date));
    top += px(1.0) + text(line, protocolFont(3.8), QPointF(m_body.left(), top + px(1.0)),
                          m_body.width(), true, kMuted);
    top += px(4.0);
    const double legendWidth = px(kLegendWidthMm);
    const QRectF frame(m_body.left(), top, m_body.width() - legendWidth - px(kGapMm),
                       m_body.bottom() - top);
    const MapScene shown = planScene(scene);
    const QSize size(static_cast<int>(frame.width()), static_cast<int>(frame.height()));
    const Box extent = isEmpty(m_plan.extent) ? sceneExtent(shown) : m_plan.extent;
    const ViewTransform view = ViewTransform::fitting(extent, size, 0.02, kProtocolDpi);
    m_painter.save();
    m_painter.translate(frame.topLeft());
    m_painter.setClipRect(QRectF(QPointF(0.0, 0.0), QSizeF(size)));
    m_painter.fillRect(QRectF(QPointF(0.0, 0.0), QSizeF(size)), Qt::white);
    MapRenderer().render(m_painter, shown, view);
    m_painter.setRenderHint(QPainter::Antialiasing);
    for (const PlanMeasure& measure : m_plan.measures) {
        if (measure.anchor) {
            drawStopMarker(m_painter, view.toScreen(*measure.anchor), px(kMarkerMm),
                           measure.number, measure.markerColour);
        }
    }
    m_painter.restore();
    m_painter.setPen(QPen(kMuted, px(0.25)));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(frame);
    legend(legendScene(shown), view, QPointF(frame.right() + px(kGapMm), top), legendWidth);
}

void PlanPages::legend(const MapScene& scene, const ViewTransform& view, QPointF at, double width) {
    double y = at.y() + text(tr(kLegend), protocolFont(3.6, true), at, width, true);
    y += px(2.0);
    m_painter.setRenderHint(QPainter::Antialiasing);
    drawStopMarker(m_painter, QPointF(at.x() + px(kMarkerMm) / 2.0, y + px(kMarkerMm) / 2.0),
                   px(kMarkerMm), 1, "#3182bd");
    text(tr(kNumberNote), protocolFont(2.8), QPointF(at.x() + px(kMarkerMm + 2.0), y + px(1.0)),
         width - px(kMarkerMm + 2.0), true);
    y += px(kMarkerMm + 3.0);
    // drawLegend places its panel 5 mm in from the view's left edge.
    m_painter.save();
    m_painter.translate(at.x() - view.pixelsForMillimetres(5.0), 0.0);
    drawLegend(m_painter, scene, view, y);
    m_painter.restore();
}

double PlanPages::heading(const Label& label, double top, bool draw) {
    return text(tr(label), protocolFont(5.0, true), QPointF(m_body.left(), top), m_body.width(),
                draw) +
           px(2.5);
}

double PlanPages::cells(const std::vector<QString>& values, double top, bool draw,
                        const QFont& font, const RowStyle& style) {
    double x = m_body.left();
    double height = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double width = m_columnWidths[i] - 2 * px(kCellPadMm);
        const QColor colour = i == 6 && style.overdue ? kPlanOverdue : Qt::black;
        height = std::max(height, text(values[i], font, QPointF(x + px(kCellPadMm), top + px(kCellPadMm)),
                                       width, draw, colour, kColumns[i].alignment));
        x += m_columnWidths[i];
    }
    return height + 2 * px(kCellPadMm);
}

double PlanPages::tableHeading(double top, bool draw) {
    std::vector<QString> headings;
    for (const Column& column : kColumns) {
        headings.push_back(tr(column.heading));
    }
    const QFont font = protocolFont(kTableFontMm, true);
    const double height = cells(headings, top, false, font, RowStyle{});
    if (draw) {
        m_painter.fillRect(QRectF(m_body.left(), top, m_body.width(), height), kHeadingFill);
        cells(headings, top, true, font, RowStyle{});
    }
    return height;
}

std::vector<QString> PlanPages::rowValues(const PlanMeasure& measure) const {
    auto orDash = [](const std::string& value) {
        return value.empty() ? QStringLiteral("–") : qs(value);
    };
    QString deadline = measure.deadline ? qs(toIsoString(*measure.deadline)) : QStringLiteral("–");
    if (measure.overdue) {
        deadline += QStringLiteral("\n(") + tr(kOverdueNote) + QStringLiteral(")");
    }
    QString answered = QString::number(measure.observations);
    if (!measure.answered.empty()) {
        answered += QStringLiteral(": ") + qs(measure.answered);
    }
    return {QString(), // the numbered marker is drawn instead
            orDash(measure.title),
            orDash(measure.type),
            orDash(measure.status),
            orDash(measure.responsible),
            measure.cost ? planMoney(*measure.cost, m_plan.language) : QStringLiteral("–"),
            deadline,
            orDash(measure.promise),
            answered};
}

double PlanPages::row(const PlanMeasure& measure, double top, bool draw) {
    const std::vector<QString> values = rowValues(measure);
    const QFont font = protocolFont(kTableFontMm);
    const RowStyle style{measure.overdue};
    const double height = std::max(cells(values, top, false, font, style), px(kRowMarkerMm + 2 * kCellPadMm));
    if (!draw) {
        return height;
    }
    if (measure.number % 2 == 0) {
        m_painter.fillRect(QRectF(m_body.left(), top, m_body.width(), height), kStripe);
    }
    cells(values, top, true, font, style);
    m_painter.setRenderHint(QPainter::Antialiasing);
    drawStopMarker(m_painter,
                   QPointF(m_body.left() + m_columnWidths[0] / 2.0, top + px(kCellPadMm + kRowMarkerMm / 2.0)),
                   px(kRowMarkerMm), measure.number, measure.markerColour);
    m_painter.setPen(QPen(kRule, px(0.15)));
    m_painter.drawLine(QPointF(m_body.left(), top + height), QPointF(m_body.right(), top + height));
    return height;
}

double PlanPages::totals(double top, bool draw) {
    const PlanTotals& totals = m_plan.totals;
    const double start = top;
    top += heading(kTotalsHeading, top, draw);
    // Columns: the responsible body, one per status, the sum; as wide as the table allows.
    const std::size_t columns = totals.statuses.size() + 2;
    const double width = std::min(px(40.0), m_body.width() / static_cast<double>(columns));
    auto cell = [&](const PlanCell& c) {
        return planMoney(c.cost, m_plan.language) + QStringLiteral(" (") +
               QString::number(c.measures) + QStringLiteral(")");
    };
    auto line = [&](const std::vector<QString>& values, bool bold, bool shaded) {
        const QFont font = protocolFont(kTableFontMm, bold);
        double height = 0.0;
        for (int pass = draw ? 0 : 1; pass < 2; ++pass) {
            const bool drawing = pass == 1 && draw;
            if (drawing && shaded) {
                m_painter.fillRect(QRectF(m_body.left(), top, width * static_cast<double>(columns), height), kHeadingFill);
            }
            double x = m_body.left();
            for (std::size_t i = 0; i < values.size(); ++i) {
                height = std::max(height, text(values[i], font, QPointF(x + px(kCellPadMm), top + px(kCellPadMm)),
                                               width - 2 * px(kCellPadMm), drawing, Qt::black,
                                               i == 0 ? Qt::AlignLeft : Qt::AlignRight));
                x += width;
            }
        }
        top += height + 2 * px(kCellPadMm);
    };
    std::vector<QString> headings{tr(kResponsibleHeading)};
    for (const std::string& status : totals.statuses) {
        headings.push_back(qs(status));
    }
    headings.push_back(tr(kSum));
    line(headings, true, true);
    for (std::size_t r = 0; r < totals.responsibles.size(); ++r) {
        std::vector<QString> values{qs(totals.responsibles[r].empty() ? "–" : totals.responsibles[r])};
        for (const PlanCell& c : totals.cells[r]) {
            values.push_back(c.measures == 0 ? QString() : cell(c));
        }
        values.push_back(cell(totals.byResponsible[r]));
        line(values, false, false);
    }
    std::vector<QString> sums{tr(kSum)};
    for (const PlanCell& c : totals.byStatus) {
        sums.push_back(cell(c));
    }
    sums.push_back(cell(totals.all));
    line(sums, true, true);
    QString note = tr(kTotalsNote);
    if (totals.withoutCost > 0) {
        note += QStringLiteral(" ") + tr(kWithoutCost).arg(totals.withoutCost);
    }
    top += px(1.5) + text(note, protocolFont(2.6, false, true), QPointF(m_body.left(), top + px(1.5)),
                          m_body.width(), draw, kMuted);
    return top - start;
}

std::vector<PlanPages::Block> PlanPages::paginate() {
    std::vector<Block> blocks;
    int page = 1; // page 0 is the map
    double top = m_body.top() + heading(kMeasuresHeading, 0.0, false) + tableHeading(0.0, false);
    for (std::size_t i = 0; i < m_plan.measures.size(); ++i) {
        const double height = row(m_plan.measures[i], 0.0, false);
        if (top + height > m_body.bottom()) {
            ++page;
            top = m_body.top() + tableHeading(0.0, false);
        }
        blocks.push_back(Block{i, page, top});
        top += height;
    }
    top += px(kGapMm * 1.5);
    if (top + totals(0.0, false) > m_body.bottom()) {
        ++page;
        top = m_body.top();
    }
    blocks.push_back(Block{kTotalsBlock, page, top});
    return blocks;
}

void PlanPages::tableStart(bool first) {
    double top = m_body.top();
    if (first) {
        top += heading(kMeasuresHeading, top, true);
        if (m_plan.measures.empty()) {
            text(tr(kNoMeasures), protocolFont(3.2), QPointF(m_body.left(), top), m_body.width(), true);
            return;
        }
    }
    tableHeading(top, true);
}

void PlanPages::block(const Block& block) {
    if (block.item == kTotalsBlock) {
        totals(block.top, true);
    } else {
        row(m_plan.measures[block.item], block.top, true);
    }
}

void PlanPages::followUpPage() {
    FollowUpPage(m_painter, m_body, m_plan).draw();
}

void PlanPages::footer(int page, int pages) {
    drawPageFooter(m_painter, m_body, px(kFooterMm),
                   qs(m_plan.title) + QStringLiteral(" – ") + qs(toIsoString(m_plan.date)),
                   tr(kPage).arg(page + 1).arg(pages));
}

} // namespace trygg::render
