#pragma once
// The priority list in the app ("Prioriterade platser"): places where unsafe observations
// gather, ranked by the score of analysis/priorities.h, each row saying why. The planner tunes
// the weights (the list reorders at once), the distance that makes a place and which
// observations count (the list is computed again off the GUI thread). It follows the document:
// a new project, edited observations, measures, links or lighting results recompute it.
// Clicking a row asks the map to show the place.

#include "tryggkarta/analysis/priorities.h"

#include <QFutureWatcher>
#include <QList>
#include <QLocale>
#include <QTimer>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <string>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableWidget;
class QToolButton;
class QVBoxLayout;

namespace trygg {

class MapDocument;
class ObservationFilterBox;
class SharedProgress;

class PriorityPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { RankColumn, PlaceColumn, ScoreColumn, CountColumn, WhyColumn, ColumnCount };

    explicit PriorityPanel(const MapDocument& document, QWidget* parent = nullptr);
    ~PriorityPanel() override;

    /// The language of place labels and explanations ("sv", "en"); the panel's own texts follow
    /// the installed translator (retranslate).
    void setLanguage(const std::string& language);
    void retranslate();
    /// The list's name for the dock's title bar: "Prioriterade platser".
    [[nodiscard]] static QString title();

    /// Computes the list again now (in the background).
    void refresh();
    /// Waits for a computation in progress and shows its result (tests).
    void waitForUpdate();

    /// The list shown; null before the first computation or when it failed.
    [[nodiscard]] const PriorityList* list() const { return m_list ? &*m_list : nullptr; }
    [[nodiscard]] PriorityOptions options() const;
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    [[nodiscard]] QDoubleSpinBox* weightBox(PriorityFactor factor) const {
        return m_weights[static_cast<std::size_t>(factor)];
    }
    [[nodiscard]] QDoubleSpinBox* distanceBox() const { return m_eps; }
    [[nodiscard]] QSpinBox* minimumBox() const { return m_minPoints; }
    [[nodiscard]] ObservationFilterBox* filterBox() const { return m_filter; }

signals:
    /// A place was clicked: show its extent (the envelope of its observations) on the map.
    void zoomRequested(const trygg::Box& box);
    /// A place was clicked: its observations, to select them.
    void observationsChosen(const QList<qint64>& ids);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void build();
    QWidget* buildSettings();
    void rebuildFilter();
    void documentChanged();
    void scheduleUpdate();
    void startUpdate();
    void updateFinished();
    void weightsChanged();
    void fill();
    void updateStatus(const QString& problem);
    void activate(int row);
    [[nodiscard]] QString number(double value, int decimals) const;
    [[nodiscard]] QString scoreTip(const PriorityPlace& place) const;

    const MapDocument& m_document;
    std::string m_language = "sv";
    QLocale m_locale{QLocale::Swedish, QLocale::Sweden};
    std::optional<PriorityList> m_list;
    QTimer m_debounce;
    QFutureWatcher<Result<PriorityList>> m_update;
    std::shared_ptr<SharedProgress> m_progress;
    bool m_again = false; ///< asked for while an update ran
    bool m_stale = true;  ///< the document changed while the panel was hidden

    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QToolButton* m_settingsToggle = nullptr;
    QWidget* m_settings = nullptr;
    QVBoxLayout* m_settingsLayout = nullptr;
    QLabel* m_epsLabel = nullptr;
    QDoubleSpinBox* m_eps = nullptr;
    QLabel* m_minPointsLabel = nullptr;
    QSpinBox* m_minPoints = nullptr;
    QLabel* m_weightsLabel = nullptr;
    std::array<QLabel*, kPriorityFactorCount> m_weightLabels{};
    std::array<QDoubleSpinBox*, kPriorityFactorCount> m_weights{};
    ObservationFilterBox* m_filter = nullptr;
};

} // namespace trygg
