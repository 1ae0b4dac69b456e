#pragma once
// Analys → Heta och kalla punkter…: observations counted in hexagonal cells, Getis-Ord Gi* per
// cell and the cells binned at 90/95/99 % (with the false-discovery-rate correction by
// default): the same hexagonStatistics the CLI's `hotspots` calls. The cells become the
// result layer "Heta och kalla punkter" in one undo step, drawn red (hot) to blue (cold).

#include "tryggkarta/analysis/hexagon_stats.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace trygg {

class MapDocument;
class ObservationFilterBox;

class HotspotDialog : public QDialog {
    Q_OBJECT
public:
    HotspotDialog(MapDocument& document, const QString& language, QWidget* parent = nullptr);

    /// The options as the dialog shows them (`where` from the observation choices).
    [[nodiscard]] HexagonOptions options() const;
    /// The statistics of the last run (after OK).
    [[nodiscard]] const std::optional<HexagonStatistics>& statistics() const { return m_stats; }

    [[nodiscard]] ObservationFilterBox* filterBox() const { return m_filter; }
    [[nodiscard]] QDoubleSpinBox* cellSizeEdit() const { return m_cellSize; }
    [[nodiscard]] QComboBox* valueChoice() const { return m_value; }
    [[nodiscard]] QDoubleSpinBox* bandEdit() const { return m_band; }
    [[nodiscard]] QCheckBox* fdrCheck() const { return m_fdr; }

    /// OK: computes in the background (progress, Cancel) and writes the cells as one undo
    /// step; stays open when that failed or was cancelled.
    void accept() override;

    /// "3 heta celler (99 %: 1, 95 %: 2), 1 kall …": the outcome in a planner's words.
    [[nodiscard]] static QString summary(const HexagonStatistics& stats);

private:
    MapDocument& m_document;
    ObservationFilterBox* m_filter = nullptr;
    QDoubleSpinBox* m_cellSize = nullptr;
    QComboBox* m_value = nullptr;
    QDoubleSpinBox* m_band = nullptr;
    QCheckBox* m_fdr = nullptr;
    QPushButton* m_ok = nullptr;
    std::optional<HexagonStatistics> m_stats;
};

} // namespace trygg
