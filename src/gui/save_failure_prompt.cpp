#include "save_failure_prompt.h"

#include "tryggkarta/io/database_location.h"
#include "tryggkarta/io/shared_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace trygg {
namespace {

QString what(SaveFailure failure) {
    switch (failure) {
    case SaveFailure::Removed:
        return QCoreApplication::translate(
            "SaveFailure",
            "Projektfilen %1 finns inte längre: den har tagits bort eller flyttats, eller "
            "ligger på en enhet som inte är ansluten.");
    case SaveFailure::ReadOnly:
        return QCoreApplication::translate(
            "SaveFailure", "Projektfilen %1 eller mappen den ligger i är skrivskyddad.");
    case SaveFailure::DiskFull:
        return QCoreApplication::translate("SaveFailure", "Disken är full: %1 kunde inte sparas.");
    case SaveFailure::Locked:
        return QCoreApplication::translate(
            "SaveFailure", "Ett annat program (till exempel QGIS) skriver i %1 just nu.");
    case SaveFailure::Other:
        break;
    }
    return QCoreApplication::translate("SaveFailure", "%1 kunde inte sparas.");
}

QString whatToDo(SaveFailure failure) {
    switch (failure) {
    case SaveFailure::Removed:
        return QCoreApplication::translate(
            "SaveFailure", "Spara ändringarna med Spara som, eller anslut enheten och spara igen.");
    case SaveFailure::ReadOnly:
        return QCoreApplication::translate(
            "SaveFailure", "Spara ändringarna under ett annat namn med Spara som, eller ta bort "
                           "skrivskyddet och spara igen.");
    case SaveFailure::DiskFull:
        return QCoreApplication::translate(
            "SaveFailure",
            "Frigör utrymme och spara igen, eller spara på en annan disk med Spara som.");
    case SaveFailure::Locked:
        return QCoreApplication::translate(
            "SaveFailure", "Stäng projektet i det andra programmet och spara igen.");
    case SaveFailure::Other:
        break;
    }
    return QCoreApplication::translate(
        "SaveFailure", "Försök igen, eller spara under ett annat namn med Spara som.");
}

bool offersSaveAs(SaveFailure failure) {
    return failure == SaveFailure::Removed || failure == SaveFailure::ReadOnly ||
           failure == SaveFailure::DiskFull;
}

/// A shared project's database could not take the changes (no connection, no right to
/// write, a constraint): PostgreSQL's words say which.
QString databaseFailureText(const std::filesystem::path& location, const Error& error) {
    const DatabaseLocation where = parseDatabaseLocation(location.string());
    return QCoreApplication::translate("SaveFailure",
                                       "Databasen %1 på %2 tog inte emot ändringarna: %3")
               .arg(QString::fromStdString(where.database), QString::fromStdString(where.host),
                    QString::fromStdString(error.describe())) +
           QLatin1Char('\n') +
           QCoreApplication::translate(
               "SaveFailure",
               "Dina ändringar finns kvar i programmet och i återställningskopian. Försök igen "
               "när förbindelsen fungerar, eller spara en kopia som fil med Spara som.");
}

} // namespace

QString saveFailureText(const std::filesystem::path& file, SaveFailure failure,
                        const Error& error) {
    if (isDatabaseLocation(file.string())) {
        return databaseFailureText(file, error);
    }
    QString text =
        what(failure).arg(QDir::toNativeSeparators(QString::fromStdString(file.string())));
    if (failure == SaveFailure::Other) {
        text += QLatin1Char(' ') + QString::fromStdString(error.describe());
    }
    return text + QLatin1Char('\n') +
           QCoreApplication::translate(
               "SaveFailure",
               "Dina ändringar finns kvar i programmet och i återställningskopian.") +
           QLatin1Char(' ') + whatToDo(failure);
}

bool askAfterSaveFailure(const std::filesystem::path& file, const Error& error, QWidget* parent) {
    const SaveFailure failure = classifySaveFailure(file, error);
    QMessageBox box(QMessageBox::Warning,
                    QCoreApplication::translate("SaveFailure", "Projektet kunde inte sparas"),
                    saveFailureText(file, failure, error), QMessageBox::NoButton, parent);
    box.setDetailedText(QString::fromStdString(error.describe()));
    QPushButton* saveAs =
        offersSaveAs(failure) || isDatabaseLocation(file.string())
            ? box.addButton(QCoreApplication::translate("SaveFailure", "Spara som…"),
                            QMessageBox::AcceptRole)
            : nullptr;
    // Our own word: Debian 12 has no Swedish for Qt 6's standard buttons.
    box.addButton(QCoreApplication::translate("SaveFailure", "Stäng"), QMessageBox::RejectRole);
    box.exec();
    return saveAs != nullptr && box.clickedButton() == saveAs;
}

} // namespace trygg
