#pragma once
// The one conversion between map coordinates (metres, x east, y north) and screen pixels
// (x right, y down). Canvas, PNG, PDF and SVG output all go through it. North is up: the
// map is never rotated.

#include "tryggkarta/core/geometry.h"

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace trygg {

class ViewTransform {
public:
    /// A view of `size` pixels centred on `center` at `metresPerPixel`. `dpi` converts the
    /// resolution to a scale 1:N for the device (96 for screens, the print DPI for PDF).
    ViewTransform(Point center, double metresPerPixel, QSize size, double dpi = 96.0);
    ViewTransform() : ViewTransform(Point{0.0, 0.0}, 1.0, QSize(1, 1)) {}

    /// The view that shows all of `extent` in `size`, with `margin` (fraction) around it.
    static ViewTransform fitting(const Box& extent, QSize size, double margin = 0.05,
                                 double dpi = 96.0);

    [[nodiscard]] QPointF toScreen(const Point& map) const;
    [[nodiscard]] Point toMap(const QPointF& screen) const;
    [[nodiscard]] QRectF toScreen(const Box& map) const;
    /// The map area the view shows.
    [[nodiscard]] Box visibleExtent() const;

    [[nodiscard]] Point center() const { return m_center; }
    [[nodiscard]] double metresPerPixel() const { return m_metresPerPixel; }
    [[nodiscard]] QSize size() const { return m_size; }
    [[nodiscard]] double dpi() const { return m_dpi; }
    /// N in 1:N: map metres per metre on the device.
    [[nodiscard]] double scaleDenominator() const;
    /// Device pixels for a length in millimetres on paper or screen.
    [[nodiscard]] double pixelsForMillimetres(double mm) const { return mm * m_dpi / 25.4; }

    /// Zooms by `factor` (> 1 zooms in) keeping the map point under `anchor` where it is.
    [[nodiscard]] ViewTransform zoomedAround(QPointF anchor, double factor) const;
    /// Moves the map with the pointer: a drag of `delta` pixels.
    [[nodiscard]] ViewTransform panned(QPointF delta) const;
    [[nodiscard]] ViewTransform withScale(double denominator) const;
    [[nodiscard]] ViewTransform withSize(QSize size) const;
    [[nodiscard]] ViewTransform withCenter(Point center) const;

    bool operator==(const ViewTransform&) const = default;

private:
    Point m_center;
    double m_metresPerPixel;
    QSize m_size;
    double m_dpi;
};

} // namespace trygg
