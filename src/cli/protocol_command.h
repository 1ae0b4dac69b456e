#pragma once

#include "cli_support.h"

#include <cstdint>
#include <string>

namespace trygg::cli {

/// `protocol PROJECT.gpkg --walk ID --output walk.pdf [--lang sv|en]`: the safety-walk
/// protocol of one walk as PDF, with the route map, one entry per observation and the
/// measures proposed for them.
class ProtocolCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    std::int64_t m_walk = 0;
    std::string m_output;
    std::string m_language = "sv";
};

} // namespace trygg::cli
