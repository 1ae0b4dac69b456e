#include "plan_command.h"

#include "tryggkarta/render/headless_gui.h"
#include "tryggkarta/render/measure_plan.h"
#include "tryggkarta/render/scene_builder.h"

#include <iostream>

namespace trygg::cli {

void PlanCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "plan", "Write the measure plan (map, table of measures, cost totals) as PDF or PNG");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_option("-o,--output", m_output,
                      "The file to write: .pdf, or .png for one image per page "
                      "(plan.png, plan-2.png, ...)")
        ->required();
    m_app->add_option("--paper", m_paper, "Paper size, landscape")
        ->capture_default_str()
        ->transform(CLI::IsMember({"A4", "A3"}, CLI::ignore_case));
    m_app->add_option("--extent", m_extent,
                      "The map's area, minx,miny,maxx,maxy in the project's CRS "
                      "(default: around the measures)");
    m_app->add_option("--status", m_statuses,
                      "Only measures with these statuses, comma-separated codes: forslag, "
                      "beslutad, planerad, pagar, klar, utvarderad, avford");
    m_app->add_option("--title", m_title, "The plan's title (default: Åtgärdsplan – Vännäs centrum)");
    m_app->add_option("--date", m_date, "The date printed on the plan, YYYY-MM-DD (default: today)");
    m_app->add_option("--lang", m_language, "Language of the plan")
        ->capture_default_str()
        ->check(CLI::IsMember({"sv", "en"}));
    m_app->add_flag("--no-follow-up", m_noFollowUp,
                    "Leave out the follow-up page (measures per citizen promise and status, "
                    "deadlines, what is done about the observations)");
}

int PlanCommand::run(const GlobalOptions& global) {
    PlanOptions options;
    options.language = m_language;
    options.title = m_title;
    options.paper = m_paper == "A3" ? PaperSize::A3 : PaperSize::A4;
    options.followUp = !m_noFollowUp;
    if (!m_statuses.empty()) {
        for (std::string_view status : splitOn(m_statuses, ',')) {
            options.statuses.emplace_back(status);
        }
    }
    auto extent = extentOption(m_extent);
    if (!extent) {
        return report(extent.error());
    }
    options.extent = *extent;
    if (!m_date.empty() && !(options.date = parseDate(m_date))) {
        return report(Error{ErrorCode::Usage, "expected a date YYYY-MM-DD, not '" + m_date + "'",
                            "--date", {}});
    }
    auto project = openWithCatalog(global, m_path);
    if (!project) {
        return report(project.error());
    }
    auto plan = buildMeasurePlan(*project, options);
    if (!plan) {
        Error error = plan.error();
        error.where = m_path + ": " + error.where;
        return report(error);
    }
    const MapScene scene = sceneFromProject(std::move(*project), m_language);

    // Text and the map need Qt's font database; like render, only this command brings Qt up.
    const auto application = startHeadlessGui();
    TerminalProgress progress;
    auto written = writeMeasurePlan(m_output, *plan, scene, options.paper, progress);
    progress.finish();
    if (!written) {
        return report(written.error());
    }
    std::cout << "Wrote the plan with " << written->tableRows << " measures on " << written->pages
              << " pages:";
    for (const auto& file : written->files) {
        std::cout << ' ' << file.string();
    }
    std::cout << '\n';
    return kExitOk;
}

} // namespace trygg::cli
