#pragma once

#include "cli_support.h"

#include <cstdint>
#include <string>

namespace trygg::cli {

/// `generate-lighting PROJECT.gpkg [--seed N] [--replace]`: example luminaires placed along
/// the streets, paths and squares of the project's base map (bas_gata, bas_gangvag, bas_ytor),
/// with a few dark gaps for the lighting analysis to find. Every feature is marked as example
/// data. Refuses to touch a belysning layer that holds luminaires unless --replace is given.
class GenerateLightingCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    std::uint64_t m_seed = 2026;
    bool m_replace = false;
};

} // namespace trygg::cli
