#include "lighting_panel.h"

#include "lighting_controller.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/render/lux_ramp.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace trygg {
namespace {

/// The lux map's classes as a strip of colour boxes with the class limits between them,
/// the map's heading above: compact enough for a dock beside the map.
class LuxLegendStrip : public QWidget {
public:
    explicit LuxLegendStrip(QWidget* parent) : QWidget(parent) {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    void setRaster(const SceneRaster& raster, const std::string& language, const QLocale& locale) {
        m_title = QString::fromStdString(raster.legendTitle.in(language)) + QStringLiteral(" (lx)");
        m_colours.clear();
        for (const RampLegendStep& step : raster.legend) {
            // As drawn over a white map: the raster's opacity blended in.
            const QColor colour = QColor::fromRgba(step.colour);
            const double alpha = colour.alphaF() * raster.opacity;
            auto mix = [&](int c) {
                return static_cast<int>(std::lround(c * alpha + 255.0 * (1.0 - alpha)));
            };
            m_colours.push_back(QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue())));
        }
        m_limits.clear();
        for (float limit : kLuxBreaks) {
            m_limits.push_back(locale.toString(static_cast<double>(limit), 'g', 3));
        }
        setFixedHeight(3 * fontMetrics().height() + 6);
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override {
        if (m_colours.empty()) {
            return;
        }
        QPainter painter(this);
        const QFontMetrics metrics = fontMetrics();
        const int line = metrics.height();
        painter.drawText(QRect(0, 0, width(), line), Qt::AlignLeft | Qt::AlignVCenter, m_title);
        const double boxWidth = (width() - 2.0) / static_cast<double>(m_colours.size());
        const QRectF bar(1.0, line + 2.0, boxWidth * static_cast<double>(m_colours.size()), line);
        painter.setPen(QPen(QColor(150, 150, 150), 1.0));
        for (std::size_t i = 0; i < m_colours.size(); ++i) {
            painter.setBrush(m_colours[i]);
            painter.drawRect(QRectF(bar.left() + boxWidth * static_cast<double>(i), bar.top(),
                                    boxWidth, bar.height()));
        }
        painter.setPen(palette().color(QPalette::WindowText));
        for (std::size_t i = 0; i < m_limits.size() && i + 1 < m_colours.size(); ++i) {
            const double x = bar.left() + boxWidth * static_cast<double>(i + 1);
            painter.drawText(QRectF(x - boxWidth / 2.0, bar.bottom() + 1.0, boxWidth, line),
                             Qt::AlignCenter, m_limits[i]);
        }
    }

private:
    QString m_title;
    std::vector<QColor> m_colours;
    std::vector<QString> m_limits;
};

QTableWidget* resultTable(QWidget* parent) {
    auto* table = new QTableWidget(parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    return table;
}

} // namespace

LightingPanel::LightingPanel(LightingController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    m_runAction = new QAction(this);
    connect(m_runAction, &QAction::triggered, this,
            [this] { m_controller.run(m_whatIf->isChecked()); });
    build();
    connect(&m_controller, &LightingController::resultsChanged, this, &LightingPanel::refresh);
    retranslate();
}

void LightingPanel::build() {
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_status);

    auto* runRow = new QHBoxLayout;
    m_run = new QPushButton(this);
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, m_runAction, &QAction::trigger);
    m_export = new QPushButton(this);
    connect(m_export, &QPushButton::clicked, this, &LightingPanel::exportRaster);
    runRow->addWidget(m_run, 1);
    runRow->addWidget(m_export);
    layout->addLayout(runRow);

    m_whatIf = new QCheckBox(this);
    m_whatIf->setChecked(m_controller.showsPlanned());
    connect(m_whatIf, &QCheckBox::toggled, this, [this](bool on) {
        m_controller.setShowPlanned(on);
        if (m_controller.showsPlanned() != on) { // cancelled or failed: show what is shown
            const QSignalBlocker block(m_whatIf);
            m_whatIf->setChecked(m_controller.showsPlanned());
        }
    });
    m_showRaster = new QCheckBox(this);
    m_showRaster->setChecked(m_controller.rasterVisible());
    connect(m_showRaster, &QCheckBox::toggled, &m_controller,
            &LightingController::setRasterVisible);
    m_legend = new LuxLegendStrip(this);
    m_legend->hide();
    layout->addWidget(m_whatIf);
    layout->addWidget(m_showRaster);
    layout->addWidget(m_legend);

    auto* tableRow = new QHBoxLayout;
    m_tableLabel = new QLabel(this);
    m_tableLabel->setWordWrap(true);
    m_tableLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseTable = new QPushButton(this);
    connect(m_chooseTable, &QPushButton::clicked, this, &LightingPanel::chooseClassTable);
    tableRow->addWidget(m_tableLabel, 1);
    tableRow->addWidget(m_chooseTable);
    layout->addLayout(tableRow);

    m_warningFrame = new QFrame(this);
    m_warningFrame->setFrameShape(QFrame::StyledPanel);
    m_warningFrame->setStyleSheet(
        QStringLiteral("QFrame { background: #fff4ce; border: 1px solid #d6b656; } "
                       "QLabel { border: none; color: #3d2f00; }"));
    auto* warningLayout = new QHBoxLayout(m_warningFrame);
    m_warning = new QLabel(m_warningFrame);
    m_warning->setWordWrap(true);
    m_rerun = new QPushButton(m_warningFrame);
    connect(m_rerun, &QPushButton::clicked, m_runAction, &QAction::trigger);
    warningLayout->addWidget(m_warning, 1);
    warningLayout->addWidget(m_rerun);
    m_warningFrame->hide();
    layout->addWidget(m_warningFrame);

    buildResults();
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_notesToggle);
    layout->addWidget(m_notes);
}

void LightingPanel::buildResults() {
    m_summary = resultTable(this);
    m_summary->setRowCount(5);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_summary->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Row titles wrap when the dock is narrow: the rows then grow, and the table with them.
    // Queued: the row heights are measured once the columns have their new widths.
    connect(m_summary->horizontalHeader(), &QHeaderView::sectionResized, this,
            &LightingPanel::fitSummaryHeight, Qt::QueuedConnection);

    m_tabs = new QTabWidget(this);
    m_classes = resultTable(m_tabs);
    m_classes->setColumnCount(7);
    m_classes->horizontalHeader()->setStretchLastSection(true);
    m_gaps = resultTable(m_tabs);
    m_gaps->setColumnCount(4);
    // Widths are fitted once per new set of rows: ResizeToContents would measure every row
    // at every live update while a lamp is dragged.
    m_gaps->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_gaps, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { zoomToGap(row); });
    m_tabs->addTab(m_gaps, QString());
    m_tabs->addTab(m_classes, QString());

    m_notesToggle = new QToolButton(this);
    m_notesToggle->setCheckable(true);
    m_notesToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_notesToggle->setArrowType(Qt::RightArrow);
    m_notesToggle->setAutoRaise(true);
    m_notes = new QListWidget(this);
    m_notes->setWordWrap(true);
    m_notes->setMaximumHeight(120);
    m_notes->hide();
    connect(m_notesToggle, &QToolButton::toggled, this, [this](bool open) {
        m_notesToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_notes->setVisible(open);
    });
}

void LightingPanel::setLanguage(const std::string& language) {
    m_language = language;
    m_locale = language == "en" ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                : QLocale(QLocale::Swedish, QLocale::Sweden);
    m_locale.setNumberOptions(QLocale::DefaultNumberOptions);
    refresh();
}

void LightingPanel::retranslate() {
    m_title->setText(tr("Belysningsanalys"));
    m_runAction->setText(tr("&Beräkna belysningen"));
    m_runAction->setStatusTip(
        tr("Räkna ut ljuset längs gångvägar och gator och jämför med belysningsklasserna"));
    m_run->setText(tr("Beräkna"));
    m_run->setToolTip(m_runAction->statusTip());
    m_export->setText(tr("Spara som GeoTIFF…"));
    m_export->setToolTip(tr("Spara kartan över belysningsstyrkan som en GeoTIFF-fil"));
    m_whatIf->setText(tr("Räkna med planerade armaturer"));
    m_whatIf->setToolTip(tr("Visa hur det blir med de planerade lamporna och förslagen om ny "
                            "belysning, bredvid hur det är i dag"));
    m_showRaster->setText(tr("Visa belysningsstyrka på kartan"));
    m_chooseTable->setText(tr("Klasstabell…"));
    m_chooseTable->setToolTip(tr("Välj vilka krav på ljus som gäller för olika gator och vägar"));
    m_rerun->setText(tr("Beräkna igen"));
    m_tabs->setTabText(0, tr("Mörka partier"));
    m_tabs->setTabText(1, tr("Per belysningsklass"));
    m_classes->setHorizontalHeaderLabels(
        {tr("Klass"), tr("Krav\nmedel\nlx"), tr("Krav\nlägsta\nlx"), tr("Längd\nm"),
         tr("För\nmörkt\nm"), tr("Över-\nbelyst\nm"), tr("Sämsta\nlägsta\nlx")});
    m_gaps->setHorizontalHeaderLabels(
        {tr("Gata eller väg"), tr("Längd\nm"), tr("Mörkast\nlx"), tr("Synpunkter\nnära")});
    m_gaps->setToolTip(tr("Dubbelklicka för att visa partiet på kartan"));
    refresh();
}

bool LightingPanel::warningShown() const {
    return !m_warningFrame->isHidden();
}

void LightingPanel::refresh() {
    QElapsedTimer timer;
    timer.start();
    updateStatus();
    updateLegend();
    const LightingState* state = m_controller.state();
    {
        const QSignalBlocker block(m_whatIf);
        m_whatIf->setChecked(m_controller.showsPlanned());
    }
    m_export->setEnabled(state != nullptr);
    if (state == nullptr) {
        clearTables();
        return;
    }
    const bool planned = m_controller.showsPlanned() && state->hasPlanned();
    const LightingScenario& shown = state->scenario(planned);
    fillSummary(*state, planned);
    fillClasses(*state, shown);
    fillGaps(*state, shown);
    fillNotes(*state);
    qCDebug(lcLighting) << "panel refresh:" << static_cast<double>(timer.nsecsElapsed()) / 1e6
                        << "ms";
}

void LightingPanel::updateStatus() {
    const std::filesystem::path table = m_controller.classTableFile();
    QString tableName = QString::fromStdString(table.filename().string());
    if (m_controller.usesDefaultClassTable()) {
        tableName = tr("%1 (standard)").arg(tableName);
    }
    m_tableLabel->setText(tr("Klasstabell: %1").arg(tableName));
    m_tableLabel->setToolTip(QString::fromStdString(table.string()));

    const LightingState* state = m_controller.state();
    if (state == nullptr) {
        m_status->setText(tr("Visar vilka gångvägar och gator som är för mörka för sin "
                             "belysningsklass och var synpunkter om ljus finns. Tryck Beräkna."));
        m_warningFrame->hide();
        return;
    }
    const bool planned = m_controller.showsPlanned() && state->hasPlanned();
    m_status->setText((planned ? tr("Med planerade armaturer: %1 lampor i drift och %2 planerade.")
                               : tr("Nuläge: %1 lampor i drift (%2 planerade räknas inte med)."))
                          .arg(std::ranges::count_if(state->model().luminaires.luminaires,
                                                     [](const Luminaire& l) { return l.isOn(); }))
                          .arg(state->model().planned.size()));
    if (m_controller.classTableChanged()) {
        m_warning->setText(tr("En annan klasstabell är vald sedan beräkningen: beräkna igen."));
        m_rerun->setText(tr("Beräkna igen"));
        m_warningFrame->show();
    } else if (m_controller.needsRecompute()) {
        m_warning->setText(tr("Förslag om ny belysning har lagts till eller ritats om. Siffrorna "
                              "visar inte dem: beräkna igen."));
        m_rerun->setText(tr("Beräkna igen"));
        m_warningFrame->show();
    } else if (m_controller.resultsOutdated()) {
        m_warning->setText(tr("Siffrorna och kartan följer ändringarna, men resultatlagren i "
                              "projektet är inte uppdaterade sedan beräkningen."));
        m_rerun->setText(tr("Skriv resultatlagren"));
        m_warningFrame->show();
    } else {
        m_warningFrame->hide();
    }
}

void LightingPanel::updateLegend() {
    const SceneRaster* raster = m_controller.raster();
    if (raster == nullptr || raster->legend.empty()) {
        m_legend->hide();
        return;
    }
    static_cast<LuxLegendStrip*>(m_legend)->setRaster(*raster, m_language, m_locale);
    m_legend->setVisible(true);
}

void LightingPanel::chooseClassTable() {
    const QString start = QString::fromStdString(m_controller.classTableFile().string());
    const QString file = QFileDialog::getOpenFileName(this, tr("Välj klasstabell"), start,
                                                      tr("Klasstabeller (*.json);;Alla filer (*)"));
    if (file.isEmpty()) {
        return;
    }
    if (auto chosen = m_controller.setClassTableFile(file.toStdString()); !chosen) {
        QMessageBox::warning(this, tr("Klasstabellen kan inte användas"),
                             QString::fromStdString(chosen.error().describe()));
    }
}

void LightingPanel::exportRaster() {
    QString file = QFileDialog::getSaveFileName(this, tr("Spara belysningsstyrkan som GeoTIFF"),
                                                QStringLiteral("belysningsstyrka.tif"),
                                                tr("GeoTIFF (*.tif *.tiff)"));
    if (file.isEmpty()) {
        return;
    }
    if (!file.endsWith(QStringLiteral(".tif"), Qt::CaseInsensitive) &&
        !file.endsWith(QStringLiteral(".tiff"), Qt::CaseInsensitive)) {
        file += QStringLiteral(".tif");
    }
    if (auto written = m_controller.exportRaster(file.toStdString()); !written) {
        if (written.error().code != ErrorCode::Cancelled) {
            QMessageBox::warning(this, tr("Filen kunde inte sparas"),
                                 QString::fromStdString(written.error().describe()));
        }
    }
}

} // namespace trygg
