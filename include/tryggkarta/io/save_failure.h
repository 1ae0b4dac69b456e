#pragma once
// Why a save failed, in the terms a planner can act on. SQLite and GDAL report a full disk,
// a read-only file, a vanished file and another program's lock in words that are hard to
// tell apart ("disk I/O error", "unable to open database file", "database is locked"), so
// the file and its folder are examined after the failure.

#include "tryggkarta/core/error.h"

#include <filesystem>
#include <string_view>

namespace trygg {

enum class SaveFailure {
    Removed,  ///< the file (or its folder) is gone: removed, moved, or a drive disconnected
    ReadOnly, ///< the file or its folder cannot be written (permissions, read-only medium)
    DiskFull, ///< no room left on the disk (or the largest file allowed was reached)
    Locked,   ///< another program holds the file (an open write in QGIS, sqlite3, ...)
    Other,    ///< none of the above: the error says what
};

/// A save killed half-way (a crash, a flat battery) leaves the old state in SQLite's rollback
/// journal beside the file ("FILE-journal"), which only a connection that may write puts
/// back: a read-only open fails ("attempt to write a readonly database"). Opens the file
/// for writing once to put it back; nothing when there is no journal or it cannot be written
/// (then the open that follows says why).
void finishInterruptedSave(const std::filesystem::path& file);

/// Short English name, for logs and tests.
std::string_view saveFailureName(SaveFailure failure);

/// Which of the failures a failed save of `file` (a project file, or the target of a save
/// under a new name) was. Looks at the file system now, so call it right after the failure.
SaveFailure classifySaveFailure(const std::filesystem::path& file, const Error& error);

} // namespace trygg
