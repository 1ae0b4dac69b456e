#include "walk_panel.h"

#include "walk_session.h"

#include "tryggkarta/document/map_document.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace trygg {
namespace {

constexpr int kBigButtonHeight = 44; // a fingertip with a glove (about 9 mm on a 10" tablet)

QPushButton* bigButton(QWidget* parent, bool checkable) {
    auto* button = new QPushButton(parent);
    button->setCheckable(checkable);
    button->setMinimumHeight(kBigButtonHeight);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    button->setFont(font);
    return button;
}

const FieldDef* observationField(const MapDocument& document, std::string_view name) {
    const Layer* layer = document.layer(kObservationLayer);
    return layer ? layer->definition().field(name) : nullptr;
}

QString labelOf(const FieldDef* field, const std::string& code, const std::string& language) {
    if (field != nullptr) {
        for (const CodedValue& value : field->values) {
            if (value.code == code) {
                return QString::fromStdString(value.label.in(language));
            }
        }
    }
    return QString::fromStdString(code);
}

std::string codeOf(const QAbstractButton* button) {
    return button->property("code").toString().toStdString();
}

QAbstractButton* buttonFor(const QButtonGroup* group, const std::string& code) {
    for (QAbstractButton* button : group->buttons()) {
        if (codeOf(button) == code) {
            return button;
        }
    }
    return nullptr;
}

/// One checkable button per value of a field's list, `columns` to a row.
void fillChoices(QButtonGroup* group, QGridLayout* grid, QWidget* parent, const FieldDef* field, int columns) {
    for (QAbstractButton* button : group->buttons()) {
        group->removeButton(button);
        delete button;
    }
    if (field == nullptr) {
        return;
    }
    int index = 0;
    for (const CodedValue& value : field->values) {
        QPushButton* button = bigButton(parent, true);
        button->setProperty("code", QString::fromStdString(value.code));
        group->addButton(button);
        grid->addWidget(button, index / columns, index % columns);
        ++index;
    }
}

QString duration(qint64 seconds) {
    return QStringLiteral("%1:%2").arg(seconds / 3600).arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

WalkPanel::WalkPanel(MapDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document) {
    build();
    connect(&m_document, &MapDocument::projectReplaced, this, [this] {
        buildChoices();
        retranslate();
    });
    m_clock = new QTimer(this);
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &WalkPanel::updateStatus);
    setSession(nullptr);
}

void WalkPanel::build() {
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_start = bigButton(this, false);
    connect(m_start, &QPushButton::clicked, this, &WalkPanel::startRequested);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_start);

    m_walkWidgets = new QWidget(this);
    auto* walk = new QVBoxLayout(m_walkWidgets);
    walk->setContentsMargins(0, 0, 0, 0);
    m_polarityLabel = new QLabel(m_walkWidgets);
    walk->addWidget(m_polarityLabel);
    m_polarityGrid = new QGridLayout;
    m_polarity = new QButtonGroup(this);
    walk->addLayout(m_polarityGrid);

    m_placeLabel = new QLabel(m_walkWidgets);
    walk->addWidget(m_placeLabel);
    auto* placeRow = new QHBoxLayout;
    auto* placeGroup = new QButtonGroup(this);
    m_atGps = bigButton(m_walkWidgets, true);
    m_onMap = bigButton(m_walkWidgets, true);
    placeGroup->addButton(m_atGps);
    placeGroup->addButton(m_onMap);
    placeRow->addWidget(m_atGps);
    placeRow->addWidget(m_onMap);
    walk->addLayout(placeRow);
    connect(m_atGps, &QPushButton::clicked, this, [this] {
        m_userChoseMap = false;
        cancelPlacing();
    });
    connect(m_onMap, &QPushButton::clicked, this, [this] { m_userChoseMap = true; });

    m_categoryLabel = new QLabel(m_walkWidgets);
    walk->addWidget(m_categoryLabel);
    m_categoryGrid = new QGridLayout;
    walk->addLayout(m_categoryGrid);
    m_categories = new QButtonGroup(this);
    connect(m_categories, &QButtonGroup::buttonClicked, this, [this](QAbstractButton* button) {
        categoryClicked(codeOf(button));
    });

    m_lastLabel = new QLabel(m_walkWidgets);
    m_lastLabel->setWordWrap(true);
    walk->addWidget(m_lastLabel);
    auto* lastRow = new QHBoxLayout;
    m_describe = new QPushButton(m_walkWidgets);
    m_photo = new QPushButton(m_walkWidgets);
    m_remove = new QPushButton(m_walkWidgets);
    for (QPushButton* button : {m_describe, m_photo, m_remove}) {
        button->setMinimumHeight(kBigButtonHeight * 3 / 4);
        lastRow->addWidget(button);
    }
    walk->addLayout(lastRow);
    connect(m_describe, &QPushButton::clicked, this, [this] {
        if (m_last) emit describeRequested(*m_last);
    });
    connect(m_photo, &QPushButton::clicked, this, [this] {
        if (m_last) emit photoRequested(*m_last);
    });
    connect(m_remove, &QPushButton::clicked, this, &WalkPanel::removeLast);
    walk->addStretch(1);
    m_finish = bigButton(m_walkWidgets, false);
    connect(m_finish, &QPushButton::clicked, this, &WalkPanel::finishRequested);
    walk->addWidget(m_finish);
    layout->addWidget(m_walkWidgets, 1);
    layout->addStretch(0); // with no walk, the start button stays at the top
    buildChoices();
    retranslate();
}

void WalkPanel::buildChoices() {
    fillChoices(m_polarity, m_polarityGrid, m_walkWidgets, observationField(m_document, "polaritet"), 3);
    fillChoices(m_categories, m_categoryGrid, m_walkWidgets, observationField(m_document, "kategori"), 2);
    if (!m_polarity->buttons().isEmpty()) {
        m_polarity->buttons().front()->setChecked(true); // unsafe places are what walks look for
    }
}

void WalkPanel::relabel(QButtonGroup* group, std::string_view field) const {
    const FieldDef* definition = observationField(m_document, field);
    for (QAbstractButton* button : group->buttons()) {
        button->setText(labelOf(definition, codeOf(button), m_language));
    }
}

void WalkPanel::setSession(WalkSession* session) {
    cancelPlacing();
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
    }
    m_session = session;
    m_last.reset();
    if (m_session) {
        connect(m_session, &WalkSession::positionChanged, this, &WalkPanel::updatePlaceButtons);
        connect(m_session, &WalkSession::routeChanged, this, &WalkPanel::updateStatus);
        m_clock->start();
    } else {
        m_clock->stop();
    }
    m_start->setVisible(m_session.isNull());
    m_walkWidgets->setVisible(!m_session.isNull());
    updatePlaceButtons();
    retranslate();
}

void WalkPanel::setLanguage(const std::string& language) {
    m_language = language;
    retranslate();
}

void WalkPanel::retranslate() {
    m_title->setText(m_session ? m_session->title() : tr("Trygghetsvandring"));
    m_start->setText(tr("Starta vandring…"));
    m_polarityLabel->setText(tr("Platsen känns:"));
    relabel(m_polarity, "polaritet");
    relabel(m_categories, "kategori");
    m_placeLabel->setText(tr("Placera observationen:"));
    m_atGps->setText(tr("Där jag står (GPS)"));
    m_onMap->setText(tr("Tryck på kartan"));
    m_categoryLabel->setText(tr("Vad gäller det? Ett tryck lägger till observationen."));
    m_describe->setText(tr("Beskriv…"));
    m_describe->setToolTip(tr("Skriv en beskrivning och fyll i fler uppgifter"));
    m_photo->setText(tr("Foto…"));
    m_photo->setToolTip(tr("Bifoga ett foto till observationen"));
    m_remove->setText(tr("Ta bort"));
    m_remove->setToolTip(tr("Ta bort observationen (kan ångras)"));
    m_finish->setText(tr("Avsluta vandringen"));
    updateStatus();
}

void WalkPanel::updatePlaceButtons() {
    const bool fix = m_session && m_session->position().has_value();
    m_atGps->setEnabled(fix);
    // Where the group stands when there is a fix, unless the leader chose the map.
    (fix && !m_userChoseMap ? m_atGps : m_onMap)->setChecked(true);
    updateStatus();
}

void WalkPanel::updateStatus() {
    if (!m_session) {
        m_status->setText(tr("Ingen vandring pågår. Starta en vandring för att spela in slingan "
                             "och lägga till observationer med ett tryck."));
        return;
    }
    QString gps = m_session->position() ? tr("GPS: position finns") : tr("GPS: ingen position");
    m_status->setText(tr("%1 · %2 m · %n observationer · %3", nullptr, m_session->observationCount())
                          .arg(duration(m_session->elapsedSeconds()))
                          .arg(qRound(m_session->routeLength()))
                          .arg(gps));
    if (m_last) {
        m_lastLabel->setText(tr("Senast tillagd: nr %1, %2").arg(*m_last).arg(m_lastText));
    } else {
        m_lastLabel->setText(isPlacing() ? QString() : tr("Inga observationer ännu på den här vandringen."));
    }
    if (isPlacing()) {
        m_lastLabel->setText(tr("Tryck på kartan där det gäller %1 (Esc avbryter).")
                                 .arg(categoryLabel(*m_pending).toLower()));
    }
    for (QPushButton* button : {m_describe, m_photo, m_remove}) {
        button->setEnabled(m_last.has_value());
    }
}

void WalkPanel::categoryClicked(const std::string& code) {
    if (!m_session) {
        return;
    }
    if (m_atGps->isChecked() && m_session->position()) {
        add(*m_session->position(), code);
        return;
    }
    m_pending = code;
    emit placeOnMapRequested(true);
    updateStatus();
}

bool WalkPanel::placeAt(const Point& where) {
    if (!m_pending || !m_session) {
        return false;
    }
    std::string category = *m_pending;
    cancelPlacing();
    add(where, category);
    return true;
}

void WalkPanel::cancelPlacing() {
    const bool was = m_pending.has_value();
    m_pending.reset();
    m_categories->setExclusive(false);
    for (QAbstractButton* button : m_categories->buttons()) {
        button->setChecked(false);
    }
    m_categories->setExclusive(true);
    if (was) {
        emit placeOnMapRequested(false);
    }
    updateStatus();
}

void WalkPanel::add(const Point& where, const std::string& category) {
    auto added = m_session->addObservation(where, category, polarity());
    if (!added) {
        emit message(tr("Observationen kunde inte läggas till: %1")
                         .arg(QString::fromStdString(added.error().describe())));
        return;
    }
    m_last = toInt(*added);
    m_lastText = QStringLiteral("%1 (%2) %3")
                     .arg(categoryLabel(category),
                          labelOf(observationField(m_document, "polaritet"), polarity(), m_language).toLower(),
                          QTime::currentTime().toString(QStringLiteral("HH:mm")));
    cancelPlacing();
    emit message(tr("Observation %1 tillagd: %2").arg(*m_last).arg(categoryLabel(category)));
}

void WalkPanel::removeLast() {
    if (!m_last) {
        return;
    }
    auto removed = m_document.removeFeatures(kObservationLayer, {FeatureId{*m_last}});
    if (!removed) {
        emit message(QString::fromStdString(removed.error().describe()));
    }
    m_last.reset();
    updateStatus();
}

std::string WalkPanel::polarity() const {
    QAbstractButton* checked = m_polarity->checkedButton();
    return checked ? codeOf(checked) : std::string("otrygg");
}

QString WalkPanel::categoryLabel(const std::string& code) const {
    return labelOf(observationField(m_document, "kategori"), code, m_language);
}

QAbstractButton* WalkPanel::categoryButton(const std::string& code) const {
    return buttonFor(m_categories, code);
}

QAbstractButton* WalkPanel::polarityButton(const std::string& code) const {
    return buttonFor(m_polarity, code);
}

} // namespace trygg
