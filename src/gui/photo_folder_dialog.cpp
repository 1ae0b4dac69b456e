#include "photo_folder_dialog.h"

#include "background_open.h"
#include "tryggkarta/document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace trygg {
namespace {

enum Column { FileColumn, TimeColumn, PlaceColumn, OutcomeColumn, ColumnCount };

QString pathText(const std::filesystem::path& path) {
    return QString::fromStdString(path.string());
}

/// Numbers as Swedish readers write them: "7 096 069", "2,5".
QString swedishNumber(double value, int decimals) {
    return QLocale(QLocale::Swedish, QLocale::Sweden).toString(value, 'f', decimals);
}

/// A value list of the observation layer as choices: the Swedish label shown, the code kept.
QComboBox* valueChoice(const LayerDef& observations, std::string_view field,
                       std::string_view preselected, QWidget* parent) {
    auto* box = new QComboBox(parent);
    if (const FieldDef* def = observations.field(field)) {
        for (const CodedValue& value : def->values) {
            box->addItem(QString::fromStdString(value.label.in("sv")),
                         QString::fromStdString(value.code));
        }
    }
    box->setCurrentIndex(
        std::max(0, box->findData(QString::fromStdString(std::string(preselected)))));
    return box;
}

QString timeText(const std::optional<DateTime>& time) {
    if (!time) {
        return {};
    }
    return QString::asprintf("%04d-%02d-%02d %02d:%02d", time->date.year, time->date.month,
                             time->date.day, time->hour, time->minute);
}

QString placeText(const std::optional<Point>& position) {
    if (!position) {
        return {};
    }
    return QStringLiteral("N %1, E %2")
        .arg(swedishNumber(position->y(), 0), swedishNumber(position->x(), 0));
}

} // namespace

PhotoFolderImportDialog::PhotoFolderImportDialog(MapDocument& document,
                                                 std::filesystem::path folder, QWidget* parent)
    : QDialog(parent), m_document(document), m_folder(std::move(folder)) {
    setWindowTitle(tr("Importera foton från mapp"));
    static const LayerDef kNoLayer;
    const LayerDef* found = m_document.catalog().find(kObservationLayer);
    const LayerDef& observations = found != nullptr ? *found : kNoLayer;

    m_category = valueChoice(observations, "kategori", kPhotoCategory, this);
    m_polarity = valueChoice(observations, "polaritet", kPhotoPolarity, this);
    m_subfolders = new QCheckBox(tr("Ta med foton i undermappar"), this);
    m_fileName = new QCheckBox(tr("Skriv fotots filnamn i beskrivningen"), this);
    m_attach = new QCheckBox(tr("Foton nära en befintlig observation läggs till den, inom"), this);
    m_attachDistance = new QDoubleSpinBox(this);
    m_attachDistance->setRange(1.0, 100.0);
    m_attachDistance->setValue(10.0);
    m_attachDistance->setSuffix(tr(" m"));
    m_attachDistance->setEnabled(false);
    auto* attachRow = new QHBoxLayout;
    attachRow->addWidget(m_attach);
    attachRow->addWidget(m_attachDistance);
    attachRow->addStretch();

    auto* form = new QFormLayout;
    form->addRow(tr("Mapp:"), new QLabel(pathText(m_folder), this));
    form->addRow(tr("Kategori för nya observationer:"), m_category);
    form->addRow(tr("Upplevelse för nya observationer:"), m_polarity);
    form->addRow(QString(), m_subfolders);
    form->addRow(QString(), m_fileName);
    form->addRow(QString(), attachRow);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Fil"), tr("Tagen"), tr("Plats"), tr("Vad händer")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Lägg till i projektet"));
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Avbryt"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PhotoFolderImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_attach, &QCheckBox::toggled, m_attachDistance, &QWidget::setEnabled);
    connect(m_attach, &QCheckBox::toggled, this, &PhotoFolderImportDialog::replan);
    connect(m_attachDistance, &QDoubleSpinBox::valueChanged, this,
            &PhotoFolderImportDialog::replan);
    connect(m_subfolders, &QCheckBox::toggled, this, [this](bool checked) {
        if (!readFolder()) {
            const QSignalBlocker quiet(m_subfolders); // keep what the list shows
            m_subfolders->setChecked(!checked);
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(760, 520);
}

bool PhotoFolderImportDialog::readFolder() {
    const std::filesystem::path folder = m_folder;
    const bool recursive = m_subfolders->isChecked();
    const Crs crs = m_document.crs();
    auto read = runWithProgress<std::vector<FolderPhoto>>(
        tr("Läser foton i %1 …").arg(pathText(folder.filename())), this,
        [&](Progress& progress) { return readPhotoFolder(folder, recursive, crs, progress); });
    if (!read) {
        if (read.error().code == ErrorCode::Cancelled) {
            QMessageBox::information(this, windowTitle(), tr("Inläsningen av fotona avbröts."));
        } else {
            QMessageBox::warning(
                this, windowTitle(),
                tr("Kunde inte läsa fotona i %1:\n\n%2")
                    .arg(pathText(folder), QString::fromStdString(read.error().describe())));
        }
        return false;
    }
    setPhotos(std::move(*read));
    return true;
}

void PhotoFolderImportDialog::setPhotos(std::vector<FolderPhoto> photos) {
    m_photos = std::move(photos);
    replan();
}

PhotoFolderOptions PhotoFolderImportDialog::options() const {
    PhotoFolderOptions options;
    options.recursive = m_subfolders->isChecked();
    options.category = m_category->currentData().toString().toStdString();
    options.polarity = m_polarity->currentData().toString().toStdString();
    options.fileNameInDescription = m_fileName->isChecked();
    if (m_attach->isChecked()) {
        options.attachWithin = m_attachDistance->value();
    }
    return options;
}

void PhotoFolderImportDialog::replan() {
    if (const Layer* observations = m_document.layer(kObservationLayer)) {
        planAttachments(m_photos, *observations, options().attachWithin);
    }
    showPhotos();
}

QString PhotoFolderImportDialog::outcomeText(const FolderPhoto& photo) const {
    switch (photo.plan) {
    case PhotoPlan::NewObservation:
        return tr("ny observation");
    case PhotoPlan::AttachToExisting:
        return tr("bifogas till observation %1 (%2 m bort)")
            .arg(toInt(photo.observation))
            .arg(swedishNumber(photo.distance, 1));
    case PhotoPlan::Skip:
        break;
    }
    switch (photo.skipReason) {
    case SkipReason::NotAPhoto:
        return tr("hoppas över: inte ett foto (JPEG eller PNG)");
    case SkipReason::Unreadable:
        return tr("hoppas över: filen kan inte läsas");
    case SkipReason::NoPosition:
        return tr("hoppas över: fotot saknar GPS-position");
    case SkipReason::OutsideSweden:
        return tr("hoppas över: taget långt utanför Sverige");
    case SkipReason::None:
        break;
    }
    return tr("hoppas över");
}

void PhotoFolderImportDialog::showPhotos() {
    m_table->setRowCount(static_cast<int>(m_photos.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const FolderPhoto& photo = m_photos[static_cast<std::size_t>(row)];
        const QString texts[ColumnCount] = {QString::fromStdString(photo.name),
                                            timeText(photo.takenAt), placeText(photo.position),
                                            outcomeText(photo)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(texts[column]);
            item->setToolTip(QString::fromStdString(photo.detail)); // the reason in full
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    const auto created = countPlanned(m_photos, PhotoPlan::NewObservation);
    const auto attached = countPlanned(m_photos, PhotoPlan::AttachToExisting);
    const auto skipped = countPlanned(m_photos, PhotoPlan::Skip);
    m_summary->setText(tr("%1 nya observationer, %2 foton läggs till befintliga observationer, "
                          "%3 filer hoppas över.")
                           .arg(created)
                           .arg(attached)
                           .arg(skipped));
    m_ok->setEnabled(created + attached > 0);
}

void PhotoFolderImportDialog::accept() {
    const Layer* observations = m_document.layer(kObservationLayer);
    if (observations == nullptr) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Projektet har inget lager för observationer."));
        return;
    }
    auto features = newObservations(observations->definition(), m_photos, options());
    if (!features) {
        QMessageBox::warning(this, windowTitle(),
                             QString::fromStdString(features.error().describe()));
        return;
    }
    std::vector<FeatureWithPhotos> added;
    std::vector<Photo> attached;
    std::size_t next = 0;
    for (const FolderPhoto& photo : m_photos) {
        if (photo.plan == PhotoPlan::NewObservation) {
            added.push_back(FeatureWithPhotos{std::move((*features)[next++]), {photo.photo}});
        } else if (photo.plan == PhotoPlan::AttachToExisting) {
            attached.push_back(photo.photo);
            attached.back().feature = photo.observation;
        }
    }
    auto done = m_document.addFeaturesWithPhotos(
        kObservationLayer, std::move(added), std::move(attached),
        tr("Importera foton från %1").arg(pathText(m_folder.filename())));
    if (!done) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Fotona kunde inte läggas till:\n\n%1")
                                 .arg(QString::fromStdString(done.error().describe())));
        return;
    }
    QDialog::accept();
}

} // namespace trygg
