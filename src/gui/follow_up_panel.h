#pragma once
// The follow-up panel ("Uppföljning"), for a dock: what was done for each citizen promise,
// what it costs per status, the deadlines with today and the overdue ones in red, what is
// being done about the unsafe observations, and a measure's place before and after it as
// safety walks saw it, side by side. Built from the same model as the plan's follow-up page
// and `tryggkarta-cli followup`; it follows the document, refreshing shortly after any change
// of measures, observations, walks or links.

#include "tryggkarta/core/follow_up.h"

#include <QLocale>
#include <QWidget>
#include <optional>
#include <string>

class QChart;
class QChartView;
class QComboBox;
class QGroupBox;
class QLabel;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace trygg {

class MapDocument;

class FollowUpPanel : public QWidget {
    Q_OBJECT
public:
    /// Columns of the before and after tables.
    enum Column { WalkColumn, CategoryColumn, FeelingColumn, LightColumn, DistanceColumn };

    explicit FollowUpPanel(MapDocument& document, QWidget* parent = nullptr);

    /// The language of the coded values (statuses, promises, categories): "sv" or "en".
    void setLanguage(const std::string& language);
    void retranslate();
    /// The day the follow-up is made on; empty: today.
    void setToday(std::optional<Date> today);
    /// Builds the follow-up again now; the panel also does so by itself, shortly after a
    /// change while it is shown, or when it is shown after changes.
    void refresh();

    /// The model shown; empty when the project has no measures.
    [[nodiscard]] const std::optional<FollowUp>& followUp() const { return m_followUp; }
    [[nodiscard]] QChart* promiseChart() const;
    [[nodiscard]] QChart* costChart() const;
    [[nodiscard]] QChart* timelineChart() const;
    [[nodiscard]] QChart* answerChart() const;
    [[nodiscard]] QComboBox* measureChoice() const { return m_measures; }
    [[nodiscard]] QSpinBox* radiusBox() const { return m_radius; }
    [[nodiscard]] QTableWidget* beforeTable() const { return m_beforeTable; }
    [[nodiscard]] QTableWidget* afterTable() const { return m_afterTable; }
    [[nodiscard]] QLabel* beforeSummary() const { return m_beforeSummary; }
    [[nodiscard]] QLabel* afterSummary() const { return m_afterSummary; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void build();
    QWidget* buildBeforeAfter();
    void scheduleRefresh();
    void refreshWhenShown();
    [[nodiscard]] Project followUpProject() const;
    void showCharts();
    void fillMeasures();
    void showBeforeAfter();
    void fillSide(const BeforeAfterSide& side, QTableWidget* table, QLabel* summary);
    [[nodiscard]] QString summaryText(const SideSummary& summary) const;
    [[nodiscard]] QLocale numberLocale() const;

    MapDocument& m_document;
    std::string m_language = "sv";
    std::optional<Date> m_today;
    bool m_stale = true; ///< changed while hidden: refresh when shown
    Project m_project;   ///< the measures, observations, walks and links the model was built from
    std::optional<FollowUp> m_followUp;
    QTimer* m_refreshTimer = nullptr;
    QLabel* m_status = nullptr;
    QTabWidget* m_tabs = nullptr;
    QChartView* m_promiseView = nullptr;
    QChartView* m_costView = nullptr;
    QLabel* m_costNote = nullptr;
    QChartView* m_timelineView = nullptr;
    QChartView* m_answerView = nullptr;
    QLabel* m_answerNote = nullptr;
    QLabel* m_beforeAfterIntro = nullptr;
    QLabel* m_radiusLabel = nullptr;
    QSpinBox* m_radius = nullptr;
    QComboBox* m_measures = nullptr;
    QLabel* m_beforeAfterNote = nullptr;
    QGroupBox* m_beforeBox = nullptr;
    QGroupBox* m_afterBox = nullptr;
    QTableWidget* m_beforeTable = nullptr;
    QTableWidget* m_afterTable = nullptr;
    QLabel* m_beforeSummary = nullptr;
    QLabel* m_afterSummary = nullptr;
};

} // namespace trygg
