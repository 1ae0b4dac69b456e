#pragma once
// The dense path for point layers: when a view shows more points than a screen can tell
// apart, each style's symbol is drawn once into a sprite, and sprites are copied
// pixel-aligned into a layer image. A point whose cell (half a symbol wide) already holds
// a symbol is skipped: it would be hidden under that symbol anyway. The layer image is
// then drawn through the painter, so PDF and SVG get the same picture as the screen.

#include "symbol_painter.h"

#include <QImage>
#include <QPointF>
#include <QSize>

#include <cstdint>
#include <vector>

namespace trygg::render {

/// More visible points than this in one layer switch it to the dense path.
inline constexpr std::size_t kDensePointThreshold = 50'000;

class DensePointLayer {
public:
    DensePointLayer(QSize size, const std::vector<ResolvedStyle>& styles);

    /// Takes the cell under `screen` for a symbol; false when the cell is already taken or
    /// the symbol would not reach into the image. Asked before the style is looked up, so
    /// the points hidden under others cost no attribute reads.
    bool claim(QPointF screen);
    /// Stamps the style's sprite centred on `screen` (pixel-aligned).
    void draw(QPointF screen, std::size_t style);
    /// The layer image (transparent where nothing was drawn).
    [[nodiscard]] const QImage& image() const { return m_image; }

private:
    struct Sprite {
        QImage image;
        int half = 0; ///< offset from the top-left corner to the symbol's centre
    };
    void stamp(const Sprite& sprite, int left, int top);

    QImage m_image;
    std::vector<Sprite> m_sprites;
    int m_cell = 1;
    int m_reach = 0; ///< the largest sprite's half: how far outside a symbol can still show
    int m_columns = 1;
    int m_rows = 1;
    std::vector<std::uint8_t> m_taken;
};

} // namespace trygg::render
