#pragma once
// What the app says when a save fails: what happened to the file, that the changes are kept
// (in memory and in the recovery copy), and what the planner can do about it.

#include "tryggkarta/core/error.h"
#include "tryggkarta/io/save_failure.h"

#include <QString>
#include <QWidget>
#include <filesystem>

namespace trygg {

/// The message for a failed save of `file`: which of the failures it was, in Swedish, with
/// the file's path and what to do.
QString saveFailureText(const std::filesystem::path& file, SaveFailure failure, const Error& error);

/// Shows the message (the technical error under "Visa detaljer"). Returns true when the
/// user chose to save under another name (offered when saving the file again cannot work:
/// it is gone, read-only, or its disk full).
bool askAfterSaveFailure(const std::filesystem::path& file, const Error& error, QWidget* parent);

} // namespace trygg
