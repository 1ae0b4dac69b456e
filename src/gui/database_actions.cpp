#include "database_actions.h"

#include "background_open.h"
#include "conflict_dialog.h"
#include "database_dialog.h"
#include "recovery_prompt.h"
#include "save_failure_prompt.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/database_location.h"

#include <QAction>
#include <QGuiApplication>
#include <QKeySequence>
#include <QMessageBox>
#include <QPushButton>

namespace trygg {

QString sharedProjectName(const std::filesystem::path& location) {
    const DatabaseLocation where = parseDatabaseLocation(location.string());
    return DatabaseActions::tr("%1 på %2")
        .arg(QString::fromStdString(where.database), QString::fromStdString(where.host));
}

DatabaseActions::DatabaseActions(MapDocument& document, RecoveryWriter& recovery,
                                 QWidget& window, std::function<bool()> maybeSave,
                                 std::function<bool()> saveAsFile)
    : QObject(&window), m_document(document), m_recovery(recovery), m_window(window),
      m_maybeSave(std::move(maybeSave)), m_saveAsFile(std::move(saveAsFile)) {
    m_open = new QAction(this);
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_open, &QAction::triggered, this, &DatabaseActions::openDialog);
    retranslate();
}

void DatabaseActions::retranslate() {
    m_open->setText(tr("Öppna från &databas…"));
    m_open->setStatusTip(tr("Öppna ett gemensamt projekt som flera arbetar i samtidigt"));
}

void DatabaseActions::openDialog() {
    if (!m_maybeSave()) {
        return;
    }
    DatabaseDialog dialog(&m_window);
    if (dialog.exec() == QDialog::Accepted) {
        open(dialog.connection());
    }
}

void DatabaseActions::showError(const QString& title, const std::string& detail) {
    QMessageBox::warning(&m_window, title, QString::fromStdString(detail));
}

bool DatabaseActions::open(const std::string& url) {
    const std::filesystem::path location = withoutPassword(url);
    // Edits a crash kept: asked before connecting, so that Avbryt leaves everything as it is.
    const auto source = askProjectSource(location, m_recovery.folder(), &m_window);
    if (!source) {
        return false;
    }
    const auto copy = source->recovered ? findRecovery(m_recovery.folder(), location) : std::nullopt;
    auto fresh = runWithProgress<SharedProject>(
        tr("Öppnar projektet i databasen…"), &m_window,
        [&](Progress& progress) { return openSharedProject(url, m_document.catalog(), progress); });
    if (!fresh) {
        if (fresh.error().code == ErrorCode::Cancelled) {
            emit message(tr("Avbrutet"));
        } else {
            showError(tr("Databasen kunde inte öppnas"), fresh.error().describe());
        }
        return false;
    }
    if (!copy || !copy->info.shared) {
        QString text = tr("Öppnade %1").arg(sharedProjectName(location));
        if (fresh->readOnly) {
            text += tr(" (du kan läsa men inte spara)");
        }
        if (fresh->withoutPersonal) {
            text += tr(" utan personuppgifter");
        }
        m_document.setSharedProject(std::move(*fresh), url);
        emit message(text);
        return true;
    }
    auto saved = openProjectWithProgress(copy->files.data, m_document.catalog(), &m_window);
    Result<void> merged = saved ? m_document.setRecoveredSharedProject(std::move(*fresh), url, *saved,
                                                                       copy->files.data,
                                                                       *copy->info.shared)
                                : Result<void>(std::unexpected(saved.error()));
    if (!merged) {
        showError(tr("Återställningskopian kunde inte läsas"), merged.error().describe());
        return false;
    }
    emit message(tr("Osparade ändringar återställda: spara för att föra in dem i databasen"));
    return true;
}

bool DatabaseActions::save() {
    if (m_document.isReadOnly()) {
        QMessageBox box(QMessageBox::Information, tr("Kan inte sparas i databasen"),
                        tr("Din inloggning får läsa projektet men inte ändra det. Du kan spara "
                           "en egen kopia som fil."),
                        QMessageBox::NoButton, &m_window);
        QPushButton* saveAs = box.addButton(tr("Spara som fil…"), QMessageBox::AcceptRole);
        box.addButton(tr("Stäng"), QMessageBox::RejectRole);
        box.exec();
        return box.clickedButton() == saveAs && m_saveAsFile();
    }
    for (;;) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor); // one transaction, usually quick
        auto saved = m_document.save();
        QGuiApplication::restoreOverrideCursor();
        if (saved) {
            emit message(tr("Sparat i databasen"));
            return true;
        }
        if (saved.error().code != ErrorCode::Conflict) {
            return askAfterSaveFailure(m_document.path(), saved.error(), &m_window) &&
                   m_saveAsFile();
        }
        ConflictDialog dialog(m_document, m_document.conflicts(), m_language.toStdString(),
                              &m_window);
        if (dialog.exec() != QDialog::Accepted) {
            emit message(tr("Inte sparat: ändringarna finns kvar"));
            return false;
        }
        const std::vector<bool> theirs = dialog.keepTheirs();
        for (std::size_t i = 0; i < theirs.size(); ++i) {
            if (auto ok = m_document.resolveConflict(dialog.conflicts()[i], theirs[i]); !ok) {
                showError(tr("Projektet kunde inte sparas"), ok.error().describe());
                return false;
            }
        }
    }
}

} // namespace trygg
