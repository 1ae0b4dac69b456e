#pragma once

#include "cli_support.h"

#include <string>

namespace trygg::cli {

/// `priorities PROJECT.gpkg [--eps 25] [--min-points 3] [--where F] [--any-polarity]
/// [--weights count=1,severity=1,...] [--top N] [--lang sv|en] [--json]`: places where unsafe
/// observations gather, ranked by the tunable score of analysis/priorities.h, as a table
/// (rank, score, place, why) or as JSON with every factor.
class PrioritiesCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    double m_eps = 25.0;
    std::size_t m_minPoints = 3;
    std::string m_where;
    bool m_anyPolarity = false;
    std::string m_weights;
    std::size_t m_top = 0;
    std::string m_language = "sv";
    bool m_json = false;
};

} // namespace trygg::cli
