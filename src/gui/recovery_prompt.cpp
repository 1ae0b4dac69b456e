#include "recovery_prompt.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace trygg {
namespace {

constexpr int kWrittenMs = 5000;
constexpr int kFailedMs = 15000;

enum class Answer { Recover, Discard, Cancel };

Answer askToRecover(const QDateTime& written, QWidget* parent) {
    const QString when = written.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QMessageBox box(
        QMessageBox::Question, QCoreApplication::translate("Recovery", "Återställa ändringar?"),
        QCoreApplication::translate("Recovery", "Det finns osparade ändringar från %1 i en "
                                                "återställningsfil. Vill du återställa dem?")
            .arg(when),
        QMessageBox::NoButton, parent);
    QPushButton* recover = box.addButton(QCoreApplication::translate("Recovery", "Återställ"),
                                         QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(QCoreApplication::translate("Recovery", "Kasta"),
                                         QMessageBox::DestructiveRole);
    box.addButton(QCoreApplication::translate("Recovery", "Avbryt"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == recover) {
        return Answer::Recover;
    }
    return box.clickedButton() == discard ? Answer::Discard : Answer::Cancel;
}

} // namespace

std::optional<ProjectSource> askProjectSource(const std::filesystem::path& project,
                                              const std::filesystem::path& recoveryFolder,
                                              QWidget* parent) {
    const auto copy = findRecovery(recoveryFolder, project);
    if (!copy) {
        return ProjectSource{project, false};
    }
    switch (askToRecover(copy->info.written, parent)) {
    case Answer::Recover:
        return ProjectSource{copy->files.data, true};
    case Answer::Discard:
        removeRecovery(copy->files);
        return ProjectSource{project, false};
    case Answer::Cancel:
        break;
    }
    return std::nullopt;
}

void showRecoveryStatus(const RecoveryWriter& writer, QStatusBar* statusBar) {
    QObject::connect(
        &writer, &RecoveryWriter::written, statusBar, [statusBar](const QDateTime& when) {
            statusBar->showMessage(
                QCoreApplication::translate("Recovery", "Återställningskopia sparad %1")
                    .arg(when.toString(QStringLiteral("HH:mm"))),
                kWrittenMs);
        });
    QObject::connect(
        &writer, &RecoveryWriter::failed, statusBar, [statusBar](const QString& message) {
            statusBar->showMessage(QCoreApplication::translate(
                                       "Recovery", "Återställningskopian kunde inte sparas: %1")
                                       .arg(message),
                                   kFailedMs);
        });
}

} // namespace trygg
