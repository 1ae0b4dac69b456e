#pragma once
// The lighting analysis panel ("Belysningsanalys"): run it, what-if with the planned lamps,
// the lux map on or off, the class table, export; then before and after side by side, the
// classes, the dark stretches (double-click zooms to one) and notes about lamps.

#include "tryggkarta/core/geometry.h"

#include <QLocale>
#include <QWidget>
#include <string>

class QAction;
class QCheckBox;
class QFrame;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QToolButton;
class QWidget;

namespace trygg {

class LightingController;
class LightingState;
struct LightingScenario;

class LightingPanel : public QWidget {
    Q_OBJECT
public:
    /// Rows of the before/after table.
    enum SummaryRow { UnderLitMetres, GapCount, GapMetres, ObservationsLit, ObservationsNowLit };

    explicit LightingPanel(LightingController& controller, QWidget* parent = nullptr);

    /// Runs the analysis with the what-if as chosen ("Beräkna"), also for the menu.
    [[nodiscard]] QAction* runAction() const { return m_runAction; }
    void setLanguage(const std::string& language);
    void retranslate();

    [[nodiscard]] QPushButton* runButton() const { return m_run; }
    [[nodiscard]] QCheckBox* whatIfBox() const { return m_whatIf; }
    [[nodiscard]] QCheckBox* rasterBox() const { return m_showRaster; }
    [[nodiscard]] QTableWidget* summaryTable() const { return m_summary; }
    [[nodiscard]] QTableWidget* classTable() const { return m_classes; }
    [[nodiscard]] QTableWidget* gapTable() const { return m_gaps; }
    [[nodiscard]] QListWidget* noteList() const { return m_notes; }
    [[nodiscard]] QLabel* warningLabel() const { return m_warning; }
    [[nodiscard]] bool warningShown() const;

signals:
    /// Double-click on a dark stretch: show it on the map.
    void zoomRequested(const trygg::Box& box);

private:
    void build();
    void buildResults();
    void refresh();
    void updateStatus();
    void updateLegend();
    void chooseClassTable();
    void exportRaster();
    void zoomToGap(int row);

    // lighting_panel_tables.cpp
    void fillSummary(const LightingState& state, bool planned);
    void fillClasses(const LightingState& state, const LightingScenario& scenario);
    void fillGaps(const LightingState& state, const LightingScenario& scenario);
    void fillNotes(const LightingState& state);
    void clearTables();
    void fitSummaryHeight();
    [[nodiscard]] QString metres(double value) const;
    [[nodiscard]] QString lux(double value) const;
    [[nodiscard]] QString signedNumber(double value, int decimals) const;

    LightingController& m_controller;
    QLocale m_locale{QLocale::Swedish, QLocale::Sweden};
    std::string m_language = "sv";
    QAction* m_runAction = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_run = nullptr;
    QCheckBox* m_whatIf = nullptr;
    QCheckBox* m_showRaster = nullptr;
    QWidget* m_legend = nullptr; ///< the lux map's classes, under its switch
    QLabel* m_tableLabel = nullptr;
    QPushButton* m_chooseTable = nullptr;
    QFrame* m_warningFrame = nullptr;
    QLabel* m_warning = nullptr;
    QPushButton* m_rerun = nullptr;
    QTableWidget* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_classes = nullptr;
    QTableWidget* m_gaps = nullptr;
    QToolButton* m_notesToggle = nullptr;
    QListWidget* m_notes = nullptr;
    QPushButton* m_export = nullptr;
};

} // namespace trygg
