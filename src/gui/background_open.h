#pragma once

#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"

#include <QWidget>

#include <filesystem>

namespace trygg {

/// Opens a project on a worker thread while a progress dialog (with Cancel) keeps the
/// window responsive. Returns the project, or the error (Cancelled when the user stopped).
Result<Project> openProjectWithProgress(const std::filesystem::path& path,
                                        const LayerCatalog& catalog, QWidget* parent);

} // namespace trygg
