#include "export_dialog.h"

#include "background_open.h"

#include "tryggkarta/document/map_document.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace trygg {
namespace {

/// Part of the default output name: ASCII, so that the path travels well.
const char* profileSuffix(PrivacyProfile profile) {
    switch (profile) {
    case PrivacyProfile::Internal: return "intern";
    case PrivacyProfile::Consultant: return "konsult";
    case PrivacyProfile::Public: return "allmanhet";
    }
    return "export";
}

QString pathText(const std::filesystem::path& path) {
    return QString::fromStdString(path.string());
}

/// A grey, indented explanation under a radio button.
QLabel* explanation(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setIndent(24);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

/// Formats written as a folder of files; the others are one file (shapefiles: unless zipped).
bool isFolderFormat(ExportFormat format) {
    return format == ExportFormat::Shapefile || format == ExportFormat::GeoJson ||
           format == ExportFormat::Csv;
}

/// Formats that are always in WGS 84, whatever the chosen coordinate system.
bool isWgs84Format(ExportFormat format) {
    return format == ExportFormat::GeoJson || format == ExportFormat::Kml ||
           format == ExportFormat::Gpx;
}

} // namespace

ExportDialog::ExportDialog(MapDocument& document, const QString& language, QWidget* parent)
    : QDialog(parent), m_document(document) {
    setWindowTitle(tr("Exportera data"));

    m_format = new QComboBox(this);
    m_format->addItem(tr("Shapefil-paket för konsulter"), static_cast<int>(ExportFormat::Shapefile));
    m_format->addItem(tr("GeoPackage med stilar (QGIS)"), static_cast<int>(ExportFormat::GeoPackage));
    m_format->addItem(tr("GeoJSON (webbkartor)"), static_cast<int>(ExportFormat::GeoJson));
    m_format->addItem(tr("CSV (kalkylark)"), static_cast<int>(ExportFormat::Csv));
    m_format->addItem(tr("KML (Google Earth)"), static_cast<int>(ExportFormat::Kml));
    m_format->addItem(tr("GPX (GPS-mottagare)"), static_cast<int>(ExportFormat::Gpx));
    m_format->addItem(tr("DXF (CAD-ritning)"), static_cast<int>(ExportFormat::Dxf));

    // Who the export is for ---------------------------------------------------------------
    auto* profileBox = new QGroupBox(tr("Vem ska få exporten?"), this);
    auto* profileLayout = new QVBoxLayout(profileBox);
    m_profiles = new QButtonGroup(this);
    auto addProfile = [&](PrivacyProfile profile, const QString& title, const QString& text) {
        auto* button = new QRadioButton(title, profileBox);
        m_profiles->addButton(button, static_cast<int>(profile));
        profileLayout->addWidget(button);
        profileLayout->addWidget(explanation(text, profileBox));
    };
    addProfile(PrivacyProfile::Internal, tr("Internt"),
               tr("Allt kommer med, även namn och kontaktuppgifter."));
    addProfile(PrivacyProfile::Consultant, tr("Konsult"),
               tr("Allt utom personuppgifter (den som rapporterat, kontaktuppgifter)."));
    addProfile(PrivacyProfile::Public, tr("Allmänheten"),
               tr("Synpunkter bara som antal per sexhörning, utan fritext; rutor med få "
                  "synpunkter döljs."));
    m_cellSize = new QDoubleSpinBox(profileBox);
    m_cellSize->setRange(10.0, 2000.0);
    m_cellSize->setDecimals(0);
    m_cellSize->setSingleStep(5.0);
    m_cellSize->setValue(75.0);
    m_cellSize->setSuffix(tr(" m"));
    m_cellSize->setToolTip(tr("Sexhörningarnas bredd mellan de raka sidorna"));
    m_minCount = new QSpinBox(profileBox);
    m_minCount->setRange(1, 1000);
    m_minCount->setValue(3);
    m_minCount->setToolTip(tr("Sexhörningar med färre synpunkter än så här tas inte med"));
    auto* publicForm = new QFormLayout;
    publicForm->setContentsMargins(24, 0, 0, 0);
    publicForm->addRow(tr("Sexhörningarnas storlek:"), m_cellSize);
    publicForm->addRow(tr("Minsta antal per sexhörning:"), m_minCount);
    profileLayout->addLayout(publicForm);
    profileButton(PrivacyProfile::Consultant)->setChecked(true);

    // Layers --------------------------------------------------------------------------------
    auto* layerBox = new QGroupBox(tr("Lager"), this);
    m_layers = new QListWidget(layerBox);
    m_layers->setMinimumHeight(110);
    auto* layerLayout = new QVBoxLayout(layerBox);
    layerLayout->addWidget(m_layers);

    // Details -------------------------------------------------------------------------------
    m_crs = new QComboBox(this);
    m_crs->addItem(QStringLiteral("SWEREF 99 TM (EPSG:3006)"), 3006);
    m_crs->addItem(QStringLiteral("SWEREF 99 20 15 (EPSG:3016)"), 3016);
    m_crs->setCurrentIndex(m_document.crs().isEpsg(3016) ? 1 : 0);
    m_crsNote = new QLabel(tr("Det här formatet skrivs alltid i WGS 84 (latitud/longitud)."), this);
    m_crsNote->setWordWrap(true);
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("Svenska"), QStringLiteral("sv"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(language == QLatin1String("en") ? 1 : 0);
    m_language->setToolTip(tr("Språk för värdenas texter och datakatalogen"));
    m_zip = new QCheckBox(tr("Packa i en zip-fil"), this);
    m_photos = new QCheckBox(tr("Ta med foton"), this);
    m_photos->setChecked(true);
    m_photos->setToolTip(tr("Fotona till de exporterade objekten, i en egen mapp, med en "
                            "hänvisning från varje objekt"));
    m_photosNote = explanation(QString(), this);

    m_output = new QLineEdit(this);
    m_output->setMinimumWidth(380);
    auto* browseButton = new QPushButton(tr("Välj…"), this);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseButton);

    auto* form = new QFormLayout;
    form->addRow(tr("Koordinatsystem:"), m_crs);
    form->addRow(QString(), m_crsNote);
    form->addRow(tr("Språk:"), m_language);
    form->addRow(QString(), m_zip);
    form->addRow(QString(), m_photos);
    form->addRow(QString(), m_photosNote);
    form->addRow(tr("Spara i:"), outputRow);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    if (m_document.isModified()) {
        m_note->setText(tr("Projektet har ändringar som inte är sparade. Exporten tar med dem "
                           "som de är nu; projektfilen ändras inte."));
    }
    m_note->setVisible(m_document.isModified());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Exportera"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Avbryt"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QFormLayout;
    top->addRow(tr("Format:"), m_format);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    auto* middle = new QHBoxLayout;
    middle->addWidget(profileBox, 3);
    middle->addWidget(layerBox, 2);
    layout->addLayout(middle, 1);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);

    fillLayers();
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    connect(m_profiles, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) {
            updateState();
        }
    });
    connect(m_zip, &QCheckBox::toggled, this, &ExportDialog::updateState);
    connect(m_output, &QLineEdit::textEdited, this, [this] { m_outputChosen = true; });
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    updateState();
}

QRadioButton* ExportDialog::profileButton(PrivacyProfile profile) const {
    return qobject_cast<QRadioButton*>(m_profiles->button(static_cast<int>(profile)));
}

void ExportDialog::fillLayers() {
    const std::string language = m_language->currentData().toString().toStdString();
    for (const DocumentLayer& entry : m_document.layers()) {
        const LayerDef& def = entry.layer->definition();
        const bool exportable = def.group == kThematicGroup || def.group == kAnalysisGroup;
        if (entry.overlay || !exportable || entry.layer->size() == 0) {
            continue;
        }
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 (%2)")
                .arg(QString::fromStdString(def.title.in(language)))
                .arg(entry.layer->size()),
            m_layers);
        item->setData(Qt::UserRole, QString::fromStdString(def.table));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    if (m_layers->count() == 0) {
        auto* item = new QListWidgetItem(tr("Inga lager med objekt att exportera"), m_layers);
        item->setFlags(Qt::NoItemFlags);
    }
}

ExportOptions ExportDialog::options() const {
    ExportOptions options;
    options.format = static_cast<ExportFormat>(m_format->currentData().toInt());
    options.profile = static_cast<PrivacyProfile>(m_profiles->checkedId());
    for (int i = 0; i < m_layers->count(); ++i) {
        const QListWidgetItem* item = m_layers->item(i);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked) {
            options.layers.push_back(item->data(Qt::UserRole).toString().toStdString());
        }
    }
    if (!isWgs84Format(options.format)) {
        options.crs = Crs::fromEpsg(m_crs->currentData().toInt());
    }
    options.output = m_output->text().trimmed().toStdString();
    options.zip = options.format == ExportFormat::Shapefile && m_zip->isChecked();
    options.language = m_language->currentData().toString().toStdString();
    options.cellSize = m_cellSize->value();
    options.minCount = m_minCount->value();
    options.photos = m_photos->isEnabled() && m_photos->isChecked();
    return options;
}

void ExportDialog::setFormat(ExportFormat format) {
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

void ExportDialog::setProfile(PrivacyProfile profile) {
    profileButton(profile)->setChecked(true);
}

void ExportDialog::setOutput(const QString& path) {
    m_output->setText(path);
    m_outputChosen = true;
}

QString ExportDialog::output() const {
    return m_output->text();
}

bool ExportDialog::outputIsFile() const {
    const auto format = static_cast<ExportFormat>(m_format->currentData().toInt());
    return format == ExportFormat::Shapefile ? m_zip->isChecked() : !isFolderFormat(format);
}

std::filesystem::path ExportDialog::defaultOutput() const {
    const std::filesystem::path project = m_document.path();
    const auto format = static_cast<ExportFormat>(m_format->currentData().toInt());
    const auto profile = static_cast<PrivacyProfile>(m_profiles->checkedId());
    std::string name = project.stem().string() + '-' + profileSuffix(profile);
    if (format == ExportFormat::Shapefile) {
        name += m_zip->isChecked() ? ".zip" : "";
    } else if (isFolderFormat(format)) {
        name += '-' + std::string(exportFormatName(format));
    } else {
        name += '.' + std::string(exportFormatName(format)); // "gpkg", "kml", "gpx", "dxf"
    }
    return project.parent_path() / name;
}

void ExportDialog::updateState() {
    const auto format = static_cast<ExportFormat>(m_format->currentData().toInt());
    const bool isPublic = m_profiles->checkedId() == static_cast<int>(PrivacyProfile::Public);
    m_cellSize->setEnabled(isPublic);
    m_minCount->setEnabled(isPublic);
    m_zip->setEnabled(format == ExportFormat::Shapefile);
    m_crs->setEnabled(!isWgs84Format(format));
    m_crsNote->setVisible(isWgs84Format(format));
    // A photo can show who someone is: the public never gets photos, whatever the box says.
    m_photos->setEnabled(!isPublic);
    const auto profile = static_cast<PrivacyProfile>(m_profiles->checkedId());
    m_photosNote->setText(
        profile == PrivacyProfile::Public
            ? tr("Foton tas aldrig med i en export för allmänheten: ett foto kan visa vem någon "
                 "är.")
        : profile == PrivacyProfile::Consultant
            ? tr("Fotona tas med utan uppgifter om plats, tid och kamera.")
            : tr("Fotona tas med som de är, med uppgifter om plats, tid och kamera."));
    if (!m_outputChosen) {
        m_output->setText(pathText(defaultOutput()));
    }
}

void ExportDialog::browse() {
    const QString current = m_output->text();
    QString chosen;
    if (outputIsFile()) {
        const auto format = static_cast<ExportFormat>(m_format->currentData().toInt());
        const QString extension = format == ExportFormat::Shapefile
                                      ? QStringLiteral("zip")
                                      : QString::fromUtf8(exportFormatName(format));
        chosen = QFileDialog::getSaveFileName(
            this, tr("Exportera till fil"), current,
            tr("%1-fil (*.%2)").arg(extension.toUpper(), extension), nullptr,
            QFileDialog::DontConfirmOverwrite); // asked on OK, with what it would replace
    } else {
        // The export makes the folder: choose where it goes, keep the name.
        const std::filesystem::path path = current.toStdString();
        const QString parentFolder = QFileDialog::getExistingDirectory(
            this, tr("Välj mappen där exporten ska ligga"), pathText(path.parent_path()));
        if (!parentFolder.isEmpty()) {
            chosen = pathText(std::filesystem::path(parentFolder.toStdString()) / path.filename());
        }
    }
    if (!chosen.isEmpty()) {
        setOutput(chosen);
    }
}

void ExportDialog::accept() {
    ExportOptions chosen = options();
    if (chosen.layers.empty()) {
        QMessageBox::warning(this, windowTitle(), tr("Välj minst ett lager att exportera."));
        return;
    }
    if (chosen.output.empty()) {
        QMessageBox::warning(this, windowTitle(), tr("Ange var exporten ska sparas."));
        return;
    }
    std::error_code ec;
    if (std::filesystem::exists(chosen.output, ec)) {
        const auto answer = QMessageBox::question(
            this, windowTitle(),
            tr("%1 finns redan. Vill du ersätta den med den här exporten?")
                .arg(pathText(chosen.output)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            return;
        }
        chosen.overwrite = true;
    }
    // Unsaved edits go out as they are now: the snapshot is cheap here, the copy is made on
    // the worker thread.
    const ProjectSnapshot snapshot = m_document.snapshot();
    const std::filesystem::path projectFile = m_document.path();
    chosen.photoSource = snapshot.photoSource; // the project, or the recovery copy
    auto result = runWithProgress<ExportReport>(
        tr("Exporterar till %1 …").arg(pathText(chosen.output.filename())), this,
        [&](Progress& progress) {
            const Project project = snapshot.toProject();
            return exportProject(project, projectFile, chosen, progress);
        });
    if (!result) {
        if (result.error().code == ErrorCode::Cancelled) {
            QMessageBox::information(this, windowTitle(),
                                     tr("Exporten avbröts. Ingenting har skrivits."));
        } else {
            QMessageBox::warning(this, tr("Exporten misslyckades"),
                                 tr("Kunde inte exportera till %1:\n\n%2")
                                     .arg(pathText(chosen.output),
                                          QString::fromStdString(result.error().describe())));
        }
        return;
    }
    m_report = std::move(*result);
    showResult(*m_report);
    QDialog::accept();
}

void ExportDialog::showResult(const ExportReport& report) {
    QStringList lines;
    lines << tr("Innehåll:");
    for (const ExportedTable& table : report.tables) {
        lines << tr("  %1: %2 objekt").arg(QString::fromStdString(table.name)).arg(table.features);
    }
    if (report.photosWritten > 0 || report.photosLeftOut > 0) {
        lines << tr("  Foton: %1 med, %2 utelämnade")
                     .arg(report.photosWritten)
                     .arg(report.photosLeftOut);
    }
    if (!report.log.empty()) {
        lines << QString() << tr("Exportlogg (vad som utelämnats eller ändrats):");
        for (const std::string& line : report.log) {
            lines << QStringLiteral("  ") + QString::fromStdString(line);
        }
    }
    // The files (a shapefile package has five per table) go under "Show details".
    QStringList files;
    for (const std::string& file : report.files) {
        files << QString::fromStdString(file);
    }
    QMessageBox box(QMessageBox::Information, tr("Exporten är klar"),
                    tr("Exporten är sparad i %1").arg(pathText(report.output)),
                    QMessageBox::NoButton, parentWidget() != nullptr ? parentWidget() : this);
    box.setInformativeText(lines.join(QLatin1Char('\n')));
    box.setDetailedText(files.join(QLatin1Char('\n')));
    QPushButton* open = box.addButton(tr("Öppna mappen"), QMessageBox::ActionRole);
    QPushButton* close = box.addButton(tr("Stäng"), QMessageBox::RejectRole);
    box.setDefaultButton(close);
    box.exec();
    if (box.clickedButton() == open) {
        std::error_code ec;
        const std::filesystem::path folder = std::filesystem::is_directory(report.output, ec)
                                                 ? report.output
                                                 : report.output.parent_path();
        QDesktopServices::openUrl(QUrl::fromLocalFile(pathText(folder)));
    }
}

} // namespace trygg
