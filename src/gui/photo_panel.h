#pragma once
// The photos of the selected observation or measure: thumbnails shown upright, added with
// a file picker or by dropping image files on the panel, removed with undo.

#include <QHash>
#include <QIcon>
#include <QWidget>

#include "tryggkarta/core/photo.h"

#include <filesystem>
#include <string>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace trygg {

class MapDocument;

class PhotoPanel : public QWidget {
    Q_OBJECT
public:
    explicit PhotoPanel(MapDocument& document, QWidget* parent = nullptr);

    /// Reads and attaches image files to the selected feature; errors name the file.
    /// Returns how many were attached.
    int attachFiles(const std::vector<std::filesystem::path>& files);
    void removeCurrent();
    /// The file picker for photos of the selected feature.
    void choose();
    [[nodiscard]] QListWidget* list() const { return m_list; }
    void retranslate();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void refresh();
    [[nodiscard]] bool canAttach() const;
    /// The photo's thumbnail, read and decoded once per photo (photos never change bytes).
    [[nodiscard]] QIcon thumbnail(PhotoId id);

    MapDocument& m_document;
    QLabel* m_heading = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QHash<qint64, QIcon> m_thumbnails; ///< by photo id; cleared when another project opens
};

/// An image from file bytes, turned upright as its EXIF orientation says.
QImage uprightImage(const std::string& bytes);

} // namespace trygg
