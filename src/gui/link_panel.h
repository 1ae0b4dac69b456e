#pragma once
// What answers what: for a selected measure the observations it answers, for a selected
// observation the measures that answer it. A measure is linked by picking observations on
// the map or in the table (the shared selection) and pressing "Koppla".

#include "tryggkarta/core/feature.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace trygg {

class MapDocument;

class LinkPanel : public QWidget {
    Q_OBJECT
public:
    explicit LinkPanel(MapDocument& document, QWidget* parent = nullptr);
    void setLanguage(std::string language);

    /// The measure whose links are being picked; kNoFeatureId when not picking.
    [[nodiscard]] FeatureId pickingFor() const { return m_picking; }
    void startPicking();
    void linkPicked();
    void finishPicking();
    void unlinkCurrent();
    [[nodiscard]] QListWidget* list() const { return m_list; }

signals:
    /// The user asked to see a linked feature.
    void showFeature(const QString& layer, qint64 id);
    /// Picking began: the map should select observations now.
    void pickingStarted();

private:
    void refresh();
    void retranslate();
    [[nodiscard]] QString describe(std::string_view layer, FeatureId id) const;

    MapDocument& m_document;
    std::string m_language = "sv";
    std::string m_shownLayer; ///< layer of the feature whose links are listed
    FeatureId m_shown = kNoFeatureId;
    FeatureId m_picking = kNoFeatureId;
    QLabel* m_heading = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_pick = nullptr;
    QPushButton* m_link = nullptr;
    QPushButton* m_done = nullptr;
    QPushButton* m_unlink = nullptr;
};

} // namespace trygg
