#pragma once
// Arkiv → Exportera…: the project's layers for people outside the planning team, through
// the same exportProject the CLI's `export` calls. The dialog only fills ExportOptions,
// runs the export in the background (progress with Cancel) and shows what was written
// (photos too) and what the privacy profile left out.

#include "tryggkarta/io/export.h"

#include <QDialog>

#include <filesystem>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSpinBox;

namespace trygg {

class MapDocument;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// `language` is the UI language ("sv" or "en"): the default for labels in the export.
    ExportDialog(MapDocument& document, const QString& language, QWidget* parent = nullptr);

    /// The options as the dialog shows them (overwrite stays false: it is asked on OK).
    [[nodiscard]] ExportOptions options() const;
    void setFormat(ExportFormat format);
    void setProfile(PrivacyProfile profile);
    /// Sets the output path and stops it following format and profile.
    void setOutput(const QString& path);
    [[nodiscard]] QString output() const;
    /// The report of the last export that succeeded.
    [[nodiscard]] const std::optional<ExportReport>& report() const { return m_report; }

    [[nodiscard]] QComboBox* formatChoice() const { return m_format; }
    [[nodiscard]] QRadioButton* profileButton(PrivacyProfile profile) const;
    [[nodiscard]] QListWidget* layerList() const { return m_layers; }
    [[nodiscard]] QComboBox* crsChoice() const { return m_crs; }
    [[nodiscard]] QCheckBox* zipBox() const { return m_zip; }
    [[nodiscard]] QComboBox* languageChoice() const { return m_language; }
    [[nodiscard]] QDoubleSpinBox* cellSizeBox() const { return m_cellSize; }
    [[nodiscard]] QSpinBox* minCountBox() const { return m_minCount; }
    [[nodiscard]] QCheckBox* photosBox() const { return m_photos; }
    /// Why photos go as they do under the chosen profile (no EXIF; none for the public).
    [[nodiscard]] QLabel* photosNote() const { return m_photosNote; }

    /// OK: asks before replacing an existing output, exports, shows the result; stays open
    /// when the export failed or was cancelled.
    void accept() override;

private:
    void fillLayers();
    /// Enables what applies to the chosen format and profile; updates the default output.
    void updateState();
    [[nodiscard]] std::filesystem::path defaultOutput() const;
    [[nodiscard]] bool outputIsFile() const;
    void browse();
    void showResult(const ExportReport& report);

    MapDocument& m_document;
    QComboBox* m_format = nullptr;
    QButtonGroup* m_profiles = nullptr;
    QListWidget* m_layers = nullptr;
    QComboBox* m_crs = nullptr;
    QLabel* m_crsNote = nullptr;
    QCheckBox* m_zip = nullptr;
    QCheckBox* m_photos = nullptr;
    QLabel* m_photosNote = nullptr;
    QComboBox* m_language = nullptr;
    QDoubleSpinBox* m_cellSize = nullptr;
    QSpinBox* m_minCount = nullptr;
    QLineEdit* m_output = nullptr;
    QLabel* m_note = nullptr;
    bool m_outputChosen = false; ///< the user chose the path: it no longer follows the choices
    std::optional<ExportReport> m_report;
};

} // namespace trygg
