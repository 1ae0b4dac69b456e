#include "heatmap_dialog.h"

#include "observation_filter_box.h"

#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/document/map_document.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace trygg {
namespace {

constexpr double kDefaultRadius = 50.0; ///< when too few observations for a suggestion
constexpr double kDefaultPixel = 2.0;

QDoubleSpinBox* metresEdit(double minimum, double maximum, double value, QWidget* parent) {
    auto* edit = new QDoubleSpinBox(parent);
    edit->setRange(minimum, maximum);
    edit->setDecimals(1);
    edit->setSuffix(QStringLiteral(" m"));
    edit->setValue(value);
    return edit;
}

} // namespace

HeatmapDialog::HeatmapDialog(const MapDocument& document, const QString& language,
                             const HeatmapRequest* previous, QWidget* parent)
    : QDialog(parent), m_document(document) {
    setWindowTitle(tr("Värmekarta"));
    auto* intro = new QLabel(tr("Var ligger synpunkterna tätt? Varje synpunkt sprids ut över en "
                                "cirkel med den valda radien; där många cirklar överlappar blir "
                                "kartan varm. Samma beräkning som QGIS verktyg Heatmap (Kernel "
                                "Density Estimation)."),
                             this);
    intro->setWordWrap(true);
    m_filter = new ObservationFilterBox(document, language, this);

    auto* shape = new QGroupBox(tr("Hur synpunkterna sprids"), this);
    m_kernel = new QComboBox(shape);
    m_kernel->addItem(tr("Kvartisk (mjuk kulle, QGIS standard)"), static_cast<int>(Kernel::Quartic));
    m_kernel->addItem(tr("Triangulär (avtar jämnt)"), static_cast<int>(Kernel::Triangular));
    m_kernel->addItem(tr("Likformig (lika mycket i hela cirkeln)"), static_cast<int>(Kernel::Uniform));
    m_kernel->addItem(tr("Triweight (brantare kulle)"), static_cast<int>(Kernel::Triweight));
    m_kernel->addItem(tr("Epanechnikov (rundad kulle)"), static_cast<int>(Kernel::Epanechnikov));
    m_radius = metresEdit(1.0, 5000.0, kDefaultRadius, shape);
    m_suggest = new QPushButton(tr("Föreslå"), shape);
    m_suggest->setToolTip(tr("Silvermans tumregel: räknas ut från hur utspridda de valda "
                             "synpunkterna är."));
    m_suggestion = new QLabel(shape);
    auto* radiusRow = new QHBoxLayout;
    radiusRow->addWidget(m_radius);
    radiusRow->addWidget(m_suggest);
    radiusRow->addWidget(m_suggestion, 1);
    m_pixel = metresEdit(0.5, 500.0, kDefaultPixel, shape);
    m_weight = new QComboBox(shape);
    m_weight->addItem(tr("Varje synpunkt väger lika"), QString());
    if (const Layer* observations = document.layer(kObservationLayer)) {
        for (const FieldDef& field : observations->definition().fields) {
            if (field.type == FieldType::Integer || field.type == FieldType::Real) {
                if (field.name != "vandring") { // an id, not an amount
                    m_weight->addItem(QString::fromStdString(field.label.in(language.toStdString())),
                                      QString::fromStdString(field.name));
                }
            }
        }
    }
    m_output = new QComboBox(shape);
    m_output->addItem(tr("Råa värden (summan av kullarna)"), false);
    m_output->addItem(tr("Skalade värden (täthet per m²)"), true);
    auto* form = new QFormLayout(shape);
    form->addRow(tr("Form:"), m_kernel);
    form->addRow(tr("Radie:"), radiusRow);
    form->addRow(tr("Rutstorlek:"), m_pixel);
    form->addRow(tr("Vikt:"), m_weight);
    form->addRow(tr("Värden:"), m_output);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Visa på kartan"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Avbryt"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_suggest, &QPushButton::clicked, this, &HeatmapDialog::suggestRadius);
    connect(m_filter, &ObservationFilterBox::changed, this, &HeatmapDialog::updateOk);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(shape);
    layout->addWidget(buttons);

    if (previous != nullptr) {
        m_filter->conditionEdit()->setText(previous->filter);
        m_kernel->setCurrentIndex(m_kernel->findData(static_cast<int>(previous->options.kernel)));
        m_radius->setValue(previous->options.radius);
        m_pixel->setValue(previous->options.pixelSize);
        m_weight->setCurrentIndex(std::max(0, m_weight->findData(previous->weightField)));
        m_output->setCurrentIndex(previous->options.scaled ? 1 : 0);
    } else {
        m_filter->choose("polaritet", QStringLiteral("otrygg"));
        suggestRadius();
    }
    updateOk();
}

HeatmapRequest HeatmapDialog::request() const {
    HeatmapRequest request;
    request.filter = m_filter->filterText();
    request.weightField = m_weight->currentData().toString();
    request.options.kernel = static_cast<Kernel>(m_kernel->currentData().toInt());
    request.options.radius = m_radius->value();
    request.options.pixelSize = m_pixel->value();
    request.options.scaled = m_output->currentData().toBool();
    return request;
}

double HeatmapDialog::suggestedRadius() const {
    const Layer* observations = m_document.layer(kObservationLayer);
    if (observations == nullptr) {
        return 0.0;
    }
    auto taken = selectObservations(*observations, m_filter->filterText().toStdString(), {});
    return taken ? silvermanRadius(taken->points) : 0.0;
}

void HeatmapDialog::suggestRadius() {
    const double radius = suggestedRadius();
    if (radius > 0.0) {
        m_radius->setValue(std::round(radius));
        m_suggestion->setText(tr("förslag: %1 m").arg(std::round(radius)));
    } else {
        m_suggestion->setText(tr("för få synpunkter för ett förslag"));
    }
}

void HeatmapDialog::updateOk() {
    m_ok->setEnabled(m_filter->matchCount() > 0);
}

} // namespace trygg
