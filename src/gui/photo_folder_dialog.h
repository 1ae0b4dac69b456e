#pragma once
// Arkiv → Importera foton från mapp…: the geotagged photos of a folder become observations,
// each with its photo. The dialog reads the folder in the background (readPhotoFolder, the
// same step as the CLI's `import-photos`), lists every file with what will become of it, lets
// the planner choose category, polarity and whether photos near an observation join it, and
// adds everything to the document as one undo step.

#include "tryggkarta/io/photo_folder_import.h"

#include <QDialog>
#include <filesystem>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace trygg {

class MapDocument;

class PhotoFolderImportDialog : public QDialog {
    Q_OBJECT
public:
    PhotoFolderImportDialog(MapDocument& document, std::filesystem::path folder,
                            QWidget* parent = nullptr);

    /// Reads the folder with a progress dialog (Cancel stops it). False, after telling the
    /// user, when it failed or was cancelled.
    bool readFolder();
    /// Takes photos read elsewhere (tests) and plans them as readFolder does.
    void setPhotos(std::vector<FolderPhoto> photos);

    /// The choices as the dialog shows them.
    [[nodiscard]] PhotoFolderOptions options() const;
    /// Every file, planned with the current choices.
    [[nodiscard]] const std::vector<FolderPhoto>& photos() const { return m_photos; }

    [[nodiscard]] QComboBox* categoryChoice() const { return m_category; }
    [[nodiscard]] QComboBox* polarityChoice() const { return m_polarity; }
    [[nodiscard]] QCheckBox* subfoldersBox() const { return m_subfolders; }
    [[nodiscard]] QCheckBox* attachBox() const { return m_attach; }
    [[nodiscard]] QDoubleSpinBox* attachDistanceBox() const { return m_attachDistance; }
    [[nodiscard]] QCheckBox* fileNameBox() const { return m_fileName; }
    [[nodiscard]] QTableWidget* photoTable() const { return m_table; }
    [[nodiscard]] QLabel* summaryLabel() const { return m_summary; }

    /// OK: adds the observations and photos as one undo step; stays open on an error.
    void accept() override;

private:
    /// Plans attachments for the current choices and shows the list again.
    void replan();
    void showPhotos();
    [[nodiscard]] QString outcomeText(const FolderPhoto& photo) const;

    MapDocument& m_document;
    std::filesystem::path m_folder;
    std::vector<FolderPhoto> m_photos;
    QComboBox* m_category = nullptr;
    QComboBox* m_polarity = nullptr;
    QCheckBox* m_subfolders = nullptr;
    QCheckBox* m_attach = nullptr;
    QDoubleSpinBox* m_attachDistance = nullptr;
    QCheckBox* m_fileName = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace trygg
