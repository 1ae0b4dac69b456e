#pragma once
// Import of a file into a layer of the open project: choose the layer (and the CRS when the
// file does not say) or a mapping for a survey export, read it in the background, see what
// would come in and what would not and why, choose per duplicate whether to merge it, then
// add and merge as one step that can be undone.

#include "tryggkarta/io/importer.h"

#include <QDialog>

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QCheckBox;
class QDoubleSpinBox;
class QTableWidget;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace trygg {

class Layer;
class MapDocument;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(MapDocument& document, std::filesystem::path source, std::string language,
                 QWidget* parent = nullptr);

    /// Reads the file with the chosen options (progress dialog with Cancel) and shows the
    /// result; the Add button is enabled when rows can be added.
    void readSource();
    /// Adds the rows read to the document and merges the duplicates chosen so (one undo
    /// step), then closes the dialog.
    void addToProject();
    /// Chooses a mapping file that is not among the ready ones (as "Annan fil…" does).
    void setMappingFile(const std::filesystem::path& file);
    [[nodiscard]] const std::optional<ImportedFeatures>& result() const { return m_result; }
    [[nodiscard]] QComboBox* layerChoice() const { return m_layer; }
    [[nodiscard]] QComboBox* crsChoice() const { return m_crs; }
    [[nodiscard]] QComboBox* mappingChoice() const { return m_mapping; }
    [[nodiscard]] QDoubleSpinBox* radiusChoice() const { return m_radius; }
    /// One row per duplicate found; the last column holds a QComboBox with the choice.
    [[nodiscard]] QTableWidget* duplicateTable() const { return m_duplicates; }
    [[nodiscard]] QString reportText() const;

private:
    [[nodiscard]] ImportOptions options() const;
    void showReport(const ImportReport& report);
    void showDuplicates(const ImportReport& report);
    void addMappingChoices();
    void createDuplicateTable();
    void chooseMapping(int index);
    void forgetResult();
    [[nodiscard]] std::vector<DuplicateAction> chosenActions() const;

    MapDocument& m_document;
    std::filesystem::path m_source;
    bool m_mappingGuessed = false; ///< the first read looked for a ready mapping that fits
    std::string m_language;
    QComboBox* m_layer = nullptr;
    QComboBox* m_crs = nullptr;
    QComboBox* m_mapping = nullptr;
    QDoubleSpinBox* m_radius = nullptr;
    QCheckBox* m_strict = nullptr;
    QTableWidget* m_duplicates = nullptr;
    QLabel* m_duplicatesTitle = nullptr;
    QPlainTextEdit* m_report = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_read = nullptr;
    QPushButton* m_add = nullptr;
    std::optional<ImportedFeatures> m_result;
    std::vector<DuplicateMatch> m_matches;
    std::shared_ptr<const Layer> m_existing; ///< the layer as the duplicates were found in it
};

} // namespace trygg
