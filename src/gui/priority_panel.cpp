#include "priority_panel.h"

#include "background_open.h"
#include "observation_filter_box.h"

#include "tryggkarta/analysis/lighting_results.h"
#include "tryggkarta/document/map_document.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace trygg {
namespace {

/// How long edits must rest before the list is computed again: a drag or a burst of walk
/// observations makes one computation, not one per step.
constexpr int kDebounceMs = 300;
constexpr double kMaxWeight = 10.0;
constexpr int kPlaceRole = Qt::UserRole; ///< on the rank item: the place's index in the list

/// The layers whose changes change the list (the base map only names places: ignored).
bool concernsList(const QString& layer) {
    for (std::string_view name : {kObservationLayer, kMeasureLayer, kObservationLightLayer,
                                  kGapLayer, kSegmentLayer}) {
        if (layer == QLatin1String(name.data(), static_cast<qsizetype>(name.size()))) {
            return true;
        }
    }
    return false;
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignLeft) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

} // namespace

PriorityPanel::PriorityPanel(const MapDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PriorityPanel::startUpdate);
    connect(&m_update, &QFutureWatcher<Result<PriorityList>>::finished, this,
            &PriorityPanel::updateFinished);
    build();
    connect(&document, &MapDocument::projectReplaced, this, [this] {
        rebuildFilter();
        documentChanged();
    });
    connect(&document, &MapDocument::featuresChanged, this, [this](const QString& layer) {
        if (concernsList(layer)) {
            documentChanged();
        }
    });
    connect(&document, &MapDocument::linksChanged, this, &PriorityPanel::documentChanged);
    retranslate();
}

PriorityPanel::~PriorityPanel() {
    if (m_progress) {
        m_progress->cancel();
        m_update.waitForFinished();
    }
}

void PriorityPanel::build() {
    auto* layout = new QVBoxLayout(this); // no title: the dock's title bar names the list
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) { activate(row); });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) { activate(row); });
    layout->addWidget(m_table, 1);

    m_settingsToggle = new QToolButton(this);
    m_settingsToggle->setCheckable(true);
    m_settingsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_settingsToggle->setArrowType(Qt::RightArrow);
    m_settingsToggle->setAutoRaise(true);
    layout->addWidget(m_settingsToggle);
    m_settings = buildSettings();
    m_settings->hide();
    layout->addWidget(m_settings);
    connect(m_settingsToggle, &QToolButton::toggled, this, [this](bool open) {
        m_settings->setVisible(open);
        m_settingsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
}

QWidget* PriorityPanel::buildSettings() {
    auto* settings = new QWidget(this);
    m_settingsLayout = new QVBoxLayout(settings);
    m_settingsLayout->setContentsMargins(0, 0, 0, 0);
    const PriorityOptions defaults;
    auto* form = new QFormLayout;
    m_eps = new QDoubleSpinBox(settings);
    m_eps->setRange(1.0, 500.0);
    m_eps->setDecimals(0);
    m_eps->setSuffix(QStringLiteral(" m"));
    m_eps->setValue(defaults.eps);
    m_minPoints = new QSpinBox(settings);
    m_minPoints->setRange(1, 100);
    m_minPoints->setValue(static_cast<int>(defaults.minPoints));
    m_epsLabel = new QLabel(settings);
    m_minPointsLabel = new QLabel(settings);
    form->addRow(m_epsLabel, m_eps);
    form->addRow(m_minPointsLabel, m_minPoints);
    connect(m_eps, &QDoubleSpinBox::valueChanged, this, &PriorityPanel::scheduleUpdate);
    connect(m_minPoints, &QSpinBox::valueChanged, this, &PriorityPanel::scheduleUpdate);
    m_settingsLayout->addLayout(form);

    m_weightsLabel = new QLabel(settings);
    m_settingsLayout->addWidget(m_weightsLabel);
    auto* grid = new QGridLayout;
    for (PriorityFactor factor : kPriorityFactors) {
        const auto i = static_cast<std::size_t>(factor);
        m_weightLabels[i] = new QLabel(settings);
        m_weights[i] = new QDoubleSpinBox(settings);
        m_weights[i]->setRange(0.0, kMaxWeight);
        m_weights[i]->setSingleStep(0.5);
        m_weights[i]->setDecimals(1);
        m_weights[i]->setValue(defaults.weights[factor]);
        connect(m_weights[i], &QDoubleSpinBox::valueChanged, this, &PriorityPanel::weightsChanged);
        const int row = static_cast<int>(i / 2);
        const int column = static_cast<int>(i % 2) * 2;
        grid->addWidget(m_weightLabels[i], row, column);
        grid->addWidget(m_weights[i], row, column + 1);
    }
    m_settingsLayout->addLayout(grid);
    return settings;
}

/// The filter box reads the project's value lists and walks when made: made anew for each
/// project and language. It starts at the unsafe observations, the list's default.
void PriorityPanel::rebuildFilter() {
    delete m_filter;
    m_filter = new ObservationFilterBox(m_document, QString::fromStdString(m_language), m_settings);
    m_filter->choose("polaritet", QString::fromLatin1(kUnsafePolarity.data(), static_cast<qsizetype>(kUnsafePolarity.size())));
    connect(m_filter, &ObservationFilterBox::changed, this, &PriorityPanel::scheduleUpdate);
    m_settingsLayout->addWidget(m_filter);
}

void PriorityPanel::setLanguage(const std::string& language) {
    if (language == m_language && m_filter != nullptr) {
        return;
    }
    m_language = language;
    m_locale = language == "en" ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                : QLocale(QLocale::Swedish, QLocale::Sweden);
    rebuildFilter();
    fill();
}

QString PriorityPanel::title() {
    return tr("Prioriterade platser");
}

void PriorityPanel::retranslate() {
    m_table->setHorizontalHeaderLabels(
        {tr("Rang"), tr("Plats"), tr("Poäng"), tr("Antal"), tr("Varför")});
    m_settingsToggle->setText(tr("Inställningar"));
    m_epsLabel->setText(tr("Avstånd inom en plats:"));
    m_eps->setToolTip(tr("Synpunkter som ligger så här nära varandra hör till samma plats."));
    m_minPointsLabel->setText(tr("Minst antal synpunkter:"));
    m_minPoints->setToolTip(tr("Så många synpunkter inom avståndet behövs för att bilda en plats."));
    m_weightsLabel->setText(tr("Vikter i poängen:"));
    const std::array<QString, kPriorityFactorCount> names{
        tr("Antal synpunkter"), tr("Hur otryggt (känsla)"), tr("Andel i mörker"),
        tr("Lite ljus"),        tr("Nära mörkt parti"),     tr("Åtgärd finns (sänker)")};
    const std::array<QString, kPriorityFactorCount> tips{
        tr("Platsens synpunkter jämfört med den största platsen."),
        tr("Skrämmande räknas fullt, obehaglig två tredjedelar, acceptabel en tredjedel."),
        tr("Andelen synpunkter i mörker; skymning räknas till hälften."),
        tr("Hur lite ljus belysningsanalysen ger där (0 lx fullt, 10 lx eller mer inget)."),
        tr("Hur nära ett mörkt parti platsen ligger (intill fullt, 50 m eller mer inget)."),
        tr("Andelen synpunkter som en åtgärd (inte avförd) redan svarar på; dras av.")};
    for (std::size_t i = 0; i < kPriorityFactorCount; ++i) {
        m_weightLabels[i]->setText(names[i] + QLatin1Char(':'));
        m_weights[i]->setToolTip(tips[i]);
    }
    if (m_filter == nullptr) {
        rebuildFilter();
    }
    fill();
}

PriorityOptions PriorityPanel::options() const {
    PriorityOptions options;
    options.eps = m_eps->value();
    options.minPoints = static_cast<std::size_t>(m_minPoints->value());
    options.filter = m_filter != nullptr ? m_filter->filterText().toStdString() : std::string();
    // The filter box's polarity choice says which; "unsafe" only changes the words then.
    const QComboBox* polarity = m_filter != nullptr ? m_filter->choice("polaritet") : nullptr;
    options.unsafeOnly = polarity != nullptr &&
                         polarity->currentData().toString() == QLatin1String(kUnsafePolarity.data());
    for (PriorityFactor factor : kPriorityFactors) {
        options.weights[factor] = weightBox(factor)->value();
    }
    return options;
}

void PriorityPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        scheduleUpdate();
    }
}

void PriorityPanel::documentChanged() {
    if (isVisible()) {
        scheduleUpdate();
    } else {
        m_stale = true; // computed when shown
    }
}

void PriorityPanel::scheduleUpdate() {
    if (m_progress) {
        m_progress->cancel(); // its answer is already out of date
        m_again = true;
    }
    m_debounce.start();
}

void PriorityPanel::refresh() {
    m_debounce.stop();
    startUpdate();
}

void PriorityPanel::startUpdate() {
    if (m_progress) {
        m_progress->cancel();
        m_again = true; // updateFinished starts the next one
        return;
    }
    m_stale = false;
    m_again = false;
    if (!m_document.hasProject() || m_document.layer(kObservationLayer) == nullptr) {
        m_list.reset();
        fill();
        updateStatus(tr("Inget projekt med synpunkter är öppet."));
        return;
    }
    // The document may change while the worker runs: it reads the snapshot's shared layers.
    ProjectSnapshot snapshot = m_document.snapshot();
    m_progress = std::make_shared<SharedProgress>();
    m_update.setFuture(QtConcurrent::run(
        [layers = std::move(snapshot.layers), links = std::move(snapshot.links),
         options = options(), progress = m_progress] {
            PriorityInput input;
            for (const auto& layer : layers) {
                input.layers.push_back(layer.get());
            }
            input.links = links;
            return prioritisePlaces(input, options, *progress);
        }));
}

void PriorityPanel::updateFinished() {
    if (!m_progress || !m_update.isFinished()) {
        return; // already taken by waitForUpdate
    }
    auto result = m_update.result();
    m_progress.reset();
    if (result) {
        m_list = std::move(*result);
        rescorePlaces(*m_list, options().weights); // the weights may have moved meanwhile
        fill();
        updateStatus({});
    } else if (result.error().code != ErrorCode::Cancelled) {
        m_list.reset();
        fill();
        updateStatus(tr("Listan kunde inte beräknas: %1")
                         .arg(QString::fromStdString(result.error().describe())));
    }
    if (m_again) {
        startUpdate();
    }
}

void PriorityPanel::waitForUpdate() {
    if (m_debounce.isActive()) {
        m_debounce.stop();
        startUpdate();
    }
    while (m_progress) {
        m_update.waitForFinished();
        updateFinished(); // may start the next one
    }
}

void PriorityPanel::weightsChanged() {
    if (m_list) {
        rescorePlaces(*m_list, options().weights);
        fill();
    }
}

void PriorityPanel::fill() {
    m_table->setRowCount(0);
    if (!m_list) {
        return;
    }
    m_table->setRowCount(static_cast<int>(m_list->places.size()));
    for (std::size_t i = 0; i < m_list->places.size(); ++i) {
        const PriorityPlace& place = m_list->places[i];
        const int row = static_cast<int>(i);
        auto* rank = cell(QString::number(place.rank), Qt::AlignRight);
        rank->setData(kPlaceRole, QVariant::fromValue<qulonglong>(i));
        m_table->setItem(row, RankColumn, rank);
        m_table->setItem(row, PlaceColumn,
                         cell(QString::fromStdString(placeLabel(place, m_language))));
        auto* score = cell(number(place.score, 2), Qt::AlignRight);
        score->setToolTip(scoreTip(place));
        m_table->setItem(row, ScoreColumn, score);
        m_table->setItem(row, CountColumn,
                         cell(QString::number(place.facts.observations), Qt::AlignRight));
        const QString why = QString::fromStdString(explainPlace(place, *m_list, m_language));
        auto* explanation = cell(why);
        explanation->setToolTip(why);
        m_table->setItem(row, WhyColumn, explanation);
    }
    m_table->resizeRowsToContents();
}

/// "Antal 1,00 + Hur otryggt 0,60 + … − Åtgärd finns 0,00 = 2,30": how the score adds up.
QString PriorityPanel::scoreTip(const PriorityPlace& place) const {
    const PriorityValues weights = options().weights;
    QString tip;
    for (std::size_t i = 0; i < kPriorityFactorCount; ++i) {
        const PriorityFactor factor = kPriorityFactors[i];
        const double part = place.contribution(factor, weights);
        const QString name = m_weightLabels[i]->text().chopped(1);
        tip += (tip.isEmpty() ? QString() : (part < 0.0 ? QStringLiteral(" − ") : QStringLiteral(" + "))) +
               name + QLatin1Char(' ') + number(std::abs(part), 2);
    }
    return tip + QStringLiteral(" = ") + number(place.score, 2);
}

void PriorityPanel::updateStatus(const QString& problem) {
    m_status->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b00020"));
    if (!problem.isEmpty() || !m_list) {
        m_status->setText(problem);
        return;
    }
    QString text = tr("%n plats(er) av %1 synpunkter; %2 hör inte till någon plats.", nullptr,
                      static_cast<int>(m_list->places.size()))
                       .arg(m_list->considered)
                       .arg(m_list->noise);
    if (!m_list->lightingKnown) {
        text += QLatin1Char(' ') +
                tr("Ingen belysningsanalys har körts: ljus och mörka partier ger inga poäng.");
    } else if (m_list->lightingScenario == "med_planerade") {
        text += QLatin1Char(' ') + tr("Ljuset är beräknat med de planerade lamporna.");
    }
    m_status->setText(text);
}

void PriorityPanel::activate(int row) {
    const QTableWidgetItem* item = m_table->item(row, RankColumn);
    if (!m_list || item == nullptr) {
        return;
    }
    const auto index = static_cast<std::size_t>(item->data(kPlaceRole).toULongLong());
    if (index >= m_list->places.size()) {
        return;
    }
    const PriorityPlace& place = m_list->places[index];
    QList<qint64> ids;
    for (FeatureId id : place.observations) {
        ids.push_back(toInt(id));
    }
    emit zoomRequested(place.extent);
    emit observationsChosen(ids);
}

QString PriorityPanel::number(double value, int decimals) const {
    return m_locale.toString(value, 'f', decimals);
}

} // namespace trygg
