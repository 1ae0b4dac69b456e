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

namespace trygg::render {
namespace {

/// Rows composed together: a band of a 1920-pixel image (120 kB) stays in a core's cache.
constexpr int kBandRows = 16;

/// Runs `work` here and, at the same time, on up to three idle threads of Qt's global
/// pool; returns when every copy has returned. Only threads free right now are asked
/// (tryStart), so a render that itself runs on the pool can never wait on its own queue.
void runOnSpareThreads(const std::function<void()>& work) {
    QThreadPool* pool = QThreadPool::globalInstance();
    const int wanted = std::clamp(QThread::idealThreadCount() - 1, 0, 3);
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
        const double extent = style.paint.symbolPixels + style.paint.outline.widthF() + 2.0;
        const int side = static_cast<int>(std::ceil(extent)) | 1; // odd: a centre pixel
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawSymbol(painter, QPointF(side / 2 + 0.5, side / 2 + 0.5), style);
        painter.end();
        // Rows padded with transparent pixels, so spans can be blended four pixels at a time.
        const int stride = side + kSpanStep - 1;
        Sprite sprite{side, stride, side / 2, (side + 63) / 64, {}, {}};
        sprite.pixels.assign(static_cast<std::size_t>(stride * side), QRgb{0});
        sprite.shape.assign(static_cast<std::size_t>(side) * static_cast<std::size_t>(sprite.words),
                            0);
        for (int y = 0; y < side; ++y) {
            const auto* pixels = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            std::copy_n(pixels, side, sprite.pixels.begin() + y * stride);
            for (int x = 0; x < side; ++x) {
                if (qAlpha(pixels[x]) != 0) {
                    sprite.shape[static_cast<std::size_t>(y * sprite.words + x / 64)] |=
                        std::uint64_t{1} << (x % 64);
                }
            }
        }
        largest = std::max(largest, style.paint.symbolPixels);
        m_reach = std::max(m_reach, sprite.half);
        m_sprites.push_back(std::move(sprite));
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
    m_taken.assign(cells.outside / 64 + 1, 0);
    m_taken[cells.outside / 64] |= std::uint64_t{1} << (cells.outside % 64);
    cells.taken = m_taken.data();
}

void DensePointLayer::draw(std::int64_t x, std::int64_t y, std::size_t style) {
    // Only claimed points come here, and claimed points lie within reach of the image.
    const int half = m_sprites[style].half;
    m_stamps.push_back(Stamp{static_cast<int>(x) - half, static_cast<int>(y) - half,
                             static_cast<std::uint32_t>(style)});
}

const QImage& DensePointLayer::compose() {
    // Symbols queued one after another lie anywhere on the image, so composing them in
    // queue order misses the cache on every row of every symbol. Band by band, each band's
    // pixels stay in cache while every symbol reaching into it is composed there, in the
    // same order as before: only symbols that cannot overlap change places. Each band gets
    // copies of its symbols, read in order.
    const int width = m_image.width();
    const int height = m_image.height();
    const std::size_t bands = static_cast<std::size_t>((height + kBandRows - 1) / kBandRows);
    auto forBands = [&](const Stamp& stamp, auto&& use) {
        const int first = std::max(stamp.top, 0);
        const int last = std::min(stamp.top + m_sprites[stamp.style].side, height) - 1;
        for (int band = first / kBandRows; first <= last && band <= last / kBandRows; ++band) {
            use(static_cast<std::size_t>(band));
        }
    };
    std::vector<std::uint32_t> bandStart(bands + 1, 0);
    for (const Stamp& stamp : m_stamps) {
        forBands(stamp, [&](std::size_t band) { ++bandStart[band + 1]; });
    }
    for (std::size_t band = 0; band < bands; ++band) {
        bandStart[band + 1] += bandStart[band];
    }
    std::vector<std::uint32_t> next(bandStart.begin(), bandStart.end() - 1);
    std::vector<Stamp> inBand(bandStart.back());
    for (const Stamp& stamp : m_stamps) {
        forBands(stamp, [&](std::size_t band) { inBand[next[band]++] = stamp; });
    }

    // Bands are independent, so spare threads take some: each worker takes the next band
    // left until none is, with its own record of opaque pixels.
    uchar* bits = m_image.bits();
    const qsizetype bytesPerLine = m_image.bytesPerLine();
    const std::size_t opaqueWords = static_cast<std::size_t>(width + 63) / 64 + 1;
    std::atomic<std::size_t> nextBand{0};
    runOnSpareThreads([&] {
        std::vector<std::uint64_t> opaque(opaqueWords * static_cast<std::size_t>(kBandRows));
        for (std::size_t band = nextBand++; band < bands; band = nextBand++) {
            const int top = static_cast<int>(band) * kBandRows;
            const int bottom = std::min(top + kBandRows, height);
            // Cleared band by band rather than all at once: the band is then in cache for
            // its symbols.
            for (int y = top; y < bottom; ++y) {
                std::fill_n(reinterpret_cast<QRgb*>(bits + y * bytesPerLine), width, QRgb{0});
            }
            std::ranges::fill(opaque, 0);
            const Band rows{top, bottom, bits, bytesPerLine, opaque.data(), opaqueWords};
            for (std::uint32_t k = bandStart[band + 1]; k > bandStart[band]; --k) {
                stampUnder(inBand[k - 1], rows);
            }
        }
    });

    int left = width;
    int top = height;
    int right = 0;
    int bottom = 0;
    for (const Stamp& stamp : m_stamps) {
        const int side = m_sprites[stamp.style].side;
        left = std::min(left, stamp.left);
        top = std::min(top, stamp.top);
        right = std::max(right, stamp.left + side);
        bottom = std::max(bottom, stamp.top + side);
    }
    m_drawn = QRect(QPoint(left, top), QPoint(right - 1, bottom - 1)).intersected(m_image.rect());
    return m_image;
}

void DensePointLayer::stampUnder(const Stamp& stamp, const Band& band) const {
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
            const int count =
                (64 - std::countl_zero(todo) - first + kSpanStep - 1) / kSpanStep * kSpanStep;
            const QRgb* source =
                sprite.pixels.data() + static_cast<std::size_t>(sy * sprite.stride + first);
            auto* target = reinterpret_cast<QRgb*>(band.bits + y * band.bytesPerLine) + x0 + first;
            setBitsFrom(opaque, x0, underSpan(target, source, count) << first);
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
            const int rounded = (count + kSpanStep - 1) / kSpanStep * kSpanStep;
            if (first + rounded <= 64 && x0 + first + rounded <= width) {
                count = rounded;
            }
            const std::uint64_t filled =
                underSpan(target + x0 + first, source + 64 * k + first, count);
            setBitsAt(opaque, x0, filled << first);
        }
    }
}

} // namespace trygg::render
