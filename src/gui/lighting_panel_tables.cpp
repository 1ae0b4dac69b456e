// The result tables of the lighting panel: before and after, the classes, the dark stretches
// and the notes about lamps.

#include "lighting_controller.h"
#include "lighting_panel.h"
#include "tryggkarta/analysis/lighting_results.h"

#include <QHeaderView>
#include <QListWidget>
#include <QScrollBar>
#include <QTableWidget>
#include <QToolButton>
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace trygg {
namespace {

constexpr QChar kMinus(0x2212);
constexpr int kGapRole = Qt::UserRole;

QTableWidgetItem* cell(const QString& text, bool number = true) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(number ? (Qt::AlignRight | Qt::AlignVCenter)
                                  : (Qt::AlignLeft | Qt::AlignVCenter));
    return item;
}

/// Sets a cell's text, reusing its item: live updates change few texts, and each new item
/// would make the view lay out again.
QTableWidgetItem* setCell(QTableWidget& table, int row, int column, const QString& text,
                          bool number = true) {
    QTableWidgetItem* item = table.item(row, column);
    if (item == nullptr) {
        item = cell(text, number);
        table.setItem(row, column, item);
    } else if (item->text() != text) {
        item->setText(text);
    }
    return item;
}

/// Fits the columns (not the stretched first) to their texts when the rows are new.
void fitColumns(QTableWidget& table, bool rowsChanged) {
    if (!rowsChanged) {
        return;
    }
    for (int column = 0; column < table.columnCount(); ++column) {
        if (table.horizontalHeader()->sectionResizeMode(column) != QHeaderView::Stretch) {
            table.resizeColumnToContents(column);
        }
    }
}

} // namespace

QString LightingPanel::metres(double value) const {
    return m_locale.toString(value, 'f', 0);
}

QString LightingPanel::lux(double value) const {
    return m_locale.toString(value, 'f', value < 10.0 ? 1 : 0);
}

QString LightingPanel::signedNumber(double value, int decimals) const {
    const double rounded = std::round(value * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    if (rounded == 0.0) {
        return m_locale.toString(0.0, 'f', decimals);
    }
    const QString magnitude = m_locale.toString(std::abs(rounded), 'f', decimals);
    return (rounded > 0.0 ? QStringLiteral("+") : QString(kMinus)) + magnitude;
}

void LightingPanel::clearTables() {
    m_summary->setColumnCount(1);
    m_summary->setHorizontalHeaderLabels({QString()});
    m_summary->setRowCount(0);
    m_summary->hide();
    m_classes->setRowCount(0);
    m_gaps->setRowCount(0);
    m_notes->clear();
    m_notesToggle->setText(tr("Anmärkningar om armaturer"));
    m_notesToggle->setEnabled(false);
}

void LightingPanel::fillSummary(const LightingState& state, bool planned) {
    const std::array rowTitles{tr("Sträckor som är för mörka (m)"), tr("Mörka partier (antal)"),
                               tr("Mörka partier (m)"), tr("Synpunkter om ljus som är upplysta"),
                               tr("Synpunkter som blir upplysta")};
    QStringList headers{QString(), tr("Nuläge")};
    if (planned) {
        headers << tr("Med\nplanerade") << tr("Skillnad");
    }
    m_summary->show();
    const bool rowsChanged = m_summary->columnCount() != static_cast<int>(headers.size()) ||
                             m_summary->rowCount() != static_cast<int>(rowTitles.size());
    if (rowsChanged) {
        m_summary->setColumnCount(static_cast<int>(headers.size()));
        m_summary->setRowCount(static_cast<int>(rowTitles.size()));
    }
    m_summary->setHorizontalHeaderLabels(headers);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int row = 0; row < m_summary->rowCount(); ++row) {
        setCell(*m_summary, row, 0, rowTitles[static_cast<std::size_t>(row)], false);
    }
    auto count = [&](std::size_t n) { return m_locale.toString(static_cast<qulonglong>(n)); };
    auto fillColumn = [&](int column, const LightingScenario& s) {
        setCell(*m_summary, UnderLitMetres, column, metres(s.underLitMetres));
        setCell(*m_summary, GapCount, column, count(s.paths.gaps.size()));
        setCell(*m_summary, GapMetres, column, metres(s.darkMetres));
        setCell(*m_summary, ObservationsLit, column,
                tr("%1 av %2").arg(count(s.observationsLit), count(s.observations.size())));
    };
    const LightingScenario& before = state.scenario(false);
    fillColumn(1, before);
    setCell(*m_summary, ObservationsNowLit, 1, QStringLiteral("–"));
    m_summary->setRowHidden(ObservationsNowLit, !planned);
    if (planned) {
        const LightingScenario& after = state.scenario(true);
        auto difference = [&](double a, double b) { return signedNumber(a - b, 0); };
        fillColumn(2, after);
        setCell(*m_summary, ObservationsNowLit, 2,
                count(state.run().comparison->observationsNowLit));
        setCell(*m_summary, UnderLitMetres, 3,
                difference(after.underLitMetres, before.underLitMetres));
        setCell(*m_summary, GapCount, 3,
                difference(static_cast<double>(after.paths.gaps.size()),
                           static_cast<double>(before.paths.gaps.size())));
        setCell(*m_summary, GapMetres, 3, difference(after.darkMetres, before.darkMetres));
        setCell(*m_summary, ObservationsLit, 3,
                difference(static_cast<double>(after.observationsLit),
                           static_cast<double>(before.observationsLit)));
        setCell(*m_summary, ObservationsNowLit, 3, QString());
    }
    fitColumns(*m_summary, rowsChanged);
    fitSummaryHeight();
}

void LightingPanel::fitSummaryHeight() {
    // Just tall enough for its rows, so that the tables below get the room.
    QTableWidget& table = *m_summary;
    table.resizeRowsToContents();
    int height = table.horizontalHeader()->height();
    for (int row = 0; row < table.rowCount(); ++row) {
        height += table.isRowHidden(row) ? 0 : table.rowHeight(row);
    }
    const QScrollBar* bar = table.horizontalScrollBar();
    height += 2 * table.frameWidth() + (bar->isVisible() ? bar->height() : 0);
    if (table.height() != height) {
        table.setFixedHeight(height);
    }
}

void LightingPanel::fillClasses(const LightingState& state, const LightingScenario& scenario) {
    const auto& classes = state.model().network.table.classes;
    const bool rowsChanged = m_classes->rowCount() != static_cast<int>(scenario.classes.size());
    m_classes->setRowCount(static_cast<int>(scenario.classes.size()));
    int row = 0;
    for (const ClassSummary& summary : scenario.classes) {
        const LightingClass& cls = classes[summary.classIndex];
        setCell(*m_classes, row, 0, QString::fromStdString(cls.name), false);
        setCell(*m_classes, row, 1, lux(cls.averageLux));
        setCell(*m_classes, row, 2, lux(cls.pointMinimum()));
        setCell(*m_classes, row, 3, metres(summary.metres));
        setCell(*m_classes, row, 4, metres(summary.underLitMetres));
        setCell(*m_classes, row, 5, metres(summary.overLitMetres));
        setCell(*m_classes, row, 6, m_locale.toString(summary.worstMinimum, 'f', 2));
        ++row;
    }
    fitColumns(*m_classes, rowsChanged);
}

void LightingPanel::fillGaps(const LightingState& state, const LightingScenario& scenario) {
    const LightingModel& model = state.model();
    const auto& gaps = scenario.paths.gaps;
    std::vector<std::size_t> order(gaps.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::ranges::stable_sort(
        order, [&](std::size_t a, std::size_t b) { return gaps[a].length() > gaps[b].length(); });
    const int scroll = m_gaps->verticalScrollBar()->value(); // live updates keep the place
    const bool rowsChanged = m_gaps->rowCount() != static_cast<int>(gaps.size());
    m_gaps->setRowCount(static_cast<int>(gaps.size()));
    int row = 0;
    for (std::size_t g : order) {
        const DarkGap& gap = gaps[g];
        const NetworkLine& line = model.network.lines[gap.line];
        QString name = QString::fromStdString(line.name);
        if (name.isEmpty()) {
            name = line.layer == "bas_gangvag" ? tr("namnlös gång- och cykelväg")
                   : line.layer == "bas_gata"  ? tr("namnlös gata")
                                               : tr("namnlös väg");
        }
        QTableWidgetItem* first = setCell(*m_gaps, row, 0, name, false);
        first->setData(kGapRole, static_cast<qulonglong>(g));
        first->setToolTip(
            tr("%1, %2–%3 m längs linjen").arg(name, metres(gap.from), metres(gap.to)));
        setCell(*m_gaps, row, 1, metres(gap.length()));
        setCell(*m_gaps, row, 2, m_locale.toString(gap.worstLux, 'f', 2));
        setCell(
            *m_gaps, row, 3,
            m_locale.toString(static_cast<qulonglong>(observationsNearGap(model, scenario, g))));
        ++row;
    }
    fitColumns(*m_gaps, rowsChanged);
    m_gaps->verticalScrollBar()->setValue(scroll);
}

void LightingPanel::fillNotes(const LightingState& state) {
    const auto& notes = state.model().luminaires.notes;
    if (m_notes->count() != static_cast<int>(notes.size())) {
        m_notes->clear();
        for (const std::string& note : notes) {
            m_notes->addItem(QString::fromStdString(note));
        }
    }
    m_notesToggle->setText(tr("Anmärkningar om armaturer (%1)").arg(notes.size()));
    m_notesToggle->setToolTip(tr("Lampor som inte räknats med eller där höjd eller ljusflöde "
                                 "har antagits"));
    m_notesToggle->setEnabled(!notes.empty());
}

void LightingPanel::zoomToGap(int row) {
    const LightingState* state = m_controller.state();
    const QTableWidgetItem* item = m_gaps->item(row, 0);
    if (state == nullptr || item == nullptr) {
        return;
    }
    const bool planned = m_controller.showsPlanned() && state->hasPlanned();
    const LightingScenario& scenario = state->scenario(planned);
    const auto g = static_cast<std::size_t>(item->data(kGapRole).toULongLong());
    if (g >= scenario.paths.gaps.size()) {
        return;
    }
    const DarkGap& gap = scenario.paths.gaps[g];
    const LineString piece = subLine(state->model().network.lines[gap.line].line, gap.from, gap.to);
    emit zoomRequested(piece.size() >= 2 ? envelope(Geometry(piece))
                                         : Box(gap.worstAt, gap.worstAt));
}

} // namespace trygg
