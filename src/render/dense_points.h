#pragma once
// A point layer drawn the dense way (point_sprites.h), made ready off the painting thread:
// its image does not depend on the layers under it, so it is composed on a pool thread
// while those are painted. In its turn the painting thread draws it band by band as the
// bands are composed, and composes some of them itself rather than wait.

#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/map_scene.h"
#include "tryggkarta/render/view_transform.h"

#include <QPainter>
#include <atomic>
#include <memory>

namespace trygg::render {

class DensePoints {
public:
    /// Starts making the layer's image when the layer is a point layer with more than
    /// kDensePointThreshold points in `view`; null when it is to be drawn feature by
    /// feature. `cancel` (may be null) must outlive the returned object.
    static std::unique_ptr<DensePoints> start(const SceneLayer& layer, const ViewTransform& view,
                                              const std::atomic<bool>* cancel);

    /// Draws the image with the painter's opacity, helping to make it (or making all of
    /// it here, when no pool thread was free). False when cancelled.
    bool finish(QPainter& painter, RenderStats& stats);

    /// Waits for work still running: it reads the cancel flag, which the caller owns.
    ~DensePoints();
    DensePoints(const DensePoints&) = delete;
    DensePoints& operator=(const DensePoints&) = delete;
    DensePoints(DensePoints&&) = delete;
    DensePoints& operator=(DensePoints&&) = delete;

    struct Work; ///< what the pool thread and the painting thread share

private:
    explicit DensePoints(std::shared_ptr<Work> work);

    std::shared_ptr<Work> m_work;
};

} // namespace trygg::render
