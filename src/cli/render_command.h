#pragma once

#include "cli_support.h"

#include <string>

namespace trygg::cli {

/// `render PROJECT.gpkg --output FILE.png|.pdf|.svg [--size WxH] [--dpi N]
/// [--extent minx,miny,maxx,maxy] [--layers a,b] [--legend] [--title T] [--lang sv|en]`:
/// draws the project through the same renderer as the desktop canvas.
class RenderCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    std::string m_output;
    std::string m_size = "1920x1080";
    double m_dpi = 96.0;
    std::string m_extent;
    std::string m_layers;
    bool m_legend = false;
    std::string m_title;
    std::string m_language = "sv";
};

} // namespace trygg::cli
