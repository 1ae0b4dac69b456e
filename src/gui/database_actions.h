#pragma once
// A project shared in a PostgreSQL/PostGIS database: Arkiv → Öppna från databas… (with the
// recovery copy of edits a crash kept from the database), and saving back to it, where a
// feature someone else changed meanwhile is shown with both values for the planner to choose.

#include <QObject>
#include <QString>
#include <filesystem>
#include <functional>
#include <string>

class QAction;
class QWidget;

namespace trygg {

class MapDocument;
class RecoveryWriter;

/// "trygg på db.kommun.se": a shared project's database as a window title names it.
QString sharedProjectName(const std::filesystem::path& location);

class DatabaseActions : public QObject {
    Q_OBJECT
public:
    /// `maybeSave` asks about unsaved changes before another project replaces them;
    /// `saveAsFile` saves under a file name (when the database cannot take the changes).
    DatabaseActions(MapDocument& document, RecoveryWriter& recovery, QWidget& window,
                    std::function<bool()> maybeSave, std::function<bool()> saveAsFile);

    [[nodiscard]] QAction* openAction() const { return m_open; }
    void setLanguage(const QString& language) { m_language = language; }
    void retranslate();

    /// Opens the project of the database `url` ("PG:..."), offering a recovery copy of it
    /// first; errors are shown. False when nothing was opened.
    bool open(const std::string& url);
    /// Saves the shared project; on conflicts asks which version of each feature to keep and
    /// saves again. False when it was not saved (cancelled, or the database failed).
    bool save();

signals:
    void message(const QString& text);

private:
    void openDialog();
    void showError(const QString& title, const std::string& detail);

    MapDocument& m_document;
    RecoveryWriter& m_recovery;
    QWidget& m_window;
    std::function<bool()> m_maybeSave;
    std::function<bool()> m_saveAsFile;
    QString m_language = QStringLiteral("sv");
    QAction* m_open = nullptr;
};

} // namespace trygg
