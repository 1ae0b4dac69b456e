#pragma once
// Attribute forms around the document: a new feature's form opens with the layer's
// defaults when a shape is drawn, and "Egenskaper" edits the selected features together.
// Only a saved form changes data, and then as one undo step.

#include "tryggkarta/core/feature.h"

#include <QObject>

#include <optional>
#include <string>

class QAction;
class QWidget;

namespace trygg {

class MapDocument;

class FeatureEditing : public QObject {
    Q_OBJECT
public:
    FeatureEditing(MapDocument& document, QWidget* window);

    void setLanguage(std::string language) { m_language = std::move(language); }
    /// The walk in progress, for the "$current_walk" default of new observations.
    void setCurrentWalk(std::optional<std::int64_t> walk) { m_currentWalk = walk; }
    /// Where the user is (WGS 84), for the light-condition default; Vännäs centrum otherwise.
    void setPosition(std::optional<std::pair<double, double>> latLon) { m_position = latLon; }

    /// Opens the form for a new feature with this geometry (none: a walk before its route);
    /// adds it when the form is saved. Returns the new id, or nothing when the form was
    /// cancelled (the caller keeps the shape).
    std::optional<FeatureId> addWithForm(const std::string& layer, std::optional<Geometry> geometry);
    /// Opens the form for the selected features; true when changes were saved.
    bool editSelection();
    [[nodiscard]] QAction* propertiesAction() const { return m_properties; }
    void retranslate();

private:
    void updateAction();

    MapDocument& m_document;
    QWidget* m_window;
    std::string m_language = "sv";
    std::optional<std::int64_t> m_currentWalk;
    std::optional<std::pair<double, double>> m_position;
    QAction* m_properties = nullptr;
};

} // namespace trygg
