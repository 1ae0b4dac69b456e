#pragma once
// The pixel arithmetic of the dense point path: premultiplied pixels composed under others
// (front to back), and rows of one bit a pixel that say which pixels are opaque already.

#include <QRgb>
#include <algorithm>
#include <cstdint>
#include <cstring>

namespace trygg::render {

/// The most pixels underSpan blends at a time: an AVX2 vector's worth.
inline constexpr int kMaxSpanStep = 8;

/// Each channel of a premultiplied pixel times a / 255, rounded as QPainter's raster
/// engine does (two channels at a time).
inline std::uint32_t byteMul(std::uint32_t x, std::uint32_t a) {
    std::uint32_t t = (x & 0xff00ffu) * a;
    t = ((t + ((t >> 8) & 0xff00ffu) + 0x800080u) >> 8) & 0xff00ffu;
    x = ((x >> 8) & 0xff00ffu) * a;
    x = (x + ((x >> 8) & 0xff00ffu) + 0x800080u) & 0xff00ff00u;
    return x | t;
}

/// `lower` composed under `upper` (premultiplied): what `upper` source-over `lower` gives.
/// Channels cannot overflow: each stays at most its alpha, and the alphas sum to ≤ 255.
inline QRgb under(QRgb upper, QRgb lower) {
    return upper + byteMul(lower, 255u - qAlpha(upper));
}

/// `Step` pixels, and their channels as 16-bit lanes: byteMul's arithmetic, a pixel's two
/// pairs of channels in its two halves, needs no lane wider than 16 bits. Written with the
/// compiler's vector types, so one source serves every instruction set it is built for.
template <int Step> struct SpanVectors {
    typedef std::uint32_t Pixels __attribute__((vector_size(4 * Step)));
    typedef std::uint16_t Lanes __attribute__((vector_size(4 * Step)));
};

/// Composes `count` sprite pixels under the image pixels `upper`, in place, `Step` at a
/// time (4 fits SSE2, 8 AVX2). Opaque image pixels and transparent sprite pixels come out
/// unchanged, so a span may hold both.
template <int Step> inline void underSpan(QRgb* upper, const QRgb* lower, int count) {
    using PixelVector = typename SpanVectors<Step>::Pixels;
    using LaneVector = typename SpanVectors<Step>::Lanes;
    int i = 0;
    for (; i + Step <= count; i += Step) {
        PixelVector top;
        PixelVector bottom;
        std::memcpy(&top, upper + i, sizeof top);
        std::memcpy(&bottom, lower + i, sizeof bottom);
        const PixelVector inverse = 255u - (top >> 24u);
        const auto factor = reinterpret_cast<LaneVector>(inverse | (inverse << 16u));
        // Red and blue, then alpha and green, each times the factor and rounded.
        auto rb = reinterpret_cast<LaneVector>(bottom & 0xff00ffu) * factor;
        auto ag = reinterpret_cast<LaneVector>((bottom >> 8u) & 0xff00ffu) * factor;
        rb = (rb + (rb >> 8) + 0x80) >> 8;
        ag = (ag + (ag >> 8) + 0x80) >> 8;
        const PixelVector result =
            top + (reinterpret_cast<PixelVector>(rb) | (reinterpret_cast<PixelVector>(ag) << 8u));
        std::memcpy(upper + i, &result, sizeof result);
    }
    for (; i < count; ++i) {
        upper[i] = under(upper[i], lower[i]);
    }
}

/// Bits j of a 64-pixel word at column `x0` for the columns 0 ≤ x0 + j < width.
inline std::uint64_t columnsInside(int x0, int width) {
    if (x0 >= 0 && x0 + 64 <= width) {
        return ~std::uint64_t{0};
    }
    const int low = std::max(0, -x0);
    const int high = std::min(64, width - x0);
    if (low >= high) {
        return 0;
    }
    const std::uint64_t below = high == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << high) - 1;
    return below & ~((std::uint64_t{1} << low) - 1);
}

// A row of one bit a pixel, read and written 64 pixels at a time from a column x0 with
// 0 ≤ x0 < width (the row has a spare word at the end). The double shifts keep every shift
// below 64 bits when x0 is a multiple of 64.
inline std::uint64_t bitsFrom(const std::uint64_t* row, int x0) {
    const int word = x0 >> 6;
    const int bit = x0 & 63;
    return (row[word] >> bit) | ((row[word + 1] << 1) << (63 - bit));
}

inline void setBitsFrom(std::uint64_t* row, int x0, std::uint64_t bits) {
    const int word = x0 >> 6;
    const int bit = x0 & 63;
    row[word] |= bits << bit;
    row[word + 1] |= (bits >> 1) >> (63 - bit);
}

// The same from any column -64 < x0 < width.
inline std::uint64_t bitsAt(const std::uint64_t* row, int x0) {
    return x0 < 0 ? row[0] << -x0 : bitsFrom(row, x0);
}

inline void setBitsAt(std::uint64_t* row, int x0, std::uint64_t bits) {
    if (x0 < 0) {
        row[0] |= bits >> -x0;
    } else {
        setBitsFrom(row, x0, bits);
    }
}

} // namespace trygg::render
