#include "text_halo.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPaintEngine>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace trygg::render {
namespace {

/// Pixels grown at a time. The glyph and halo rows have room for a whole step past the
/// box, so no row needs a tail loop; what lands there is never drawn.
constexpr int kGrowStep = 16;

/// A pixel offset within the halo's reach, and what it adds to the coverage of a glyph
/// pixel there: (radius - distance) × 255.
struct Reach {
    int dx;
    int dy;
    int bias;
};

/// A reach in byte arithmetic: a glyph pixel's coverage plus `raise`, then minus `lower`,
/// each clamped to 0–255 (one of the two is zero), counts where the coverage is not zero.
struct Term {
    qsizetype offset; ///< from a halo pixel to the glyph pixel, in the glyph image
    std::uint8_t raise;
    std::uint8_t lower;
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

std::vector<Term> termsOf(const std::vector<Reach>& disc, qsizetype stride) {
    std::vector<Term> terms;
    terms.reserve(disc.size());
    for (const Reach& reach : disc) {
        terms.push_back(Term{reach.dy * stride + reach.dx,
                             static_cast<std::uint8_t>(std::clamp(reach.bias, 0, 255)),
                             static_cast<std::uint8_t>(std::clamp(-reach.bias, 0, 255))});
    }
    return terms;
}

/// The halo of `count` (a multiple of kGrowStep) pixels from the glyph pixel `centre` on, as
/// premultiplied white: the most any glyph pixel within reach gives each pixel.
void growRow(const uchar* centre, const std::vector<Term>& terms, QRgb* out, int count) {
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (int x = 0; x < count; x += kGrowStep) {
        __m128i alpha = zero;
        for (const Term& term : terms) {
            const __m128i glyph =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(centre + x + term.offset));
            const __m128i grown =
                _mm_subs_epu8(_mm_adds_epu8(glyph, _mm_set1_epi8(static_cast<char>(term.raise))),
                              _mm_set1_epi8(static_cast<char>(term.lower)));
            alpha = _mm_max_epu8(alpha, _mm_andnot_si128(_mm_cmpeq_epi8(glyph, zero), grown));
        }
        // Each byte of a premultiplied white pixel is its alpha.
        const __m128i low = _mm_unpacklo_epi8(alpha, alpha);
        const __m128i high = _mm_unpackhi_epi8(alpha, alpha);
        auto* target = reinterpret_cast<__m128i*>(out + x);
        _mm_storeu_si128(target, _mm_unpacklo_epi16(low, low));
        _mm_storeu_si128(target + 1, _mm_unpackhi_epi16(low, low));
        _mm_storeu_si128(target + 2, _mm_unpacklo_epi16(high, high));
        _mm_storeu_si128(target + 3, _mm_unpackhi_epi16(high, high));
    }
#else
    for (int x = 0; x < count; ++x) {
        int alpha = 0;
        for (const Term& term : terms) {
            const int glyph = centre[x + term.offset];
            const int grown = std::max(std::min(glyph + term.raise, 255) - term.lower, 0);
            alpha = std::max(alpha, glyph == 0 ? 0 : grown);
        }
        const auto a = static_cast<QRgb>(alpha);
        out[x] = (a << 24) | (a << 16) | (a << 8) | a;
    }
#endif
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

/// A text as drawn on a device: its font and the transform from its baseline origin.
struct TextRun {
    const QFont& font;
    const QString& text;
    QTransform toDevice;
};

/// The glyphs' coverage, drawn exactly where the text itself will be drawn, `columns`
/// pixels wide from `box`'s left edge (a whole number of steps) and with a border as wide
/// as the disc, so that reading around any pixel of the box needs no test.
QImage glyphCoverage(const QPainter& painter, const TextRun& run, const QRect& box, int border,
                     int columns) {
    QImage glyphs(columns + 2 * border, box.height() + 2 * border, QImage::Format_Alpha8);
    glyphs.fill(0);
    QPainter mask(&glyphs);
    mask.setRenderHints(painter.renderHints());
    mask.setTransform(run.toDevice *
                      QTransform::fromTranslate(border - box.left(), border - box.top()));
    mask.setFont(run.font);
    mask.setPen(Qt::black);
    mask.drawText(QPointF(0, 0), run.text);
    mask.end();
    return glyphs;
}

/// Draws over `box` (device pixels) the coverage of glyphCoverage() grown by the disc:
/// each pixel takes the most any glyph pixel within reach gives it.
void drawGrown(QPainter& painter, const QImage& glyphs, const QRect& box,
               const std::vector<Reach>& disc) {
    const std::vector<Term> terms = termsOf(disc, glyphs.bytesPerLine());
    const int border = (glyphs.height() - box.height()) / 2;
    const int columns = glyphs.width() - 2 * border;
    std::vector<QRgb> pixels(static_cast<std::size_t>(columns) *
                             static_cast<std::size_t>(box.height()));
    for (int y = 0; y < box.height(); ++y) {
        growRow(glyphs.constScanLine(y + border) + border, terms,
                pixels.data() + static_cast<std::ptrdiff_t>(y) * columns, columns);
    }
    // The rows are a whole number of steps long; the image shows only the box.
    const QImage halo(reinterpret_cast<const uchar*>(pixels.data()), box.width(), box.height(),
                      static_cast<qsizetype>(columns) * 4, QImage::Format_ARGB32_Premultiplied);
    painter.save();
    painter.resetTransform();
    painter.drawImage(box.topLeft(), halo);
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

    const int border = static_cast<int>(std::ceil(radius + 1.0));
    const int columns = (box.width() + kGrowStep - 1) / kGrowStep * kGrowStep;
    const QImage glyphs =
        glyphCoverage(painter, TextRun{font, text, toDevice}, box, border, columns);
    drawGrown(painter, glyphs, box, discOf(radius));
}

} // namespace trygg::render
