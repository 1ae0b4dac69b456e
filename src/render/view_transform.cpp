#include "tryggkarta/render/view_transform.h"

#include <algorithm>
#include <cassert>

namespace trygg {
namespace {

constexpr double kMetresPerInch = 0.0254;

} // namespace

ViewTransform::ViewTransform(Point center, double metresPerPixel, QSize size, double dpi)
    : m_center(center), m_metresPerPixel(metresPerPixel), m_size(size), m_dpi(dpi) {
    assert(metresPerPixel > 0.0 && dpi > 0.0);
}

ViewTransform ViewTransform::fitting(const Box& extent, QSize size, double margin, double dpi) {
    const double width = std::max(size.width(), 1);
    const double height = std::max(size.height(), 1);
    if (isEmpty(extent)) {
        return ViewTransform(Point{0.0, 0.0}, 1.0, size, dpi);
    }
    const double usable = std::max(1.0 - 2.0 * margin, 0.01);
    const double extentWidth = extent.max_corner().x() - extent.min_corner().x();
    const double extentHeight = extent.max_corner().y() - extent.min_corner().y();
    double metresPerPixel = std::max(extentWidth / (width * usable), extentHeight / (height * usable));
    // A single point (or a degenerate line) has no size to fit: show it at 1 m per pixel.
    if (!(metresPerPixel > 0.0)) {
        metresPerPixel = 1.0;
    }
    Point center{(extent.min_corner().x() + extent.max_corner().x()) / 2.0,
                 (extent.min_corner().y() + extent.max_corner().y()) / 2.0};
    return ViewTransform(center, metresPerPixel, size, dpi);
}

QPointF ViewTransform::toScreen(const Point& map) const {
    return {(map.x() - m_center.x()) / m_metresPerPixel + m_size.width() / 2.0,
            m_size.height() / 2.0 - (map.y() - m_center.y()) / m_metresPerPixel};
}

Point ViewTransform::toMap(const QPointF& screen) const {
    return {m_center.x() + (screen.x() - m_size.width() / 2.0) * m_metresPerPixel,
            m_center.y() - (screen.y() - m_size.height() / 2.0) * m_metresPerPixel};
}

QRectF ViewTransform::toScreen(const Box& map) const {
    QPointF topLeft = toScreen(Point{map.min_corner().x(), map.max_corner().y()});
    QPointF bottomRight = toScreen(Point{map.max_corner().x(), map.min_corner().y()});
    return QRectF(topLeft, bottomRight);
}

Box ViewTransform::visibleExtent() const {
    Point lowerLeft = toMap(QPointF(0.0, m_size.height()));
    Point upperRight = toMap(QPointF(m_size.width(), 0.0));
    return Box{lowerLeft, upperRight};
}

double ViewTransform::scaleDenominator() const {
    return m_metresPerPixel / (kMetresPerInch / m_dpi);
}

ViewTransform ViewTransform::zoomedAround(QPointF anchor, double factor) const {
    assert(factor > 0.0);
    const Point fixed = toMap(anchor);
    const double metresPerPixel = m_metresPerPixel / factor;
    Point center{fixed.x() - (anchor.x() - m_size.width() / 2.0) * metresPerPixel,
                 fixed.y() + (anchor.y() - m_size.height() / 2.0) * metresPerPixel};
    return ViewTransform(center, metresPerPixel, m_size, m_dpi);
}

ViewTransform ViewTransform::panned(QPointF delta) const {
    // Dragging right shows what lies to the west: the centre moves against the drag.
    Point center{m_center.x() - delta.x() * m_metresPerPixel,
                 m_center.y() + delta.y() * m_metresPerPixel};
    return ViewTransform(center, m_metresPerPixel, m_size, m_dpi);
}

ViewTransform ViewTransform::withScale(double denominator) const {
    return ViewTransform(m_center, denominator * kMetresPerInch / m_dpi, m_size, m_dpi);
}

ViewTransform ViewTransform::withSize(QSize size) const {
    return ViewTransform(m_center, m_metresPerPixel, size, m_dpi);
}

ViewTransform ViewTransform::withCenter(Point center) const {
    return ViewTransform(center, m_metresPerPixel, m_size, m_dpi);
}

} // namespace trygg
