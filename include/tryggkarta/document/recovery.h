#pragma once
// Recovery copies: while a document has unsaved changes, the whole project is written every
// minute to a GeoPackage of its own (with a JSON sidecar), so that a crash or a flat tablet
// battery loses at most a minute of work. Opening the project later offers the copy.

#include "tryggkarta/core/error.h"
#include "tryggkarta/document/map_document.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <filesystem>
#include <optional>

namespace trygg {

/// The two files of one project's recovery copy.
struct RecoveryFiles {
    std::filesystem::path data;    ///< the project as a GeoPackage
    std::filesystem::path sidecar; ///< RecoveryInfo as JSON
};

/// What the sidecar says about a recovery copy.
struct RecoveryInfo {
    std::filesystem::path original; ///< the project file, absolute
    QDateTime written;              ///< when the data was taken from the document
    int undoSteps = 0;              ///< steps on the undo stack then
    /// For a project shared in a database: the edits and the versions they build on (the
    /// copy holds the whole project as it was then, see MapDocument::setRecoveredSharedProject).
    std::optional<SharedEdits> shared = std::nullopt;
};

/// A recovery copy found for a project.
struct RecoveryCopy {
    RecoveryFiles files;
    RecoveryInfo info;
};

/// AppDataLocation/recovery.
[[nodiscard]] std::filesystem::path defaultRecoveryFolder();

/// The project file as recovery copies name it: absolute, symbolic links resolved. A shared
/// project's database location (without password) is its own name.
[[nodiscard]] std::filesystem::path recoveryKey(const std::filesystem::path& project);

/// Where the copy of `project` lives in `folder`: "<base name>-<hash of the absolute path>",
/// so that projects of the same name in different folders do not share a copy.
[[nodiscard]] RecoveryFiles recoveryFilesFor(const std::filesystem::path& folder,
                                             const std::filesystem::path& project);

/// The recovery copy of `project` when there is one, written later than the project file
/// was last changed; nullopt when there is none, or only an older one.
[[nodiscard]] std::optional<RecoveryCopy> findRecovery(const std::filesystem::path& folder,
                                                       const std::filesystem::path& project);

/// Writes a recovery copy: the data first, then the sidecar, each complete or not at all
/// (written beside, then renamed). Blocking; RecoveryWriter calls it on a worker thread.
Result<void> writeRecovery(const RecoveryFiles& files, const ProjectSnapshot& snapshot,
                           const RecoveryInfo& info);

/// The edits since the project file was saved, to bring a recovery copy up to date without
/// writing the whole project: on the first write the file is copied (SQLite's backup, which
/// respects other programs' locks) and the edits applied to the copy in one transaction, as a
/// save applies them; later writes apply them to the copy in place. That is proportional to
/// the file's size once, then to the edits: with 100,000 observations the whole project takes
/// seconds to write, the edits of a walk milliseconds.
struct RecoveryBase {
    std::filesystem::path project; ///< the project file the edits apply to
    ChangeSet changes;             ///< the edits since it was saved (MapDocument::unsavedChanges)
    /// The copy holds `project` with an earlier state of these edits: update it in place.
    bool copyIsCurrent = false;
};

/// Brings the recovery copy up to date from `base`; writes the whole project (writeRecovery)
/// when the project file cannot be copied (removed, unreadable) or the copy not updated.
Result<void> updateRecovery(const RecoveryFiles& files, const ProjectSnapshot& snapshot,
                            const RecoveryBase& base, const RecoveryInfo& info);

/// Deletes both files; files that do not exist are not an error.
void removeRecovery(const RecoveryFiles& files);

/// Keeps the recovery copy of a document up to date: on each tick of a timer (a minute by
/// default) it writes the project when the document is modified and has changed since the
/// last copy, on a worker thread (the GUI takes only a snapshot). Observations exist nowhere
/// else, so a change to the observation layer (a walk observation) is written promptly: a
/// short delay gathers a burst of them into one write. A failed save is written at once. The copy is deleted when
/// the document becomes unmodified (saved, undone to the saved state, opened from its file),
/// when another project replaces it, and by discard().
class RecoveryWriter : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{60'000};
    /// How long after an observation changed the copy is written.
    static constexpr std::chrono::milliseconds kDefaultPromptDelay{2'000};

    explicit RecoveryWriter(MapDocument& document, QObject* parent = nullptr);
    ~RecoveryWriter() override;
    RecoveryWriter(const RecoveryWriter&) = delete;
    RecoveryWriter& operator=(const RecoveryWriter&) = delete;

    void setFolder(std::filesystem::path folder) { m_folder = std::move(folder); }
    [[nodiscard]] const std::filesystem::path& folder() const { return m_folder; }
    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    void setPromptDelay(std::chrono::milliseconds delay) { m_soon.setInterval(delay); }

    /// Starts a write when there is something new to keep; false when there is nothing to
    /// write or a write is running already.
    bool writeNow();
    [[nodiscard]] bool isWriting() const { return m_job.isRunning(); }
    /// Blocks until a running write has ended.
    void waitForIdle() { m_job.waitForFinished(); }
    /// Deletes the copy of the current project (the user chose to drop the changes).
    void discard();

signals:
    /// A copy was written; `when` is the time its data was taken.
    void written(const QDateTime& when);
    void failed(const QString& message);

private:
    void projectReplaced();
    void featuresChanged(const QString& layer);
    void writeFinished();
    /// Deletes the copy of `project`, after a running write (which may be writing it).
    void remove(const std::filesystem::path& project);

    MapDocument& m_document;
    std::filesystem::path m_folder;
    /// The file the last copy was written for, or the document's file since it was replaced.
    std::filesystem::path m_project;
    QTimer m_timer;
    QTimer m_soon; ///< single shot: the prompt write after an observation
    QFutureWatcher<Result<void>> m_job;
    QDateTime m_jobTaken;
    bool m_changed = false; ///< the document changed since the last copy was taken
    /// The copy holds the project file and some of its unsaved edits (see RecoveryBase).
    bool m_copyIsCurrent = false;
    /// Counts removals: a write that ends after one is not reported.
    unsigned m_removals = 0;
    unsigned m_jobRemovals = 0;
};

} // namespace trygg
