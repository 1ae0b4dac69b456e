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

} // namespace trygg::cli
