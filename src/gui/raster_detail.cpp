#include "raster_detail.h"

#include "map_canvas.h"

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/raster_source.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/intersection.hpp>

#include <algorithm>
#include <cmath>

namespace trygg {
namespace {

constexpr int kMaxDetailPixels = 4096;

double width(const Box& box) { return box.max_corner().x() - box.min_corner().x(); }
double height(const Box& box) { return box.max_corner().y() - box.min_corner().y(); }

/// Metres per pixel of an image that covers `extent`.
double resolution(const QImage& image, const Box& extent) {
    return image.isNull() ? 0.0 : width(extent) / image.width();
}

} // namespace

RasterDetail::RasterDetail(MapDocument& document, MapCanvas& canvas, QObject* parent)
    : QObject(parent), m_document(document), m_canvas(canvas) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(250);
    connect(&m_settle, &QTimer::timeout, this, &RasterDetail::refresh);
    connect(&m_canvas, &MapCanvas::viewChanged, this, [this] { m_settle.start(); });
    connect(&m_document, &MapDocument::layersChanged, this, [this] { m_settle.start(); });
}

void RasterDetail::refresh() {
    ++m_generation; // reads still running are for a view that is gone
    const ViewTransform view = m_canvas.view();
    const Box screen = view.visibleExtent();
    const double wanted = view.metresPerPixel();
    const auto& rasters = m_document.rasters();
    for (std::size_t i = 0; i < rasters.size(); ++i) {
        const SceneRaster& raster = rasters[i];
        if (!raster.visible || raster.source.empty()) {
            continue;
        }
        Box area;
        if (resolution(raster.image, raster.extent) <= wanted * kCoarseFactor ||
            !bg::intersection(screen, raster.extent, area) || isEmpty(area)) {
            if (!raster.detail.isNull()) {
                m_document.setRasterDetail(i, QImage(), emptyBox()); // the overview is enough here
            }
            continue;
        }
        const bool covered = !raster.detail.isNull() && bg::covered_by(area, raster.detailExtent) &&
                             resolution(raster.detail, raster.detailExtent) <= wanted * kCoarseFactor;
        if (!covered) {
            const int w = std::clamp(static_cast<int>(std::ceil(width(area) / wanted)), 1, kMaxDetailPixels);
            const int h = std::clamp(static_cast<int>(std::ceil(height(area) / wanted)), 1, kMaxDetailPixels);
            request(i, area, w, h);
        }
    }
}

void RasterDetail::request(std::size_t index, const Box& area, int width, int height) {
    const std::filesystem::path source = m_document.rasters()[index].source;
    const Crs crs = m_document.crs();
    const std::uint64_t generation = m_generation;
    auto* watcher = new QFutureWatcher<Result<RasterImage>>(this);
    ++m_pending;
    connect(watcher, &QFutureWatcher<Result<RasterImage>>::finished, this, [=, this] {
        --m_pending;
        Result<RasterImage> read = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation || index >= m_document.rasters().size() ||
            m_document.rasters()[index].source != source.string()) {
            return; // the view moved on, or the rasters changed
        }
        if (!read) {
            emit problem(QString::fromStdString(read.error().describe()));
            return;
        }
        QImage image(reinterpret_cast<const uchar*>(read->argb.data()), read->width, read->height,
                     QImage::Format_ARGB32);
        m_document.setRasterDetail(index, image.copy(), read->extent);
    });
    watcher->setFuture(QtConcurrent::run([source, crs, area, width, height] {
        return readRasterView(source, crs, area, width, height);
    }));
}

} // namespace trygg
