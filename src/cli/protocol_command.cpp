#include "protocol_command.h"

#include "tryggkarta/io/project_store.h"
#include "tryggkarta/render/headless_gui.h"
#include "tryggkarta/render/scene_builder.h"
#include "tryggkarta/render/walk_protocol.h"

#include <iostream>

namespace trygg::cli {

void ProtocolCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("protocol", "Write the protocol of a safety walk as PDF");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_option("--walk", m_walk, "The walk's id (its feature id in layer vandringar)")
        ->required();
    m_app->add_option("-o,--output", m_output, "The PDF file to write")->required();
    m_app->add_option("--lang", m_language, "Language of the protocol")
        ->capture_default_str()
        ->check(CLI::IsMember({"sv", "en"}));
}

int ProtocolCommand::run(const GlobalOptions& global) {
    auto project = openWithCatalog(global, m_path);
    if (!project) {
        return report(project.error());
    }
    auto protocol = buildWalkProtocol(*project, FeatureId{m_walk}, m_language);
    if (!protocol) {
        Error error = protocol.error();
        error.where = m_path + ": " + error.where;
        return report(error);
    }
    const std::filesystem::path projectPath = m_path;
    const PhotoLoader loadPhoto = [projectPath](PhotoId id) {
        return readPhotoData(projectPath, id);
    };
    const MapScene scene = sceneFromProject(std::move(*project), m_language);

    // Text and the map need Qt's font database; like render, only this command brings Qt up.
    const auto application = startHeadlessGui();
    TerminalProgress progress;
    auto written =
        writeWalkProtocolPdf(m_output, *protocol, scene, loadPhoto, m_language, progress);
    progress.finish();
    if (!written) {
        return report(written.error());
    }
    std::cout << "Wrote " << m_output << ": protocol of walk " << m_walk << " with "
              << written->entries << " entries on " << written->pages << " pages";
    if (written->photosMissing > 0) {
        std::cout << " (" << written->photosMissing << " photos could not be read)";
    }
    std::cout << '\n';
    return kExitOk;
}

} // namespace trygg::cli
