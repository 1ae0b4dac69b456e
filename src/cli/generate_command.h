#pragma once

#include "cli_support.h"

namespace trygg::cli {

/// `generate OUT.gpkg [--observations N] ...`: a synthetic example project around Vännäs
/// centrum, for demonstrations and benchmarks. Every feature is marked as example data.
class GenerateCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    std::size_t m_observations = 300;
    std::size_t m_luminaires = 150;
    std::size_t m_measures = 12;
    std::size_t m_walks = 2;
    std::uint64_t m_seed = 2026;
    bool m_force = false;
};

} // namespace trygg::cli
