#include "tryggkarta/render/heat_ramp.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <utility>

namespace trygg {
namespace {

/// Class colours, lowest first (index 0 is the transparent class below the first break).
/// CIE L* of the visible ones: 95, 82, 66, 50, 33 — falling steadily.
constexpr std::array<QRgb, kHeatBreakShares.size() + 1> kHeatColours = {
    qRgba(0, 0, 0, 0),
    qRgb(0xff, 0xf0, 0x9a), // pale yellow
    qRgb(0xfe, 0xb2, 0x4c), // orange
    qRgb(0xf0, 0x59, 0x2b), // red-orange
    qRgb(0xbd, 0x00, 0x26), // red
    qRgb(0x5c, 0x0a, 0x4a), // dark purple
};

bool isData(float value, float noData) {
    return !std::isnan(value) && value != noData;
}

/// "0,12": two significant digits, enough to tell the classes apart.
std::string formatValue(double value, bool english) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2g", value);
    std::string text(buffer);
    if (!english) {
        std::ranges::replace(text, '.', ',');
    }
    return text;
}

std::string classLabel(std::size_t index, float peak, bool english) {
    const double low = kHeatBreakShares[index - 1] * peak;
    if (index == kHeatBreakShares.size()) {
        return formatValue(low, english) + "\u2013" + formatValue(peak, english);
    }
    return formatValue(low, english) + "\u2013" +
           formatValue(kHeatBreakShares[index] * peak, english);
}

} // namespace

float heatPeak(const HeatValues& grid) {
    float peak = 0.0F;
    for (const float value : grid.values) {
        if (isData(value, grid.noData)) {
            peak = std::max(peak, value);
        }
    }
    return peak;
}

std::size_t heatClass(float value, float peak) {
    if (!(peak > 0.0F) || !(value > 0.0F)) {
        return 0;
    }
    const double share = static_cast<double>(value) / static_cast<double>(peak);
    return static_cast<std::size_t>(std::ranges::upper_bound(kHeatBreakShares, share) -
                                    kHeatBreakShares.begin());
}

QImage heatImage(const HeatValues& grid) {
    if (grid.columns == 0 || grid.rows == 0 || grid.columns > INT_MAX / 4 ||
        grid.rows > INT_MAX / 4 || grid.values.size() != grid.columns * grid.rows) {
        return {};
    }
    QImage image(static_cast<int>(grid.columns), static_cast<int>(grid.rows),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        return image;
    }
    std::array<QRgb, kHeatColours.size()> premultiplied{};
    std::ranges::transform(kHeatColours, premultiplied.begin(),
                           [](QRgb c) { return qPremultiply(c); });
    const float peak = heatPeak(grid);
    for (std::size_t row = 0; row < grid.rows; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(static_cast<int>(row)));
        const float* values = grid.values.data() + row * grid.columns;
        for (std::size_t col = 0; col < grid.columns; ++col) {
            const float value = values[col];
            line[col] = isData(value, grid.noData) ? premultiplied[heatClass(value, peak)] : 0U;
        }
    }
    return image;
}

SceneRaster heatSceneRaster(std::string name, const HeatValues& grid, const Box& extent,
                            Label title) {
    SceneRaster raster;
    raster.name = std::move(name);
    raster.image = heatImage(grid);
    raster.extent = extent;
    raster.opacity = 0.7; // streets, lamps and observations stay readable through it
    raster.aboveLayers = true;
    raster.legendTitle = std::move(title);
    const float peak = heatPeak(grid);
    if (peak > 0.0F) {
        for (std::size_t i = 1; i < kHeatColours.size(); ++i) {
            RampLegendStep step;
            step.colour = kHeatColours[i];
            step.label = Label{classLabel(i, peak, false), classLabel(i, peak, true)};
            raster.legend.push_back(std::move(step));
        }
    }
    return raster;
}

} // namespace trygg
