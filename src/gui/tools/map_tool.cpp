#include "tools/map_tool.h"

#include <QKeyEvent>

namespace trygg {

bool MapTool::press(const ToolEvent&) {
    return false;
}
void MapTool::move(const ToolEvent&) {}
void MapTool::release(const ToolEvent&) {}
void MapTool::click(const ToolEvent&) {}
bool MapTool::doubleClick(const ToolEvent&) {
    return false;
}
bool MapTool::keyPress(QKeyEvent&) {
    return false;
}
bool MapTool::wantsKey(const QKeyEvent&) const {
    return false;
}

} // namespace trygg
