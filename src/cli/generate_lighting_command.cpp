#include "generate_lighting_command.h"

#include "tryggkarta/io/project_store.h"
#include "tryggkarta/synth/luminaire_layout.h"

#include <cmath>
#include <iostream>
#include <map>

namespace trygg::cli {
namespace {

constexpr std::string_view kLightingLayer = "belysning";

// Spacing is in metres: a base map in degrees would put every lamp on one spot.
bool looksGeographic(const std::vector<LitLine>& lines) {
    for (const LitLine& line : lines) {
        for (const Point& p : line.line) {
            if (std::abs(p.x()) > 180.0 || std::abs(p.y()) > 90.0) {
                return false;
            }
        }
    }
    return true;
}

void printSummary(const std::string& path, const Layer& layer, const std::vector<LitLine>& lines,
                  const LightingPlan& plan) {
    std::map<std::string, int> statuses;
    auto status = layer.definition().fieldIndex("status");
    for (const Feature& feature : layer.features()) {
        const auto* code = status ? std::get_if<std::string>(&feature.values[*status]) : nullptr;
        ++statuses[code == nullptr ? std::string("(none)") : *code];
    }
    std::cout << "Placed " << layer.size() << " luminaires along " << lines.size()
              << " streets, paths and squares in " << path << ":";
    for (const auto& [code, count] : statuses) {
        std::cout << ' ' << code << '=' << count;
    }
    std::cout << '\n';
    for (const DarkGap& gap : plan.gaps) {
        const LitLine& line = lines[gap.line];
        std::cout << "  dark gap of " << std::lround(gap.to - gap.from) << " m on "
                  << (line.name.empty() ? "an unnamed path" : line.name) << " ("
                  << std::lround(gap.from) << "–" << std::lround(gap.to) << " m along it), "
                  << gap.planned << " planned lamps\n";
    }
}

} // namespace

void GenerateLightingCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "generate-lighting",
        "Place example luminaires along the base map's streets, paths and squares (belysning)");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_option("--seed", m_seed, "Random seed (same seed and map, same lamps)")
        ->capture_default_str();
    m_app->add_flag("--replace", m_replace, "Replace the luminaires the project already has");
}

int GenerateLightingCommand::run(const GlobalOptions& global) {
    auto project = openWithCatalog(global, m_path);
    if (!project) {
        return report(project.error());
    }
    Layer* layer = project->layer(kLightingLayer);
    if (layer == nullptr) {
        return report(Error{
            ErrorCode::NotFound, "the layer definitions have no belysning layer", m_path, {}});
    }
    if (layer->size() > 0 && !m_replace) {
        return report(Error{ErrorCode::WriteFailed,
                            "belysning already holds " + std::to_string(layer->size()) +
                                " luminaires (use --replace to replace them)",
                            m_path,
                            {}});
    }
    const std::vector<LitLine> lines = litLinesOf(*project);
    if (lines.empty()) {
        return report(Error{ErrorCode::NotFound,
                            "no streets or paths to light: import a base map (bas_gata, "
                            "bas_gangvag) first",
                            m_path,
                            {}});
    }
    if (looksGeographic(lines)) {
        return report(Error{ErrorCode::CrsMismatch,
                            "the base map is in degrees; lamps are spaced in metres, so the "
                            "project needs a projected CRS (e.g. EPSG:3006)",
                            m_path,
                            {}});
    }
    LightingPlan plan = placeLuminaires(layer->definition(), lines, LuminaireLayout{}, m_seed);
    // The old luminaires are removed and the new ones written in one transaction.
    ChangeSet changes;
    replaceFeatures(*project, *layer, std::move(plan.luminaires), changes);
    project->metadata["belysning_generator_seed"] = std::to_string(m_seed);
    changes.metadataChanged = true;
    if (auto saved = saveChanges(m_path, *project, changes); !saved) {
        return report(saved.error());
    }
    printSummary(m_path, *layer, lines, plan);
    return kExitOk;
}

} // namespace trygg::cli
