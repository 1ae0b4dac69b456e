#include "import_photos_command.h"

#include "tryggkarta/io/photo_folder_import.h"

#include <cstdio>
#include <iostream>

namespace trygg::cli {
namespace {

/// One line on stderr for each file that did not simply become a new observation.
void printNotes(const std::vector<FolderPhoto>& photos) {
    for (const FolderPhoto& photo : photos) {
        if (photo.plan == PhotoPlan::Skip) {
            std::cerr << "skipped " << photo.detail << '\n';
        } else if (photo.plan == PhotoPlan::AttachToExisting) {
            char distance[32];
            std::snprintf(distance, sizeof distance, "%.1f", photo.distance);
            std::cerr << photo.name << ": attached to observation " << toInt(photo.observation)
                      << " (" << distance << " m away)\n";
        }
    }
}

} // namespace

void ImportPhotosCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "import-photos",
        "Make observations of a folder of geotagged photos (JPEG, PNG), each with its photo");
    m_app->add_option("project", m_project, "The project file (.gpkg)")->required();
    m_app->add_option("folder", m_folder, "The folder of photos")->required();
    m_app->add_flag("--recursive", m_recursive, "Also the photos in sub-folders");
    m_app->add_option("--category", m_category,
                      "kategori of the new observations, code or label (default: annat)");
    m_app->add_option(
        "--polarity", m_polarity,
        "polaritet of the new observations: otrygg, trygg or trivsam (default: otrygg)");
    m_app
        ->add_option("--attach-within", m_attachWithin,
                     "Attach a photo to an existing observation within this many metres "
                     "instead of making a new one")
        ->check(CLI::PositiveNumber);
    m_app->add_flag("--name-in-description", m_nameInDescription,
                    "Write the photo's file name as the observation's description");
}

int ImportPhotosCommand::run(const GlobalOptions& global) {
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    PhotoFolderOptions options;
    options.recursive = m_recursive;
    options.category = m_category;
    options.polarity = m_polarity;
    options.fileNameInDescription = m_nameInDescription;
    options.attachWithin = m_attachWithin;
    TerminalProgress progress;
    auto result = importPhotoFolder(m_project, *catalog, m_folder, options, progress);
    progress.finish();
    if (!result) {
        return report(result.error());
    }
    printNotes(*result);
    const std::size_t created = countPlanned(*result, PhotoPlan::NewObservation);
    const std::size_t attached = countPlanned(*result, PhotoPlan::AttachToExisting);
    const std::size_t skipped = countPlanned(*result, PhotoPlan::Skip);
    std::cout << "Imported " << created + attached << " of " << result->size() << " files from "
              << m_folder << ": " << created << " new observations, " << attached
              << " photos attached to existing observations, " << skipped << " skipped";
    if (skipped > 0) {
        std::cout << " (listed above)";
    }
    std::cout << '\n';
    return created + attached == 0 && skipped > 0 ? kExitFailure : kExitOk;
}

} // namespace trygg::cli
