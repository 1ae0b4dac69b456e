#pragma once
// Arkiv → Åtgärdsplan…: the measure plan for the council and the police, through the same
// buildMeasurePlan and writeMeasurePlan the CLI's `plan` calls. The dialog fills PlanOptions
// (title, paper, which statuses, the map's area, language, the follow-up page, PDF or PNG),
// writes the plan in the background with progress and Cancel, and offers to open it.

#include "tryggkarta/render/measure_plan.h"

#include <QDialog>

#include <filesystem>
#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace trygg {

class MapDocument;

class PlanDialog : public QDialog {
    Q_OBJECT
public:
    /// `view` is the map window's area now (project CRS), offered as the map's area;
    /// `language` the UI language, the plan's default.
    PlanDialog(MapDocument& document, const Box& view, const QString& language,
               QWidget* parent = nullptr);

    /// The options as the dialog shows them.
    [[nodiscard]] PlanOptions options() const;
    void setOutput(const QString& path);
    [[nodiscard]] QString output() const;
    /// What the last plan written holds.
    [[nodiscard]] const std::optional<PlanLayout>& layout() const { return m_layout; }
    /// Asked after writing: open the plan? Tests switch it off.
    void setOfferToOpen(bool offer) { m_offerToOpen = offer; }

    [[nodiscard]] QLineEdit* titleEdit() const { return m_title; }
    [[nodiscard]] QComboBox* paperChoice() const { return m_paper; }
    [[nodiscard]] QListWidget* statusList() const { return m_statuses; }
    [[nodiscard]] QRadioButton* viewExtentButton() const { return m_viewExtent; }
    [[nodiscard]] QComboBox* languageChoice() const { return m_language; }
    [[nodiscard]] QCheckBox* followUpBox() const { return m_followUp; }

    /// OK: asks before replacing an existing file, writes the plan; stays open when that
    /// failed or was cancelled.
    void accept() override;

private:
    void browse();

    MapDocument& m_document;
    Box m_view;
    QLineEdit* m_title = nullptr;
    QComboBox* m_paper = nullptr;
    QListWidget* m_statuses = nullptr;
    QRadioButton* m_measuresExtent = nullptr;
    QRadioButton* m_viewExtent = nullptr;
    QComboBox* m_language = nullptr;
    QCheckBox* m_followUp = nullptr;
    QLineEdit* m_output = nullptr;
    bool m_offerToOpen = true;
    std::optional<PlanLayout> m_layout;
};

} // namespace trygg
