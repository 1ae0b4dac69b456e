#include "import_dialog.h"

#include "background_open.h"

#include "tryggkarta/document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

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

/// The choices per duplicate, in the order of the combo box.
constexpr DuplicateAction kActions[] = {DuplicateAction::Merge, DuplicateAction::Keep, DuplicateAction::Skip};

/// The item data of "Annan fil…" in the mapping choice (a file path otherwise, empty for none).
const QString kOtherMapping = QStringLiteral("*");

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
    m_mapping = new QComboBox(this);
    m_mapping->setToolTip(tr("Hur kolumner och svar i en enkätexport eller GPX-fil blir fält och "
                             "värden i lagret"));
    addMappingChoices();
    m_radius = new QDoubleSpinBox(this);
    m_radius->setRange(0.5, 100.0);
    m_radius->setDecimals(1);
    m_radius->setValue(kDefaultMergeRadius);
    m_radius->setSuffix(tr(" m"));
    m_radius->setToolTip(tr("Rader så här nära ett befintligt objekt med samma kategori visas som "
                            "möjliga dubbletter"));
    m_strict = new QCheckBox(tr("Importera ingenting om någon rad har fel"), this);
    createDuplicateTable();
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_report = new QPlainTextEdit(this);
    m_report->setReadOnly(true);
    m_report->setMinimumSize(520, 200);

    auto* form = new QFormLayout;
    form->addRow(tr("Till lager:"), m_layer);
    form->addRow(tr("Koordinatsystem:"), m_crs);
    form->addRow(tr("Översättning:"), m_mapping);
    form->addRow(tr("Samma plats inom:"), m_radius);
    form->addRow(QString(), m_strict);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Avbryt"));
    m_read = buttons->addButton(tr("Läs filen"), QDialogButtonBox::ActionRole);
    m_add = buttons->addButton(tr("Lägg till i projektet"), QDialogButtonBox::AcceptRole);
    m_add->setEnabled(false);
    connect(m_read, &QPushButton::clicked, this, &ImportDialog::readSource);
    connect(m_add, &QPushButton::clicked, this, &ImportDialog::addToProject);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A changed choice makes the rows read so far stale.
    for (QComboBox* box : {m_layer, m_crs, m_mapping}) {
        connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::forgetResult);
    }
    connect(m_mapping, &QComboBox::activated, this, &ImportDialog::chooseMapping);
    connect(m_radius, &QDoubleSpinBox::valueChanged, this, &ImportDialog::forgetResult);
    connect(m_strict, &QCheckBox::toggled, this, [this] { m_add->setEnabled(false); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_report, 1);
    layout->addWidget(m_duplicatesTitle);
    layout->addWidget(m_duplicates, 2);
    layout->addWidget(buttons);
}

void ImportDialog::createDuplicateTable() {
    m_duplicatesTitle = new QLabel(tr("Möjliga dubbletter: samma kategori och nästan samma plats som "
                                      "något som redan finns. Välj för varje rad:"), this);
    m_duplicatesTitle->setWordWrap(true);
    m_duplicates = new QTableWidget(0, 4, this);
    m_duplicates->setHorizontalHeaderLabels(
        {tr("Rad i filen"), tr("Liknar"), tr("Avstånd"), tr("Gör så här")});
    m_duplicates->horizontalHeader()->setStretchLastSection(true);
    m_duplicates->verticalHeader()->hide();
    m_duplicates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_duplicatesTitle->hide();
    m_duplicates->hide();
}

void ImportDialog::addMappingChoices() {
    m_mapping->addItem(tr("Ingen: kolumner med fältens namn"), QString());
    for (const ReadyMapping& ready : readyMappings(m_document.catalog())) {
        m_mapping->addItem(QString::fromStdString(ready.title.in(m_language)),
                           QString::fromStdString(ready.file.string()));
    }
    m_mapping->addItem(tr("Annan fil …"), kOtherMapping);
}

void ImportDialog::chooseMapping(int index) {
    if (m_mapping->itemData(index).toString() != kOtherMapping) {
        return;
    }
    const QString file = QFileDialog::getOpenFileName(this, tr("Välj översättningsfil"), QString(),
                                                      tr("Översättningar (*.json)"));
    if (file.isEmpty()) {
        m_mapping->setCurrentIndex(0);
        return;
    }
    setMappingFile(file.toStdString());
}

void ImportDialog::setMappingFile(const std::filesystem::path& file) {
    const QString path = QString::fromStdString(file.string());
    int index = m_mapping->findData(path);
    if (index < 0) {
        index = m_mapping->count() - 1; // before "Annan fil …"
        m_mapping->insertItem(index, QString::fromStdString(file.filename().string()), path);
    }
    m_mapping->setCurrentIndex(index);
}

void ImportDialog::forgetResult() {
    m_result.reset();
    m_matches.clear();
    m_existing.reset();
    m_add->setEnabled(false);
    m_summary->clear();
    m_duplicates->setRowCount(0);
    m_duplicates->hide();
    m_duplicatesTitle->hide();
}

ImportOptions ImportDialog::options() const {
    ImportOptions options;
    options.targetLayer = m_layer->currentData().toString().toStdString();
    if (const int epsg = m_crs->currentData().toInt(); epsg != 0) {
        options.sourceCrs = Crs::fromEpsg(epsg);
    }
    options.strict = m_strict->isChecked();
    options.mergeRadius = m_radius->value();
    return options;
}

void ImportDialog::readSource() {
    forgetResult();
    ImportOptions chosen = options();
    const LayerCatalog& catalog = m_document.catalog();
    if (m_mapping->currentData().toString().isEmpty() && !m_mappingGuessed) {
        // The first read: a survey export or a GPX file is recognised by its ready mapping.
        m_mappingGuessed = true;
        if (auto automatic = automaticMapping(m_source, catalog, chosen.targetLayer)) {
            const QSignalBlocker quiet(m_mapping);
            m_mapping->setCurrentIndex(m_mapping->findData(QString::fromStdString(automatic->string())));
        }
    }
    if (const QString file = m_mapping->currentData().toString(); !file.isEmpty() && file != kOtherMapping) {
        auto mapping = loadImportMapping(file.toStdString(), catalog);
        if (!mapping) {
            m_report->setPlainText(QString::fromStdString(mapping.error().describe()));
            return;
        }
        // A mapping is made for one layer: show it, so that the report speaks of it.
        chosen.targetLayer = mapping->targetLayer;
        const QSignalBlocker quiet(m_layer);
        m_layer->setCurrentIndex(m_layer->findData(QString::fromStdString(chosen.targetLayer)));
        chosen.mapping = std::move(*mapping);
    }
    const Crs crs = m_document.crs();
    std::shared_ptr<const Layer> existing;
    for (const DocumentLayer& entry : m_document.layers()) {
        if (entry.layer->definition().table == chosen.targetLayer) {
            existing = entry.layer; // shared, read-only: safe to search off the GUI thread
        }
    }
    std::vector<DuplicateMatch> matches;
    auto read = runWithProgress<ImportedFeatures>(
        tr("Läser %1 …").arg(QString::fromStdString(m_source.filename().string())), this,
        [&](Progress& progress) -> Result<ImportedFeatures> {
            auto features = readForImport(catalog, m_source, chosen, crs, progress);
            if (!features || !existing) {
                return features;
            }
            auto found = findImportDuplicates(existing->definition(), existing->features(), *features,
                                              chosen.mergeRadius, features->report.duplicates, progress);
            if (!found) {
                return std::unexpected(found.error());
            }
            matches = std::move(*found);
            return features;
        });
    if (!read) {
        m_summary->setText(read.error().code == ErrorCode::Cancelled ? tr("Avbrutet.") : QString());
        m_report->setPlainText(QString::fromStdString(read.error().describe()));
        return;
    }
    showReport(read->report);
    showDuplicates(read->report);
    m_add->setEnabled(!read->features.empty());
    m_result = std::move(*read);
    m_matches = std::move(matches);
    m_existing = std::move(existing);
}

void ImportDialog::showDuplicates(const ImportReport& report) {
    m_duplicates->setRowCount(static_cast<int>(report.duplicates.size()));
    const QString layerTitle = m_layer->currentText().toLower();
    for (int i = 0; i < m_duplicates->rowCount(); ++i) {
        const DuplicateRow& row = report.duplicates[static_cast<std::size_t>(i)];
        const QString like = row.earlierRow > 0
                                 ? tr("rad %1 i samma fil").arg(row.earlierRow)
                                 : tr("%1 nr %2").arg(layerTitle).arg(toInt(row.existing));
        m_duplicates->setItem(i, 0, new QTableWidgetItem(QString::number(row.row)));
        m_duplicates->setItem(i, 1, new QTableWidgetItem(like));
        m_duplicates->setItem(i, 2, new QTableWidgetItem(tr("%1 m").arg(row.distance, 0, 'f', 1)));
        auto* choice = new QComboBox(m_duplicates);
        choice->addItems({tr("Slå ihop"), tr("Importera ändå"), tr("Hoppa över")});
        choice->setToolTip(tr("Slå ihop: det som finns behåller sin plats och sina värden, tomma fält "
                              "fylls i och beskrivningen läggs till"));
        m_duplicates->setCellWidget(i, 3, choice);
    }
    m_duplicates->setVisible(!report.duplicates.empty());
    m_duplicatesTitle->setVisible(!report.duplicates.empty());
}

std::vector<DuplicateAction> ImportDialog::chosenActions() const {
    std::vector<DuplicateAction> actions;
    for (int i = 0; i < m_duplicates->rowCount(); ++i) {
        const auto* choice = qobject_cast<const QComboBox*>(m_duplicates->cellWidget(i, 3));
        actions.push_back(kActions[std::clamp(choice->currentIndex(), 0, 2)]);
    }
    return actions;
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
    const std::string table = m_layer->currentData().toString().toStdString();
    const LayerDef* def = m_document.catalog().find(table);
    static const std::vector<Feature> kNone;
    const std::vector<Feature>& existing = m_existing ? m_existing->features() : kNone;
    DuplicateResolution resolved =
        resolveDuplicates(*def, existing, std::move(m_result->features), m_matches, chosenActions());
    m_result.reset();
    FeatureEdit edit;
    edit.layer = table;
    for (std::size_t i = 0; i < resolved.updated.size(); ++i) {
        edit.changes.push_back(FeatureChange{std::move(resolved.before[i]), std::move(resolved.updated[i])});
    }
    for (Feature& feature : resolved.added) {
        edit.changes.push_back(FeatureChange{std::nullopt, std::move(feature)});
    }
    if (!edit.empty()) {
        auto applied = m_document.apply(
            std::move(edit), tr("Importera %1").arg(QString::fromStdString(m_source.filename().string())));
        if (!applied) {
            QMessageBox::warning(this, windowTitle(), QString::fromStdString(applied.error().describe()));
            return;
        }
    }
    accept();
}

} // namespace trygg
