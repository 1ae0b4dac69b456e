#include "observation_filter_box.h"

#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include <variant>

namespace trygg {
namespace {

constexpr std::string_view kWalkLayer = "vandringar";

QString dateText(const QDate& date) {
    return date.toString(Qt::ISODate);
}

/// "Kvällsvandring 2025-11-12" for the walk choice.
QString walkTitle(const Layer& walks, const Feature& walk) {
    QString title;
    const auto name = walks.definition().fieldIndex("namn");
    const auto date = walks.definition().fieldIndex("datum");
    if (name) {
        if (const auto* text = std::get_if<std::string>(&walk.values[*name])) {
            title = QString::fromStdString(*text);
        }
    }
    if (date) {
        if (const auto* day = std::get_if<Date>(&walk.values[*date])) {
            title += QStringLiteral(" %1").arg(dateText(QDate(day->year, day->month, day->day)));
        }
    }
    title = title.trimmed();
    return title.isEmpty() ? ObservationFilterBox::tr("Vandring %1").arg(toInt(walk.id)) : title;
}

} // namespace

ObservationFilterBox::ObservationFilterBox(const MapDocument& document, const QString& language,
                                           QWidget* parent)
    : QGroupBox(tr("Vilka synpunkter?"), parent), m_document(document) {
    auto* form = new QFormLayout(this);
    const Layer* observations = document.layer(kObservationLayer);
    const std::string lang = language.toStdString();
    for (const char* name : kChoiceFields) {
        const FieldDef* field = observations ? observations->definition().field(name) : nullptr;
        if (field == nullptr || !field->isCoded()) {
            continue;
        }
        auto* box = new QComboBox(this);
        box->addItem(tr("Alla"), QString());
        for (const CodedValue& value : field->values) {
            box->addItem(QString::fromStdString(value.label.in(lang)),
                         QString::fromStdString(value.code));
        }
        connect(box, &QComboBox::currentIndexChanged, this, &ObservationFilterBox::update);
        form->addRow(QString::fromStdString(field->label.in(lang)) + QLatin1Char(':'), box);
        m_choices.emplace(name, box);
    }

    m_walk = new QComboBox(this);
    m_walk->addItem(tr("Alla, även utanför vandringar"), QVariant());
    if (const Layer* walks = document.layer(kWalkLayer)) {
        for (const Feature& walk : walks->features()) {
            m_walk->addItem(walkTitle(*walks, walk), QVariant::fromValue<qint64>(toInt(walk.id)));
        }
    }
    connect(m_walk, &QComboBox::currentIndexChanged, this, &ObservationFilterBox::update);
    form->addRow(tr("Trygghetsvandring:"), m_walk);

    m_useDates = new QCheckBox(tr("Bara från"), this);
    m_from = new QDateEdit(QDate::currentDate().addYears(-1), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &ObservationFilterBox::update);
    }
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        update();
    });
    auto* span = new QHBoxLayout;
    span->addWidget(m_useDates);
    span->addWidget(m_from);
    span->addWidget(new QLabel(tr("till och med"), this));
    span->addWidget(m_to);
    span->addStretch();
    form->addRow(tr("Tid:"), span);

    m_condition = new QLineEdit(this);
    m_condition->setPlaceholderText(tr("t.ex. känsla <= 1 eller beskrivning innehåller tunnel"));
    connect(m_condition, &QLineEdit::textChanged, this, &ObservationFilterBox::update);
    form->addRow(tr("Eget villkor:"), m_condition);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    update();
}

QString ObservationFilterBox::filterText() const {
    QStringList parts;
    for (const char* name : kChoiceFields) {
        const auto found = m_choices.find(name);
        if (found == m_choices.end()) {
            continue;
        }
        const QString code = found->second->currentData().toString();
        if (!code.isEmpty()) {
            parts << QStringLiteral("%1 = '%2'").arg(QLatin1String(name), code);
        }
    }
    if (m_walk->currentData().isValid()) {
        parts << QStringLiteral("vandring = %1").arg(m_walk->currentData().toLongLong());
    }
    if (m_useDates->isChecked()) {
        parts << QStringLiteral("tidpunkt >= %1").arg(dateText(m_from->date()))
              << QStringLiteral("tidpunkt <= %1").arg(dateText(m_to->date()));
    }
    const QString condition = m_condition->text().trimmed();
    if (!condition.isEmpty()) {
        parts << QStringLiteral("(%1)").arg(condition);
    }
    return parts.join(QStringLiteral(" och "));
}

bool ObservationFilterBox::choose(const std::string& field, const QString& code) {
    QComboBox* box = choice(field);
    const int index = box != nullptr ? box->findData(code) : -1;
    if (index < 0) {
        return false;
    }
    box->setCurrentIndex(index);
    return true;
}

QComboBox* ObservationFilterBox::choice(const std::string& field) const {
    const auto found = m_choices.find(field);
    return found != m_choices.end() ? found->second : nullptr;
}

void ObservationFilterBox::update() {
    const Layer* observations = m_document.layer(kObservationLayer);
    if (observations == nullptr) {
        m_count = 0;
        m_status->setText(tr("Projektet har inget lager med synpunkter."));
    } else if (auto taken = selectObservations(*observations, filterText().toStdString(), {})) {
        m_count = static_cast<long long>(taken->points.size());
        m_status->setStyleSheet(QString());
        m_status->setText(tr("%n synpunkt(er) med plats tas med.", nullptr,
                             static_cast<int>(m_count)));
    } else {
        m_count = -1;
        m_status->setStyleSheet(QStringLiteral("color: #b00020"));
        m_status->setText(tr("Villkoret går inte att läsa: %1")
                              .arg(QString::fromStdString(taken.error().describe())));
    }
    emit changed();
}

} // namespace trygg
