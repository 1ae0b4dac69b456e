#pragma once
// Raster backgrounds are read once for their whole extent at a few thousand pixels; zoomed in
// (an orthophoto at 1:1000, a national WMTS at street level) that is far too coarse. When the
// view has settled, this reads the part on screen at the screen's resolution in the
// background and hands it to the document; a newer view makes an older read moot.

#include "tryggkarta/core/geometry.h"
#include "tryggkarta/render/view_transform.h"

#include <QObject>
#include <QTimer>

#include <cstdint>

namespace trygg {

class MapCanvas;
class MapDocument;

class RasterDetail : public QObject {
    Q_OBJECT
public:
    /// The overview is coarse when its pixels are this many times larger than the screen's.
    static constexpr double kCoarseFactor = 1.5;

    RasterDetail(MapDocument& document, MapCanvas& canvas, QObject* parent = nullptr);

    /// How long the view must rest before a read starts (ms).
    void setSettleDelay(int milliseconds) { m_settle.setInterval(milliseconds); }
    /// Reads running now, for tests.
    [[nodiscard]] int pending() const { return m_pending; }

signals:
    /// A read failed (server unreachable, ...): for the status bar, not a dialog each pan.
    void problem(const QString& message);

private:
    void refresh();
    void request(std::size_t index, const Box& area, int width, int height);

    MapDocument& m_document;
    MapCanvas& m_canvas;
    QTimer m_settle;
    std::uint64_t m_generation = 0;
    int m_pending = 0;
};

} // namespace trygg
