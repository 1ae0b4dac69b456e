#pragma once

#include "cli_support.h"

#include <vector>

namespace trygg::cli {

/// `import PROJECT.gpkg --layer NAME SOURCE [--src-layer L] [--field dst=src ...]
/// [--src-crs EPSG:N] [--strict]`: any vector source GDAL reads, into a thematic layer.
class ImportCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_project;
    std::string m_source;
    std::string m_layer;
    std::string m_sourceLayer;
    std::string m_sourceCrs;
    std::vector<std::string> m_fields;
    bool m_strict = false;
};

} // namespace trygg::cli
