#pragma once

#include "cli_support.h"

#include <string>

namespace trygg::cli {

/// `heatmap PROJECT.gpkg [--radius R] --pixel P [--kernel quartic|triangular|uniform|triweight|
/// epanechnikov] [--scaled] [--weight FIELD] [--where FILTER] --output heat.tif`: the kernel
/// density of the observations the filter keeps, as QGIS's "Heatmap (Kernel Density
/// Estimation)" computes it, written as a GeoTIFF (cells no observation reaches: -9999).
/// Without --radius, Silverman's rule chooses it (and the radius used is printed).
class HeatmapCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    double m_radius = 0.0;
    double m_pixel = 0.0;
    std::string m_kernel = "quartic";
    bool m_scaled = false;
    std::string m_weight;
    std::string m_where;
    std::string m_output;
};

} // namespace trygg::cli
