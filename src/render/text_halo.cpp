#include "text_halo.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPaintEngine>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <vector>

namespace trygg::render {
namespace {

/// A pixel offset within the halo's reach, and what it adds to the coverage of a glyph
/// pixel there: (radius - distance) × 255.
struct Reach {
    int dx;
    int dy;
    int bias;
};

/// A glyph pixel with coverage c (0–1) has its edge about c - 1/2 pixels beyond its
/// centre, so a pixel at distance d from it lies inside the halo by radius + c - d, and is
/// covered by that much (clamped to 0–1). Only offsets where that can be positive count.
std::vector<Reach> discOf(double radius) {
    std::vector<Reach> disc;
    const int extent = static_cast<int>(std::ceil(radius + 1.0));
    for (int dy = -extent; dy <= extent; ++dy) {
        for (int dx = -extent; dx <= extent; ++dx) {
            const double inside = radius - std::hypot(dx, dy);
            if (inside + 1.0 > 0.0) {
                disc.push_back(Reach{dx, dy, static_cast<int>(std::lround(inside * 255.0))});
            }
        }
    }
    return disc;
}

bool rasterDevice(QPainter& painter) {
    const QPaintEngine* engine = painter.paintEngine();
    return engine != nullptr && engine->type() == QPaintEngine::Raster;
}

void strokeHalo(QPainter& painter, const QFont& font, const QString& text,
                const TextPlacement& placement, double radius) {
    painter.save();
    painter.translate(placement.origin);
    painter.rotate(placement.angle);
    QPainterPath outline;
    outline.addText(QPointF(0, 0), font, text);
    painter.setBrush(Qt::NoBrush);
    painter.strokePath(outline,
                       QPen(Qt::white, 2.0 * radius, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.restore();
}

} // namespace

void drawTextHalo(QPainter& painter, const QFont& font, const QString& text,
                  const TextPlacement& placement, double radius) {
    if (!rasterDevice(painter) || radius <= 0.0) {
        strokeHalo(painter, font, text, placement, radius);
        return;
    }
    // The text's box in device pixels, with room for the halo.
    const QFontMetricsF metrics(font, painter.device());
    const QTransform toDevice =
        QTransform::fromTranslate(placement.origin.x(), placement.origin.y())
            .rotate(placement.angle) *
        painter.deviceTransform();
    const double margin = radius + 2.0;
    const QRectF local(-margin, -metrics.ascent() - margin, placement.width + 2.0 * margin,
                       metrics.ascent() + metrics.descent() + 2.0 * margin);
    const QRect box = toDevice.mapRect(local).toAlignedRect().intersected(
        QRect(0, 0, painter.device()->width(), painter.device()->height()));
    if (box.isEmpty()) {
        return;
    }

    // The glyphs' coverage, drawn exactly where the text itself will be drawn, with a
    // border as wide as the disc so that reading around any pixel of the box needs no test.
    const std::vector<Reach> disc = discOf(radius);
    const int border = static_cast<int>(std::ceil(radius + 1.0));
    QImage glyphs(box.size() + QSize(2 * border, 2 * border), QImage::Format_Alpha8);
    glyphs.fill(0);
    QPainter mask(&glyphs);
    mask.setRenderHints(painter.renderHints());
    mask.setTransform(toDevice *
                      QTransform::fromTranslate(border - box.left(), border - box.top()));
    mask.setFont(font);
    mask.setPen(Qt::black);
    mask.drawText(QPointF(0, 0), text);
    mask.end();

    // Grown by the disc: each pixel takes the most any glyph pixel within reach gives it.
    const uchar* coverage = glyphs.constBits();
    const qsizetype stride = glyphs.bytesPerLine();
    std::vector<qsizetype> offsets;
    for (const Reach& reach : disc) {
        offsets.push_back(reach.dy * stride + reach.dx);
    }
    QImage halo(box.size(), QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < box.height(); ++y) {
        auto* out = reinterpret_cast<QRgb*>(halo.scanLine(y));
        const uchar* centre = coverage + (y + border) * stride + border;
        for (int x = 0; x < box.width(); ++x) {
            int alpha = 0;
            for (std::size_t k = 0; k < disc.size(); ++k) {
                const int glyph = centre[x + offsets[k]];
                alpha = std::max(alpha, glyph == 0 ? 0 : glyph + disc[k].bias);
            }
            const auto a = static_cast<QRgb>(std::min(alpha, 255)); // premultiplied white
            out[x] = (a << 24) | (a << 16) | (a << 8) | a;
        }
    }
    painter.save();
    painter.resetTransform();
    painter.drawImage(box.topLeft(), halo);
    painter.restore();
}

} // namespace trygg::render
