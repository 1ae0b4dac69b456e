#pragma once
// How the follow-up is shown, shared by the app's charts and the plan's follow-up page so
// that both read alike: a status in the measure layer's colour, overdue in red, one colour
// for each answer to "is something being done?", and which measures stand on a timeline.

#include "tryggkarta/core/follow_up.h"
#include "tryggkarta/core/schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// Overdue deadlines: the plan's table, its timeline and the app's timeline.
inline constexpr std::string_view kOverdueColour = "#b01c1c";

/// "#rrggbb" for what is being done about observations: green when acted on, amber for a
/// proposal only, red when nothing is done, the follow-up's weak link.
constexpr std::string_view answerColour(Answer answer) {
    switch (answer) {
    case Answer::Acting:
        return "#31a354";
    case Answer::ProposalOnly:
        return "#fec44f";
    case Answer::Nothing:
        break;
    }
    return "#de2d26";
}

/// Whether a measure stands on the timelines: a dropped one ("avford") has nothing left to
/// do by its deadline, so the app's and the plan's timelines leave it out.
inline bool onTimeline(const TimelineMeasure& measure) {
    return measure.status != "avford";
}

/// The measure layer's fill colour ("#rrggbb") for each status code, as on the map.
inline std::vector<std::string> statusColours(const LayerDef& measures,
                                              const std::vector<std::string>& statuses) {
    std::vector<std::string> colours;
    colours.reserve(statuses.size());
    for (const std::string& status : statuses) {
        colours.push_back(measures.symbology.styleFor(status).fill);
    }
    return colours;
}

} // namespace trygg
