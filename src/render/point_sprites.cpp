#include "point_sprites.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace trygg::render {
namespace {

// Premultiplied source-over for one pixel, the same arithmetic as QPainter's raster engine
// within rounding.
inline QRgb over(QRgb source, QRgb target) {
    const std::uint32_t inverse = 255u - qAlpha(source);
    if (inverse == 0) {
        return source;
    }
    auto channel = [&](int shift) {
        std::uint32_t t = (target >> shift) & 0xffu;
        std::uint32_t s = (source >> shift) & 0xffu;
        return (s + (t * inverse + 127u) / 255u) << shift;
    };
    return channel(24) | channel(16) | channel(8) | channel(0);
}

} // namespace

DensePointLayer::DensePointLayer(QSize size, const std::vector<ResolvedStyle>& styles)
    : m_image(size, QImage::Format_ARGB32_Premultiplied) {
    m_image.fill(Qt::transparent);
    double largest = 1.0;
    for (const ResolvedStyle& style : styles) {
        const double extent = style.paint.symbolPixels + style.paint.outline.widthF() + 2.0;
        const int side = static_cast<int>(std::ceil(extent)) | 1; // odd: a centre pixel
        Sprite sprite{QImage(side, side, QImage::Format_ARGB32_Premultiplied), side / 2};
        sprite.image.fill(Qt::transparent);
        QPainter painter(&sprite.image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawSymbol(painter, QPointF(sprite.half + 0.5, sprite.half + 0.5), style);
        painter.end();
        m_sprites.push_back(std::move(sprite));
        largest = std::max(largest, style.paint.symbolPixels);
        m_reach = std::max(m_reach, m_sprites.back().half);
    }
    m_cell = std::max(1, static_cast<int>(largest / 2.0));
    m_columns = size.width() / m_cell + 1;
    m_rows = size.height() / m_cell + 1;
    m_taken.assign(static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_rows), 0);
}

bool DensePointLayer::claim(QPointF screen) {
    const int x = static_cast<int>(std::floor(screen.x()));
    const int y = static_cast<int>(std::floor(screen.y()));
    if (x < 0 || y < 0 || x >= m_image.width() || y >= m_image.height()) {
        // Outside the image the centre has no cell, but the symbol may still reach in.
        return x + m_reach >= 0 && y + m_reach >= 0 && x - m_reach < m_image.width() &&
               y - m_reach < m_image.height();
    }
    std::uint8_t& taken = m_taken[static_cast<std::size_t>(y / m_cell) * static_cast<std::size_t>(m_columns) +
                                  static_cast<std::size_t>(x / m_cell)];
    const bool free = taken == 0;
    taken = 1;
    return free;
}

void DensePointLayer::draw(QPointF screen, std::size_t style) {
    const Sprite& sprite = m_sprites[style];
    stamp(sprite, static_cast<int>(std::floor(screen.x())) - sprite.half,
          static_cast<int>(std::floor(screen.y())) - sprite.half);
}

void DensePointLayer::stamp(const Sprite& sprite, int left, int top) {
    const int side = sprite.image.width();
    const int x0 = std::max(0, -left);
    const int y0 = std::max(0, -top);
    const int x1 = std::min(side, m_image.width() - left);
    const int y1 = std::min(side, m_image.height() - top);
    for (int sy = y0; sy < y1; ++sy) {
        const auto* source = reinterpret_cast<const QRgb*>(sprite.image.constScanLine(sy));
        auto* target = reinterpret_cast<QRgb*>(m_image.scanLine(top + sy)) + left;
        for (int sx = x0; sx < x1; ++sx) {
            if (qAlpha(source[sx]) != 0) {
                target[sx] = over(source[sx], target[sx]);
            }
        }
    }
}

} // namespace trygg::render
