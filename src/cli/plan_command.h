#pragma once

#include "cli_support.h"

#include <string>
#include <vector>

namespace trygg::cli {

/// `plan PROJECT.gpkg --output plan.pdf|plan.png [--paper A4|A3] [--extent ...]
/// [--status forslag,beslutad] [--title ...] [--date YYYY-MM-DD] [--lang sv|en]
/// [--no-follow-up]`: the measure plan for the council and the police, as PDF or as PNG pages.
class PlanCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    std::string m_path;
    std::string m_output;
    std::string m_paper = "A4";
    std::string m_extent;
    std::string m_statuses;
    std::string m_title;
    std::string m_date;
    std::string m_language = "sv";
    bool m_noFollowUp = false;
};

} // namespace trygg::cli
