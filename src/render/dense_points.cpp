#include "dense_points.h"

#include "packed_points.h"
#include "point_sprites.h"
#include "symbol_painter.h"

#include <QSemaphore>
#include <QThreadPool>
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace trygg::render {
namespace {

/// Larger than any reach beyond the view a symbol can have, and small enough that floats
/// near the view keep a thousandth of a pixel.
constexpr std::int32_t kPixelBias = 1 << 12;

bool isCancelled(const std::atomic<bool>* cancel) {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

Box grown(const Box& box, double margin) {
    return Box{Point{box.min_corner().x() - margin, box.min_corner().y() - margin},
               Point{box.max_corner().x() + margin, box.max_corner().y() + margin}};
}

/// toScreen() in floats, straight from the packed offsets: the offset of the view's centre
/// is taken off first, so near the view the values are small and keep the offsets' own
/// precision. The bias keeps pixels near the view positive, so truncation is floor there;
/// far ones are clamped and land outside.
struct PixelMapping {
    PixelMapping(const PackedPoints& points, const ViewTransform& view)
        : centreX(static_cast<float>(view.center().x() - points.origin().x())),
          centreY(static_cast<float>(view.center().y() - points.origin().y())),
          scale(static_cast<float>(1.0 / view.metresPerPixel())),
          middleX(static_cast<float>(view.size().width() / 2.0 + kPixelBias)),
          middleY(static_cast<float>(view.size().height() / 2.0 + kPixelBias)),
          width(view.size().width()), height(view.size().height()) {}

    /// Biased pixel column of offset x, and row of offset y; the vector code below does
    /// the same arithmetic.
    [[nodiscard]] std::int32_t column(float x) const {
        return truncated((x - centreX) * scale + middleX);
    }
    [[nodiscard]] std::int32_t row(float y) const {
        return truncated(middleY - (y - centreY) * scale);
    }

    [[nodiscard]] static std::int32_t truncated(float pixel) {
        return static_cast<std::int32_t>(std::clamp(pixel, -1e9f, 1e9f));
    }

    float centreX;
    float centreY;
    float scale;
    float middleX;
    float middleY;
    std::int32_t width;
    std::int32_t height;
};

/// Offers points [begin, end) their cells, and tells the layer the symbols of those kept;
/// returns how many of the points lie in the image.
std::size_t claimRun(const PackedPoints& points, std::size_t begin, std::size_t end,
                     const PixelMapping& mapping, DensePointLayer& dense) {
    // Copies the compiler can keep in registers through the loop.
    const DensePointLayer::Cells cells = dense.cells();
    const PixelMapping map = mapping;
    std::size_t inView = 0;
    std::size_t i = begin;
#if defined(__SSE2__)
    // Four points at a time up to their cells, then one by one for the offers.
    const __m128 centreX = _mm_set1_ps(map.centreX);
    const __m128 centreY = _mm_set1_ps(map.centreY);
    const __m128 scale = _mm_set1_ps(map.scale);
    const __m128 middleX = _mm_set1_ps(map.middleX);
    const __m128 middleY = _mm_set1_ps(map.middleY);
    const __m128i toCell = _mm_set1_epi32(cells.reach - kPixelBias); // biased pixel to cell pixel
    const __m128i before = _mm_set1_epi32(-1);
    const __m128i spanX = _mm_set1_epi32(cells.spanX);
    const __m128i spanY = _mm_set1_epi32(cells.spanY);
    const __m128i imageLeft = _mm_set1_epi32(kPixelBias - 1);
    const __m128i imageRight = _mm_set1_epi32(kPixelBias + map.width);
    const __m128i imageBottom = _mm_set1_epi32(kPixelBias + map.height);
    const __m128 perCell = _mm_set1_ps(cells.perCellF);
    const __m128 columns = _mm_set1_ps(static_cast<float>(cells.columns));
    const __m128i outside = _mm_set1_epi32(static_cast<std::int32_t>(cells.outside));
    __m128i counted = _mm_setzero_si128();
    alignas(16) std::int32_t xs[4];
    alignas(16) std::int32_t ys[4];
    alignas(16) std::uint32_t index[4];
    for (; i + 4 <= end; i += 4) {
        const float* offsets = points.offsetsOf(i);
        const __m128 first = _mm_loadu_ps(offsets);
        const __m128 second = _mm_loadu_ps(offsets + 4);
        const __m128 x = _mm_shuffle_ps(first, second, _MM_SHUFFLE(2, 0, 2, 0));
        const __m128 y = _mm_shuffle_ps(first, second, _MM_SHUFFLE(3, 1, 3, 1));
        // Out of range, the conversion gives the most negative integer: far outside too.
        const __m128i px =
            _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(_mm_sub_ps(x, centreX), scale), middleX));
        const __m128i py =
            _mm_cvttps_epi32(_mm_sub_ps(middleY, _mm_mul_ps(_mm_sub_ps(y, centreY), scale)));
        const __m128i column = _mm_add_epi32(px, toCell);
        const __m128i row = _mm_add_epi32(py, toCell);
        const __m128i inside = _mm_and_si128(
            _mm_and_si128(_mm_cmpgt_epi32(column, before), _mm_cmplt_epi32(column, spanX)),
            _mm_and_si128(_mm_cmpgt_epi32(row, before), _mm_cmplt_epi32(row, spanY)));
        const __m128i inImage = _mm_and_si128(
            _mm_and_si128(_mm_cmpgt_epi32(px, imageLeft), _mm_cmplt_epi32(px, imageRight)),
            _mm_and_si128(_mm_cmpgt_epi32(py, imageLeft), _mm_cmplt_epi32(py, imageBottom)));
        counted = _mm_sub_epi32(counted, inImage); // true is -1
        const __m128 cellX =
            _mm_cvtepi32_ps(_mm_cvttps_epi32(_mm_mul_ps(_mm_cvtepi32_ps(column), perCell)));
        const __m128 cellY =
            _mm_cvtepi32_ps(_mm_cvttps_epi32(_mm_mul_ps(_mm_cvtepi32_ps(row), perCell)));
        const __m128i cell = _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(cellY, columns), cellX));
        _mm_store_si128(
            reinterpret_cast<__m128i*>(index),
            _mm_or_si128(_mm_and_si128(inside, cell), _mm_andnot_si128(inside, outside)));
        _mm_store_si128(reinterpret_cast<__m128i*>(xs), px);
        _mm_store_si128(reinterpret_cast<__m128i*>(ys), py);
        for (std::size_t k = 0; k < 4; ++k) {
            if (cells.offer(index[k], points.order(i + k))) {
                dense.keep(index[k], xs[k] - kPixelBias, ys[k] - kPixelBias, points.style(i + k));
            }
        }
    }
    alignas(16) std::int32_t lanes[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(lanes), counted);
    inView += static_cast<std::size_t>(lanes[0] + lanes[1] + lanes[2] + lanes[3]);
#endif
    for (; i < end; ++i) {
        const std::int64_t x = map.column(points.offsetX(i)) - kPixelBias;
        const std::int64_t y = map.row(points.offsetY(i)) - kPixelBias;
        inView += static_cast<std::size_t>(x >= 0 && x < map.width && y >= 0 && y < map.height);
        const std::uint32_t cell = cells.indexOf(x, y);
        if (cells.offer(cell, points.order(i))) {
            dense.keep(cell, x, y, points.style(i));
        }
    }
    return inView;
}

} // namespace

struct DensePoints::Work {
    std::shared_ptr<const PackedPoints> points;
    std::vector<ResolvedStyle> styles;
    ViewTransform view;
    const std::atomic<bool>* cancel = nullptr;
    std::optional<DensePointLayer> layer; ///< made by run()
    std::size_t inView = 0;
    bool finished = false; ///< not cancelled
    bool onPool = false;   ///< run() was started on a pool thread, which releases `done`
    QSemaphore arranged;   ///< released once the bands can be composed, or when cancelled
    QSemaphore done;

    void run() {
        claim();
        if (finished) {
            layer->arrange();
        }
        arranged.release();
        if (finished) {
            layer->composeBands();
        }
    }

    // Points just outside the view are visited too, so symbols cut by the edge still show.
    void claim() {
        layer.emplace(view.size(), styles);
        DensePointLayer& dense = *layer;
        assert(dense.reach() < kPixelBias &&
               "symbols reaching further would be cut at the left and top");
        const Box window = grown(view.visibleExtent(), (dense.reach() + 1) * view.metresPerPixel());
        const PixelMapping mapping(*points, view);
        finished = points->visitNear(window, [&](std::size_t begin, std::size_t end) {
            if (isCancelled(cancel)) {
                return false;
            }
            inView += claimRun(*points, begin, end, mapping, dense);
            return true;
        });
    }

    // The bands in order, each as soon as it is composed. While the next one is still
    // being composed, this thread composes one of those left rather than wait.
    void drawBands(QPainter& painter) {
        const QRect drawn = layer->drawnRect();
        std::vector<std::uint64_t> opaque;
        for (int row = drawn.top(); row <= drawn.bottom();) {
            int end = layer->readyRows(row);
            if (end == row && !layer->composeNextBand(opaque)) {
                end = layer->composedRows(row);
            }
            end = std::min(end, drawn.bottom() + 1);
            const QRect rows(drawn.left(), row, drawn.width(), end - row);
            if (!rows.isEmpty()) {
                painter.drawImage(rows.topLeft(), layer->image(), rows);
            }
            row = end;
        }
    }
};

DensePoints::DensePoints(std::shared_ptr<Work> work) : m_work(std::move(work)) {}

std::unique_ptr<DensePoints> DensePoints::start(const SceneLayer& sceneLayer,
                                                const ViewTransform& view,
                                                const std::atomic<bool>* cancel) {
    const Layer& layer = *sceneLayer.layer;
    if (layer.definition().geometry != GeometryKind::Point ||
        layer.size() <= kDensePointThreshold) {
        return nullptr;
    }
    auto points = packedPointsFor(sceneLayer.layer);
    if (!points || !points->holdsMoreThan(view.visibleExtent(), kDensePointThreshold)) {
        return nullptr;
    }
    auto work = std::make_shared<Work>();
    work->points = std::move(points);
    work->styles = StyleResolver(layer.definition(), view.pixelsForMillimetres(1.0)).styles();
    work->view = view;
    work->cancel = cancel;
    // Only a thread free right now: a render that itself runs on the pool must never wait
    // for its own queue. Without one, finish() does the work.
    work->onPool = QThreadPool::globalInstance()->tryStart([work] {
        work->run();
        work->done.release();
    });
    return std::unique_ptr<DensePoints>(new DensePoints(std::move(work)));
}

bool DensePoints::finish(QPainter& painter, RenderStats& stats) {
    if (m_work->onPool) {
        m_work->arranged.acquire();
    } else {
        m_work->run();
    }
    if (m_work->finished) {
        stats.featuresDrawn += m_work->inView;
        m_work->drawBands(painter);
    }
    if (m_work->onPool) {
        m_work->done.acquire();
        m_work->onPool = false; // nothing left for the destructor to wait for
    }
    return m_work->finished;
}

DensePoints::~DensePoints() {
    if (m_work->onPool) {
        m_work->done.acquire();
    }
}

} // namespace trygg::render
