#include "render_command.h"

#include "tryggkarta/core/text.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/render/headless_gui.h"
#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_builder.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <set>
#include <vector>

namespace trygg::cli {
namespace {

std::optional<QSize> parseSize(std::string_view text) {
    auto parts = splitOn(text, 'x');
    if (parts.size() != 2) {
        return std::nullopt;
    }
    auto width = parseNumber<int>(parts[0]);
    auto height = parseNumber<int>(parts[1]);
    // 20,000 pixels a side is an A0 poster at 600 dpi; more is a typo.
    if (!width || !height || *width < 1 || *height < 1 || *width > 20000 || *height > 20000) {
        return std::nullopt;
    }
    return QSize(*width, *height);
}


int usage(const std::string& message) {
    std::cerr << "tryggkarta-cli: " << message << '\n';
    return kExitUsage;
}

/// Hides every layer not named; an unknown name is an error listing the names there are.
std::optional<std::string> showOnly(MapScene& scene, std::string_view list) {
    std::set<std::string, std::less<>> wanted;
    for (std::string_view name : splitOn(list, ',')) {
        wanted.emplace(name);
    }
    std::string known;
    for (const SceneLayer& layer : scene.layers) {
        known += (known.empty() ? "" : ", ") + layer.layer->name();
    }
    for (const std::string& name : wanted) {
        bool found = std::ranges::any_of(scene.layers, [&](const SceneLayer& l) { return l.layer->name() == name; });
        if (!found) {
            return "--layers: no layer '" + name + "' in the project (layers: " + known + ")";
        }
    }
    for (SceneLayer& layer : scene.layers) {
        layer.visible = wanted.contains(layer.layer->name());
    }
    return std::nullopt;
}

} // namespace

void RenderCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("render", "Draw a project's map as PNG, PDF or SVG");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_option("-o,--output", m_output, "The map file to write: .png, .pdf or .svg")->required();
    m_app->add_option("--size", m_size, "Size in pixels, WIDTHxHEIGHT")->capture_default_str();
    m_app->add_option("--dpi", m_dpi, "Resolution (sets the scale and the size of text and symbols)")
        ->capture_default_str()
        ->check(CLI::Range(10.0, 2400.0));
    m_app->add_option("--extent", m_extent, "Map area minx,miny,maxx,maxy in the project's CRS (default: all layers)");
    m_app->add_option("--layers", m_layers, "Only these layers, comma-separated (default: all)");
    m_app->add_flag("--legend", m_legend, "Draw a legend");
    m_app->add_option("--title", m_title, "Title at the top of the map");
    m_app->add_option("--lang", m_language, "Language of the legend")
        ->capture_default_str()
        ->check(CLI::IsMember({"sv", "en"}));
}

int RenderCommand::run(const GlobalOptions& global) {
    auto size = parseSize(m_size);
    if (!size) {
        return usage("--size: expected WIDTHxHEIGHT in pixels (1–20000), not '" + m_size + "'");
    }
    std::optional<Box> extent;
    if (!m_extent.empty() && !(extent = parseExtent(m_extent))) {
        return usage("--extent: expected minx,miny,maxx,maxy with min < max, not '" + m_extent + "'");
    }
    auto project = openWithCatalog(global, m_path);
    if (!project) {
        return report(project.error());
    }
    MapScene scene = sceneFromProject(std::move(*project), m_language);
    scene.decorations.legend = m_legend;
    scene.decorations.title = m_title;
    if (!m_layers.empty()) {
        if (auto problem = showOnly(scene, m_layers)) {
            return usage(*problem);
        }
    }
    Box area = extent ? *extent : sceneExtent(scene);
    if (isEmpty(area)) {
        return report(Error{ErrorCode::Usage, "the layers shown have no features; give --extent", m_path, {}});
    }

    // Only this sub-command brings Qt up: the rest of the CLI stays free of it.
    const auto application = startHeadlessGui();

    const ViewTransform view = ViewTransform::fitting(area, *size, 0.05, m_dpi);
    if (auto written = writeMap(m_output, scene, view); !written) {
        return report(written.error());
    }
    std::cout << "Wrote " << m_output << " (" << size->width() << "x" << size->height() << " px, 1:"
              << static_cast<long long>(std::llround(view.scaleDenominator())) << ")\n";
    return kExitOk;
}

} // namespace trygg::cli
