#include "follow_up_command.h"

#include "tryggkarta/core/follow_up.h"
#include "tryggkarta/core/defaults.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace trygg::cli {
namespace {

using nlohmann::json;

json cellJson(const FollowUpCell& cell) {
    return {{"measures", cell.measures}, {"cost", cell.cost}, {"without_cost", cell.withoutCost}};
}

json promisesJson(const PromiseStatusTable& table) {
    json rows = json::array();
    for (const PromiseRow& row : table.rows) {
        json cells = json::array();
        for (const FollowUpCell& cell : row.byStatus) {
            cells.push_back(cellJson(cell));
        }
        rows.push_back({{"code", row.code.empty() ? json(nullptr) : json(row.code)},
                        {"text", row.text},
                        {"by_status", cells},
                        {"total", cellJson(row.total)}});
    }
    json sums = json::array();
    for (const FollowUpCell& cell : table.byStatus) {
        sums.push_back(cellJson(cell));
    }
    return {{"statuses", table.statuses},
            {"status_labels", table.statusLabels},
            {"rows", rows},
            {"by_status", sums},
            {"all", cellJson(table.all)}};
}

json timelineJson(const Timeline& timeline) {
    json measures = json::array();
    for (const TimelineMeasure& m : timeline.measures) {
        measures.push_back({{"id", toInt(m.id)},
                            {"title", m.title},
                            {"status", m.status},
                            {"status_label", m.statusLabel},
                            {"responsible", m.responsible},
                            {"promise", m.promise},
                            {"deadline", toIsoString(m.deadline)},
                            {"cost", m.cost ? json(*m.cost) : json(nullptr)},
                            {"overdue", m.overdue}});
    }
    return {{"measures", measures},
            {"overdue", timeline.overdue},
            {"without_deadline", timeline.withoutDeadline}};
}

json totalsJson(const AnswerTotals& totals) {
    return {{"acting", totals.acting},
            {"proposal_only", totals.proposalOnly},
            {"nothing", totals.nothing},
            {"total", totals.total()}};
}

json answersJson(const ObservationAnswers& answers) {
    json observations = json::array();
    for (const ObservationAnswer& a : answers.observations) {
        json measures = json::array();
        for (FeatureId id : a.measures) {
            measures.push_back(toInt(id));
        }
        observations.push_back({{"id", toInt(a.observation)},
                                {"unsafe", a.unsafe},
                                {"best_status", a.bestStatus},
                                {"answer", answerName(a.answer)},
                                {"measures", measures}});
    }
    return {{"unsafe", totalsJson(answers.unsafe)},
            {"all", totalsJson(answers.all)},
            {"observations", observations}};
}

template <typename T> json optionalJson(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

json sideJson(const BeforeAfterSide& side) {
    json walks = json::array();
    for (const WalkVisit& walk : side.walks) {
        json observations = json::array();
        for (const WalkObservation& o : walk.observations) {
            observations.push_back({{"id", toInt(o.id)},
                                    {"category", o.category},
                                    {"category_code", o.categoryCode},
                                    {"feeling", optionalJson(o.feeling)},
                                    {"light", o.light},
                                    {"light_code", o.lightCode},
                                    {"unsafe", o.unsafe},
                                    {"distance_m", std::round(o.distance * 10.0) / 10.0}});
        }
        walks.push_back({{"id", toInt(walk.walk)},
                         {"name", walk.name},
                         {"date", toIsoString(walk.date)},
                         {"light", walk.light},
                         {"observations", observations}});
    }
    const SideSummary& s = side.summary;
    return {{"walks", walks},
            {"summary",
             {{"observations", s.observations},
              {"unsafe", s.unsafe},
              {"mean_feeling", optionalJson(s.meanFeeling)},
              {"unsafe_share", optionalJson(s.unsafeShare)}}}};
}

json beforeAfterJson(const BeforeAfter& result) {
    auto date = [](const std::optional<Date>& d) {
        return d ? json(toIsoString(*d)) : json(nullptr);
    };
    return {{"measure", toInt(result.measure)},
            {"title", result.title},
            {"status", result.status},
            {"radius_m", result.radius},
            {"start", date(result.start)},
            {"done", date(result.done)},
            {"done_from", result.doneFrom},
            {"before", sideJson(result.before)},
            {"after", sideJson(result.after)},
            {"walks_during", result.walksDuring},
            {"walks_undated", result.walksUndated}};
}

std::string percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? std::string("-") : std::to_string((part * 100 + whole / 2) / whole) + " %";
}

void printPromises(const PromiseStatusTable& table) {
    int codeWidth = 7;
    for (const PromiseRow& row : table.rows) {
        codeWidth = std::max(codeWidth, static_cast<int>(row.code.size()));
    }
    std::printf("Measures per citizen promise and status\n%-*s", codeWidth, "promise");
    for (const std::string& status : table.statuses) {
        std::printf(" %*s", static_cast<int>(std::max<std::size_t>(status.size(), 5)),
                    status.empty() ? "-" : status.c_str());
    }
    std::printf(" %6s %12s %8s\n", "total", "cost SEK", "no cost");
    auto printRow = [&](const std::string& name, const std::vector<FollowUpCell>& cells,
                        const FollowUpCell& total) {
        std::printf("%-*s", codeWidth, name.c_str());
        for (std::size_t s = 0; s < cells.size(); ++s) {
            std::printf(" %*zu",
                        static_cast<int>(std::max<std::size_t>(table.statuses[s].size(), 5)),
                        cells[s].measures);
        }
        std::printf(" %6zu %12.0f %8zu\n", total.measures, total.cost, total.withoutCost);
    };
    for (const PromiseRow& row : table.rows) {
        printRow(row.code.empty() ? "(none)" : row.code, row.byStatus, row.total);
    }
    printRow("all", table.byStatus, table.all);
    for (const PromiseRow& row : table.rows) {
        if (!row.code.empty()) {
            std::printf("  %-*s %s\n", codeWidth, row.code.c_str(), row.text.c_str());
        }
    }
}

void printTimeline(const Timeline& timeline, const Date& today) {
    std::printf("\nDeadlines: %zu measures with one, %zu overdue, %zu without a deadline\n",
                timeline.measures.size(), timeline.overdue, timeline.withoutDeadline);
    if (timeline.overdue > 0) {
        std::printf("Overdue (deadline before %s and not done):\n", toIsoString(today).c_str());
    }
    for (const TimelineMeasure& m : timeline.measures) {
        if (m.overdue) {
            std::printf("  #%-4lld %s  %s  %s  %s\n", static_cast<long long>(toInt(m.id)),
                        toIsoString(m.deadline).c_str(), m.statusLabel.c_str(),
                        m.responsible.c_str(), m.title.c_str());
        }
    }
}

void printAnswers(const ObservationAnswers& answers) {
    const AnswerTotals& t = answers.unsafe;
    std::printf("\nUnsafe observations: %zu\n", t.total());
    std::printf("  answered by a decided, planned, ongoing or done measure: %zu (%s)\n", t.acting,
                percent(t.acting, t.total()).c_str());
    std::printf("  by a proposal only: %zu (%s)\n", t.proposalOnly,
                percent(t.proposalOnly, t.total()).c_str());
    std::printf("  by nothing: %zu (%s)\n", t.nothing, percent(t.nothing, t.total()).c_str());
}

void printSide(const char* heading, const BeforeAfterSide& side) {
    const SideSummary& s = side.summary;
    std::printf("%s: walks %zu, observations %zu, unsafe %zu (%s)", heading, side.walks.size(),
                s.observations, s.unsafe, percent(s.unsafe, s.observations).c_str());
    if (s.meanFeeling) {
        std::printf(", mean feeling %.2f (0 frightening .. 3 comfortable)", *s.meanFeeling);
    }
    std::printf("\n");
    for (const WalkVisit& walk : side.walks) {
        std::printf("  %s  walk #%lld %s (%s)\n", toIsoString(walk.date).c_str(),
                    static_cast<long long>(toInt(walk.walk)), walk.name.c_str(),
                    walk.light.c_str());
        if (walk.observations.empty()) {
            std::printf("    nothing noted near the measure\n");
        }
        for (const WalkObservation& o : walk.observations) {
            std::printf("    #%-5lld %5.1f m  %s, feeling %s, %s%s\n",
                        static_cast<long long>(toInt(o.id)), o.distance, o.category.c_str(),
                        o.feeling ? std::to_string(*o.feeling).c_str() : "-", o.light.c_str(),
                        o.unsafe ? ", unsafe" : "");
        }
    }
}

void printBeforeAfter(const BeforeAfter& result) {
    std::printf("Measure #%lld: %s (%s)\n", static_cast<long long>(toInt(result.measure)),
                result.title.c_str(), result.status.c_str());
    std::printf("Walks within %.0f m; before: dated before %s; after: on or after %s\n",
                result.radius, result.start ? toIsoString(*result.start).c_str() : "(any date)",
                result.done ? (toIsoString(*result.done) + " (" + result.doneFrom + ")").c_str()
                            : "(not done: none)");
    printSide("Before", result.before);
    printSide("After", result.after);
    if (result.walksDuring + result.walksUndated > 0) {
        std::printf("On neither side: walks during the work %zu, without a date %zu\n",
                    result.walksDuring, result.walksUndated);
    }
}

std::string idList(const std::vector<FeatureId>& ids) {
    std::string text;
    for (FeatureId id : ids) {
        text += (text.empty() ? "" : ", ") + std::to_string(toInt(id));
    }
    return text.empty() ? "none" : text;
}

} // namespace

void FollowUpCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "followup", "Follow up the measures: per citizen promise and status, overdue deadlines, "
                    "what is done about unsafe observations; before/after a measure");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_option("--today", m_today, "The day of the follow-up, YYYY-MM-DD (default: today)");
    m_app->add_option("--measure", m_measure,
                      "Show the safety walks near this measure (its id) before and after it");
    m_app->add_option("--radius", m_radius, "Metres around the measure for --measure")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 10000.0));
    m_app->add_option("--lang", m_language, "Language of value labels and promise texts")
        ->capture_default_str()
        ->check(CLI::IsMember({"sv", "en"}));
    m_app->add_flag("--json", m_json, "Print the follow-up as JSON");
}

int FollowUpCommand::run(const GlobalOptions& global) {
    Date today = currentContext().now.date;
    if (!m_today.empty()) {
        auto parsed = parseDate(m_today);
        if (!parsed) {
            return report(Error{ErrorCode::Usage,
                                "expected a date YYYY-MM-DD, not '" + m_today + "'",
                                "--today",
                                {}});
        }
        today = *parsed;
    }
    auto project = openWithCatalog(global, m_path);
    if (!project) {
        return report(project.error());
    }
    if (m_measure) {
        return runBeforeAfter(*project, *m_measure);
    }
    auto followUp = buildFollowUp(*project, today, m_language);
    if (!followUp) {
        Error error = followUp.error();
        error.where = m_path + ": " + error.where;
        return report(error);
    }
    const BeforeAfterOptions options{.radius = m_radius, .language = m_language};
    const std::vector<FeatureId> compared = measuresWithBeforeAndAfter(*project, options);
    if (m_json) {
        json ids = json::array();
        for (FeatureId id : compared) {
            ids.push_back(toInt(id));
        }
        const json out = {{"today", toIsoString(today)},
                          {"promises", promisesJson(followUp->promises)},
                          {"timeline", timelineJson(followUp->timeline)},
                          {"answers", answersJson(followUp->answers)},
                          {"measures_with_before_and_after", ids}};
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    std::printf("Follow-up on %s: %zu measures, %.0f SEK (%zu without a cost)\n\n",
                toIsoString(today).c_str(), followUp->promises.all.measures,
                followUp->promises.all.cost, followUp->promises.all.withoutCost);
    printPromises(followUp->promises);
    printTimeline(followUp->timeline, today);
    printAnswers(followUp->answers);
    std::printf("\nMeasures with safety walks before and after (within %.0f m): %s\n", m_radius,
                idList(compared).c_str());
    return kExitOk;
}

int FollowUpCommand::runBeforeAfter(const Project& project, std::int64_t measure) {
    const BeforeAfterOptions options{.radius = m_radius, .language = m_language};
    auto result = beforeAfter(project, FeatureId{measure}, options);
    if (!result) {
        Error error = result.error();
        error.where = m_path + ": " + error.where;
        return report(error);
    }
    if (m_json) {
        std::cout << beforeAfterJson(*result).dump(2) << '\n';
    } else {
        printBeforeAfter(*result);
    }
    return kExitOk;
}

} // namespace trygg::cli
