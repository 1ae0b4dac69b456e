#pragma once

#include "cli_support.h"

#include <string>

namespace trygg::cli {

/// `lighting PROJECT.gpkg [--class-table FILE] [--with-planned] [--raster out.tif --cell 0.5]
/// [--extent ...] [--json]`: light along the paths against their classes, dark gaps and the
/// observations about light; writes the result layers into the project and prints a summary
/// (per class: metres of path, metres under-lit, worst minimum), as JSON on request. With
/// --with-planned the summary also compares before and after the planned lamps.
class LightingCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    std::string m_classTable;
    bool m_withPlanned = false;
    std::string m_raster;
    double m_cell = 0.5;
    std::string m_extent;
    double m_maintenanceFactor = 0.8;
    bool m_json = false;
};

} // namespace trygg::cli
