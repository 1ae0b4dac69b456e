#pragma once
// The dense path for point layers: when a view shows more points than a screen can tell
// apart, each style's symbol is drawn once into a sprite, and sprites are copied
// pixel-aligned into a layer image. A point whose cell (half a symbol wide) already holds
// a symbol is skipped: it would be hidden under that symbol anyway. The layer image is
// then drawn through the painter, so PDF and SVG get the same picture as the screen.
//
// The symbols kept are composed front to back: the last one queued first, each later
// (lower) one only into pixels not yet opaque. Source-over is associative, so the picture
// is the one drawing them in order would give (within rounding), but where symbols pile
// up (a street view into a cluster of a million) the hidden ones cost a few bit tests
// instead of a blend per pixel. The image is composed in bands of rows that stay in cache,
// shared with idle threads of Qt's global pool.

#include "symbol_painter.h"

#include <QImage>
#include <QRect>
#include <QSize>
#include <cstdint>
#include <vector>

namespace trygg::render {

/// More visible points than this in one layer switch it to the dense path.
inline constexpr std::size_t kDensePointThreshold = 50'000;

/// One point layer's image for one view: cells claimed, symbols queued, then composed.
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
    /// The cells of the image, each taken by the first symbol that asks. A small value
    /// the caller keeps in a local, so its fields stay in registers through a loop over
    /// hundreds of thousands of points; its fields are public for vector code that works
    /// out four cells at a time (see indexOf for the arithmetic it must match).
    struct Cells {
        std::int32_t reach = 0; ///< cells reach this many pixels beyond each edge
        std::int32_t spanX = 1; ///< pixel columns with cells: the image and reach either side
        std::int32_t spanY = 1;
        std::uint32_t columns = 1;      ///< cells a row
        std::uint32_t outside = 0;      ///< the cell of every pixel out of reach: always taken
        std::uint64_t perCell = 1;      ///< 2^32 / cell size, rounded up
        float perCellF = 1.0f;          ///< 1 / cell size, rounded up
        std::uint64_t* taken = nullptr; ///< a bit per cell, owned by the layer

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

        /// Takes the cell for a symbol; false when it is taken already. Asked before the
        /// style is looked up, so the points hidden under others cost nothing more.
        bool take(std::uint32_t index) const {
            // Stored only when free: neighbouring points often come one after another, and
            // an unconditional store would make each claim wait for the one before.
            std::uint64_t& word = taken[index / 64];
            const std::uint64_t bit = std::uint64_t{1} << (index % 64);
            if ((word & bit) != 0) {
                return false;
            }
            word |= bit;
            return true;
        }

        /// Takes the cell of pixel (x, y); false when it is taken already or the symbol
        /// would not reach into the image. Points outside the image, within reach(), have
        /// cells too.
        bool claim(std::int64_t x, std::int64_t y) const { return take(indexOf(x, y)); }
    };

    /// The layer's cells; valid while the layer lives.
    [[nodiscard]] Cells cells() const { return m_cells; }
    /// Queues the style's sprite centred on pixel (x, y), above those queued before.
    void draw(std::int64_t x, std::int64_t y, std::size_t style);
    /// Composes the queued symbols into the layer image (transparent where nothing was
    /// drawn) and returns it; call once, after the last draw().
    const QImage& compose();
    /// The layer image; compose() makes it.
    [[nodiscard]] const QImage& image() const { return m_image; }
    /// The part of the image that holds symbols (empty when none).
    [[nodiscard]] QRect drawnRect() const { return m_drawn; }

private:
    /// A style's symbol, and per row which of its pixels are not transparent, as bits in
    /// 64-pixel words (bit j of word k is column 64 k + j).
    struct Sprite {
        int side = 1;             ///< width and height
        int stride = 1;           ///< pixels from one row to the next
        int half = 0;             ///< offset from the top-left corner to the symbol's centre
        int words = 1;            ///< 64-pixel words a row
        std::vector<QRgb> pixels; ///< premultiplied, row by row
        std::vector<std::uint64_t> shape; ///< `words` per row
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

    /// Composes one symbol's rows in `band` under what the band already holds.
    void stampUnder(const Stamp& stamp, const Band& band) const;

    QImage m_image;
    std::vector<Sprite> m_sprites;
    int m_cell = 1;
    int m_reach = 0; ///< the largest sprite's half: how far outside a symbol can still show
    Cells m_cells;
    /// A bit per cell and one for the outside: a screen's cells fit in the first-level cache.
    std::vector<std::uint64_t> m_taken;
    std::vector<Stamp> m_stamps;
    QRect m_drawn;
};

} // namespace trygg::render
