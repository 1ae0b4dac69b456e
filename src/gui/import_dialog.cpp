#include "import_dialog.h"

#include "background_open.h"

#include "tryggkarta/document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trygg {
namespace {

/// The layer a file most likely belongs in, from its name ("belysning_2024.shp").
int guessLayer(const QComboBox& layers, const std::filesystem::path& source) {
    const QString name = QString::fromStdString(source.stem().string()).toLower();
    for (int i = 0; i < layers.count(); ++i) {
        const QString table = layers.itemData(i).toString();
        if (name.contains(table) || name.contains(table.left(5))) {
            return i;
        }
    }
    return 0;
}

} // namespace

ImportDialog::ImportDialog(MapDocument& document, std::filesystem::path source,
                           std::string language, QWidget* parent)
    : QDialog(parent), m_document(document), m_source(std::move(source)),
      m_language(std::move(language)) {
    setWindowTitle(tr("Importera %1").arg(QString::fromStdString(m_source.filename().string())));
    m_layer = new QComboBox(this);
    for (const DocumentLayer& entry : m_document.layers()) {
        const LayerDef& def = entry.layer->definition();
        if (!entry.overlay && m_document.isEditable(def.table)) {
            m_layer->addItem(QString::fromStdString(def.title.in(m_language)),
                             QString::fromStdString(def.table));
        }
    }
    m_layer->setCurrentIndex(guessLayer(*m_layer, m_source));
    m_crs = new QComboBox(this);
    m_crs->addItem(tr("Som filen anger"), 0);
    m_crs->addItem(QStringLiteral("SWEREF 99 TM (EPSG:3006)"), 3006);
    m_crs->addItem(QStringLiteral("SWEREF 99 20 15 (EPSG:3016)"), 3016);
    m_crs->addItem(QStringLiteral("WGS 84 (EPSG:4326)"), 4326);
    m_crs->setToolTip(tr("För filer som inte själva anger koordinatsystem, t.ex. CSV med x/y"));
    m_strict = new QCheckBox(tr("Importera ingenting om någon rad har fel"), this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_report = new QPlainTextEdit(this);
    m_report->setReadOnly(true);
    m_report->setMinimumSize(520, 200);

    auto* form = new QFormLayout;
    form->addRow(tr("Till lager:"), m_layer);
    form->addRow(tr("Koordinatsystem:"), m_crs);
    form->addRow(QString(), m_strict);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_read = buttons->addButton(tr("Läs filen"), QDialogButtonBox::ActionRole);
    m_add = buttons->addButton(tr("Lägg till i projektet"), QDialogButtonBox::AcceptRole);
    m_add->setEnabled(false);
    connect(m_read, &QPushButton::clicked, this, &ImportDialog::readSource);
    connect(m_add, &QPushButton::clicked, this, &ImportDialog::addToProject);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A changed choice makes the rows read so far stale.
    for (QComboBox* box : {m_layer, m_crs}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            m_result.reset();
            m_add->setEnabled(false);
            m_summary->clear();
        });
    }
    connect(m_strict, &QCheckBox::toggled, this, [this] { m_add->setEnabled(false); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);
}

ImportOptions ImportDialog::options() const {
    ImportOptions options;
    options.targetLayer = m_layer->currentData().toString().toStdString();
    if (const int epsg = m_crs->currentData().toInt(); epsg != 0) {
        options.sourceCrs = Crs::fromEpsg(epsg);
    }
    options.strict = m_strict->isChecked();
    return options;
}

void ImportDialog::readSource() {
    const ImportOptions chosen = options();
    const LayerCatalog& catalog = m_document.catalog();
    const Crs crs = m_document.crs();
    auto read = runWithProgress<ImportedFeatures>(
        tr("Läser %1 …").arg(QString::fromStdString(m_source.filename().string())), this,
        [&](Progress& progress) { return readForImport(catalog, m_source, chosen, crs, progress); });
    if (!read) {
        m_result.reset();
        m_add->setEnabled(false);
        m_summary->setText(read.error().code == ErrorCode::Cancelled ? tr("Avbrutet.") : QString());
        m_report->setPlainText(QString::fromStdString(read.error().describe()));
        return;
    }
    showReport(read->report);
    m_add->setEnabled(!read->features.empty());
    m_result = std::move(*read);
}

void ImportDialog::showReport(const ImportReport& report) {
    m_summary->setText(tr("%1 rader lästa: %2 kan läggas till, %3 med fel.")
                           .arg(report.rowsRead)
                           .arg(report.imported)
                           .arg(report.rejectedCount));
    QStringList lines;
    for (const std::string& note : report.notes) {
        lines << QString::fromStdString(note);
    }
    if (!report.rejected.empty()) {
        lines << QString() << tr("Rader med fel:");
    }
    for (const RejectedRow& row : report.rejected) {
        lines << tr("rad %1%2: %3")
                     .arg(row.row)
                     .arg(row.field.empty() ? QString() : tr(", fält %1").arg(QString::fromStdString(row.field)))
                     .arg(QString::fromStdString(row.reason));
    }
    if (report.rejectedCount > static_cast<std::int64_t>(report.rejected.size())) {
        lines << tr("… och %1 till").arg(report.rejectedCount - static_cast<std::int64_t>(report.rejected.size()));
    }
    m_report->setPlainText(lines.join(QLatin1Char('\n')));
}

QString ImportDialog::reportText() const {
    return m_summary->text() + QLatin1Char('\n') + m_report->toPlainText();
}

void ImportDialog::addToProject() {
    if (!m_result || m_result->features.empty()) {
        return;
    }
    // The rows were read for the layer shown: changing it resets the result.
    auto added = m_document.addImported(m_layer->currentData().toString().toStdString(),
                                        std::move(m_result->features),
                                        QString::fromStdString(m_source.filename().string()));
    m_result.reset();
    if (!added) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(added.error().describe()));
        return;
    }
    accept();
}

} // namespace trygg
