// The plan's model: the measures chosen by status, numbered, with their coded values as
// labels, the observations they answer, the totals and the follow-up. No Qt here: the pages
// are drawn elsewhere.

#include "tryggkarta/render/measure_plan.h"

#include "field_reader.h"
#include "tryggkarta/core/defaults.h"
#include "tryggkarta/render/follow_up_style.h"
#include "tryggkarta/render/scene_links.h"

#include <algorithm>
#include <map>
#include <ranges>

namespace trygg {
namespace {

using render::FieldReader;

const Label kDefaultTitle{"Åtgärdsplan – Vännäs centrum", "Action plan – Vännäs centrum"};
const Label kAllMeasures{"Alla åtgärder utom avförda", "All measures except dismissed ones"};
const Label kStatusIs{"Status: ", "Status: "};

/// A measure that will not be done is in a plan only when asked for by its status.
constexpr std::string_view kDismissedStatus = "avford";

/// Around the measures the map shows this much more on each side, and at least this span.
constexpr double kExtentMargin = 0.08;
constexpr double kMinMapSpanM = 300.0;

const FieldDef* statusField(const Layer& measures) {
    return measures.definition().field("status");
}

Result<void> checkStatuses(const Layer& measures, const std::vector<std::string>& statuses) {
    const FieldDef* field = statusField(measures);
    for (const std::string& code : statuses) {
        if (field == nullptr || field->findCode(code) == nullptr) {
            std::string valid;
            for (const CodedValue& value : field != nullptr ? field->values
                                                            : std::vector<CodedValue>{}) {
                valid += (valid.empty() ? "" : ", ") + value.code;
            }
            return fail(ErrorCode::InvalidValue, "unknown measure status '" + code + "'",
                        "atgarder.status", "valid: " + valid);
        }
    }
    return {};
}

/// "Belysning 2, Klotter 1": the categories of the observations a measure answers, most
/// frequent first.
std::string categoriesOf(const Layer* observations, const std::vector<FeatureId>& answered,
                         const std::string& language) {
    if (observations == nullptr) {
        return {};
    }
    std::map<std::string, std::size_t> counts;
    for (FeatureId id : answered) {
        if (const Feature* observation = observations->find(id)) {
            std::string category =
                FieldReader(observations->definition(), *observation, language).text("kategori");
            ++counts[category.empty() ? "–" : category];
        }
    }
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::ranges::stable_sort(sorted, std::greater{}, &std::pair<std::string, std::size_t>::second);
    std::string text;
    for (const auto& [category, count] : sorted) {
        text += (text.empty() ? "" : ", ") + category + " " + std::to_string(count);
    }
    return text;
}

PlanMeasure measureOf(const Project& project, const Layer& measures, const Feature& feature,
                      const Date& today, const std::string& language) {
    const FieldReader fields(measures.definition(), feature, language);
    PlanMeasure measure;
    measure.id = feature.id;
    measure.anchor = feature.geometry ? linkAnchor(*feature.geometry) : std::nullopt;
    measure.title = fields.text("titel");
    measure.type = fields.text("typ");
    measure.status = fields.text("status");
    measure.statusCode = fields.code("status");
    measure.responsible = fields.text("ansvarig");
    measure.promise = fields.text("lofte");
    measure.cost = fields.as<double>("kostnad");
    measure.deadline = fields.as<Date>("deadline");
    measure.overdue =
        measure.deadline && *measure.deadline < today && !isClosedStatus(measure.statusCode);
    const Symbology& symbology = measures.definition().symbology;
    measure.markerColour = symbology.styleFor(fields.code(symbology.field)).fill;
    std::vector<FeatureId> answered;
    for (const MeasureLink& link : project.links) {
        if (link.measure == feature.id) {
            answered.push_back(link.observation);
        }
    }
    const Layer* observations = project.layer(kObservationLayer);
    measure.observations = std::ranges::count_if(answered, [&](FeatureId id) {
        return observations != nullptr && observations->find(id) != nullptr;
    });
    measure.answered = categoriesOf(observations, answered, language);
    return measure;
}

/// Labels of a coded field's values that occur among `codes`, in the value list's order;
/// codes outside the list (or no list) follow as they are.
std::vector<std::string> occurring(const FieldDef* field, const std::vector<std::string>& labels,
                                   const std::string& language) {
    std::vector<std::string> ordered;
    if (field != nullptr) {
        for (const CodedValue& value : field->values) {
            const std::string label = value.label.in(language);
            if (std::ranges::find(labels, label) != labels.end()) {
                ordered.push_back(label);
            }
        }
    }
    for (const std::string& label : labels) {
        if (std::ranges::find(ordered, label) == ordered.end()) {
            ordered.push_back(label);
        }
    }
    return ordered;
}

void add(PlanCell& cell, const PlanMeasure& measure) {
    ++cell.measures;
    cell.cost += measure.cost.value_or(0.0);
}

PlanTotals totalsOf(const LayerDef& definition, const std::vector<PlanMeasure>& measures,
                    const std::string& language) {
    auto labels = [&](auto member) {
        std::vector<std::string> found;
        for (const PlanMeasure& measure : measures) {
            found.push_back(measure.*member);
        }
        return found;
    };
    PlanTotals totals;
    totals.statuses =
        occurring(definition.field("status"), labels(&PlanMeasure::status), language);
    totals.responsibles =
        occurring(definition.field("ansvarig"), labels(&PlanMeasure::responsible), language);
    totals.cells.assign(totals.responsibles.size(),
                        std::vector<PlanCell>(totals.statuses.size()));
    totals.byResponsible.resize(totals.responsibles.size());
    totals.byStatus.resize(totals.statuses.size());
    auto position = [](const std::vector<std::string>& list, const std::string& label) {
        return static_cast<std::size_t>(std::ranges::find(list, label) - list.begin());
    };
    for (const PlanMeasure& measure : measures) {
        const std::size_t row = position(totals.responsibles, measure.responsible);
        const std::size_t column = position(totals.statuses, measure.status);
        add(totals.cells[row][column], measure);
        add(totals.byResponsible[row], measure);
        add(totals.byStatus[column], measure);
        add(totals.all, measure);
        totals.withoutCost += measure.cost ? 0 : 1;
    }
    return totals;
}

/// The measures' shapes with a margin, at least kMinMapSpanM across; without any, the
/// observations'.
Box planExtent(const Project& project, const std::vector<PlanMeasure>& measures) {
    Box extent = emptyBox();
    if (const Layer* layer = project.layer(kMeasureLayer)) {
        for (const PlanMeasure& measure : measures) {
            const Feature* feature = layer->find(measure.id);
            if (feature != nullptr && feature->geometry && !isEmpty(*feature->geometry)) {
                expand(extent, envelope(*feature->geometry));
            }
        }
    }
    if (isEmpty(extent)) {
        if (const Layer* observations = project.layer(kObservationLayer)) {
            extent = observations->extent();
        }
    }
    if (isEmpty(extent)) {
        return extent;
    }
    const double width = extent.max_corner().x() - extent.min_corner().x();
    const double height = extent.max_corner().y() - extent.min_corner().y();
    const double padX = std::max(width * kExtentMargin, (kMinMapSpanM - width) / 2.0);
    const double padY = std::max(height * kExtentMargin, (kMinMapSpanM - height) / 2.0);
    return Box(Point(extent.min_corner().x() - padX, extent.min_corner().y() - padY),
               Point(extent.max_corner().x() + padX, extent.max_corner().y() + padY));
}

std::string subtitleOf(const Layer& measures, const PlanOptions& options) {
    if (options.statuses.empty()) {
        return kAllMeasures.in(options.language);
    }
    std::string text = kStatusIs.in(options.language);
    const FieldDef* field = statusField(measures);
    for (std::size_t i = 0; i < options.statuses.size(); ++i) {
        text += (i == 0 ? "" : ", ") + field->findCode(options.statuses[i])->label.in(options.language);
    }
    return text;
}

/// The follow-up page's model: every measure of the project on the plan's date, not only the
/// plan's, since a promise is followed up on all that was done for it.
Result<std::optional<PlanFollowUp>> followUpOf(const Project& project, const Layer& measures,
                                               const MeasurePlan& plan) {
    if (measures.features().empty()) {
        return std::optional<PlanFollowUp>();
    }
    auto model = buildFollowUp(project, plan.date, plan.language);
    if (!model) {
        return std::unexpected(model.error());
    }
    PlanFollowUp followUp;
    followUp.statusColours = statusColours(measures.definition(), model->promises.statuses);
    followUp.model = std::move(*model);
    return followUp;
}

} // namespace

Result<MeasurePlan> buildMeasurePlan(const Project& project, const PlanOptions& options) {
    const Layer* measures = project.layer(kMeasureLayer);
    if (measures == nullptr) {
        return fail(ErrorCode::NotFound, "the project has no measures (layer atgarder)", "plan");
    }
    if (auto checked = checkStatuses(*measures, options.statuses); !checked) {
        return std::unexpected(checked.error());
    }
    MeasurePlan plan;
    plan.language = options.language;
    plan.title = options.title.empty() ? kDefaultTitle.in(options.language) : options.title;
    plan.subtitle = subtitleOf(*measures, options);
    plan.date = options.date.value_or(currentContext().now.date);
    for (const Feature& feature : measures->features()) {
        PlanMeasure measure = measureOf(project, *measures, feature, plan.date, options.language);
        const bool chosen =
            options.statuses.empty()
                ? measure.statusCode != kDismissedStatus
                : std::ranges::find(options.statuses, measure.statusCode) != options.statuses.end();
        if (chosen) {
            plan.measures.push_back(std::move(measure));
        }
    }
    std::ranges::sort(plan.measures, {}, [](const PlanMeasure& m) { return toInt(m.id); });
    for (std::size_t i = 0; i < plan.measures.size(); ++i) {
        plan.measures[i].number = static_cast<int>(i + 1);
    }
    plan.totals = totalsOf(measures->definition(), plan.measures, options.language);
    plan.extent = options.extent.value_or(planExtent(project, plan.measures));
    if (options.followUp) {
        auto followUp = followUpOf(project, *measures, plan);
        if (!followUp) {
            return std::unexpected(followUp.error());
        }
        plan.followUp = std::move(*followUp);
    }
    return plan;
}

} // namespace trygg
