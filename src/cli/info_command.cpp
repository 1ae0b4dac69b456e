#include "info_command.h"

#include "tryggkarta/io/project_store.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace trygg::cli {
namespace {

nlohmann::json toJson(const ProjectSummary& summary) {
    nlohmann::json layers = nlohmann::json::array();
    for (const auto& layer : summary.layers) {
        nlohmann::json extent = nullptr;
        if (!isEmpty(layer.extent)) {
            extent = {layer.extent.min_corner().x(), layer.extent.min_corner().y(),
                      layer.extent.max_corner().x(), layer.extent.max_corner().y()};
        }
        layers.push_back({{"name", layer.name},
                          {"title", layer.title},
                          {"thematic", layer.thematic},
                          {"geometry", layer.geometryType},
                          {"count", layer.featureCount},
                          {"extent", extent},
                          {"fields", layer.fields}});
    }
    return {{"path", summary.path.string()},
            {"crs", {{"id", summary.crs.identifier()}, {"name", summary.crsName}}},
            {"schema_version", summary.schemaVersion},
            {"layers", layers},
            {"links", summary.linkCount},
            {"photos", summary.photoCount},
            {"metadata", summary.metadata}};
}

void printText(const ProjectSummary& summary) {
    std::cout << "Project:     " << summary.path.string() << '\n'
              << "CRS:         " << summary.crs.displayName() << " — " << summary.crsName << '\n'
              << "Schema:      " << summary.schemaVersion << '\n';
    if (auto it = summary.metadata.find("example_data"); it != summary.metadata.end()) {
        std::cout << "Note:        " << it->second << '\n';
    }
    std::cout << "Layers:\n";
    for (const auto& layer : summary.layers) {
        char line[256];
        std::snprintf(line, sizeof line, "  %-16s %-10s %9lld features", layer.name.c_str(),
                      layer.geometryType.c_str(), static_cast<long long>(layer.featureCount));
        std::cout << line;
        if (!layer.title.empty()) {
            std::cout << "  " << layer.title;
        }
        if (!isEmpty(layer.extent)) {
            std::snprintf(line, sizeof line, "  extent %.1f,%.1f – %.1f,%.1f",
                          layer.extent.min_corner().x(), layer.extent.min_corner().y(),
                          layer.extent.max_corner().x(), layer.extent.max_corner().y());
            std::cout << line;
        }
        std::cout << '\n';
    }
    std::cout << "Links measure → observation: " << summary.linkCount << '\n';
    std::cout << "Photos: " << summary.photoCount << '\n';
}

} // namespace

void InfoCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("info", "Show a project's layers, feature counts, CRS and extent");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_flag("--json", m_json, "Print JSON instead of text");
}

int InfoCommand::run(const GlobalOptions& global) {
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    auto summary = summarizeProject(m_path, *catalog);
    if (!summary) {
        return report(summary.error());
    }
    if (m_json) {
        std::cout << toJson(*summary).dump(2) << '\n';
    } else {
        printText(*summary);
    }
    return kExitOk;
}

} // namespace trygg::cli
