#include "tryggkarta/render/map_renderer.h"

#include "decorations.h"
#include "dense_points.h"
#include "feature_painter.h"
#include "label_collector.h"
#include "label_placer.h"
#include "link_painter.h"
#include "point_sprites.h"
#include "symbol_painter.h"

#include <algorithm>
#include <memory>

namespace trygg {
namespace {

using namespace render;

// How often a long layer looks at the cancel flag: rare enough to cost nothing, often
// enough that a cancelled canvas render stops within a millisecond or two.
constexpr std::size_t kCancelCheckEvery = 4096;
constexpr double kLabelFontMm = 2.6;
constexpr double kLabelHaloMm = 0.5;

bool isCancelled(const std::atomic<bool>* cancel) {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

/// The features in the view, in the layer's own order for layers small enough to sort
/// cheaply (so symbols stack the same way however the view is panned).
void visibleFeatures(const Layer& layer, const Box& window, std::vector<const Feature*>& out) {
    out.clear();
    layer.visitIn(window, [&](const Feature& feature) { out.push_back(&feature); });
    if (out.size() <= kDensePointThreshold && !std::ranges::is_sorted(out)) {
        std::ranges::sort(out); // features live in one vector: address order is layer order
    }
}

bool labelsAtScale(const Symbology& symbology, const ViewTransform& view) {
    return !(symbology.labelMaxScale > 0.0 && view.scaleDenominator() > symbology.labelMaxScale);
}

/// Backgrounds are smoothed when scaled; classified analysis rasters are not, so each cell
/// stays one sharp square of its class's colour.
/// `above`: only the analysis rasters drawn over the layers, else only the others.
void drawRasters(QPainter& painter, const std::vector<SceneRaster>& rasters, const ViewTransform& view,
                 bool smooth, bool above = false) {
    painter.setRenderHint(QPainter::SmoothPixmapTransform, smooth);
    for (const SceneRaster& raster : rasters) {
        if (raster.aboveLayers != above || !raster.visible || raster.image.isNull() ||
            isEmpty(raster.extent)) {
            continue;
        }
        painter.setOpacity(raster.opacity);
        painter.drawImage(view.toScreen(raster.extent), raster.image);
        if (!raster.detail.isNull() && !isEmpty(raster.detailExtent)) {
            painter.drawImage(view.toScreen(raster.detailExtent), raster.detail);
        }
    }
}

/// One layer's pass: its features, and its label candidates for the placer.
class LayerPass {
public:
    LayerPass(QPainter& painter, const ViewTransform& view, const std::atomic<bool>* cancel,
              RenderStats& stats)
        : m_painter(painter), m_view(view), m_cancel(cancel), m_stats(stats) {}

    /// False when cancelled.
    bool draw(const SceneLayer& sceneLayer, const std::string& language, std::vector<LabelCandidate>& labels) {
        const Layer& layer = *sceneLayer.layer;
        const LayerDef& definition = layer.definition();
        visibleFeatures(layer, m_view.visibleExtent(), m_features);
        if (m_features.empty()) {
            return true;
        }
        StyleResolver styles(definition, m_view.pixelsForMillimetres(1.0));
        m_painter.setOpacity(sceneLayer.opacity);
        LabelCollector collector(definition, m_view, language);
        const bool labelling = collector.active() && labelsAtScale(definition.symbology, m_view);
        m_painter.setRenderHint(QPainter::Antialiasing);
        FeaturePainter features(m_painter, m_view);
        for (std::size_t i = 0; i < m_features.size(); ++i) {
            if (i % kCancelCheckEvery == 0 && isCancelled(m_cancel)) {
                return false;
            }
            const Feature& feature = *m_features[i];
            const ResolvedStyle& style = styles.styleFor(feature);
            features.draw(*feature.geometry, style);
            if (labelling) {
                collector.add(feature, style, labels);
            }
        }
        m_stats.featuresDrawn += m_features.size();
        return true;
    }

private:
    QPainter& m_painter;
    const ViewTransform& m_view;
    const std::atomic<bool>* m_cancel;
    RenderStats& m_stats;
    std::vector<const Feature*> m_features;
};

void placeLabels(QPainter& painter, const ViewTransform& view, const std::vector<LabelCandidate>& labels,
                 RenderStats& stats) {
    if (labels.empty()) {
        return;
    }
    painter.setOpacity(1.0);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    LabelPlacer placer(painter, view.size(), view.pixelsForMillimetres(kLabelFontMm),
                       view.pixelsForMillimetres(kLabelHaloMm));
    for (const LabelCandidate& label : labels) {
        placer.place(label);
    }
    stats.labelsDrawn = placer.drawn();
    stats.labelsSkipped = placer.skipped();
    stats.labelBoxes = placer.placedBoxes();
}

} // namespace

RenderStats MapRenderer::render(QPainter& painter, const MapScene& scene, const ViewTransform& view,
                                const std::atomic<bool>* cancel) const {
    RenderStats stats;
    painter.save();
    drawRasters(painter, scene.rasters, view, true);
    // Labels go on after every layer, in drawing order: base-map street names first (they
    // are drawn first and orient the reader), then the thematic layers' labels where room is left.
    std::vector<LabelCandidate> labels;
    // Point layers too dense to draw one by one are made ready on pool threads while the
    // layers under them are painted. Labels are left out for them: a layer this dense has
    // no room for them at this scale.
    std::vector<std::unique_ptr<DensePoints>> dense(scene.layers.size());
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        if (drawnAtScale(scene.layers[i], view)) {
            dense[i] = DensePoints::start(scene.layers[i], view, cancel);
        }
    }
    LayerPass pass(painter, view, cancel, stats);
    const std::size_t analysisAt = scene.analysisPosition();
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        if (i == analysisAt) {
            drawRasters(painter, scene.analysisRasters, view, false);
        }
        const SceneLayer& sceneLayer = scene.layers[i];
        bool drawn = !isCancelled(cancel);
        if (drawn && dense[i]) {
            painter.setOpacity(sceneLayer.opacity);
            drawn = dense[i]->finish(painter, stats);
        } else if (drawn && drawnAtScale(sceneLayer, view)) {
            drawn = pass.draw(sceneLayer, scene.decorations.language, labels);
        }
        if (!drawn) {
            stats.cancelled = true;
            painter.restore();
            return stats;
        }
    }
    if (analysisAt == scene.layers.size()) {
        drawRasters(painter, scene.analysisRasters, view, false);
    }
    drawRasters(painter, scene.analysisRasters, view, false, true);
    stats.linksDrawn = drawLinks(painter, scene, view);
    placeLabels(painter, view, labels, stats);
    drawDecorations(painter, scene, view);
    painter.restore();
    return stats;
}

QImage MapRenderer::renderImage(const MapScene& scene, const ViewTransform& view, RenderStats* stats) const {
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    // The image says its resolution, so a PNG printed at its dpi comes out at the map's scale.
    const int dotsPerMetre = static_cast<int>(std::lround(view.dpi() / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    QPainter painter(&image);
    RenderStats drawn = render(painter, scene, view);
    painter.end();
    if (stats != nullptr) {
        *stats = std::move(drawn);
    }
    return image;
}

} // namespace trygg
