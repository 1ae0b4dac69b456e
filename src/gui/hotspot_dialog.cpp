#include "hotspot_dialog.h"

#include "background_open.h"
#include "observation_filter_box.h"

#include "tryggkarta/analysis/hotspot_results.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace trygg {
namespace {

DateTime now() {
    const QDateTime local = QDateTime::currentDateTime();
    const QDate day = local.date();
    const QTime time = local.time();
    return DateTime{Date{day.year(), day.month(), day.day()}, time.hour(), time.minute(),
                    static_cast<double>(time.second()), local.offsetFromUtc() / 60};
}

} // namespace

HotspotDialog::HotspotDialog(MapDocument& document, const QString& language, QWidget* parent)
    : QDialog(parent), m_document(document) {
    setWindowTitle(tr("Heta och kalla punkter"));
    auto* intro = new QLabel(
        tr("Kartan delas in i sexkantiga rutor. För varje ruta räknas synpunkterna i den och "
           "grannrutorna ihop och jämförs med hela området (Getis-Ord Gi*). Röda rutor har "
           "fler synpunkter än slumpen förklarar, blå färre; ju mörkare, desto säkrare."),
        this);
    intro->setWordWrap(true);
    m_filter = new ObservationFilterBox(document, language, this);

    auto* cells = new QGroupBox(tr("Rutor och beräkning"), this);
    m_cellSize = new QDoubleSpinBox(cells);
    m_cellSize->setRange(5.0, 5000.0);
    m_cellSize->setDecimals(0);
    m_cellSize->setSuffix(QStringLiteral(" m"));
    m_cellSize->setValue(HexagonOptions{}.cellSize);
    m_cellSize->setToolTip(tr("Rutans bredd mellan två motstående sidor"));
    m_value = new QComboBox(cells);
    m_value->addItem(tr("Alla valda synpunkter"), static_cast<int>(HotSpotValue::Count));
    m_value->addItem(tr("De otrygga bland dem"), static_cast<int>(HotSpotValue::Unsafe));
    m_band = new QDoubleSpinBox(cells);
    m_band->setRange(0.0, 10000.0);
    m_band->setDecimals(0);
    m_band->setSuffix(QStringLiteral(" m"));
    m_band->setSpecialValueText(tr("rutan och dess sex grannar"));
    m_fdr = new QCheckBox(tr("Rätta för många samtidiga test (FDR, rekommenderas)"), cells);
    m_fdr->setChecked(true);
    auto* form = new QFormLayout(cells);
    form->addRow(tr("Rutstorlek:"), m_cellSize);
    form->addRow(tr("Räkna:"), m_value);
    form->addRow(tr("Grannskap:"), m_band);
    form->addRow(m_fdr);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Beräkna"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Avbryt"));
    connect(buttons, &QDialogButtonBox::accepted, this, &HotspotDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &ObservationFilterBox::changed, this,
            [this] { m_ok->setEnabled(m_filter->matchCount() > 0); });
    m_filter->choose("polaritet", QStringLiteral("otrygg")); // where people feel unsafe
    m_ok->setEnabled(m_filter->matchCount() > 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(cells);
    layout->addWidget(buttons);
}

HexagonOptions HotspotDialog::options() const {
    HexagonOptions options;
    options.cellSize = m_cellSize->value();
    options.value = static_cast<HotSpotValue>(m_value->currentData().toInt());
    options.distanceBand = m_band->value();
    options.falseDiscoveryRate = m_fdr->isChecked();
    options.where = m_filter->filterText().toStdString();
    return options;
}

void HotspotDialog::accept() {
    const Layer* observations = m_document.layer(kObservationLayer);
    const Layer* target = m_document.layer(kHotSpotLayer);
    if (observations == nullptr || target == nullptr) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Projektet saknar lagret med synpunkter eller resultatlagret."));
        return;
    }
    const HexagonOptions chosen = options();
    auto stats = runWithProgress<HexagonStatistics>(
        tr("Räknar synpunkter per ruta…"), this, [&](Progress& progress) {
            return hexagonStatistics(*observations, chosen, progress);
        });
    if (!stats) {
        if (stats.error().code != ErrorCode::Cancelled) {
            QMessageBox::warning(this, tr("Beräkningen misslyckades"),
                                 QString::fromStdString(stats.error().describe()));
        }
        return;
    }
    std::vector<std::pair<std::string, std::vector<Feature>>> layers;
    layers.emplace_back(std::string(kHotSpotLayer),
                        hotSpotFeatures(target->definition(), *stats, now()));
    if (auto written = m_document.replaceAnalysisResults(std::move(layers), tr("Heta och kalla punkter"));
        !written) {
        QMessageBox::warning(this, tr("Beräkningen misslyckades"),
                             QString::fromStdString(written.error().describe()));
        return;
    }
    const int index = m_document.indexOf(std::string(kHotSpotLayer));
    if (index >= 0) {
        m_document.setVisible(index, true);
    }
    m_stats = std::move(*stats);
    QDialog::accept();
}

QString HotspotDialog::summary(const HexagonStatistics& stats) {
    const auto bins = stats.binCounts(); // index bin + 3
    const auto count = [&](int bin) { return static_cast<int>(bins[static_cast<std::size_t>(bin + 3)]); };
    const int hot = count(1) + count(2) + count(3);
    const int cold = count(-1) + count(-2) + count(-3);
    return tr("%1 rutor: %2 heta (99 %: %3, 95 %: %4, 90 %: %5), %6 kalla, %7 utan tydligt mönster.")
        .arg(stats.cells.size())
        .arg(hot)
        .arg(count(3))
        .arg(count(2))
        .arg(count(1))
        .arg(cold)
        .arg(count(0));
}

} // namespace trygg
