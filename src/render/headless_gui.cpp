#include "tryggkarta/render/headless_gui.h"

namespace trygg {

std::unique_ptr<QGuiApplication> startHeadlessGui() {
    if (QGuiApplication::instance() != nullptr) {
        return nullptr;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Qt keeps references to argc and argv for the application's lifetime.
    static int argc = 1;
    static char name[] = "tryggkarta";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace trygg
