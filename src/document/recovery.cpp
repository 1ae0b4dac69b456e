#include "tryggkarta/document/recovery.h"

#include "tryggkarta/io/project_store.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace trygg {
namespace {

namespace fs = std::filesystem;

/// Enough of the path's hash to keep projects of the same name apart.
constexpr qsizetype kHashCharacters = 16;

QString toQString(const fs::path& path) {
    return QString::fromStdString(path.string());
}

QByteArray sidecarJson(const RecoveryInfo& info) {
    QJsonObject object;
    object[QStringLiteral("original")] = toQString(info.original);
    object[QStringLiteral("written")] = info.written.toString(Qt::ISODateWithMs);
    object[QStringLiteral("undoSteps")] = info.undoSteps;
    return QJsonDocument(object).toJson();
}

Result<void> writeSidecar(const fs::path& file, const RecoveryInfo& info) {
    QSaveFile out(toQString(file)); // written beside, renamed on commit
    if (!out.open(QIODevice::WriteOnly) || out.write(sidecarJson(info)) < 0 || !out.commit()) {
        return fail(ErrorCode::WriteFailed, "cannot write the recovery sidecar", file.string(),
                    out.errorString().toStdString());
    }
    return {};
}

std::optional<RecoveryInfo> readSidecar(const fs::path& file) {
    QFile in(toQString(file));
    if (!in.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(in.readAll()).object();
    RecoveryInfo info{object.value(QStringLiteral("original")).toString().toStdString(),
                      QDateTime::fromString(object.value(QStringLiteral("written")).toString(),
                                            Qt::ISODateWithMs),
                      object.value(QStringLiteral("undoSteps")).toInt()};
    if (info.original.empty() || !info.written.isValid()) {
        return std::nullopt;
    }
    return info;
}

} // namespace

fs::path defaultRecoveryFolder() {
    return fs::path(
               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).toStdString()) /
           "recovery";
}

fs::path recoveryKey(const fs::path& project) {
    std::error_code ec;
    fs::path absolute = fs::absolute(project, ec);
    fs::path resolved = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : resolved;
}

RecoveryFiles recoveryFilesFor(const fs::path& folder, const fs::path& project) {
    const fs::path key = recoveryKey(project);
    const QByteArray hash =
        QCryptographicHash::hash(QByteArray::fromStdString(key.string()), QCryptographicHash::Sha1)
            .toHex()
            .left(kHashCharacters);
    const std::string name = key.stem().string() + "-" + hash.toStdString();
    return RecoveryFiles{folder / (name + ".gpkg"), folder / (name + ".json")};
}

std::optional<RecoveryCopy> findRecovery(const fs::path& folder, const fs::path& project) {
    RecoveryFiles files = recoveryFilesFor(folder, project);
    auto info = readSidecar(files.sidecar);
    if (!info || info->original != recoveryKey(project) || !fs::exists(files.data)) {
        return std::nullopt;
    }
    const QDateTime changed = QFileInfo(toQString(project)).lastModified();
    if (changed.isValid() && info->written <= changed) {
        return std::nullopt; // the file was saved (perhaps by another program) since
    }
    return RecoveryCopy{std::move(files), std::move(*info)};
}

Result<void> writeRecovery(const RecoveryFiles& files, const ProjectSnapshot& snapshot,
                           const RecoveryInfo& info) {
    std::error_code ec;
    fs::create_directories(files.data.parent_path(), ec);
    if (ec) {
        return fail(ErrorCode::WriteFailed, "cannot create the recovery folder",
                    files.data.parent_path().string(), ec.message());
    }
    if (auto saved =
            saveProjectAs(files.data, snapshot.toProject(), Progress::none(), snapshot.photoSource);
        !saved) {
        return saved;
    }
    return writeSidecar(files.sidecar, info);
}

void removeRecovery(const RecoveryFiles& files) {
    std::error_code ec;
    fs::remove(files.sidecar, ec); // first: a copy without its sidecar is never offered
    fs::remove(files.data, ec);
}

RecoveryWriter::RecoveryWriter(MapDocument& document, QObject* parent)
    : QObject(parent), m_document(document), m_folder(defaultRecoveryFolder()),
      m_project(document.path()) {
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryWriter::writeNow);
    connect(&m_document.undoStack(), &QUndoStack::indexChanged, this, [this] { m_changed = true; });
    connect(&m_document, &MapDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) {
            discard(); // saved, undone to the saved state, or opened from the file itself
        }
    });
    connect(&m_document, &MapDocument::projectReplaced, this, &RecoveryWriter::projectReplaced);
    // The write may be reading photos from the project file that a save is about to change.
    connect(&m_document, &MapDocument::aboutToSave, this, &RecoveryWriter::waitForIdle);
    connect(&m_job, &QFutureWatcherBase::finished, this, &RecoveryWriter::writeFinished);
    m_timer.start();
}

RecoveryWriter::~RecoveryWriter() {
    waitForIdle();
}

bool RecoveryWriter::writeNow() {
    if (isWriting() || !m_changed || !m_document.hasProject() || !m_document.isModified()) {
        return false;
    }
    m_changed = false;
    m_project = m_document.path();
    m_jobTaken = QDateTime::currentDateTime();
    m_jobRemovals = m_removals;
    RecoveryInfo info{recoveryKey(m_project), m_jobTaken, m_document.undoStack().index()};
    m_job.setFuture(QtConcurrent::run(
        [files = recoveryFilesFor(m_folder, m_project), snapshot = m_document.snapshot(),
         info = std::move(info)] { return writeRecovery(files, snapshot, info); }));
    return true;
}

void RecoveryWriter::discard() {
    remove(m_project);
    if (m_document.path() != m_project) {
        remove(m_document.path()); // after a save under another name
    }
}

void RecoveryWriter::projectReplaced() {
    if (m_document.path() != m_project) {
        remove(m_project);
    }
    m_project = m_document.path();
    m_changed = false; // the data is as in the file, or as in the copy it was recovered from
}

void RecoveryWriter::remove(const fs::path& project) {
    if (project.empty()) {
        return;
    }
    waitForIdle();
    ++m_removals;
    removeRecovery(recoveryFilesFor(m_folder, project));
}

void RecoveryWriter::writeFinished() {
    if (m_jobRemovals != m_removals) {
        return; // the copy was deleted since: nothing to report
    }
    const Result<void> result = m_job.result();
    if (!result) {
        m_changed = true; // try again on the next tick
        emit failed(QString::fromStdString(result.error().describe()));
        return;
    }
    emit written(m_jobTaken);
}

} // namespace trygg
