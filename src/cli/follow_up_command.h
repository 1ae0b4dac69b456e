#pragma once

#include "cli_support.h"

#include <cstdint>
#include <optional>
#include <string>

namespace trygg::cli {

/// `followup PROJECT.gpkg [--today YYYY-MM-DD] [--lang sv|en] [--json]`: measures per citizen
/// promise and status with their cost, the overdue measures and what is being done about the
/// unsafe observations (analysis/follow_up.h). With `--measure ID [--radius 50]`: the walks
/// near that measure before and after it, side by side.
class FollowUpCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    int runBeforeAfter(const Project& project, std::int64_t measure);

    std::string m_path;
    std::string m_today;
    std::string m_language = "sv";
    std::optional<std::int64_t> m_measure;
    double m_radius = 50.0;
    bool m_json = false;
};

} // namespace trygg::cli
