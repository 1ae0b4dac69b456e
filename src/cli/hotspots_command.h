#pragma once

#include "cli_support.h"

#include <string>

namespace trygg::cli {

/// `hotspots PROJECT.gpkg [--cell-size 100] [--where FILTER] [--value antal|otrygga]
/// [--band M] [--no-fdr] [--extent ...] [--output cells.gpkg [--overwrite]] [--save]`:
/// observations counted per hexagonal cell, Getis-Ord Gi* hot and cold spots with their
/// confidence; writes the cells (layer hotspot_celler) to a GeoPackage and/or into the
/// project, and prints how many cells fell in each class.
class HotspotsCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    double m_cellSize = 100.0;
    std::string m_where;
    std::string m_value = "antal";
    double m_band = 0.0;
    bool m_noFdr = false;
    std::string m_extent;
    std::string m_output;
    bool m_overwrite = false;
    bool m_save = false;
};

} // namespace trygg::cli
