#pragma once

#include "cli_support.h"

#include <string>

namespace trygg::cli {

/// `export PROJECT.gpkg --format shp|gpkg|geojson|csv --profile internal|consultant|public
/// --output PATH [--layers a,b] [--crs EPSG:N] [--zip] [--lang sv|en] [--cell 75]
/// [--min-count 3] [--photos yes|no] [--overwrite]`: prints the files written, the photos
/// taken along and the export log.
class ExportCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_project;
    std::string m_format = "shp";
    std::string m_profile = "consultant";
    std::string m_output;
    std::string m_layers;
    std::string m_crs;
    std::string m_language = "sv";
    std::string m_photos = "yes";
    double m_cellSize = 75.0;
    int m_minCount = 3;
    bool m_zip = false;
    bool m_overwrite = false;
};

} // namespace trygg::cli
