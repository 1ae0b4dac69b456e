#pragma once
// From an open project to what the map shows: layers stacked as the layer panel lists
// them, and the notes a finished map must carry.

#include "tryggkarta/core/project.h"
#include "tryggkarta/render/map_scene.h"

#include <string>

namespace trygg {

/// The base-map note every map drawn on the shipped schematic base map carries.
inline constexpr std::string_view kSchematicBaseMapNote =
    "Baskarta: schematisk (ritad efter kända fakta, inte inmätt)";

/// Moves the project's layers into a scene: every base-map layer ("baskarta") below every
/// thematic one; within a group the layer with the smallest `order` on top (the layer panel
/// lists top first). The source note says when the data are example data and when the base
/// map is schematic. `language` ("sv", "en") is the language of the legend. The project's
/// links become the scene's link segments.
MapScene sceneFromProject(Project project, const std::string& language);

/// The union of the visible layers' extents; an empty box when they have no features.
Box sceneExtent(const MapScene& scene);

} // namespace trygg
