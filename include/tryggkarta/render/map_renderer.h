#pragma once

#include "tryggkarta/core/error.h"
#include "tryggkarta/render/map_scene.h"
#include "tryggkarta/render/view_transform.h"

#include <QImage>
#include <QPainter>
#include <QPolygonF>

#include <atomic>
#include <filesystem>
#include <vector>

namespace trygg {

/// Counts of what one render drew; tests and benchmarks read them.
struct RenderStats {
    std::size_t featuresDrawn = 0;
    std::size_t labelsDrawn = 0;
    std::size_t labelsSkipped = 0; ///< would have overlapped a label already placed
    std::size_t linksDrawn = 0;    ///< measure→observation links that cross the view
    bool cancelled = false;
    /// Device-pixel boxes (text and halo, rotated with the text) of the labels drawn, in
    /// the order they were placed; pairwise disjoint.
    std::vector<QPolygonF> labelBoxes;
};

/// The one renderer behind the canvas, PNG, PDF and SVG output. Draws a scene for a view
/// with QPainter: rasters, then layers with their rule-based symbology (only features the
/// R-tree finds in the view; layers outside their scale range are skipped), the links from
/// measures to observations, labels without overlaps, and the decorations. Thread-safe: it
/// holds no state between calls. Point layers with more points in view than a screen can
/// tell apart are drawn from a packed copy of their points, made on first use and kept,
/// process-wide and bounded, while the layer lives unchanged; their image is composed on
/// idle threads of Qt's global pool.
class MapRenderer {
public:
    /// Draws into `painter`, whose device is `view.size()` pixels. Stops early, with
    /// `cancelled` set, once `cancel` becomes true.
    RenderStats render(QPainter& painter, const MapScene& scene, const ViewTransform& view,
                       const std::atomic<bool>* cancel = nullptr) const;

    /// An image of the view (ARGB32 premultiplied, white background).
    QImage renderImage(const MapScene& scene, const ViewTransform& view,
                       RenderStats* stats = nullptr) const;
};

/// Writes the view as PNG, PDF or SVG, chosen by the file extension.
Result<void> writeMap(const std::filesystem::path& path, const MapScene& scene,
                      const ViewTransform& view);

} // namespace trygg
