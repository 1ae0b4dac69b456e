#pragma once
// What a map shows: layers bottom to top with their view state, raster backgrounds, and
// the decorations of a finished map. Cheap to copy (layers are shared, read-only), so a
// render thread gets its own snapshot.

#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/project.h"

#include <QImage>

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

/// A raster background already read and reprojected for a map area (orthophoto, WMS).
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
    /// Drawn above every layer and below the labels, while `linksVisible` and both the
    /// measure and the observation layer are drawn.
    std::vector<SceneLink> links;
    bool linksVisible = true;
    MapDecorations decorations;
};

} // namespace trygg
