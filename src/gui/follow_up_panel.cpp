#include "follow_up_panel.h"

#include "follow_up_charts.h"
#include "tryggkarta/core/defaults.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/render/follow_up_style.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace trygg {
namespace {

/// Edits come in bursts (a drag, an import): the charts follow once it settles.
constexpr int kRefreshDelayMs = 300;
/// Heights that keep a chart's rows readable; the view scrolls beyond them.
constexpr int kPromiseRowPx = 26;
constexpr int kTimelineRowPx = 22;
constexpr int kChartFramePx = 130;
constexpr std::string_view kWalkLayer = "vandringar";

QChartView* chartView(QWidget* parent) {
    auto* view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

/// The view owns the new chart; the old one it releases, and it goes.
void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

QWidget* scrolled(QWidget* content) {
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(content);
    return area;
}

QWidget* withNote(QWidget* chart, QLabel* note) {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    note->setWordWrap(true);
    layout->addWidget(chart, 1);
    layout->addWidget(note);
    return page;
}

QTableWidget* sideTable(QWidget* parent) {
    auto* table = new QTableWidget(0, 5, parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString text(const std::string& value) {
    return value.empty() ? QStringLiteral("–") : QString::fromStdString(value);
}

} // namespace

FollowUpPanel::FollowUpPanel(MapDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document) {
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &FollowUpPanel::refresh);
    build();
    connect(&m_document, &MapDocument::projectReplaced, this, &FollowUpPanel::scheduleRefresh);
    connect(&m_document, &MapDocument::linksChanged, this, &FollowUpPanel::scheduleRefresh);
    connect(&m_document, &MapDocument::featuresChanged, this, [this](const QString& layer) {
        const std::string name = layer.toStdString();
        if (name == kMeasureLayer || name == kObservationLayer || name == kWalkLayer) {
            scheduleRefresh();
        }
    });
    retranslate();
}

void FollowUpPanel::build() {
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_promiseView = chartView(this);
    m_costView = chartView(this);
    m_costNote = new QLabel(this);
    m_timelineView = chartView(this);
    m_answerView = chartView(this);
    m_answerNote = new QLabel(this);
    m_tabs->addTab(scrolled(m_promiseView), QString());
    m_tabs->addTab(withNote(m_costView, m_costNote), QString());
    m_tabs->addTab(scrolled(m_timelineView), QString());
    m_tabs->addTab(withNote(m_answerView, m_answerNote), QString());
    m_tabs->addTab(buildBeforeAfter(), QString());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
}

QWidget* FollowUpPanel::buildBeforeAfter() {
    auto* page = new QWidget(this);
    m_beforeAfterIntro = new QLabel(page);
    m_beforeAfterIntro->setWordWrap(true);
    m_radiusLabel = new QLabel(page);
    m_radius = new QSpinBox(page);
    m_radius->setRange(10, 500);
    m_radius->setSingleStep(10);
    m_radius->setValue(static_cast<int>(BeforeAfterOptions{}.radius));
    m_radius->setSuffix(QStringLiteral(" m"));
    connect(m_radius, &QSpinBox::valueChanged, this, &FollowUpPanel::scheduleRefresh);
    m_measures = new QComboBox(page);
    m_measures->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_measures, &QComboBox::currentIndexChanged, this, &FollowUpPanel::showBeforeAfter);
    m_beforeAfterNote = new QLabel(page);
    m_beforeAfterNote->setWordWrap(true);

    auto* sides = new QSplitter(Qt::Horizontal, page);
    auto makeSide = [&](QGroupBox*& box, QLabel*& summary, QTableWidget*& table) {
        box = new QGroupBox(sides);
        summary = new QLabel(box);
        summary->setWordWrap(true);
        table = sideTable(box);
        auto* layout = new QVBoxLayout(box);
        layout->addWidget(summary);
        layout->addWidget(table, 1);
        sides->addWidget(box);
    };
    makeSide(m_beforeBox, m_beforeSummary, m_beforeTable);
    makeSide(m_afterBox, m_afterSummary, m_afterTable);

    auto* choice = new QHBoxLayout;
    choice->addWidget(m_measures, 1);
    choice->addWidget(m_radiusLabel);
    choice->addWidget(m_radius);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_beforeAfterIntro);
    layout->addLayout(choice);
    layout->addWidget(m_beforeAfterNote);
    layout->addWidget(sides, 1);
    return page;
}

void FollowUpPanel::setLanguage(const std::string& language) {
    m_language = language;
    refreshWhenShown();
}

void FollowUpPanel::setToday(std::optional<Date> today) {
    m_today = today;
    refreshWhenShown();
}

void FollowUpPanel::retranslate() {
    m_tabs->setTabText(0, tr("Löften"));
    m_tabs->setTabText(1, tr("Kostnad"));
    m_tabs->setTabText(2, tr("Tidslinje"));
    m_tabs->setTabText(3, tr("Synpunkter"));
    m_tabs->setTabText(4, tr("Före och efter"));
    m_beforeAfterIntro->setText(
        tr("Synpunkter från trygghetsvandringar nära en åtgärd, före och efter att den gjordes. "
           "En klar åtgärd räknas som gjord det datum den skulle vara klar, annars vid "
           "uppföljningen."));
    m_radiusLabel->setText(tr("Avstånd:"));
    m_measures->setPlaceholderText(tr("Ingen åtgärd har vandringar både före och efter"));
    m_beforeBox->setTitle(tr("Före"));
    m_afterBox->setTitle(tr("Efter"));
    const QStringList headings{tr("Vandring"), tr("Kategori"), tr("Känsla"), tr("Ljus"),
                               tr("Avstånd")};
    m_beforeTable->setHorizontalHeaderLabels(headings);
    m_afterTable->setHorizontalHeaderLabels(headings);
    refreshWhenShown(); // the charts' texts
}

void FollowUpPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void FollowUpPanel::scheduleRefresh() {
    m_stale = true;
    if (isVisible()) {
        m_refreshTimer->start();
    }
}

void FollowUpPanel::refreshWhenShown() {
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

Project FollowUpPanel::followUpProject() const {
    Project project;
    project.crs = m_document.crs();
    for (std::string_view name : {kMeasureLayer, kObservationLayer, kWalkLayer}) {
        if (const Layer* layer = m_document.layer(name)) {
            project.layers.push_back(*layer);
        }
    }
    project.links = m_document.links();
    return project;
}

void FollowUpPanel::refresh() {
    m_refreshTimer->stop();
    m_stale = false;
    m_project = followUpProject();
    const Date today = m_today.value_or(currentContext().now.date);
    auto built = buildFollowUp(m_project, today, m_language);
    m_tabs->setEnabled(built.has_value());
    if (!built) {
        m_followUp.reset();
        m_status->setText(tr("Projektet har inget lager med åtgärder."));
        for (QChartView* view : {m_promiseView, m_costView, m_timelineView, m_answerView}) {
            replaceChart(view, new QChart);
        }
        fillMeasures();
        return;
    }
    m_followUp = std::move(*built);
    m_status->setText(tr("Läget %1: %2 åtgärder, försenade: %3.")
                          .arg(QString::fromStdString(toIsoString(today)))
                          .arg(m_followUp->promises.all.measures)
                          .arg(m_followUp->timeline.overdue));
    showCharts();
    fillMeasures();
}

QLocale FollowUpPanel::numberLocale() const {
    return m_language == "en" ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                              : QLocale(QLocale::Swedish, QLocale::Sweden);
}

void FollowUpPanel::showCharts() {
    std::vector<QColor> colours;
    if (const Layer* measures = m_document.layer(kMeasureLayer)) {
        for (const std::string& hex :
             statusColours(measures->definition(), m_followUp->promises.statuses)) {
            colours.emplace_back(QString::fromStdString(hex));
        }
    }
    const FollowUpCharts charts(*m_followUp, std::move(colours), numberLocale());
    replaceChart(m_promiseView, charts.promises());
    replaceChart(m_costView, charts.costs());
    replaceChart(m_timelineView, charts.timeline());
    replaceChart(m_answerView, charts.answers());
    m_promiseView->setMinimumHeight(
        static_cast<int>(m_followUp->promises.rows.size()) * kPromiseRowPx + kChartFramePx);
    m_timelineView->setMinimumHeight(
        static_cast<int>(std::ranges::count_if(m_followUp->timeline.measures, onTimeline)) *
            kTimelineRowPx +
        kChartFramePx);
    m_costNote->setText(charts.costNote());
    m_costNote->setVisible(!m_costNote->text().isEmpty());
    m_answerNote->setText(charts.answerNote());
}

QChart* FollowUpPanel::promiseChart() const {
    return m_promiseView->chart();
}

QChart* FollowUpPanel::costChart() const {
    return m_costView->chart();
}

QChart* FollowUpPanel::timelineChart() const {
    return m_timelineView->chart();
}

QChart* FollowUpPanel::answerChart() const {
    return m_answerView->chart();
}

void FollowUpPanel::fillMeasures() {
    const QVariant chosen = m_measures->currentData();
    {
        const QSignalBlocker block(m_measures);
        m_measures->clear();
        const Layer* layer = m_project.layer(kMeasureLayer);
        BeforeAfterOptions options;
        options.radius = m_radius->value();
        options.language = m_language;
        for (FeatureId id : layer != nullptr ? measuresWithBeforeAndAfter(m_project, options)
                                             : std::vector<FeatureId>{}) {
            const Feature* measure = layer->find(id);
            const QString title = measure != nullptr
                                      ? text(textOf(layer->definition(), *measure, "titel"))
                                      : QString();
            m_measures->addItem(tr("%1 (nr %2)").arg(title).arg(toInt(id)),
                                QVariant::fromValue<qint64>(toInt(id)));
        }
        const int again = m_measures->findData(chosen);
        m_measures->setCurrentIndex(again >= 0 ? again : (m_measures->count() > 0 ? 0 : -1));
    }
    showBeforeAfter();
}

void FollowUpPanel::showBeforeAfter() {
    m_beforeTable->setRowCount(0);
    m_afterTable->setRowCount(0);
    m_beforeSummary->clear();
    m_afterSummary->clear();
    m_beforeAfterNote->clear();
    if (m_measures->currentIndex() < 0) {
        return;
    }
    BeforeAfterOptions options;
    options.radius = m_radius->value();
    options.language = m_language;
    const auto result =
        beforeAfter(m_project, FeatureId{m_measures->currentData().toLongLong()}, options);
    if (!result) {
        m_beforeAfterNote->setText(QString::fromStdString(result.error().describe()));
        return;
    }
    QString note =
        tr("Före: vandringar före %1. Efter: vandringar från %2.")
            .arg(QString::fromStdString(result->start ? toIsoString(*result->start) : "–"),
                 QString::fromStdString(result->done ? toIsoString(*result->done) : "–"));
    if (result->walksDuring > 0) {
        note += QLatin1Char(' ') +
                tr("Vandringar medan arbetet pågick räknas inte: %1.").arg(result->walksDuring);
    }
    m_beforeAfterNote->setText(note);
    fillSide(result->before, m_beforeTable, m_beforeSummary);
    fillSide(result->after, m_afterTable, m_afterSummary);
}

void FollowUpPanel::fillSide(const BeforeAfterSide& side, QTableWidget* table, QLabel* summary) {
    const FieldDef* feeling = nullptr;
    if (const Layer* observations = m_project.layer(kObservationLayer)) {
        feeling = observations->definition().field("kansla");
    }
    // The walk column shows the date (walks are told apart by when they were), the name in
    // its tooltip: long walk names would push the observation's columns out of a narrow dock.
    auto addRow = [table](const QStringList& values, const QString& walkName) {
        const int row = table->rowCount();
        table->insertRow(row);
        for (int column = 0; column < values.size(); ++column) {
            table->setItem(row, column, new QTableWidgetItem(values[column]));
        }
        table->item(row, 0)->setToolTip(walkName);
    };
    for (const WalkVisit& walk : side.walks) {
        const QString date = QString::fromStdString(toIsoString(walk.date));
        const QString name = text(walk.name) + QLatin1Char(' ') + date;
        if (walk.observations.empty()) { // passed the place and noted nothing: part of the answer
            addRow({date, tr("inga synpunkter här")}, name);
        }
        for (const WalkObservation& observation : walk.observations) {
            QString feelingText = QStringLiteral("–");
            if (observation.feeling) {
                const std::string code = std::to_string(*observation.feeling);
                const CodedValue* value = feeling != nullptr ? feeling->findCode(code) : nullptr;
                feelingText = QString::fromStdString(
                    value != nullptr ? code + " " + value->label.in(m_language) : code);
            }
            addRow({date, text(observation.category), feelingText, text(observation.light),
                    tr("%1 m").arg(std::lround(observation.distance))},
                   name);
        }
    }
    table->resizeColumnsToContents();
    summary->setText(summaryText(side.summary));
}

QString FollowUpPanel::summaryText(const SideSummary& summary) const {
    const QString mean = summary.meanFeeling ? numberLocale().toString(*summary.meanFeeling, 'f', 1)
                                             : QStringLiteral("–");
    const QString share =
        summary.unsafeShare
            ? numberLocale().toString(*summary.unsafeShare * 100.0, 'f', 0) + QStringLiteral(" %")
            : QStringLiteral("–");
    return tr("Synpunkter: %1 · medelkänsla %2 (0–3) · otrygga %3")
        .arg(summary.observations)
        .arg(mean, share);
}

} // namespace trygg
