#pragma once
// The dense path for point layers: when a view shows more points than a screen can tell
// apart, each style's symbol is drawn once into a sprite, and sprites are copied
// pixel-aligned into a layer image. Each cell (half a symbol wide) keeps only the first of
// the layer's points in it: the later ones would be hidden under that symbol anyway. The
// layer image is then drawn through the painter, so PDF and SVG get the same picture as
// the screen.
//
// The symbols kept are composed front to back: the last one queued first, each later
// (lower) one only into pixels not yet opaque. Source-over is associative, so the picture
// is the one drawing them in order would give (within rounding), but where symbols pile
// up (a street view into a cluster of a million) the hidden ones cost a few bit tests
// instead of a blend per pixel. The image is composed in bands of rows that stay in cache,
// shared with idle threads of Qt's global pool and with the thread waiting for the image.

#include "symbol_painter.h"

#include <QImage>
#include <QRect>
#include <QSize>
#include <atomic>
#include <cstdint>
#include <vector>

namespace trygg::render {

/// More visible points than this in one layer switch it to the dense path.
inline constexpr std::size_t kDensePointThreshold = 50'000;

/// One point layer's image for one view: points offered their cells, the symbols kept
/// arranged in bands, then composed.
class DensePointLayer {
public:
    DensePointLayer(QSize size, const std::vector<ResolvedStyle>& styles);
    // Not copied or moved: cells() hands out a pointer into the layer.
    DensePointLayer(const DensePointLayer&) = delete;
    DensePointLayer& operator=(const DensePointLayer&) = delete;
    DensePointLayer(DensePointLayer&&) = delete;
    DensePointLayer& operator=(DensePointLayer&&) = delete;
    /// Keeps the image for the next layer of the same size.
    ~DensePointLayer();

    /// How many pixels beyond the image a symbol's centre may lie and the symbol still show.
    [[nodiscard]] int reach() const { return m_reach; }
    /// The cells of the image, each kept by the point first in the layer's order of those
    /// offered to it, whatever order they are offered in. A small value the caller keeps in
    /// a local, so its fields stay in registers through a loop over hundreds of thousands
    /// of points; its fields are public for vector code that works out four cells at a
    /// time (see indexOf for the arithmetic it must match).
    struct Cells {
        std::int32_t reach = 0; ///< cells reach this many pixels beyond each edge
        std::int32_t spanX = 1; ///< pixel columns with cells: the image and reach either side
        std::int32_t spanY = 1;
        std::uint32_t columns = 1;      ///< cells a row
        std::uint32_t outside = 0;      ///< the cell of every pixel out of reach: never kept
        std::uint64_t perCell = 1;      ///< 2^32 / cell size, rounded up
        float perCellF = 1.0f;          ///< 1 / cell size, rounded up
        std::uint32_t* first = nullptr; ///< per cell the lowest order offered, owned by the layer

        /// The cell of pixel (x, y). Pixels become cells by a multiplication with the cell
        /// size's reciprocal, exact for pixels this few (in floats too, rounded up as it
        /// is). Without branches: half the points near a view lie outside it in no
        /// predictable order.
        [[nodiscard]] std::uint32_t indexOf(std::int64_t x, std::int64_t y) const {
            const auto column = static_cast<std::uint64_t>(x + reach);
            const auto row = static_cast<std::uint64_t>(y + reach);
            const std::uint64_t inside =
                static_cast<std::uint64_t>(column < static_cast<std::uint64_t>(spanX)) &
                static_cast<std::uint64_t>(row < static_cast<std::uint64_t>(spanY));
            const std::uint64_t all = 0 - inside; // every bit set when inside, none when not
            const std::uint64_t cell =
                ((((row & all) * perCell) >> 32) * columns + (((column & all) * perCell) >> 32)) &
                all;
            return static_cast<std::uint32_t>(cell | (outside & ~all));
        }

        /// Offers cell `index` to the point at `order` in the layer's order; true when the
        /// cell keeps it, for now: the caller then tells the layer its symbol (keep()).
        /// Points outside the image, within reach(), have cells too.
        bool offer(std::uint32_t index, std::uint32_t order) const {
            // Stored only when lower: neighbouring points often come one after another, and
            // an unconditional store would make each offer wait for the one before.
            if (order >= first[index]) {
                return false;
            }
            first[index] = order;
            return true;
        }
    };

    /// The layer's cells; valid while the layer lives.
    [[nodiscard]] Cells cells() const { return m_cells; }
    /// The symbol of the point cell `index` kept last: the style's sprite centred on pixel
    /// (x, y), which lies within reach of the image. Replaces the one kept before.
    void keep(std::uint32_t index, std::int64_t x, std::int64_t y, std::size_t style) {
        const int half = m_sprites[style].half;
        m_kept[index] = Stamp{static_cast<int>(x) - half, static_cast<int>(y) - half,
                              static_cast<std::uint32_t>(style)};
    }
    /// Sorts the symbols the cells kept into the layer's order (each above those before)
    /// and into the bands of rows they reach, and works out drawnRect(); call once, after
    /// the last offer.
    void arrange();
    /// Composes bands of the layer image (transparent where nothing was drawn), here and on
    /// spare threads, until none is left; call once, after arrange(). The thread that waits
    /// for the image may take bands too (composeNextBand()), and read each band as soon as
    /// readyRows() says it is composed.
    void composeBands();
    /// Composes the next band no thread has taken yet; false when none is left. `opaque`
    /// is the caller's scratch space, best kept from one call to the next.
    bool composeNextBand(std::vector<std::uint64_t>& opaque);
    /// The end of the composed rows from `row` on (at most the image's height): `row`
    /// itself while its band is still to be composed.
    [[nodiscard]] int readyRows(int row) const;
    /// readyRows() once the band holding `row` is composed, which it waits for.
    [[nodiscard]] int composedRows(int row) const;
    /// The layer image: composeBands() makes it.
    [[nodiscard]] const QImage& image() const { return m_image; }
    /// The part of the image that holds symbols (empty when none); arrange() finds it.
    [[nodiscard]] QRect drawnRect() const { return m_drawn; }

private:
    /// A style's symbol, and per row which of its pixels are not transparent and which
    /// are opaque, as bits in 64-pixel words (bit j of word k is column 64 k + j).
    struct Sprite {
        int side = 1;             ///< width and height
        int stride = 1;           ///< pixels from one row to the next
        int half = 0;             ///< offset from the top-left corner to the symbol's centre
        int words = 1;            ///< 64-pixel words a row
        std::vector<QRgb> pixels; ///< premultiplied, row by row
        std::vector<std::uint64_t> shape; ///< `words` per row
        std::vector<std::uint64_t> solid; ///< `words` per row
    };
    struct Stamp {
        int left;
        int top;
        std::uint32_t style;
    };

    /// The rows [top, bottom) of the image one worker composes, and which of their pixels
    /// are opaque already (a bit each; a spare word a row, so reads need no bounds test).
    struct Band {
        int top;
        int bottom;
        uchar* bits; ///< the image's first pixel
        qsizetype bytesPerLine;
        std::uint64_t* opaque;
        std::size_t opaqueWords; ///< per row
    };

    static Sprite spriteOf(const ResolvedStyle& style);
    /// Calls `use(band)` for each band `stamp` reaches into.
    template <typename Use> void forBands(const Stamp& stamp, Use&& use) const;
    /// The kept symbols' claims, (order << 32) | cell, in cell order; counts each band's
    /// symbols (from m_bandStart[1] on) and finds drawnRect() on the way.
    std::vector<std::uint64_t> claimsOfKept();
    /// Copies the kept symbols, in the order of `claims`, into the bands they reach.
    void placeKept(const std::vector<std::uint64_t>& claims);
    /// Clears `band` and composes its symbols [first, last) in it, the last on top, with
    /// the widest vectors the processor has.
    void composeBand(const Band& band, const Stamp* first, const Stamp* last) const;
    /// composeBand() blending `Step` pixels at a time.
    template <int Step>
    void composeBandBy(const Band& band, const Stamp* first, const Stamp* last) const;
    /// Composes one symbol's rows in `band` under what the band already holds.
    template <int Step> void stampUnder(const Stamp& stamp, const Band& band) const;

    QImage m_image;
    std::vector<Sprite> m_sprites;
    int m_cell = 1;
    int m_reach = 0; ///< the largest sprite's half: how far outside a symbol can still show
    Cells m_cells;
    /// Per cell and for the outside: the lowest order offered, and that point's symbol.
    std::vector<std::uint32_t> m_first;
    std::vector<Stamp> m_kept;
    QRect m_drawn;
    /// Band b composes m_inBand[m_bandStart[b] .. m_bandStart[b + 1]): its symbols in order.
    std::vector<std::uint32_t> m_bandStart;
    std::vector<Stamp> m_inBand;
    uchar* m_bits = nullptr; ///< the image's pixels, taken once: composing never detaches it
    std::vector<std::atomic<bool>> m_composed; ///< per band
    std::atomic<std::size_t> m_nextBand{0};    ///< the first band no thread has taken
};

} // namespace trygg::render
