#pragma once
// What a map shows: layers bottom to top with their view state, raster backgrounds,
// analysis rasters between the base map and the thematic layers, and the decorations of a
// finished map. Cheap to copy (layers are shared, read-only), so a render thread gets its
// own snapshot.

#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/project.h"

#include <QImage>
#include <QRgb>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace trygg {

/// A layer as the map shows it.
struct SceneLayer {
    std::shared_ptr<const Layer> layer;
    bool visible = true;
    double opacity = 1.0;
};

/// One class of a stepped colour ramp as the legend shows it: a colour box and its label.
struct RampLegendStep {
    QRgb colour = 0; ///< not premultiplied, alpha as in the image
    Label label;     ///< "0,4–1 lx" / "0.4–1 lx"
};

/// A raster already read and reprojected for a map area: a background (orthophoto, WMS) or
/// an analysis result (a lux map).
struct SceneRaster {
    std::string name;
    QImage image; ///< covers `extent`, north up
    Box extent = emptyBox();
    bool visible = true;
    double opacity = 1.0;
    /// The file it was read from, so a finer view can be read for the part on screen.
    std::string source;
    /// That finer view, drawn over `image` within `detailExtent` (null: none).
    QImage detail;
    Box detailExtent = emptyBox();
    /// For a classified analysis raster: the legend's heading and classes (none: no legend).
    Label legendTitle;
    std::vector<RampLegendStep> legend; ///< lowest class first
    /// An analysis raster drawn over the thematic layers instead of under them (a heat map:
    /// hundreds of lamps and observations would hide it; its lowest class is transparent).
    bool aboveLayers = false;
};

/// A measure→observation link as the map draws it: a straight line from a point on or in the
/// measure to the observation.
struct SceneLink {
    MeasureLink link;
    Point from; ///< on or inside the measure (see linkAnchor)
    Point to;   ///< the observation
    bool highlighted = false; ///< the measure or the observation is selected
};

struct MapDecorations {
    bool scaleBar = true;
    bool northArrow = true;
    bool legend = false;
    bool showSourceNote = true; ///< draws `sourceNote` bottom right (named apart from it)
    std::string title;        ///< drawn at the top when not empty (plans, exports)
    std::string sourceNote;   ///< "Baskarta: schematisk, ritad efter kända fakta ..."
    std::string language = "sv";
};

struct MapScene {
    std::vector<SceneRaster> rasters; ///< drawn first, under every layer
    std::vector<SceneLayer> layers;   ///< drawn in order: the first is at the bottom
    /// Analysis results (lux maps): drawn above the base map and under the thematic layers,
    /// at analysisPosition(), with nearest-neighbour scaling so classes keep sharp edges.
    std::vector<SceneRaster> analysisRasters;
    /// Drawn above every layer and below the labels, while `linksVisible` and both the
    /// measure and the observation layer are drawn.
    std::vector<SceneLink> links;
    bool linksVisible = true;
    MapDecorations decorations;

    /// Where the analysis rasters go in `layers`: before the first layer not in the base-map
    /// group, so they never cover thematic data (layers.size() when all are base map).
    [[nodiscard]] std::size_t analysisPosition() const {
        for (std::size_t i = 0; i < layers.size(); ++i) {
            if (layers[i].layer && layers[i].layer->definition().group != kBaseMapGroup) {
                return i;
            }
        }
        return layers.size();
    }
};

} // namespace trygg
