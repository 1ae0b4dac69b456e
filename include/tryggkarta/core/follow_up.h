#pragma once
// The follow-up of the measures ("uppföljning"): what the council and the police have done
// for each citizen promise, what is late, which observations something is being done about,
// and how a place was judged on safety walks before and after a measure. Read from a project
// as it is; the charts, the plan's follow-up page and `tryggkarta-cli followup` show the
// same model. Status codes are those of `atgarder.status`. It is plain counting over the
// project's own layers, so it lives in trygg_core: the plan document (trygg_render, which
// depends on core only) draws it.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/core/value.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// The status codes in the order a measure advances. A dropped measure ("avford") does
/// nothing, so it ranks below a proposal.
inline constexpr std::array<std::string_view, 7> kMeasureStatusOrder = {
    "avford", "forslag", "beslutad", "planerad", "pagar", "klar", "utvarderad"};

/// Position of a status code in kMeasureStatusOrder; nothing for an unknown or empty code.
std::optional<std::size_t> statusRank(std::string_view status);
/// Done, evaluated or dropped: such a measure cannot be overdue.
bool isClosedStatus(std::string_view status);
/// Done or evaluated: the place has been changed.
bool isDoneStatus(std::string_view status);

/// Measures and their cost in one cell of the promise × status table.
struct FollowUpCell {
    std::size_t measures = 0;
    double cost = 0.0;           ///< sum of the costs given
    std::size_t withoutCost = 0; ///< measures with no cost given (counted, costing nothing)
};

/// One citizen promise, or the measures that keep none.
struct PromiseRow {
    std::string code; ///< code in medborgarloften; empty for the row of measures without one
    std::string text; ///< the promise's text in the model's language; empty for the row without
    std::vector<FollowUpCell> byStatus; ///< parallel to PromiseStatusTable::statuses
    FollowUpCell total;
};

/// Measures per citizen promise (rows) and status (columns).
struct PromiseStatusTable {
    /// Every status code of the value list in its order, then any unknown code that occurs
    /// (an empty status as ""), so a chart's columns do not move between projects.
    std::vector<std::string> statuses;
    std::vector<std::string> statusLabels; ///< parallel to statuses; the code when not in the list
    /// Every promise of the value list in its order (also those without measures: that
    /// nothing was done is part of the follow-up), then codes not in the list, then the row
    /// of measures without a promise when there are such measures.
    std::vector<PromiseRow> rows;
    std::vector<FollowUpCell> byStatus; ///< column sums
    FollowUpCell all;
};

/// A measure with a deadline, for the timeline.
struct TimelineMeasure {
    FeatureId id = kNoFeatureId;
    std::string title;
    std::string status;      ///< code
    std::string statusLabel; ///< in the model's language
    std::string responsible; ///< label of `ansvarig`
    std::string promise;     ///< code of `lofte`; empty when none
    Date deadline;
    std::optional<double> cost;
    bool overdue = false; ///< deadline before `today` and the status not closed
};

struct Timeline {
    std::vector<TimelineMeasure> measures; ///< by deadline, then id
    std::size_t withoutDeadline = 0;
    std::size_t overdue = 0;
};

/// What is being done about an observation, from the most advanced linked measure.
enum class Answer {
    Nothing,      ///< no linked measure, or only dropped ones
    ProposalOnly, ///< only proposals
    Acting,       ///< at least one measure decided, planned, ongoing, done or evaluated
};

/// "nothing", "proposal", "acting": for JSON and logs.
std::string_view answerName(Answer answer);

struct ObservationAnswer {
    FeatureId observation = kNoFeatureId;
    bool unsafe = false;             ///< polaritet = otrygg
    std::string bestStatus;          ///< code of the most advanced linked measure; empty when none
    std::vector<FeatureId> measures; ///< linked measures that exist, by id
    Answer answer = Answer::Nothing;
};

struct AnswerTotals {
    std::size_t acting = 0;
    std::size_t proposalOnly = 0;
    std::size_t nothing = 0;
    [[nodiscard]] std::size_t total() const { return acting + proposalOnly + nothing; }
};

struct ObservationAnswers {
    std::vector<ObservationAnswer> observations; ///< every observation, in layer order
    AnswerTotals unsafe; ///< the unsafe observations only: what the follow-up reports
    AnswerTotals all;
};

/// The whole follow-up on one day.
struct FollowUp {
    Date today;
    std::string language = "sv";
    PromiseStatusTable promises;
    Timeline timeline;
    ObservationAnswers answers;
};

/// Builds the follow-up from the project's measures (`atgarder`), their links and the
/// observations; coded values are labelled in `language` ("sv" or "en"). A project without
/// observations gives empty answers. Fails with NotFound when there is no measure layer.
Result<FollowUp> buildFollowUp(const Project& project, const Date& today,
                               std::string_view language = "sv");

/// The parts on their own (buildFollowUp calls these).
PromiseStatusTable promiseStatusTable(const Layer& measures, std::string_view language = "sv");
Timeline measureTimeline(const Layer& measures, const Date& today,
                         std::string_view language = "sv");
ObservationAnswers observationAnswers(const Project& project);

// ---------------------------------------------------------------------------------------
// Before and after a measure.
//
// The reference dates, from the measure's own fields:
//  * done: for a measure that is done or evaluated, its deadline ("klart senast": it was
//    done by then), else its follow-up date (the place is revisited after the work), else
//    none. Other statuses have no done date: nothing has changed yet, so "after" is empty.
//  * start: the decision date (`beslutad`) when given and not after the done date, else the
//    done date.
// A walk dated before the start is "before"; on or after the done date "after"; a walk in
// between, while the work went on, is on neither side (counted in walksDuring). Without any
// date every walk is "before". A walk counts when one of its observations lies within the
// radius of the measure's geometry (point, line or polygon), or when its route passes
// within the radius: a walk that passed the place and found nothing to note is part of the
// answer. Walks without a date (`vandringar.datum`) are left out (counted in walksUndated).

struct BeforeAfterOptions {
    double radius = 50.0; ///< metres (project CRS units) from the measure's geometry
    std::string language = "sv";
};

/// One observation of a walk near the measure.
struct WalkObservation {
    FeatureId id = kNoFeatureId;
    std::string category; ///< label of `kategori`
    std::string categoryCode;
    std::optional<int> feeling; ///< `kansla`: 0 frightening … 3 comfortable
    std::string light;          ///< label of `ljusforh`
    std::string lightCode;
    bool unsafe = false;   ///< polaritet = otrygg
    double distance = 0.0; ///< metres from the measure's geometry
};

/// Numbers for one side, over the observations of all its walks.
struct SideSummary {
    std::size_t observations = 0;
    std::size_t unsafe = 0;
    std::optional<double> meanFeeling; ///< over those with a känsla; empty when none has one
    std::optional<double> unsafeShare; ///< unsafe / observations; empty without observations
};

/// One walk near the measure, with its observations near it (nearest first).
struct WalkVisit {
    FeatureId walk = kNoFeatureId;
    std::string name;
    Date date;
    std::string light; ///< label of the walk's `ljusforh`
    std::vector<WalkObservation> observations;
};

struct BeforeAfterSide {
    std::vector<WalkVisit> walks; ///< by date, then id
    SideSummary summary;
};

struct BeforeAfter {
    FeatureId measure = kNoFeatureId;
    std::string title;
    std::string status; ///< code
    double radius = 0.0;
    std::optional<Date> start; ///< walks before this are "before"
    std::optional<Date> done;  ///< walks on or after this are "after"; empty: none is
    std::string doneFrom;      ///< the field the done date came from: "deadline", "uppfoljn" or ""
    BeforeAfterSide before;
    BeforeAfterSide after;
    std::size_t walksDuring = 0;  ///< near walks between start and done: on neither side
    std::size_t walksUndated = 0; ///< near walks without a date: on neither side
};

/// The place around one measure before and after it. Fails with NotFound naming
/// "atgarder: feature N" when there is no such measure or no measure layer, with
/// InvalidGeometry when the measure has no geometry, and with Usage for a radius not > 0.
Result<BeforeAfter> beforeAfter(const Project& project, FeatureId measure,
                                const BeforeAfterOptions& options = {});

/// The measures, by id, that have at least one walk before and one after.
std::vector<FeatureId> measuresWithBeforeAndAfter(const Project& project,
                                                  const BeforeAfterOptions& options = {});

} // namespace trygg
