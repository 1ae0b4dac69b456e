// The follow-up model: promises × statuses, the timeline of deadlines and what is being done
// about each observation. Before/after a measure is in follow_up_walks.cpp.

#include "tryggkarta/core/follow_up.h"

#include "follow_up_fields.h"

#include <algorithm>
#include <ranges>
#include <unordered_map>

namespace trygg {
namespace {

using followup::labelOf;

void add(FollowUpCell& cell, std::optional<double> cost) {
    ++cell.measures;
    if (cost) {
        cell.cost += *cost;
    } else {
        ++cell.withoutCost;
    }
}

void add(FollowUpCell& sum, const FollowUpCell& cell) {
    sum.measures += cell.measures;
    sum.cost += cell.cost;
    sum.withoutCost += cell.withoutCost;
}

std::size_t indexOf(const std::vector<std::string>& list, const std::string& code) {
    return static_cast<std::size_t>(std::ranges::find(list, code) - list.begin());
}

/// The codes of a coded field's value list, in order.
std::vector<std::string> codesOf(const LayerDef& def, std::string_view field) {
    std::vector<std::string> codes;
    if (const FieldDef* found = def.field(field)) {
        for (const CodedValue& value : found->values) {
            codes.push_back(value.code);
        }
    }
    return codes;
}

/// The value list's codes, then the codes of `field` that occur but are not in the list
/// (in order of first occurrence), leaving out `skip`.
std::vector<std::string> columnCodes(const Layer& layer, std::string_view field,
                                     std::optional<std::string_view> skip) {
    std::vector<std::string> codes = codesOf(layer.definition(), field);
    for (const Feature& feature : layer.features()) {
        std::string code = textOf(layer.definition(), feature, field);
        if (code != skip && std::ranges::find(codes, code) == codes.end()) {
            codes.push_back(std::move(code));
        }
    }
    return codes;
}

Answer answerFor(const std::string& bestStatus) {
    if (bestStatus.empty() || bestStatus == "avford") {
        return Answer::Nothing;
    }
    return bestStatus == "forslag" ? Answer::ProposalOnly : Answer::Acting;
}

void count(AnswerTotals& totals, Answer answer) {
    switch (answer) {
    case Answer::Acting:
        ++totals.acting;
        break;
    case Answer::ProposalOnly:
        ++totals.proposalOnly;
        break;
    case Answer::Nothing:
        ++totals.nothing;
        break;
    }
}

/// The existing measures linked to each observation, by id.
std::unordered_map<FeatureId, std::vector<FeatureId>> measuresByObservation(const Project& project,
                                                                            const Layer* measures) {
    std::unordered_map<FeatureId, std::vector<FeatureId>> linked;
    for (const MeasureLink& link : project.links) {
        if (measures != nullptr && measures->find(link.measure) != nullptr) {
            linked[link.observation].push_back(link.measure);
        }
    }
    for (auto& [observation, ids] : linked) {
        std::ranges::sort(ids);
        const auto [first, last] = std::ranges::unique(ids);
        ids.erase(first, last);
    }
    return linked;
}

} // namespace

std::optional<std::size_t> statusRank(std::string_view status) {
    const auto* found = std::ranges::find(kMeasureStatusOrder, status);
    if (found == kMeasureStatusOrder.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(found - kMeasureStatusOrder.begin());
}

bool isClosedStatus(std::string_view status) {
    return status == "avford" || isDoneStatus(status);
}

bool isDoneStatus(std::string_view status) {
    return status == "klar" || status == "utvarderad";
}

std::string_view answerName(Answer answer) {
    switch (answer) {
    case Answer::Acting:
        return "acting";
    case Answer::ProposalOnly:
        return "proposal";
    case Answer::Nothing:
        break;
    }
    return "nothing";
}

PromiseStatusTable promiseStatusTable(const Layer& measures, std::string_view language) {
    const LayerDef& def = measures.definition();
    PromiseStatusTable table;
    table.statuses = columnCodes(measures, "status", std::nullopt);
    for (const std::string& code : table.statuses) {
        table.statusLabels.push_back(labelOf(def, "status", code, language));
    }
    const std::vector<std::string> promises = columnCodes(measures, "lofte", "");
    const bool anyWithout = std::ranges::any_of(
        measures.features(), [&](const Feature& f) { return textOf(def, f, "lofte").empty(); });
    for (const std::string& code : promises) {
        table.rows.push_back(PromiseRow{.code = code,
                                        .text = labelOf(def, "lofte", code, language),
                                        .byStatus = {},
                                        .total = {}});
    }
    if (anyWithout) {
        table.rows.push_back(PromiseRow{.code = "", .text = "", .byStatus = {}, .total = {}});
    }
    for (PromiseRow& row : table.rows) {
        row.byStatus.resize(table.statuses.size());
    }
    for (const Feature& feature : measures.features()) {
        const std::string promise = textOf(def, feature, "lofte");
        PromiseRow& row =
            promise.empty() ? table.rows.back() : table.rows[indexOf(promises, promise)];
        add(row.byStatus[indexOf(table.statuses, textOf(def, feature, "status"))],
            numberOf(def, feature, "kostnad"));
    }
    table.byStatus.resize(table.statuses.size());
    for (PromiseRow& row : table.rows) {
        for (std::size_t s = 0; s < row.byStatus.size(); ++s) {
            add(row.total, row.byStatus[s]);
            add(table.byStatus[s], row.byStatus[s]);
        }
        add(table.all, row.total);
    }
    return table;
}

Timeline measureTimeline(const Layer& measures, const Date& today, std::string_view language) {
    const LayerDef& def = measures.definition();
    Timeline timeline;
    for (const Feature& feature : measures.features()) {
        const std::optional<Date> deadline = followup::dateOf(def, feature, "deadline");
        if (!deadline) {
            ++timeline.withoutDeadline;
            continue;
        }
        TimelineMeasure entry;
        entry.id = feature.id;
        entry.title = textOf(def, feature, "titel");
        entry.status = textOf(def, feature, "status");
        entry.statusLabel = labelOf(def, "status", entry.status, language);
        entry.responsible = labelOf(def, "ansvarig", textOf(def, feature, "ansvarig"), language);
        entry.promise = textOf(def, feature, "lofte");
        entry.deadline = *deadline;
        entry.cost = numberOf(def, feature, "kostnad");
        entry.overdue = *deadline < today && !isClosedStatus(entry.status);
        timeline.overdue += entry.overdue ? 1 : 0;
        timeline.measures.push_back(std::move(entry));
    }
    std::ranges::sort(timeline.measures, {},
                      [](const TimelineMeasure& m) { return std::pair(m.deadline, toInt(m.id)); });
    return timeline;
}

ObservationAnswers observationAnswers(const Project& project) {
    ObservationAnswers answers;
    const Layer* observations = project.layer(kObservationLayer);
    if (observations == nullptr) {
        return answers;
    }
    const Layer* measures = project.layer(kMeasureLayer);
    auto linked = measuresByObservation(project, measures);
    const LayerDef& def = observations->definition();
    for (const Feature& feature : observations->features()) {
        ObservationAnswer answer;
        answer.observation = feature.id;
        answer.unsafe = followup::isUnsafe(def, feature);
        if (auto found = linked.find(feature.id); found != linked.end()) {
            answer.measures = std::move(found->second);
        }
        std::optional<std::size_t> best;
        for (FeatureId id : answer.measures) {
            const std::string status =
                textOf(measures->definition(), *measures->find(id), "status");
            const auto rank = statusRank(status);
            if (rank && (!best || *rank > *best)) {
                best = rank;
            }
        }
        answer.bestStatus = best ? std::string(kMeasureStatusOrder[*best]) : std::string();
        answer.answer = answerFor(answer.bestStatus);
        count(answers.all, answer.answer);
        if (answer.unsafe) {
            count(answers.unsafe, answer.answer);
        }
        answers.observations.push_back(std::move(answer));
    }
    return answers;
}

Result<FollowUp> buildFollowUp(const Project& project, const Date& today,
                               std::string_view language) {
    const Layer* measures = project.layer(kMeasureLayer);
    if (measures == nullptr) {
        return fail(ErrorCode::NotFound, "the project has no measure layer",
                    std::string(kMeasureLayer));
    }
    FollowUp followUp;
    followUp.today = today;
    followUp.language = std::string(language);
    followUp.promises = promiseStatusTable(*measures, language);
    followUp.timeline = measureTimeline(*measures, today, language);
    followUp.answers = observationAnswers(project);
    return followUp;
}

} // namespace trygg
