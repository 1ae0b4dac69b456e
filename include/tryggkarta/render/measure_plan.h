#pragma once
// The measure plan ("åtgärdsplan"): what the council and the police decide from and what
// citizens are shown. A map of the centre with the measures numbered over the lighting and
// the observations, then a table of the measures (what, who, when, what it costs, which
// citizen promise it keeps, which observations it answers) and the cost per responsible
// body and status, and a follow-up page (what was done per citizen promise, the deadlines,
// what is being done about the observations). The model is built from a project; the pages
// are drawn through the map renderer, as PDF or PNG.

#include "tryggkarta/core/follow_up.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/render/map_scene.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

enum class PaperSize { A4, A3 };

/// What goes into a plan and how it looks. Status codes are those of `atgarder.status`.
struct PlanOptions {
    std::string language = "sv";       ///< "sv" or "en"
    /// The statuses to include; empty: every measure but those dismissed ("avford").
    std::vector<std::string> statuses;
    std::optional<Box> extent;         ///< the map's area (project CRS); empty: the measures'
    PaperSize paper = PaperSize::A4;   ///< always landscape
    std::string title;                 ///< empty: "Åtgärdsplan – Vännäs centrum"
    std::optional<Date> date;          ///< the date printed on the plan; empty: today
    bool followUp = true;              ///< add the follow-up page when there are measures
};

/// One measure of the plan, its coded values as labels in the plan's language.
struct PlanMeasure {
    int number = 0; ///< 1..N, on the map and in the table
    FeatureId id = kNoFeatureId;
    std::optional<Point> anchor; ///< where its number stands on the map; empty without geometry
    std::string title;
    std::string type;
    std::string status;
    std::string statusCode;
    std::string responsible;
    std::string promise; ///< the citizen promise it keeps (label of `lofte`)
    std::optional<double> cost;
    std::optional<Date> deadline;
    bool overdue = false;     ///< past its deadline on the plan's date and not done
    std::string markerColour; ///< "#rrggbb": the measure layer's colour for its status
    std::size_t observations = 0; ///< observations it answers
    std::string answered;         ///< those observations by category: "Belysning 2, Klotter 1"
};

/// Measures and their cost in one cell of the totals table.
struct PlanCell {
    std::size_t measures = 0;
    double cost = 0.0;
};

/// Cost per responsible body (rows) and status (columns), only those that occur.
struct PlanTotals {
    std::vector<std::string> statuses;     ///< column headings, in the value list's order
    std::vector<std::string> responsibles; ///< row headings, in the value list's order
    std::vector<std::vector<PlanCell>> cells; ///< [responsible][status]
    std::vector<PlanCell> byResponsible;      ///< row sums
    std::vector<PlanCell> byStatus;           ///< column sums
    PlanCell all;
    std::size_t withoutCost = 0; ///< measures with no cost given (counted, costing nothing)
};

/// The follow-up page: the follow-up on the plan's date over every measure of the project
/// (whatever statuses the plan lists), with the measure layer's colour for each status.
struct PlanFollowUp {
    FollowUp model;
    std::vector<std::string> statusColours; ///< "#rrggbb", parallel to model.promises.statuses
};

struct MeasurePlan {
    std::string language = "sv";
    std::string title;
    std::string subtitle; ///< which measures: "Alla åtgärder utom avförda", "Status: Klar"
    Date date;
    Box extent; ///< the map's area; empty when the plan has nothing to place
    std::vector<PlanMeasure> measures; ///< by id, numbered from 1
    PlanTotals totals;
    std::optional<PlanFollowUp> followUp; ///< empty when left out or the project has no measures
};

/// Collects the plan: the measures of `atgarder` whose status is among `options.statuses`
/// (all but the dismissed ones when empty), numbered by id, each with the observations linked to it;
/// and the follow-up unless `options.followUp` is off. Fails with NotFound when the project has
/// no measure layer, and with InvalidValue naming the code and the valid ones for an unknown
/// status.
Result<MeasurePlan> buildMeasurePlan(const Project& project, const PlanOptions& options);

/// What writeMeasurePlan wrote.
struct PlanLayout {
    int pages = 0;
    std::size_t tableRows = 0; ///< measure rows drawn in the table (a row is never split)
    std::vector<std::filesystem::path> files; ///< the PDF, or one PNG per page
};

/// PNG pages are written at this resolution (the PDF at 300 dpi).
inline constexpr double kPlanPngDpi = 150.0;

/// Writes the plan, landscape on `paper`: page 1 the title, the map (the scene's base map,
/// lighting, observations and measures, with the measures' numbers, legend, scale bar and
/// north arrow), then the table of measures with its heading repeated on every page, and the
/// totals; then the follow-up page when the plan has one. A path ending in ".png" gives one
/// PNG per page: the path itself for page 1, then "name-2.png", "name-3.png", …; anything
/// else gives a PDF. Files appear complete or not at
/// all; on error or cancel nothing is left behind and the error names the path.
Result<PlanLayout> writeMeasurePlan(const std::filesystem::path& path, const MeasurePlan& plan,
                                    const MapScene& scene, PaperSize paper,
                                    Progress& progress = Progress::none());

} // namespace trygg
