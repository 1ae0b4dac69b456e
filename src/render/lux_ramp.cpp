#include "tryggkarta/render/lux_ramp.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <utility>

namespace trygg {
namespace {

/// One colour per class, lowest first. CIE L* of the opaque ones: 31, 46, 57, 65, 74, 82, 88,
/// 97 (and about the same under deuteranopia and protanopia simulation), so the order reads
/// as "darker is less light" without telling hues apart.
constexpr std::array<QRgb, kLuxBreaks.size() + 1> kLuxColours = {
    qRgba(0x1b, 0x2a, 0x5e, 51), // < 0.4: dark navy, 20 % alpha (a night tint, not a grey box)
    qRgb(0x2b, 0x3f, 0x9e),       // 0.4–1: dark blue
    qRgb(0x2f, 0x6d, 0xb5),       // 1–2: blue
    qRgb(0x21, 0x97, 0x9b),       // 2–3: teal
    qRgb(0x3f, 0xb3, 0x6b),       // 3–5: green
    qRgb(0x98, 0xc5, 0x3f),       // 5–7.5: yellow-green
    qRgb(0xe3, 0xcd, 0x2b),       // 7.5–15: yellow
    qRgb(0xff, 0xd8, 0x90),       // 15–30: apricot
    qRgb(0xff, 0xf5, 0xd6),       // ≥ 30: near-white
};

std::size_t luxClass(float lux) {
    return static_cast<std::size_t>(std::ranges::upper_bound(kLuxBreaks, lux) - kLuxBreaks.begin());
}

/// The image's pixel for a value: the class colour premultiplied, transparent for NaN.
class PremultipliedRamp {
public:
    PremultipliedRamp() {
        std::ranges::transform(kLuxColours, m_colours.begin(),
                               [](QRgb c) { return qPremultiply(c); });
    }
    [[nodiscard]] QRgb operator()(float lux) const {
        return std::isnan(lux) ? 0U : m_colours[luxClass(lux)];
    }

private:
    std::array<QRgb, kLuxColours.size()> m_colours{};
};

const PremultipliedRamp& premultipliedRamp() {
    static const PremultipliedRamp ramp;
    return ramp;
}

/// "0,4" or "0.4": the shortest form that reads back as the break.
std::string formatBreak(float value, std::string_view language) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    std::string text(buffer, end);
    if (language != "en") {
        std::ranges::replace(text, '.', ',');
    }
    return text;
}

std::string classLabel(std::size_t index, std::string_view language) {
    if (index == 0) {
        return "< " + formatBreak(kLuxBreaks.front(), language) + " lx";
    }
    if (index == kLuxBreaks.size()) {
        return "\u2265 " + formatBreak(kLuxBreaks.back(), language) + " lx";
    }
    return formatBreak(kLuxBreaks[index - 1], language) + "\u2013" +
           formatBreak(kLuxBreaks[index], language) + " lx";
}

} // namespace

QRgb luxColour(float lux) {
    return std::isnan(lux) ? 0U : kLuxColours[luxClass(lux)];
}

QImage luxImage(std::size_t columns, std::size_t rows, std::span<const float> lux) {
    if (columns == 0 || rows == 0 || columns > INT_MAX / 4 || rows > INT_MAX / 4 ||
        lux.size() != columns * rows) {
        return {};
    }
    QImage image(static_cast<int>(columns), static_cast<int>(rows),
                 QImage::Format_ARGB32_Premultiplied);
    if (!image.isNull()) {
        paintLux(image, lux, 0, 0, columns, rows);
    }
    return image;
}

void paintLux(QImage& image, std::span<const float> lux, std::size_t col0, std::size_t row0,
              std::size_t cols, std::size_t rows) {
    const auto width = static_cast<std::size_t>(std::max(image.width(), 0));
    const auto height = static_cast<std::size_t>(std::max(image.height(), 0));
    if (lux.size() != width * height || col0 >= width || row0 >= height) {
        return;
    }
    if (image.format() != QImage::Format_ARGB32_Premultiplied) {
        image.convertTo(QImage::Format_ARGB32_Premultiplied);
    }
    const std::size_t colEnd = col0 + std::min(cols, width - col0);
    const std::size_t rowEnd = row0 + std::min(rows, height - row0);
    const PremultipliedRamp& ramp = premultipliedRamp();
    for (std::size_t row = row0; row < rowEnd; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(static_cast<int>(row)));
        const float* values = lux.data() + row * width;
        for (std::size_t col = col0; col < colEnd; ++col) {
            line[col] = ramp(values[col]);
        }
    }
}

std::vector<LuxLegendStep> luxLegend(std::string_view language) {
    std::vector<LuxLegendStep> steps;
    steps.reserve(kLuxColours.size());
    for (std::size_t i = 0; i < kLuxColours.size(); ++i) {
        LuxLegendStep step;
        step.colour = kLuxColours[i];
        step.label = classLabel(i, language);
        steps.push_back(std::move(step));
    }
    return steps;
}

SceneRaster luxSceneRaster(std::string name, QImage image, const Box& extent) {
    SceneRaster raster;
    raster.name = std::move(name);
    raster.image = std::move(image);
    raster.extent = extent;
    // The base map's streets and buildings stay readable through the classes.
    raster.opacity = 0.75;
    raster.legendTitle = Label{"Belysningsstyrka", "Illuminance"};
    for (std::size_t i = 0; i < kLuxColours.size(); ++i) {
        RampLegendStep step;
        step.colour = kLuxColours[i];
        step.label = Label{classLabel(i, "sv"), classLabel(i, "en")};
        raster.legend.push_back(std::move(step));
    }
    return raster;
}

} // namespace trygg
