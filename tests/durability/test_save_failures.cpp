// A save that cannot be written: disk full, read-only file or folder, file or folder removed
// under us, file locked by another program. Each must say which file and what happened, keep
// the edits in memory (still modified, undo intact) and write them to the recovery copy; a
// save after the cause is gone must then work.
//
// The tests run as root in CI, and root ignores permissions: "read-only" drops the thread's
// CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH/CAP_FOWNER while the save runs (a no-op for other
// users, who get the permissions). "Disk full" mounts a small tmpfs when the test may (root
// with CAP_SYS_ADMIN) and fills it; elsewhere it lowers RLIMIT_FSIZE (as `ulimit -f` does)
// so that every write past 4 KiB fails. "Locked" is a second process holding BEGIN EXCLUSIVE.

#include "durability_support.h"
#include "save_failure_prompt.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/save_failure.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <linux/capability.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace trygg;

namespace {

namespace fs = std::filesystem;

constexpr int kWaitMs = test::kCopyWaitMs;

/// While it lives, this thread works without root's right to ignore file permissions.
class WithoutRootOverride {
public:
    WithoutRootOverride() {
        syscall(SYS_capget, &m_header, m_saved);
        __user_cap_data_struct reduced[2] = {m_saved[0], m_saved[1]};
        reduced[0].effective &=
            ~((1U << CAP_DAC_OVERRIDE) | (1U << CAP_DAC_READ_SEARCH) | (1U << CAP_FOWNER));
        syscall(SYS_capset, &m_header, reduced);
    }
    ~WithoutRootOverride() { syscall(SYS_capset, &m_header, m_saved); }
    WithoutRootOverride(const WithoutRootOverride&) = delete;
    WithoutRootOverride& operator=(const WithoutRootOverride&) = delete;

private:
    __user_cap_header_struct m_header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct m_saved[2]{};
};

/// A small tmpfs on `folder` while it lives, when this process may mount one.
class SmallDisk {
public:
    explicit SmallDisk(const fs::path& folder) : m_folder(folder) {
        // TRYGG_TEST_NO_MOUNT tries the stand-in where mounting works too.
        m_mounted = std::getenv("TRYGG_TEST_NO_MOUNT") == nullptr &&
                    ::mount("tryggkarta-test", folder.c_str(), "tmpfs", 0, "size=4m") == 0;
    }
    ~SmallDisk() {
        if (m_mounted) {
            ::umount2(m_folder.c_str(), MNT_DETACH);
        }
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    [[nodiscard]] bool mounted() const { return m_mounted; }

    /// Fills the disk up with a file of its own.
    void fill() {
        const int fd = ::open((m_folder / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        REQUIRE(fd >= 0);
        const std::string block(4096, 'x');
        while (::write(fd, block.data(), block.size()) > 0) {
        }
        ::close(fd);
    }
    void makeRoom() { fs::remove(m_folder / "filler"); }

private:
    fs::path m_folder;
    bool m_mounted = false;
};

/// While it lives, this process cannot write past 4 KiB of any file (as under `ulimit -f`).
class FileSizeLimit {
public:
    FileSizeLimit() {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of death
        rlimit limited = m_saved;
        limited.rlim_cur = 4096;
        setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_saved{};
    void (*m_handler)(int) = nullptr;
};

/// Another process holding an exclusive transaction on a file until destroyed.
class LockHolder {
public:
    explicit LockHolder(const fs::path& file) {
        int toChild[2];
        int fromChild[2];
        REQUIRE(pipe(toChild) == 0);
        REQUIRE(pipe(fromChild) == 0);
        m_pid = fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            dup2(toChild[0], STDIN_FILENO);
            dup2(fromChild[1], STDOUT_FILENO);
            for (int fd : {toChild[0], toChild[1], fromChild[0], fromChild[1]}) {
                close(fd);
            }
            execl(TRYGG_LOCK_HOLDER, TRYGG_LOCK_HOLDER, file.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(toChild[0]);
        close(fromChild[1]);
        m_input = toChild[1];
        char said[16] = {};
        const ssize_t got = read(fromChild[0], said, sizeof said - 1);
        close(fromChild[0]);
        REQUIRE(got > 0);
        REQUIRE(std::string(said) == "locked\n");
    }
    ~LockHolder() { release(); }
    LockHolder(const LockHolder&) = delete;
    LockHolder& operator=(const LockHolder&) = delete;

    void release() {
        if (m_pid > 0) {
            close(m_input);
            waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
    }

private:
    pid_t m_pid = -1;
    int m_input = -1;
};

/// A saved project with one observation in a folder of its own, open in a document with
/// one unsaved observation more; recovery copies go to a folder of the test.
struct Unsaved {
    test::EventLoop loop;
    test::TempDir dir;
    fs::path folder = dir / "projekt";
    fs::path path = folder / "vannas.gpkg";
    MapDocument document{test::sourceCatalog()};
    RecoveryWriter writer{document};
    std::unique_ptr<SmallDisk> disk;

    explicit Unsaved(bool onSmallDisk = false) {
        fs::create_directories(folder);
        if (onSmallDisk) {
            disk = std::make_unique<SmallDisk>(folder);
        }
        writer.setFolder(dir / "recovery");
        writer.setPromptDelay(std::chrono::hours(1)); // only the failed save writes a copy
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        document.setProject(std::move(*project), path);
        add(733100.0);
        REQUIRE(document.save());
        add(733150.0);
    }

    void add(double x) {
        const LayerDef& def = *test::sourceCatalog().find(std::string(kObservationLayer));
        REQUIRE(
            document.addFeature(kObservationLayer, test::lightingObservation(def, x, 7096000.0)));
    }

    /// The save failed as `expected`, names the file, and kept the edit in memory and in a
    /// recovery copy.
    void requireKept(const Result<void>& saved, SaveFailure expected, const fs::path& file) {
        requireFailure(saved, expected, file);
        requireCopy();
    }

    /// The save failed as `expected`, names the file, and kept the edit in memory.
    void requireFailure(const Result<void>& saved, SaveFailure expected, const fs::path& file) {
        REQUIRE_FALSE(saved);
        INFO(saved.error().describe());
        CHECK(saveFailureName(classifySaveFailure(file, saved.error())) ==
              saveFailureName(expected));
        const QString text = saveFailureText(file, expected, saved.error());
        CHECK(text.contains(QString::fromStdString(file.string())));
        CHECK(text.contains(QStringLiteral("Dina ändringar finns kvar")));
        CHECK(document.isModified());
        CHECK(document.undoStack().index() == 2);
        CHECK(document.undoStack().cleanIndex() == 1);
        CHECK(document.layer(kObservationLayer)->size() == 2);
    }

    /// The recovery copy holds both observations (a failed save has started writing it).
    void requireCopy() {
        QSignalSpy written(&writer, &RecoveryWriter::written);
        QSignalSpy failed(&writer, &RecoveryWriter::failed);
        // The write may have started before the spies, or have failed on a limit since lifted.
        REQUIRE(QTest::qWaitFor([&] { return !writer.isWriting(); }, kWaitMs));
        QCoreApplication::processEvents(); // the writer learns how its write ended
        written.clear();
        failed.clear();
        if (writer.writeNow()) {
            REQUIRE(
                QTest::qWaitFor([&] { return !written.isEmpty() || !failed.isEmpty(); }, kWaitMs));
        }
        INFO((failed.isEmpty() ? QString() : failed.back().front().toString()).toStdString());
        const RecoveryFiles copy = recoveryFilesFor(writer.folder(), path);
        REQUIRE(fs::exists(copy.sidecar));
        CHECK(test::observationCount(copy.data) == 2);
    }

    /// Once the cause is gone, saving works (Spara, or Spara som when `asNew`) and the file
    /// holds both observations.
    void requireSavedAfterwards(const fs::path& file, bool asNew = false) {
        auto saved = file == path && !asNew ? document.save() : document.saveAs(file);
        INFO((saved ? std::string() : saved.error().describe()));
        REQUIRE(saved);
        CHECK_FALSE(document.isModified());
        CHECK(test::observationCount(file) == 2);
    }
};

} // namespace

TEST_CASE("saving a read-only project file keeps the edits and says so", "[durability]") {
    Unsaved open;
    fs::permissions(open.path, fs::perms::owner_read | fs::perms::group_read);
    Result<void> saved;
    {
        WithoutRootOverride asUser;
        saved = open.document.save();
        open.requireKept(saved, SaveFailure::ReadOnly, open.path);
    }
    fs::permissions(open.path, fs::perms::owner_read | fs::perms::owner_write);
    open.requireSavedAfterwards(open.path);
}

TEST_CASE("saving into a read-only folder keeps the edits and says so", "[durability]") {
    Unsaved open;
    const fs::path other = open.folder / "kopia.gpkg";
    fs::permissions(open.folder, fs::perms::owner_read | fs::perms::owner_exec);
    {
        WithoutRootOverride asUser;
        open.requireKept(open.document.saveAs(other), SaveFailure::ReadOnly, other);
    }
    fs::permissions(open.folder, fs::perms::owner_all);
    CHECK_FALSE(fs::exists(other));
    open.requireSavedAfterwards(other);
}

TEST_CASE("saving a project file removed under us keeps the edits and says so", "[durability]") {
    Unsaved open;
    fs::remove(open.path);
    open.requireKept(open.document.save(), SaveFailure::Removed, open.path);
    open.requireSavedAfterwards(open.path, true); // Spara som, to the same name
}

TEST_CASE("saving when the project's folder is gone keeps the edits and says so", "[durability]") {
    Unsaved open;
    fs::remove_all(open.folder); // a USB stick pulled out
    open.requireKept(open.document.save(), SaveFailure::Removed, open.path);
    fs::create_directories(open.folder);
    open.requireSavedAfterwards(open.path, true);
}

TEST_CASE("saving a project another program is writing keeps the edits and says so",
          "[durability]") {
    Unsaved open;
    LockHolder other(open.path);
    open.requireKept(open.document.save(), SaveFailure::Locked, open.path);
    other.release();
    open.requireSavedAfterwards(open.path);
}

TEST_CASE("saving on a full disk keeps the edits and says so", "[durability]") {
    Unsaved open(true);
    if (open.disk->mounted()) {
        open.disk->fill();
        open.requireKept(open.document.save(), SaveFailure::DiskFull, open.path);
        open.disk->makeRoom();
    } else {
        WARN("cannot mount a tmpfs here: a file size limit stands in for the full disk");
        {
            FileSizeLimit limit;
            open.requireFailure(open.document.save(), SaveFailure::DiskFull, open.path);
            open.writer.waitForIdle(); // a copy started under the limit fails; it is retried
        }
        open.requireCopy();
    }
    open.requireSavedAfterwards(open.path);
}
