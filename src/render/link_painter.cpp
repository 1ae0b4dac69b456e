#include "link_painter.h"

#include "decorations.h"

#include <boost/geometry/algorithms/intersects.hpp>

#include <algorithm>

namespace trygg::render {
namespace {

constexpr double kLinkWidthMm = 0.3;
constexpr double kHighlightWidthMm = 0.7;
const QColor kLinkColour(48, 48, 48, 210);
const QColor kHighlightColour(0x7b, 0x1f, 0xa2); // purple: no category of either layer uses it

bool layerDrawn(const MapScene& scene, std::string_view name, const ViewTransform& view) {
    return std::ranges::any_of(scene.layers, [&](const SceneLayer& layer) {
        return layer.layer && layer.layer->name() == name && drawnAtScale(layer, view);
    });
}

Box segmentBox(const SceneLink& link) {
    return Box(Point(std::min(link.from.x(), link.to.x()), std::min(link.from.y(), link.to.y())),
               Point(std::max(link.from.x(), link.to.x()), std::max(link.from.y(), link.to.y())));
}

} // namespace

bool linksDrawn(const MapScene& scene, const ViewTransform& view) {
    return scene.linksVisible && !scene.links.empty() && layerDrawn(scene, kMeasureLayer, view) &&
           layerDrawn(scene, kObservationLayer, view);
}

QPen linkPen(const ViewTransform& view, bool highlighted) {
    const double width =
        std::max(1.0, view.pixelsForMillimetres(highlighted ? kHighlightWidthMm : kLinkWidthMm));
    QPen pen(highlighted ? kHighlightColour : kLinkColour, width, Qt::CustomDashLine, Qt::FlatCap,
             Qt::RoundJoin);
    pen.setDashPattern({4.0, 3.0}); // in pen widths: the dashes grow with the line
    return pen;
}

std::size_t drawLinks(QPainter& painter, const MapScene& scene, const ViewTransform& view) {
    if (!linksDrawn(scene, view)) {
        return 0;
    }
    // Widened by the thickest pen, so a line just outside still shows its edge.
    const double reach = linkPen(view, true).widthF() * view.metresPerPixel();
    const Box visible = view.visibleExtent();
    const Box window(Point(visible.min_corner().x() - reach, visible.min_corner().y() - reach),
                     Point(visible.max_corner().x() + reach, visible.max_corner().y() + reach));
    painter.setOpacity(1.0);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    std::size_t drawn = 0;
    for (const bool highlighted : {false, true}) {
        painter.setPen(linkPen(view, highlighted));
        for (const SceneLink& link : scene.links) {
            if (link.highlighted == highlighted && bg::intersects(segmentBox(link), window)) {
                painter.drawLine(view.toScreen(link.from), view.toScreen(link.to));
                ++drawn;
            }
        }
    }
    return drawn;
}

} // namespace trygg::render
