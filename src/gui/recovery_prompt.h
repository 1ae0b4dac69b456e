#pragma once
// The GUI side of recovery copies: the question when a project with one is opened, and
// the status bar line after each write.

#include "tryggkarta/document/recovery.h"

#include <QStatusBar>
#include <QWidget>
#include <filesystem>
#include <optional>

namespace trygg {

/// What to read when a project file is opened.
struct ProjectSource {
    std::filesystem::path file; ///< the project file, or its recovery copy
    bool recovered = false;     ///< `file` is the recovery copy
};

/// Before a project is opened: when `recoveryFolder` holds a copy newer than the file, asks
/// whether to recover its changes. Återställ reads the copy; Kasta deletes it and reads the
/// file. nullopt when the user cancels the opening.
std::optional<ProjectSource> askProjectSource(const std::filesystem::path& project,
                                              const std::filesystem::path& recoveryFolder,
                                              QWidget* parent);

/// Says briefly in the status bar when a recovery copy was written, or why not (a dialog
/// every minute would stop the work it is meant to protect).
void showRecoveryStatus(const RecoveryWriter& writer, QStatusBar* statusBar);

} // namespace trygg
