#pragma once

#include "cli_support.h"

#include <vector>

namespace trygg::cli {

/// `import PROJECT.gpkg SOURCE [--layer NAME] [--mapping FILE] [--src-layer L]
/// [--field dst=src ...] [--src-crs EPSG:N] [--strict] [--duplicates ask|merge|keep|skip]
/// [--merge-radius M]`: any vector source GDAL reads, into a thematic layer.
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
    std::string m_mapping;
    std::string m_duplicates = "ask";
    double m_mergeRadius = 5.0;
    bool m_strict = false;
};

} // namespace trygg::cli
