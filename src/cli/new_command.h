#pragma once

#include "cli_support.h"

namespace trygg::cli {

/// `new PROJECT.gpkg [--crs EPSG:3006]`: an empty project with every thematic layer.
class NewCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    std::string m_crs = "EPSG:3006";
};

} // namespace trygg::cli
