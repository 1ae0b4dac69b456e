#include "plan_dialog.h"

#include "background_open.h"

#include "tryggkarta/document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
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
#include <QUrl>
#include <QVBoxLayout>

namespace trygg {
namespace {

QString pathText(const std::filesystem::path& path) {
    return QString::fromStdString(path.string());
}

/// Beside the project, or in the home folder for a project not yet saved.
QString defaultOutput(const MapDocument& document) {
    const std::filesystem::path project = document.path();
    const std::filesystem::path folder =
        project.empty() ? std::filesystem::path(QDir::homePath().toStdString())
                        : project.parent_path();
    return pathText(folder / "atgardsplan.pdf");
}

} // namespace

PlanDialog::PlanDialog(MapDocument& document, const Box& view, const QString& language,
                       QWidget* parent)
    : QDialog(parent), m_document(document), m_view(view) {
    setWindowTitle(tr("Åtgärdsplan"));
    auto* intro = new QLabel(tr("En plan för kommunstyrelsen och polisen: en karta med "
                                "åtgärderna numrerade, en tabell över åtgärderna och vad de "
                                "kostar per ansvarig."),
                             this);
    intro->setWordWrap(true);

    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("Åtgärdsplan – Vännäs centrum"));
    m_paper = new QComboBox(this);
    m_paper->addItem(tr("A4 liggande"), static_cast<int>(PaperSize::A4));
    m_paper->addItem(tr("A3 liggande"), static_cast<int>(PaperSize::A3));
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("Svenska"), QStringLiteral("sv"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(language == QLatin1String("en") ? 1 : 0);
    m_followUp = new QCheckBox(tr("Sida med uppföljning: åtgärder per medborgarlöfte, "
                                  "tidslinje och vad som görs åt synpunkterna"),
                               this);
    m_followUp->setChecked(true);

    auto* statusBox = new QGroupBox(tr("Vilka åtgärder?"), this);
    m_statuses = new QListWidget(statusBox);
    const Layer* measures = m_document.layer(kMeasureLayer);
    const FieldDef* status = measures != nullptr ? measures->definition().field("status") : nullptr;
    for (const CodedValue& value : status != nullptr ? status->values : std::vector<CodedValue>{}) {
        auto* item = new QListWidgetItem(
            QString::fromStdString(value.label.in(language.toStdString())), m_statuses);
        item->setData(Qt::UserRole, QString::fromStdString(value.code));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(value.code == "avford" ? Qt::Unchecked : Qt::Checked);
    }
    auto* statusLayout = new QVBoxLayout(statusBox);
    statusLayout->addWidget(m_statuses);

    auto* extentBox = new QGroupBox(tr("Kartan visar"), this);
    m_measuresExtent = new QRadioButton(tr("Området runt åtgärderna"), extentBox);
    m_viewExtent = new QRadioButton(tr("Det som syns i kartfönstret nu"), extentBox);
    m_measuresExtent->setChecked(true);
    m_viewExtent->setEnabled(!isEmpty(m_view));
    auto* extentLayout = new QVBoxLayout(extentBox);
    extentLayout->addWidget(m_measuresExtent);
    extentLayout->addWidget(m_viewExtent);
    extentLayout->addStretch();

    m_output = new QLineEdit(defaultOutput(m_document), this);
    m_output->setMinimumWidth(380);
    m_output->setToolTip(tr("Slutar namnet på .png blir det en bild per sida"));
    auto* browseButton = new QPushButton(tr("Välj…"), this);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseButton);

    auto* form = new QFormLayout;
    form->addRow(tr("Rubrik:"), m_title);
    form->addRow(tr("Papper:"), m_paper);
    form->addRow(tr("Språk:"), m_language);
    form->addRow(QString(), m_followUp);
    auto* outputForm = new QFormLayout;
    outputForm->addRow(tr("Spara som:"), outputRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Skapa plan"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Avbryt"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PlanDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &PlanDialog::browse);

    auto* middle = new QHBoxLayout;
    middle->addWidget(statusBox, 1);
    middle->addWidget(extentBox, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(middle, 1);
    layout->addLayout(outputForm);
    layout->addWidget(buttons);
}

PlanOptions PlanDialog::options() const {
    PlanOptions options;
    options.language = m_language->currentData().toString().toStdString();
    options.title = m_title->text().trimmed().toStdString();
    options.paper = static_cast<PaperSize>(m_paper->currentData().toInt());
    options.followUp = m_followUp->isChecked();
    for (int i = 0; i < m_statuses->count(); ++i) {
        const QListWidgetItem* item = m_statuses->item(i);
        if (item->checkState() == Qt::Checked) {
            options.statuses.push_back(item->data(Qt::UserRole).toString().toStdString());
        }
    }
    if (m_viewExtent->isChecked()) {
        options.extent = m_view;
    }
    return options;
}

void PlanDialog::setOutput(const QString& path) {
    m_output->setText(path);
}

QString PlanDialog::output() const {
    return m_output->text().trimmed();
}

void PlanDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Spara åtgärdsplanen"), output(), tr("PDF (*.pdf);;PNG-bilder (*.png)"));
    if (!chosen.isEmpty()) {
        m_output->setText(chosen);
    }
}

void PlanDialog::accept() {
    const PlanOptions chosen = options();
    const QString file = output();
    if (file.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Ange var planen ska sparas."));
        return;
    }
    if (m_statuses->count() > 0 && chosen.statuses.empty()) {
        QMessageBox::warning(this, windowTitle(), tr("Välj minst en status att ta med."));
        return;
    }
    if (QFile::exists(file) &&
        QMessageBox::question(this, windowTitle(),
                              tr("%1 finns redan. Vill du ersätta den?").arg(file),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    // Unsaved edits are in the plan as they are now; the project file is not touched.
    const ProjectSnapshot snapshot = m_document.snapshot();
    const MapScene scene = m_document.scene(chosen.language);
    auto written = runWithProgress<PlanLayout>(
        tr("Skriver åtgärdsplanen …"), this, [&](Progress& progress) -> Result<PlanLayout> {
            auto plan = buildMeasurePlan(snapshot.toProject(), chosen);
            if (!plan) {
                return std::unexpected(plan.error());
            }
            return writeMeasurePlan(file.toStdString(), *plan, scene, chosen.paper, progress);
        });
    if (!written) {
        if (written.error().code == ErrorCode::Cancelled) {
            QMessageBox::information(this, windowTitle(),
                                     tr("Planen avbröts. Ingenting har skrivits."));
        } else {
            QMessageBox::warning(this, tr("Planen kunde inte skrivas"),
                                 tr("Kunde inte skriva %1:\n\n%2")
                                     .arg(file, QString::fromStdString(written.error().describe())));
        }
        return;
    }
    m_layout = *written;
    if (m_offerToOpen &&
        QMessageBox::question(
            this, windowTitle(),
            tr("Planen med %n åtgärder sparades i %1 (%2 sidor). Vill du öppna den?", nullptr,
               static_cast<int>(written->tableRows))
                .arg(pathText(written->files.front()))
                .arg(written->pages)) == QMessageBox::Yes) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(pathText(written->files.front())));
    }
    QDialog::accept();
}

} // namespace trygg
