#pragma once

#include <QIcon>

namespace trygg {

enum class ToolIcon { Pan, Select, AddPoint, Line, Polygon, Move, Vertices, Snap, SelectWhere };

/// The icon of a map tool: the desktop theme's where it has a fitting one, otherwise a
/// simple drawn one, so the tool bar looks the same with and without an icon theme.
QIcon toolIcon(ToolIcon icon);

} // namespace trygg
