#pragma once
// Import of a file into a layer of the open project: choose the layer (and the CRS when the
// file does not say), read it in the background, see what would come in and what would not
// and why, then add it as one step that can be undone.

#include "tryggkarta/io/importer.h"

#include <QDialog>

#include <filesystem>
#include <optional>

class QComboBox;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace trygg {

class MapDocument;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(MapDocument& document, std::filesystem::path source, std::string language,
                 QWidget* parent = nullptr);

    /// Reads the file with the chosen options (progress dialog with Cancel) and shows the
    /// result; the Add button is enabled when rows can be added.
    void readSource();
    /// Adds the rows read to the document (one undo step) and closes the dialog.
    void addToProject();
    [[nodiscard]] const std::optional<ImportedFeatures>& result() const { return m_result; }
    [[nodiscard]] QComboBox* layerChoice() const { return m_layer; }
    [[nodiscard]] QComboBox* crsChoice() const { return m_crs; }
    [[nodiscard]] QString reportText() const;

private:
    [[nodiscard]] ImportOptions options() const;
    void showReport(const ImportReport& report);

    MapDocument& m_document;
    std::filesystem::path m_source;
    std::string m_language;
    QComboBox* m_layer = nullptr;
    QComboBox* m_crs = nullptr;
    QCheckBox* m_strict = nullptr;
    QPlainTextEdit* m_report = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_read = nullptr;
    QPushButton* m_add = nullptr;
    std::optional<ImportedFeatures> m_result;
};

} // namespace trygg
