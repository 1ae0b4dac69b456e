#include "tryggkarta/document/recovery.h"

#include "tryggkarta/io/database_location.h"
#include "tryggkarta/io/project_store.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <sqlite3.h>

namespace trygg {
namespace {

namespace fs = std::filesystem;

/// Enough of the path's hash to keep projects of the same name apart.
constexpr qsizetype kHashCharacters = 16;

QString toQString(const fs::path& path) {
    return QString::fromStdString(path.string());
}

template <typename Id>
QJsonArray idArray(const std::set<Id>& ids) {
    QJsonArray array;
    for (Id id : ids) {
        array.append(static_cast<qint64>(toInt(id)));
    }
    return array;
}

template <typename Id>
std::set<Id> idSet(const QJsonValue& value) {
    std::set<Id> ids;
    for (const QJsonValue& id : value.toArray()) {
        ids.insert(Id{id.toInteger()});
    }
    return ids;
}

QJsonObject sharedJson(const SharedEdits& edits) {
    QJsonObject layers;
    for (const auto& [name, changes] : edits.changes.layers) {
        QJsonObject versions;
        if (auto known = edits.versions.find(name); known != edits.versions.end()) {
            for (auto [id, version] : known->second) {
                versions[QString::number(toInt(id))] = static_cast<qint64>(version);
            }
        }
        layers[QString::fromStdString(name)] = QJsonObject{
            {QStringLiteral("written"), idArray(changes.written)},
            {QStringLiteral("removed"), idArray(changes.removed)},
            {QStringLiteral("versions"), versions}};
    }
    return QJsonObject{{QStringLiteral("layers"), layers},
                       {QStringLiteral("photosWritten"), idArray(edits.changes.photos.written)},
                       {QStringLiteral("photosRemoved"), idArray(edits.changes.photos.removed)},
                       {QStringLiteral("links"), edits.changes.linksChanged},
                       {QStringLiteral("metadata"), edits.changes.metadataChanged}};
}

SharedEdits sharedFromJson(const QJsonObject& object) {
    SharedEdits edits;
    const QJsonObject layers = object.value(QStringLiteral("layers")).toObject();
    for (auto it = layers.begin(); it != layers.end(); ++it) {
        const std::string name = it.key().toStdString();
        const QJsonObject layer = it.value().toObject();
        auto& changes = edits.changes.layers[name];
        changes.written = idSet<FeatureId>(layer.value(QStringLiteral("written")));
        changes.removed = idSet<FeatureId>(layer.value(QStringLiteral("removed")));
        const QJsonObject versions = layer.value(QStringLiteral("versions")).toObject();
        for (auto v = versions.begin(); v != versions.end(); ++v) {
            edits.versions[name][FeatureId{v.key().toLongLong()}] = v.value().toInteger();
        }
    }
    edits.changes.photos.written = idSet<PhotoId>(object.value(QStringLiteral("photosWritten")));
    edits.changes.photos.removed = idSet<PhotoId>(object.value(QStringLiteral("photosRemoved")));
    edits.changes.linksChanged = object.value(QStringLiteral("links")).toBool();
    edits.changes.metadataChanged = object.value(QStringLiteral("metadata")).toBool();
    return edits;
}

QByteArray sidecarJson(const RecoveryInfo& info) {
    QJsonObject object;
    object[QStringLiteral("original")] = toQString(info.original);
    object[QStringLiteral("written")] = info.written.toString(Qt::ISODateWithMs);
    object[QStringLiteral("undoSteps")] = info.undoSteps;
    if (info.shared) {
        object[QStringLiteral("shared")] = sharedJson(*info.shared);
    }
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
    if (object.contains(QStringLiteral("shared"))) {
        info.shared = sharedFromJson(object.value(QStringLiteral("shared")).toObject());
    }
    if (info.original.empty() || !info.written.isValid()) {
        return std::nullopt;
    }
    return info;
}

/// Deletes a GeoPackage with SQLite's files beside it: a rollback journal left by a write
/// that failed would otherwise be "rolled back" into the next file of that name.
void removeDatabase(const fs::path& file) {
    std::error_code ec;
    for (const char* side : {"", "-journal", "-wal", "-shm"}) {
        fs::remove(file.string() + side, ec);
    }
}

/// Copies a GeoPackage with SQLite's backup: a consistent state even while another program
/// writes it (its lock is waited for, or the copy fails), with what sits in its WAL.
Result<void> copyDatabase(const fs::path& from, const fs::path& to) {
    sqlite3* source = nullptr;
    sqlite3* target = nullptr;
    int rc = sqlite3_open_v2(from.c_str(), &source, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_open_v2(to.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
    }
    if (rc == SQLITE_OK) {
        sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
        rc = backup == nullptr ? sqlite3_errcode(target) : sqlite3_backup_step(backup, -1);
        if (backup != nullptr) {
            sqlite3_backup_finish(backup);
        }
    }
    const std::string detail = sqlite3_errstr(rc);
    sqlite3_close(target);
    sqlite3_close(source);
    if (rc != SQLITE_DONE) {
        return fail(ErrorCode::WriteFailed, "cannot copy the project for its recovery copy",
                    from.string(), detail);
    }
    return {};
}

/// The project file copied beside the recovery copy with the edits applied, then renamed
/// over it.
Result<void> copyWithEdits(const fs::path& copy, const Project& project, const RecoveryBase& base) {
    const fs::path temporary = copy.string() + ".part";
    removeDatabase(temporary);
    auto written = copyDatabase(base.project, temporary);
    if (written) {
        written = saveChanges(temporary, project, base.changes);
    }
    if (written) {
        std::error_code ec;
        fs::rename(temporary, copy, ec);
        if (!ec) {
            return {};
        }
        written = fail(ErrorCode::WriteFailed, "cannot rename the recovery copy", copy.string(),
                       ec.message());
    }
    removeDatabase(temporary);
    return written;
}

} // namespace

fs::path defaultRecoveryFolder() {
    return fs::path(
               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).toStdString()) /
           "recovery";
}

fs::path recoveryKey(const fs::path& project) {
    if (isDatabaseLocation(project.string())) {
        return withoutPassword(project.string()); // never a password on disk
    }
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
    const std::string base =
        isDatabaseLocation(key.string()) ? parseDatabaseLocation(key.string()).database
                                         : key.stem().string();
    const std::string name = base + "-" + hash.toStdString();
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

Result<void> updateRecovery(const RecoveryFiles& files, const ProjectSnapshot& snapshot,
                            const RecoveryBase& base, const RecoveryInfo& info) {
    const Project project = snapshot.toProject();
    if (base.copyIsCurrent && fs::exists(files.data) &&
        saveChanges(files.data, project, base.changes)) {
        return writeSidecar(files.sidecar, info);
    }
    std::error_code ec;
    fs::create_directories(files.data.parent_path(), ec);
    if (!ec && copyWithEdits(files.data, project, base)) {
        return writeSidecar(files.sidecar, info);
    }
    return writeRecovery(files, snapshot, info); // the whole project, from memory
}

void removeRecovery(const RecoveryFiles& files) {
    std::error_code ec;
    fs::remove(files.sidecar, ec); // first: a copy without its sidecar is never offered
    removeDatabase(files.data);
}

RecoveryWriter::RecoveryWriter(MapDocument& document, QObject* parent)
    : QObject(parent), m_document(document), m_folder(defaultRecoveryFolder()),
      m_project(document.path()) {
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryWriter::writeNow);
    m_soon.setSingleShot(true);
    m_soon.setInterval(kDefaultPromptDelay);
    connect(&m_soon, &QTimer::timeout, this, [this] {
        if (isWriting()) {
            m_soon.start(); // the running write may have missed the observation: try again
        } else {
            writeNow();
        }
    });
    connect(&m_document, &MapDocument::featuresChanged, this, &RecoveryWriter::featuresChanged);
    // The save did not keep the edits: the copy must, now (aboutToSave let any write end).
    connect(&m_document, &MapDocument::saveFailed, this, &RecoveryWriter::writeNow);
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
    if (m_document.isShared()) {
        info.shared = m_document.sharedEdits();
    }
    auto files = recoveryFilesFor(m_folder, m_project);
    if (m_document.needsFullSave()) { // recovered: the edits are not relative to the file
        m_job.setFuture(QtConcurrent::run(
            [files = std::move(files), snapshot = m_document.snapshot(), info = std::move(info)] {
                return writeRecovery(files, snapshot, info);
            }));
        return true;
    }
    RecoveryBase base{m_project, m_document.unsavedChanges(), m_copyIsCurrent};
    m_job.setFuture(QtConcurrent::run(
        [files = std::move(files), snapshot = m_document.snapshot(), base = std::move(base),
         info = std::move(info)] { return updateRecovery(files, snapshot, base, info); }));
    return true;
}

void RecoveryWriter::discard() {
    remove(m_project);
    if (m_document.path() != m_project) {
        remove(m_document.path()); // after a save under another name
    }
}

void RecoveryWriter::featuresChanged(const QString& layer) {
    if (layer == QLatin1String(kObservationLayer.data(), kObservationLayer.size()) &&
        !m_soon.isActive()) {
        m_soon.start(); // not restarted by later ones: a long walk still gets written
    }
}

void RecoveryWriter::projectReplaced() {
    if (m_document.path() != m_project) {
        remove(m_project);
    }
    m_project = m_document.path();
    m_copyIsCurrent = false;
    m_changed = false; // the data is as in the file, or as in the copy it was recovered from
}

void RecoveryWriter::remove(const fs::path& project) {
    if (project.empty()) {
        return;
    }
    waitForIdle();
    ++m_removals;
    m_copyIsCurrent = false;
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
    m_copyIsCurrent = true;
    emit written(m_jobTaken);
}

} // namespace trygg
