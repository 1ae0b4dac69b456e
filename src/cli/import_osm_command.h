#pragma once

#include "cli_support.h"

namespace trygg::cli {

/// `import-osm PROJECT.gpkg FILE.osm|FILE.osm.pbf [--replace]`: an OpenStreetMap extract into
/// the base-map tables (bas_*) and its street lamps into belysning.
class ImportOsmCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_project;
    std::string m_source;
    bool m_replace = false;
};

} // namespace trygg::cli
