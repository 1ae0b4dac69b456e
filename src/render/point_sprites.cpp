#include "point_sprites.h"

#include "sprite_blend.h"

#include <QPainter>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cmath>
#include <functional>
#include <mutex>
#include <numeric>

namespace trygg::render {
namespace {

/// Rows composed together: a band of a 1920-pixel image (120 kB) stays in a core's cache.
constexpr int kBandRows = 16;

/// Runs `work` here and, at the same time, on up to three idle threads of Qt's global
/// pool; returns when every copy has returned. One core is left for the thread painting
/// the layers under this one: more threads than cores take turns, and each turn refills
/// the caches the bands were composed in. Only threads free right now are asked
/// (tryStart), so a render that itself runs on the pool can never wait on its own queue.
void runOnSpareThreads(const std::function<void()>& work) {
    QThreadPool* pool = QThreadPool::globalInstance();
    const int wanted = std::clamp(QThread::idealThreadCount() - 2, 0, 3);
    QSemaphore finished;
    int started = 0;
    for (int i = 0; i < wanted; ++i) {
        if (!pool->tryStart([&] {
                work();
                finished.release();
            })) {
            break;
        }
        ++started;
    }
    work();
    finished.acquire(started);
}

constexpr std::uint32_t kNoOrder = ~std::uint32_t{0};

/// Sorts claims by their upper half, the points' places in the layer's order (each point
/// has its own), with a radix sort: a screen keeps tens of thousands of claims, which a
/// comparison sort takes a millisecond over. As few passes as the highest place needs.
void sortByOrder(std::vector<std::uint64_t>& claims) {
    constexpr int kDigitBits = 11;
    constexpr std::uint64_t kDigits = std::uint64_t{1} << kDigitBits;
    const std::uint64_t highest = claims.empty() ? 0 : std::ranges::max(claims);
    std::vector<std::uint64_t> sorted(claims.size());
    for (int shift = 32; shift < 64 && (highest >> shift) != 0; shift += kDigitBits) {
        auto digit = [&](std::uint64_t claim) { return (claim >> shift) & (kDigits - 1); };
        std::vector<std::size_t> start(kDigits + 1, 0);
        for (const std::uint64_t claim : claims) {
            ++start[digit(claim) + 1];
        }
        std::partial_sum(start.begin(), start.end(), start.begin());
        for (const std::uint64_t claim : claims) {
            sorted[start[digit(claim)]++] = claim;
        }
        claims.swap(sorted);
    }
}

/// Layer images kept between renders. A fresh screen-sized image is fresh memory from the
/// kernel, a page fault every 4 kB: a millisecond and a half a render at 1920 × 1080.
class ImageShelf {
public:
    static ImageShelf& instance() {
        static ImageShelf shelf;
        return shelf;
    }

    QImage take(QSize size) {
        std::lock_guard lock(m_mutex);
        auto it = std::ranges::find_if(m_images,
                                       [&](const QImage& image) { return image.size() == size; });
        if (it == m_images.end()) {
            return QImage(size, QImage::Format_ARGB32_Premultiplied);
        }
        QImage image = std::move(*it);
        m_images.erase(it);
        return image;
    }

    void giveBack(QImage image) {
        std::lock_guard lock(m_mutex);
        if (m_images.size() == kKept) {
            m_images.erase(m_images.begin()); // the oldest: a view size no longer drawn
        }
        m_images.push_back(std::move(image));
    }

private:
    static constexpr std::size_t kKept = 2; ///< a canvas and an export at once

    std::mutex m_mutex;
    std::vector<QImage> m_images;
};

} // namespace

DensePointLayer::~DensePointLayer() {
    if (!m_image.isNull()) {
        ImageShelf::instance().giveBack(std::move(m_image));
    }
}

DensePointLayer::DensePointLayer(QSize size, const std::vector<ResolvedStyle>& styles)
    : m_image(ImageShelf::instance().take(size)) {
    double largest = 1.0;
    for (const ResolvedStyle& style : styles) {
        m_sprites.push_back(spriteOf(style));
        largest = std::max(largest, style.paint.symbolPixels);
        m_reach = std::max(m_reach, m_sprites.back().half);
    }
    m_cell = std::max(1, static_cast<int>(largest / 2.0));
    // Cells cover the image and a border of m_reach around it.
    Cells& cells = m_cells;
    cells.reach = m_reach;
    cells.spanX = size.width() + 2 * m_reach;
    cells.spanY = size.height() + 2 * m_reach;
    const auto cell = static_cast<std::uint64_t>(m_cell);
    cells.perCell = (std::uint64_t{1} << 32) / cell + 1;
    cells.perCellF = std::nextafter(1.0f / static_cast<float>(m_cell), 1.0f);
    cells.columns =
        static_cast<std::uint32_t>((static_cast<std::uint64_t>(cells.spanX) + cell - 1) / cell);
    const auto rows =
        static_cast<std::uint32_t>((static_cast<std::uint64_t>(cells.spanY) + cell - 1) / cell);
    cells.outside = cells.columns * rows;
    // Exact reciprocals (the float one needs pixels below 2^21), and cell numbers a float
    // holds exactly.
    [[maybe_unused]] const auto span =
        static_cast<std::uint64_t>(std::max(cells.spanX, cells.spanY));
    assert(span < (std::uint64_t{1} << 21) && span * cell < (std::uint64_t{1} << 32) &&
           cells.outside < (std::uint32_t{1} << 24));
    // Nothing comes before order 0: the outside keeps no point.
    m_first.assign(cells.outside + 1, kNoOrder);
    m_first[cells.outside] = 0;
    m_kept.resize(cells.outside + 1);
    cells.first = m_first.data();
}

DensePointLayer::Sprite DensePointLayer::spriteOf(const ResolvedStyle& style) {
    const double extent = style.paint.symbolPixels + style.paint.outline.widthF() + 2.0;
    const int side = static_cast<int>(std::ceil(extent)) | 1; // odd: a centre pixel
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    drawSymbol(painter, QPointF(side / 2 + 0.5, side / 2 + 0.5), style);
    painter.end();
    // Rows padded with transparent pixels, so spans can be blended whole steps at a time.
    const int stride = side + kMaxSpanStep - 1;
    Sprite sprite{side, stride, side / 2, (side + 63) / 64, {}, {}, {}};
    sprite.pixels.assign(static_cast<std::size_t>(stride * side), QRgb{0});
    const std::size_t words =
        static_cast<std::size_t>(side) * static_cast<std::size_t>(sprite.words);
    sprite.shape.assign(words, 0);
    sprite.solid.assign(words, 0);
    for (int y = 0; y < side; ++y) {
        const auto* pixels = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        std::copy_n(pixels, side, sprite.pixels.begin() + y * stride);
        for (int x = 0; x < side; ++x) {
            const std::size_t word = static_cast<std::size_t>(y * sprite.words + x / 64);
            const std::uint64_t bit = std::uint64_t{1} << (x % 64);
            sprite.shape[word] |= qAlpha(pixels[x]) != 0 ? bit : 0;
            sprite.solid[word] |= qAlpha(pixels[x]) == 255 ? bit : 0;
        }
    }
    return sprite;
}

void DensePointLayer::arrange() {
    // Symbols queued one after another lie anywhere on the image, so composing them in
    // queue order misses the cache on every row of every symbol. Band by band, each band's
    // pixels stay in cache while every symbol reaching into it is composed there, in the
    // layer's order: only symbols that cannot overlap change places. Each band gets copies
    // of its symbols, read in order.
    const auto bands = static_cast<std::size_t>((m_image.height() + kBandRows - 1) / kBandRows);
    m_bandStart.assign(bands + 1, 0);
    std::vector<std::uint64_t> claims = claimsOfKept();
    sortByOrder(claims);
    placeKept(claims);
    m_composed = std::vector<std::atomic<bool>>(bands);
    m_nextBand = 0;
    m_bits = m_image.bits();
}

template <typename Use> void DensePointLayer::forBands(const Stamp& stamp, Use&& use) const {
    const int first = std::max(stamp.top, 0);
    const int last = std::min(stamp.top + m_sprites[stamp.style].side, m_image.height()) - 1;
    for (int band = first / kBandRows; first <= last && band <= last / kBandRows; ++band) {
        use(static_cast<std::size_t>(band));
    }
}

std::vector<std::uint64_t> DensePointLayer::claimsOfKept() {
    std::vector<std::uint64_t> claims;
    claims.reserve(m_cells.outside);
    QPoint topLeft(m_image.width(), m_image.height());
    QPoint bottomRight(-1, -1);
    for (std::uint32_t cell = 0; cell < m_cells.outside; ++cell) {
        if (m_first[cell] == kNoOrder) {
            continue;
        }
        claims.push_back((std::uint64_t{m_first[cell]} << 32) | cell);
        const Stamp& stamp = m_kept[cell];
        forBands(stamp, [&](std::size_t band) { ++m_bandStart[band + 1]; });
        const int side = m_sprites[stamp.style].side;
        topLeft = QPoint(std::min(topLeft.x(), stamp.left), std::min(topLeft.y(), stamp.top));
        bottomRight = QPoint(std::max(bottomRight.x(), stamp.left + side - 1),
                             std::max(bottomRight.y(), stamp.top + side - 1));
    }
    m_drawn = QRect(topLeft, bottomRight).intersected(m_image.rect());
    return claims;
}

void DensePointLayer::placeKept(const std::vector<std::uint64_t>& claims) {
    std::partial_sum(m_bandStart.begin(), m_bandStart.end(), m_bandStart.begin());
    std::vector<std::uint32_t> next(m_bandStart.begin(), m_bandStart.end() - 1);
    m_inBand.resize(m_bandStart.back());
    for (const std::uint64_t claim : claims) {
        const Stamp& stamp = m_kept[static_cast<std::uint32_t>(claim)];
        forBands(stamp, [&](std::size_t band) { m_inBand[next[band]++] = stamp; });
    }
}

void DensePointLayer::composeBands() {
    // Bands are independent: each worker takes the next band left until none is, with its
    // own record of opaque pixels.
    runOnSpareThreads([&] {
        std::vector<std::uint64_t> opaque;
        while (composeNextBand(opaque)) {
        }
    });
}

bool DensePointLayer::composeNextBand(std::vector<std::uint64_t>& opaque) {
    const std::size_t band = m_nextBand++;
    if (band >= m_composed.size()) {
        return false;
    }
    const std::size_t opaqueWords = static_cast<std::size_t>(m_image.width() + 63) / 64 + 1;
    opaque.resize(opaqueWords * static_cast<std::size_t>(kBandRows));
    const int top = static_cast<int>(band) * kBandRows;
    const int bottom = std::min(top + kBandRows, m_image.height());
    const Band rows{top, bottom, m_bits, m_image.bytesPerLine(), opaque.data(), opaqueWords};
    composeBand(rows, m_inBand.data() + m_bandStart[band], m_inBand.data() + m_bandStart[band + 1]);
    m_composed[band].store(true, std::memory_order_release);
    m_composed[band].notify_all();
    return true;
}

int DensePointLayer::readyRows(int row) const {
    auto band = static_cast<std::size_t>(row / kBandRows);
    while (band < m_composed.size() && m_composed[band].load(std::memory_order_acquire)) {
        ++band;
    }
    return std::max(row, std::min(static_cast<int>(band) * kBandRows, m_image.height()));
}

int DensePointLayer::composedRows(int row) const {
    m_composed[static_cast<std::size_t>(row / kBandRows)].wait(false, std::memory_order_acquire);
    return readyRows(row);
}

// Always inlined, so that the build of composeBand for AVX2 blends with AVX2 throughout.
template <int Step>
[[gnu::always_inline]] inline void DensePointLayer::stampUnder(const Stamp& stamp,
                                                               const Band& band) const {
    const Sprite& sprite = m_sprites[stamp.style];
    const int width = m_image.width();
    const int y0 = std::max(0, band.top - stamp.top);
    const int y1 = std::min(sprite.side, band.bottom - stamp.top);
    // Nearly every symbol is narrower than a word and lies wholly inside the image, padding
    // included: then no column needs clipping and every span can be rounded up to whole
    // steps. The general loop below handles the rest.
    if (sprite.stride <= 64 && stamp.left >= 0 && stamp.left + sprite.stride <= width) {
        const int x0 = stamp.left;
        for (int sy = y0; sy < y1; ++sy) {
            const int y = stamp.top + sy;
            std::uint64_t* opaque =
                band.opaque + static_cast<std::size_t>(y - band.top) * band.opaqueWords;
            const std::uint64_t todo =
                sprite.shape[static_cast<std::size_t>(sy)] & ~bitsFrom(opaque, x0);
            if (todo == 0) {
                continue; // this row of the symbol is hidden
            }
            const int first = std::countr_zero(todo);
            const int count = (64 - std::countl_zero(todo) - first + Step - 1) / Step * Step;
            const QRgb* source =
                sprite.pixels.data() + static_cast<std::size_t>(sy * sprite.stride + first);
            auto* target = reinterpret_cast<QRgb*>(band.bits + y * band.bytesPerLine) + x0 + first;
            underSpan<Step>(target, source, count);
            setBitsFrom(opaque, x0, sprite.solid[static_cast<std::size_t>(sy)]);
        }
        return;
    }
    for (int sy = y0; sy < y1; ++sy) {
        const int y = stamp.top + sy;
        std::uint64_t* opaque =
            band.opaque + static_cast<std::size_t>(y - band.top) * band.opaqueWords;
        const QRgb* source = sprite.pixels.data() + static_cast<std::size_t>(sy * sprite.stride);
        auto* target = reinterpret_cast<QRgb*>(band.bits + y * band.bytesPerLine);
        for (int k = 0; k < sprite.words; ++k) {
            const int x0 = stamp.left + 64 * k;
            std::uint64_t todo = sprite.shape[static_cast<std::size_t>(sy * sprite.words + k)] &
                                 columnsInside(x0, width);
            if (todo == 0) {
                continue;
            }
            todo &= ~bitsAt(opaque, x0);
            if (todo == 0) {
                continue; // this row of the symbol is hidden
            }
            // One span from the first pixel to do to the last: those between are opaque
            // already or transparent in the sprite, and the blend leaves them as they are.
            // Rounded up to whole steps where the image row and the word have room: the
            // pixels added are transparent in the sprite's padding or beyond its shape.
            const int first = std::countr_zero(todo);
            int count = 64 - std::countl_zero(todo) - first;
            const int rounded = (count + Step - 1) / Step * Step;
            if (first + rounded <= 64 && x0 + first + rounded <= width) {
                count = rounded;
            }
            underSpan<Step>(target + x0 + first, source + 64 * k + first, count);
            setBitsAt(opaque, x0,
                      sprite.solid[static_cast<std::size_t>(sy * sprite.words + k)] &
                          columnsInside(x0, width));
        }
    }
}

template <int Step>
[[gnu::always_inline]] inline void
DensePointLayer::composeBandBy(const Band& band, const Stamp* first, const Stamp* last) const {
    // Cleared band by band rather than all at once: the band is then in cache for its
    // symbols.
    for (int y = band.top; y < band.bottom; ++y) {
        std::fill_n(reinterpret_cast<QRgb*>(band.bits + y * band.bytesPerLine), m_image.width(),
                    QRgb{0});
    }
    std::fill_n(band.opaque, band.opaqueWords * static_cast<std::size_t>(kBandRows), 0);
    // Front to back: the symbol queued last is on top.
    for (const Stamp* stamp = last; stamp != first; --stamp) {
        stampUnder<Step>(stamp[-1], band);
    }
}

void DensePointLayer::composeBand(const Band& band, const Stamp* first, const Stamp* last) const {
#if defined(__GNUC__) && defined(__x86_64__)
    // Built a second time for processors with AVX2, which blend twice the pixels at once.
    auto wide = [&]() __attribute__((target("avx2"))) {
        composeBandBy<8>(band, first, last);
    };
    if (__builtin_cpu_supports("avx2")) {
        wide();
        return;
    }
#endif
    composeBandBy<4>(band, first, last);
}

} // namespace trygg::render
