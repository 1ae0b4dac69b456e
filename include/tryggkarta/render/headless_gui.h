#pragma once
// Text on a map needs Qt's font database, and that needs a QGuiApplication even where no
// window is ever shown (CLI, tests, benchmarks).

#include <QGuiApplication>

#include <memory>

namespace trygg {

/// The application object the renderer needs for text, or nullptr when one exists already.
/// Without QT_QPA_PLATFORM and DISPLAY it uses the offscreen platform, so it runs on servers.
/// Keep it alive while rendering.
std::unique_ptr<QGuiApplication> startHeadlessGui();

} // namespace trygg
