#pragma once

#include "tools/snapper.h"

#include <string>

namespace trygg {

class MapDocument;

/// What the editing tools share: the document they change, the snapping settings and the
/// current layer (the one drawing tools add to and a selection rectangle selects in).
struct ToolContext {
    explicit ToolContext(MapDocument& document) : document(document), snapper(document) {}

    MapDocument& document;
    Snapper snapper;
    std::string layer;
};

} // namespace trygg
