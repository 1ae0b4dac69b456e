#include "tryggkarta/io/save_failure.h"

#include "gdal_util.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace trygg {
namespace {

namespace fs = std::filesystem;

/// Below this much free space a failed write is taken for a full disk: SQLite needs room for
/// its journal as well as the data, and a save that failed has given its room back.
constexpr unsigned long long kNearlyFullBytes = 1024ULL * 1024ULL;

bool mentions(const Error& error, std::initializer_list<std::string_view> words) {
    std::string text = error.message + " " + error.detail;
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view word) { return text.find(word) != std::string::npos; });
}

bool refusedWrite(int error) {
    return error == EACCES || error == EPERM || error == EROFS;
}

/// errno of opening `file` for writing (it is not written), 0 when that works.
int openForWritingError(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    ::close(fd);
    return 0;
}

/// errno of creating a file in `folder` (SQLite needs one for its journal, a save under a
/// new name for the file beside), 0 when that works.
int createInFolderError(const fs::path& folder) {
    const fs::path probe = folder / (".tryggkarta-probe-" + std::to_string(::getpid()));
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return errno == EEXIST ? 0 : errno;
    }
    ::close(fd);
    ::unlink(probe.c_str());
    return 0;
}

/// Whether this process may not make `file` much larger (`ulimit -f`): the disk is as good as
/// full for it.
bool atSizeLimit(const fs::path& file) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
        return false;
    }
    std::error_code ec;
    const auto size = fs::exists(file, ec) ? fs::file_size(file, ec) : 0;
    return size + kNearlyFullBytes >= limit.rlim_cur;
}

bool nearlyFull(const fs::path& folder) {
    struct statvfs stats {};
    if (::statvfs(folder.c_str(), &stats) != 0) {
        return false;
    }
    return static_cast<unsigned long long>(stats.f_bavail) * stats.f_frsize < kNearlyFullBytes;
}

} // namespace

void finishInterruptedSave(const fs::path& file) {
    std::error_code ec;
    if (gdal::isDatabaseLocation(file) ||
        fs::file_size(fs::path(file.string() + "-journal"), ec) == 0 || ec) {
        return; // none, or an empty one SQLite ignores
    }
    gdal::ErrorCapture errors; // a failure here is reported by the open that follows
    if (auto opened = gdal::openVector(file, true)) {
        // Reading the schema is what makes SQLite roll the journal back.
        static_cast<void>((*opened)->GetLayerCount());
        static_cast<void>(gdal::close(std::move(*opened), file));
    }
}

std::string_view saveFailureName(SaveFailure failure) {
    switch (failure) {
    case SaveFailure::Removed:
        return "removed";
    case SaveFailure::ReadOnly:
        return "read-only";
    case SaveFailure::DiskFull:
        return "disk-full";
    case SaveFailure::Locked:
        return "locked";
    case SaveFailure::Other:
        return "other";
    }
    return "other";
}

SaveFailure classifySaveFailure(const fs::path& file, const Error& error) {
    if (gdal::isDatabaseLocation(file) || error.code == ErrorCode::Cancelled) {
        return SaveFailure::Other;
    }
    if (mentions(error, {"locked", "busy"})) {
        return SaveFailure::Locked;
    }
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::error_code ec;
    if (!fs::is_directory(folder, ec) ||
        (error.code == ErrorCode::OpenFailed && !fs::exists(file, ec))) {
        return SaveFailure::Removed;
    }
    const int fileError = fs::exists(file, ec) ? openForWritingError(file) : 0;
    const int folderError = createInFolderError(folder);
    if (refusedWrite(fileError) || refusedWrite(folderError)) {
        return SaveFailure::ReadOnly;
    }
    if (folderError == ENOSPC || folderError == EDQUOT || nearlyFull(folder) || atSizeLimit(file) ||
        mentions(error, {"disk is full", "no space", "too large", "file size limit"})) {
        return SaveFailure::DiskFull;
    }
    return SaveFailure::Other;
}

} // namespace trygg
