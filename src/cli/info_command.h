#pragma once

#include "cli_support.h"

namespace trygg::cli {

/// `info PROJECT.gpkg [--json]`: layers, feature counts, CRS and extent.
class InfoCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    bool m_json = false;
};

} // namespace trygg::cli
