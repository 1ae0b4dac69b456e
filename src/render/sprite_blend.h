#pragma once
// The pixel arithmetic of the dense point path: premultiplied pixels composed under others
// (front to back), and rows of one bit a pixel that say which pixels are opaque already.

#include <QRgb>
#include <algorithm>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace trygg::render {

/// Pixels blended at a time by underSpan's vector loop.
inline constexpr int kSpanStep = 4;

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

/// Composes `count` (≤ 64) sprite pixels under the image pixels `upper`, in place. Opaque
/// image pixels and transparent sprite pixels come out unchanged, so a span may hold both.
/// Returns bit i set for each pixel i that is opaque afterwards.
inline std::uint64_t underSpan(QRgb* upper, const QRgb* lower, int count) {
    std::uint64_t opaque = 0;
    int i = 0;
#if defined(__SSE2__)
    // Four pixels at a time, the same arithmetic as byteMul in 16-bit lanes.
    const __m128i zero = _mm_setzero_si128();
    const __m128i full = _mm_set1_epi32(255);
    const __m128i half = _mm_set1_epi16(0x80);
    auto times = [&](__m128i channels, __m128i factor) {
        __m128i t = _mm_mullo_epi16(channels, factor);
        t = _mm_add_epi16(_mm_add_epi16(t, _mm_srli_epi16(t, 8)), half);
        return _mm_srli_epi16(t, 8);
    };
    for (; i + kSpanStep <= count; i += kSpanStep) {
        const __m128i top = _mm_loadu_si128(reinterpret_cast<const __m128i*>(upper + i));
        const __m128i bottom = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lower + i));
        __m128i inverse = _mm_sub_epi32(full, _mm_srli_epi32(top, 24));
        inverse = _mm_or_si128(inverse, _mm_slli_epi32(inverse, 16)); // in both 16-bit halves
        const __m128i low =
            times(_mm_unpacklo_epi8(bottom, zero), _mm_unpacklo_epi32(inverse, inverse));
        const __m128i high =
            times(_mm_unpackhi_epi8(bottom, zero), _mm_unpackhi_epi32(inverse, inverse));
        const __m128i result = _mm_add_epi8(top, _mm_packus_epi16(low, high));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(upper + i), result);
        const __m128i solid = _mm_cmpeq_epi32(_mm_srli_epi32(result, 24), full);
        opaque |= static_cast<std::uint64_t>(_mm_movemask_ps(_mm_castsi128_ps(solid))) << i;
    }
#endif
    for (; i < count; ++i) {
        upper[i] = under(upper[i], lower[i]);
        if (qAlpha(upper[i]) == 255) {
            opaque |= std::uint64_t{1} << i;
        }
    }
    return opaque;
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
