#pragma once

#include "cli_support.h"

#include <optional>
#include <string>

namespace trygg::cli {

/// `import-photos PROJECT.gpkg FOLDER [--recursive] [--category CODE] [--polarity CODE]
/// [--attach-within M] [--name-in-description]`: each geotagged photo of a folder becomes an
/// observation at its GPS position with the photo attached (or is attached to an observation
/// within M metres); the files not used are listed with the reason.
class ImportPhotosCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_project;
    std::string m_folder;
    bool m_recursive = false;
    std::string m_category;
    std::string m_polarity;
    std::optional<double> m_attachWithin;
    bool m_nameInDescription = false;
};

} // namespace trygg::cli
