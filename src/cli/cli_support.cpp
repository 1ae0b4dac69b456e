#include "cli_support.h"

#include "tryggkarta/io/project_store.h"

#include <csignal>
#include <iostream>
#include <unistd.h>

namespace trygg::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int) { g_interrupted = 1; }

} // namespace

int report(const Error& error) {
    std::cerr << "tryggkarta-cli: " << error.describe() << '\n';
    return error.code == ErrorCode::Usage ? kExitUsage : kExitFailure;
}

Result<LayerCatalog> loadCatalog(const GlobalOptions& global) {
    return loadLayerCatalog(global.layersDirectory.empty() ? defaultLayersDirectory()
                                                           : std::filesystem::path(global.layersDirectory));
}

Result<Project> openWithCatalog(const GlobalOptions& global, const std::filesystem::path& path) {
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return std::unexpected(catalog.error());
    }
    return openProject(path, *catalog);
}

Result<Project> openWithCatalog(const GlobalOptions& global, const std::filesystem::path& path,
                                Progress& progress) {
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return std::unexpected(catalog.error());
    }
    return openProject(path, *catalog, progress);
}

void addWhereOption(CLI::App& app, std::string& where) {
    app.add_option("--where", where,
                   "Only observations matching this filter, e.g. \"kategori = belysning och "
                   "ljusforh = morker\" (default: all)");
}

TerminalProgress::TerminalProgress() : m_terminal(::isatty(STDERR_FILENO) != 0) {
    g_interrupted = 0;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

TerminalProgress::~TerminalProgress() {
    finish();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void TerminalProgress::update(std::uint64_t done, std::uint64_t total) {
    if (!m_terminal) {
        return;
    }
    auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_lastDraw < std::chrono::milliseconds(200)) {
        return;
    }
    m_lastDraw = now;
    m_drawn = true;
    std::cerr << '\r' << m_stage << ": " << done;
    if (total > 0) {
        std::cerr << " / " << total << " (" << (done * 100 / total) << " %)";
    }
    std::cerr << "   (Ctrl-C cancels)" << std::flush;
}

bool TerminalProgress::isCancelled() const { return g_interrupted != 0; }

void TerminalProgress::finish() {
    if (m_drawn) {
        std::cerr << "\r\033[K" << std::flush;
        m_drawn = false;
    }
}

void replaceFeatures(Project& project, Layer& layer, std::vector<Feature> features,
                     ChangeSet& changes) {
    for (const Feature& old : layer.features()) {
        changes.markRemoved(layer.name(), old.id);
    }
    std::erase_if(project.photos, [&](const Photo& photo) { return photo.layer == layer.name(); });
    layer = Layer(layer.definition(), std::move(features));
    for (const Feature& added : layer.features()) {
        changes.markWritten(layer.name(), added.id);
    }
}

} // namespace trygg::cli
