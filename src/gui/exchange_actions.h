#pragma once
// The File menu's ways in and out of a project besides opening and saving: export for
// consultants and the public, the measure plan, imports into a layer. Each opens its dialog
// on the window's document; the dialogs call the same library code as the CLI.

#include "tryggkarta/core/geometry.h"

#include <QObject>
#include <QString>
#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace trygg {

class MapDocument;

class ExchangeActions : public QObject {
    Q_OBJECT
public:
    /// `visibleArea` tells what the map window shows now (project CRS).
    ExchangeActions(MapDocument& document, QWidget& window, std::function<Box()> visibleArea);

    /// Export and the plan where `exports` is, imports where `imports` is.
    void addTo(QMenu& menu, QAction* exports, QAction* imports);
    void setLanguage(const QString& language) { m_language = language; }
    void retranslate();

signals:
    /// A line for the status bar.
    void message(const QString& text);

private:
    void importData();
    void importPhotoFolder();
    void exportData();
    void writePlan();

    MapDocument& m_document;
    QWidget& m_window;
    std::function<Box()> m_visibleArea;
    QString m_language = QStringLiteral("sv");
    QAction* m_export = nullptr;
    QAction* m_plan = nullptr;
    QAction* m_import = nullptr;
    QAction* m_importPhotos = nullptr;
};

} // namespace trygg
