#pragma once
// "Which observations?" for the analyses (heat map, hot spots): quick choices a planner
// understands — kind of place, felt safe or unsafe, light, source, walk, who reported, a date
// span — plus an optional condition in the filter language. The box composes them into one
// filter text that the library parses (the CLI's --where takes the same text), and says how
// many observations it keeps, or what is wrong with the condition.

#include <QGroupBox>
#include <QString>

#include <map>
#include <string>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace trygg {

class MapDocument;

class ObservationFilterBox : public QGroupBox {
    Q_OBJECT
public:
    /// The coded fields offered as choices, in this order (those the layer lacks are left out).
    static constexpr const char* kChoiceFields[] = {"polaritet", "kategori", "ljusforh",
                                                    "kalla",     "kon",      "alder"};

    ObservationFilterBox(const MapDocument& document, const QString& language,
                         QWidget* parent = nullptr);

    /// The composed filter text ("polaritet = 'otrygg' och ljusforh = 'morker'"); empty for all.
    [[nodiscard]] QString filterText() const;
    /// Chooses a code for a choice field ("" = all). False when the field or code is not offered.
    bool choose(const std::string& field, const QString& code);
    /// The choice box of a field (null when not offered), for tests.
    [[nodiscard]] QComboBox* choice(const std::string& field) const;
    [[nodiscard]] QComboBox* walkChoice() const { return m_walk; }
    [[nodiscard]] QLineEdit* conditionEdit() const { return m_condition; }
    [[nodiscard]] QCheckBox* dateSpanCheck() const { return m_useDates; }
    [[nodiscard]] QDateEdit* fromDate() const { return m_from; }
    [[nodiscard]] QDateEdit* toDate() const { return m_to; }
    /// How many observations the filter keeps now; -1 when the condition is wrong.
    [[nodiscard]] long long matchCount() const { return m_count; }

signals:
    /// The choices changed (after the count was updated).
    void changed();

private:
    void update();

    const MapDocument& m_document;
    std::map<std::string, QComboBox*> m_choices;
    QComboBox* m_walk = nullptr;
    QCheckBox* m_useDates = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_condition = nullptr;
    QLabel* m_status = nullptr;
    long long m_count = 0;
};

} // namespace trygg
