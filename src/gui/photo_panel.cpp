#include "photo_panel.h"

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/photo_import.h"

#include <QBuffer>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace trygg {
namespace {

constexpr int kPhotoIdRole = Qt::UserRole;
constexpr int kThumbnailSide = 160;

bool attachable(std::string_view layer) {
    return layer == kObservationLayer || layer == kMeasureLayer;
}

} // namespace

QImage uprightImage(const std::string& bytes) {
    QByteArray data = QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size()));
    QBuffer buffer(&data);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // applies the EXIF orientation: portraits stand upright
    return reader.read();
}

PhotoPanel::PhotoPanel(MapDocument& document, QWidget* parent) : QWidget(parent), m_document(document) {
    setAcceptDrops(true);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumbnailSide, kThumbnailSide));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setSpacing(6);
    m_add = new QPushButton(this);
    m_remove = new QPushButton(this);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_add, m_remove}) {
        button->setMinimumHeight(36);
        buttons->addWidget(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &PhotoPanel::choose);
    connect(m_remove, &QPushButton::clicked, this, &PhotoPanel::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this] { m_remove->setEnabled(m_list->currentRow() >= 0 && canAttach()); });
    connect(&m_document, &MapDocument::selectionChanged, this, &PhotoPanel::refresh);
    connect(&m_document, &MapDocument::photosChanged, this, [this] {
        // An undone photo's id may be given to the next photo added: forget gone ones.
        m_thumbnails.removeIf([this](const auto& entry) {
            return findPhoto(m_document.photos(), PhotoId{entry.key()}) == nullptr;
        });
        refresh();
    });
    connect(&m_document, &MapDocument::projectReplaced, this, [this] {
        m_thumbnails.clear(); // ids are per project
        refresh();
    });
    retranslate();
}

void PhotoPanel::retranslate() {
    m_add->setText(tr("Lägg till foto…"));
    m_remove->setText(tr("Ta bort foto"));
    refresh();
}

bool PhotoPanel::canAttach() const {
    const Selection& selection = m_document.selection();
    return selection.ids.size() == 1 && attachable(selection.layer) &&
           m_document.isEditable(selection.layer);
}

void PhotoPanel::refresh() {
    m_list->clear();
    const Selection& selection = m_document.selection();
    if (!canAttach()) {
        m_heading->setText(tr("Markera en observation eller en åtgärd för att se och lägga till foton."));
        m_add->setEnabled(false);
        m_remove->setEnabled(false);
        return;
    }
    const FeatureId feature = selection.ids.front();
    const auto ids = photosOf(m_document.photos(), selection.layer, feature);
    m_heading->setText(tr("%n foton. Dra bildfiler hit för att lägga till.", nullptr, static_cast<int>(ids.size())));
    for (PhotoId id : ids) {
        const Photo* photo = findPhoto(m_document.photos(), id);
        auto* item = new QListWidgetItem(thumbnail(id), QString::fromStdString(photo->fileName), m_list);
        item->setData(kPhotoIdRole, static_cast<qlonglong>(toInt(id)));
        item->setToolTip(photo->takenAt ? tr("Tagen %1").arg(QString::fromStdString(toIsoString(*photo->takenAt)))
                                        : QString::fromStdString(photo->fileName));
    }
    m_add->setEnabled(true);
    m_remove->setEnabled(false);
}

QIcon PhotoPanel::thumbnail(PhotoId id) {
    if (auto cached = m_thumbnails.constFind(toInt(id)); cached != m_thumbnails.constEnd()) {
        return *cached;
    }
    auto data = m_document.photoData(id);
    const QImage image = data ? uprightImage(**data) : QImage();
    QIcon icon;
    if (!image.isNull()) {
        icon = QIcon(QPixmap::fromImage(
            image.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    m_thumbnails.insert(toInt(id), icon);
    return icon;
}

int PhotoPanel::attachFiles(const std::vector<std::filesystem::path>& files) {
    if (!canAttach()) {
        return 0;
    }
    std::vector<Photo> photos;
    QStringList problems;
    for (const auto& file : files) {
        auto photo = readPhotoFile(file);
        if (photo) {
            photos.push_back(std::move(*photo));
        } else {
            problems << QString::fromStdString(photo.error().describe());
        }
    }
    int attached = 0;
    if (!photos.empty()) {
        const Selection& selection = m_document.selection();
        auto added = m_document.addPhotos(selection.layer, selection.ids.front(), std::move(photos));
        if (added) {
            attached = static_cast<int>(added->size());
        } else {
            problems << QString::fromStdString(added.error().describe());
        }
    }
    if (!problems.isEmpty()) {
        QMessageBox::warning(this, tr("Foton"), problems.join(QLatin1Char('\n')));
    }
    return attached;
}

void PhotoPanel::choose() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Lägg till foto"), QString(),
                                                            tr("Bilder (*.jpg *.jpeg *.png)"));
    std::vector<std::filesystem::path> paths;
    for (const QString& file : files) {
        paths.emplace_back(file.toStdString());
    }
    attachFiles(paths);
}

void PhotoPanel::removeCurrent() {
    QListWidgetItem* item = m_list->currentItem();
    if (item == nullptr) {
        return;
    }
    if (auto removed = m_document.removePhoto(PhotoId{item->data(kPhotoIdRole).toLongLong()}); !removed) {
        QMessageBox::warning(this, tr("Foton"), QString::fromStdString(removed.error().describe()));
    }
}

void PhotoPanel::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && canAttach()) {
        event->acceptProposedAction();
    }
}

void PhotoPanel::dropEvent(QDropEvent* event) {
    std::vector<std::filesystem::path> paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths.emplace_back(url.toLocalFile().toStdString());
        }
    }
    if (attachFiles(paths) > 0) {
        event->acceptProposedAction();
    }
}

} // namespace trygg
