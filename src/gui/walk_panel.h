#pragma once
// The walk leader's panel: big buttons for the checklist categories, made for a finger on a
// tablet in the dark. One tap adds an observation where the group stands (GPS), or, without
// a fix or by choice, at the next tap on the map.

#include "tryggkarta/core/geometry.h"

#include <QPointer>
#include <QWidget>

#include <optional>
#include <string>

class QAbstractButton;
class QButtonGroup;
class QGridLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace trygg {

class MapDocument;
class WalkSession;

class WalkPanel : public QWidget {
    Q_OBJECT
public:
    explicit WalkPanel(MapDocument& document, QWidget* parent = nullptr);

    /// The walk in progress; null shows the "start a walk" state.
    void setSession(WalkSession* session);
    void setLanguage(const std::string& language);
    void retranslate();

    /// A category waits for a tap on the map.
    [[nodiscard]] bool isPlacing() const { return m_pending.has_value(); }
    /// The tap on the map that a waiting category asked for: adds the observation there.
    /// False (nothing done) when no category was waiting.
    bool placeAt(const Point& where);
    /// Stops waiting for a tap (Esc, or the tool was changed).
    void cancelPlacing();

    [[nodiscard]] QAbstractButton* categoryButton(const std::string& code) const;
    [[nodiscard]] QAbstractButton* polarityButton(const std::string& code) const;
    [[nodiscard]] QPushButton* gpsPlaceButton() const { return m_atGps; }
    [[nodiscard]] QPushButton* mapPlaceButton() const { return m_onMap; }
    [[nodiscard]] QPushButton* finishButton() const { return m_finish; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    /// The observation added last, with the buttons to describe it, add a photo or remove it.
    [[nodiscard]] std::optional<qint64> lastAdded() const { return m_last; }

signals:
    void startRequested();
    void finishRequested();
    /// True: switch the map to "tap to place"; false: back to what it was.
    void placeOnMapRequested(bool active);
    void describeRequested(qint64 observation);
    void photoRequested(qint64 observation);
    void message(const QString& text);

private:
    void build();
    void buildChoices();
    void categoryClicked(const std::string& code);
    void add(const Point& where, const std::string& category);
    void removeLast();
    void updateStatus();
    void updatePlaceButtons();
    [[nodiscard]] std::string polarity() const;
    [[nodiscard]] QString categoryLabel(const std::string& code) const;
    void relabel(QButtonGroup* group, std::string_view field) const;

    MapDocument& m_document;
    QPointer<WalkSession> m_session;
    std::string m_language = "sv";
    std::optional<std::string> m_pending; ///< the category waiting for a tap on the map
    std::optional<qint64> m_last;
    QString m_lastText; ///< "Belysning (otrygg) 21:14"
    bool m_userChoseMap = false; ///< "tap on the map" chosen by hand: a fix does not undo it

    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_start = nullptr;
    QWidget* m_walkWidgets = nullptr;
    QLabel* m_polarityLabel = nullptr;
    QGridLayout* m_polarityGrid = nullptr;
    QButtonGroup* m_polarity = nullptr;
    QLabel* m_placeLabel = nullptr;
    QPushButton* m_atGps = nullptr;
    QPushButton* m_onMap = nullptr;
    QLabel* m_categoryLabel = nullptr;
    QGridLayout* m_categoryGrid = nullptr;
    QButtonGroup* m_categories = nullptr;
    QLabel* m_lastLabel = nullptr;
    QPushButton* m_describe = nullptr;
    QPushButton* m_photo = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_finish = nullptr;
    QTimer* m_clock = nullptr;
};

} // namespace trygg
