#pragma once
// What every sub-command shares: exit codes, error output, the layer catalog, progress.

#include "tryggkarta/core/change_set.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <charconv>
#include <optional>
#include <string_view>
#include <vector>
#include <chrono>
#include <string>

namespace trygg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

/// Options every sub-command has.
struct GlobalOptions {
    std::string layersDirectory; ///< empty: defaultLayersDirectory()
};

/// A sub-command: registers its options on `parent`, then runs once they are parsed.
class Command {
public:
    virtual ~Command() = default;
    virtual void setup(CLI::App& parent) = 0;
    [[nodiscard]] virtual int run(const GlobalOptions& global) = 0;
    [[nodiscard]] bool wasChosen() const { return m_app != nullptr && m_app->parsed(); }

protected:
    CLI::App* m_app = nullptr;
};

/// "tryggkarta-cli: <file>: <reason>" on stderr; returns the exit code for the error.
int report(const Error& error);

Result<LayerCatalog> loadCatalog(const GlobalOptions& global);

/// Opens a project with the layer definitions the options point to.
Result<Project> openWithCatalog(const GlobalOptions& global, const std::filesystem::path& path);
/// The same, reporting progress (the analyses open large projects).
Result<Project> openWithCatalog(const GlobalOptions& global, const std::filesystem::path& path,
                                Progress& progress);

/// The analyses' --where option (heatmap, hotspots, priorities), with one help text.
void addWhereOption(CLI::App& app, std::string& where);

/// Progress on stderr when it is a terminal; Ctrl-C asks the work to stop cleanly.
class TerminalProgress final : public Progress {
public:
    TerminalProgress();
    ~TerminalProgress() override;
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    void update(std::uint64_t done, std::uint64_t total) override;
    void setStage(std::string_view stage) override { m_stage = stage; }
    [[nodiscard]] bool isCancelled() const override;
    /// Ends the progress line.
    void finish();

private:
    std::string m_stage = "working";
    bool m_terminal = false;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

/// The parts of `text` between `separator`s, each trimmed.
std::vector<std::string_view> splitOn(std::string_view text, char separator);

/// The whole of `text` as a number, or nothing.
template <typename Number>
std::optional<Number> parseNumber(std::string_view text) {
    Number value{};
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

/// "minx,miny,maxx,maxy" with min < max, or nothing.
std::optional<Box> parseExtent(std::string_view text);

/// The value of an --extent option: nothing when not given, a Usage error naming the option
/// when it is not an extent.
Result<std::optional<Box>> extentOption(const std::string& text);

/// Replaces every feature of `layer` (one of `project`'s) with `features`, dropping the old
/// features' photos, and records the change in `changes` for saveChanges.
void replaceFeatures(Project& project, Layer& layer, std::vector<Feature> features,
                     ChangeSet& changes);

} // namespace trygg::cli
