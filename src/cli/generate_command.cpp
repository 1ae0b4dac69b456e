#include "generate_command.h"

#include "tryggkarta/io/project_store.h"
#include "tryggkarta/synth/synthetic_project.h"

#include <filesystem>
#include <iostream>

namespace trygg::cli {

void GenerateCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "generate", "Write a synthetic example project around Vännäs centrum (for demos and benchmarks)");
    m_app->add_option("project", m_path, "The project file to write (.gpkg)")->required();
    m_app->add_option("--observations", m_observations, "Number of observations")->capture_default_str();
    m_app->add_option("--luminaires", m_luminaires, "Number of luminaires")->capture_default_str();
    m_app->add_option("--measures", m_measures, "Number of measures")->capture_default_str();
    m_app->add_option("--walks", m_walks, "Number of safety walks")->capture_default_str();
    m_app->add_option("--seed", m_seed, "Random seed (same seed, same project)")->capture_default_str();
    m_app->add_flag("--force", m_force, "Replace the file if it exists");
}

int GenerateCommand::run(const GlobalOptions& global) {
    std::error_code ec;
    if (!m_force && std::filesystem::exists(m_path, ec)) {
        return report(Error{ErrorCode::WriteFailed, "file already exists (use --force to replace it)",
                            m_path, {}});
    }
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    SyntheticSpec spec{m_observations, m_luminaires, m_measures, m_walks, m_seed};
    Project project = makeSyntheticProject(spec, *catalog);
    TerminalProgress progress;
    progress.setStage("write");
    if (auto saved = saveProjectAs(m_path, project, progress); !saved) {
        return report(saved.error());
    }
    progress.finish();
    std::cout << "Wrote " << m_path << ":";
    for (const auto& layer : project.layers) {
        std::cout << ' ' << layer.name() << '=' << layer.size();
    }
    std::cout << " links=" << project.links.size() << '\n';
    return kExitOk;
}

} // namespace trygg::cli
