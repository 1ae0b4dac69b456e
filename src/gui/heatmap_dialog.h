#pragma once
// Analys → Värmekarta…: which observations, the kernel, its radius (with Silverman's
// suggestion), the cell size, an optional weight and raw or scaled values — the choices of
// the CLI's `heatmap` and of QGIS's "Heatmap (Kernel Density Estimation)", in a planner's words.

#include "heatmap_controller.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace trygg {

class MapDocument;
class ObservationFilterBox;

class HeatmapDialog : public QDialog {
    Q_OBJECT
public:
    /// Starts from `previous` when given (the heat map shown), else from defaults: unsafe
    /// observations, quartic kernel, the suggested radius, 2 m cells.
    HeatmapDialog(const MapDocument& document, const QString& language,
                  const HeatmapRequest* previous, QWidget* parent = nullptr);

    [[nodiscard]] HeatmapRequest request() const;

    [[nodiscard]] ObservationFilterBox* filterBox() const { return m_filter; }
    [[nodiscard]] QComboBox* kernelChoice() const { return m_kernel; }
    [[nodiscard]] QDoubleSpinBox* radiusEdit() const { return m_radius; }
    [[nodiscard]] QDoubleSpinBox* pixelEdit() const { return m_pixel; }
    [[nodiscard]] QComboBox* weightChoice() const { return m_weight; }
    [[nodiscard]] QComboBox* outputChoice() const { return m_output; }
    [[nodiscard]] QPushButton* suggestButton() const { return m_suggest; }

    /// Silverman's radius for the observations chosen now (0 when fewer than two places).
    [[nodiscard]] double suggestedRadius() const;

private:
    void suggestRadius();
    void updateOk();

    const MapDocument& m_document;
    ObservationFilterBox* m_filter = nullptr;
    QComboBox* m_kernel = nullptr;
    QDoubleSpinBox* m_radius = nullptr;
    QPushButton* m_suggest = nullptr;
    QLabel* m_suggestion = nullptr;
    QDoubleSpinBox* m_pixel = nullptr;
    QComboBox* m_weight = nullptr;
    QComboBox* m_output = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace trygg
