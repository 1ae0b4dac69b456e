// A place's score in the planner's words, Swedish or English (as the walk protocol and the
// plan, the library writes its own sentences so that the CLI and the app say the same).

#include "tryggkarta/analysis/priorities.h"
#include "tryggkarta/core/schema.h"

#include <cmath>
#include <cstdio>

namespace trygg {
namespace {

/// A word in both languages, singular and plural.
struct Noun {
    Label one;
    Label many;
};

const Noun kUnsafeObservations{{"otrygg synpunkt", "unsafe observation"},
                               {"otrygga synpunkter", "unsafe observations"}};
const Noun kObservations{{"synpunkt", "observation"}, {"synpunkter", "observations"}};
const std::array<Noun, 3> kFeelings{
    Noun{{"skrämmande", "frightening"}, {"skrämmande", "frightening"}},
    Noun{{"obehaglig", "uncomfortable"}, {"obehagliga", "uncomfortable"}},
    Noun{{"acceptabel", "acceptable"}, {"acceptabla", "acceptable"}}};
const Label kNoFeeling{"känsla ej angiven", "feeling not given"};
const Label kInDark{"i mörker", "in darkness"};
const Label kAtDusk{"i skymning", "at dusk"};
const Label kNoneDark{"ingen i mörker", "none in darkness"};
const Label kNoAnalysis{"ingen belysningsanalys", "no lighting analysis"};
const Label kNoLux{"inget ljusvärde", "no lux value"};
const Label kToGap{"till mörkt parti", "to a dark stretch"};
const Label kNoGapWithin{"inget mörkt parti inom", "no dark stretch within"};
const Label kNoMeasure{"ingen åtgärd", "no measure"};
const Label kMeasureForAll{"åtgärd för alla", "a measure for all"};
const Label kMeasureFor{"åtgärd för", "a measure for"};
const Label kOf{"av", "of"};
const Label kEast{"Ö", "E"};

std::string count(std::size_t n, const Noun& noun, std::string_view language) {
    return std::to_string(n) + ' ' + (n == 1 ? noun.one : noun.many).in(language);
}

/// `value` with `decimals` decimals, a decimal comma in Swedish.
std::string decimal(double value, int decimals, std::string_view language) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string out(text);
    if (language != "en") {
        for (char& c : out) {
            c = c == '.' ? ',' : c;
        }
    }
    return out;
}

std::string feelingText(const PlaceFacts& facts, std::string_view language) {
    std::string out;
    std::size_t felt = 0;
    for (std::size_t k = 0; k < facts.feeling.size(); ++k) {
        felt += facts.feeling[k];
        if (k < kFeelings.size() && facts.feeling[k] > 0) {
            out += (out.empty() ? "" : ", ") + count(facts.feeling[k], kFeelings[k], language);
        }
    }
    if (felt == 0) {
        return " (" + kNoFeeling.in(language) + ")";
    }
    return out.empty() ? out : " (" + out + ")";
}

std::string darknessText(const PlaceFacts& facts, std::string_view language) {
    if (facts.dark == 0 && facts.twilight == 0) {
        return kNoneDark.in(language);
    }
    std::string out;
    if (facts.dark > 0) {
        out = std::to_string(facts.dark) + ' ' + kInDark.in(language);
    }
    if (facts.twilight > 0) {
        out += (out.empty() ? "" : ", ") + std::to_string(facts.twilight) + ' ' + kAtDusk.in(language);
    }
    return out;
}

std::string lightingText(const PlaceFacts& facts, const PriorityList& list,
                         std::string_view language) {
    if (!list.lightingKnown) {
        return kNoAnalysis.in(language);
    }
    std::string out = facts.meanLux
                          ? decimal(*facts.meanLux, *facts.meanLux < 10.0 ? 1 : 0, language) + " lx"
                          : kNoLux.in(language);
    out += ", ";
    if (facts.gapDistance) {
        out += decimal(*facts.gapDistance, 0, language) + " m " + kToGap.in(language);
    } else {
        out += kNoGapWithin.in(language) + ' ' + decimal(list.gapReach, 0, language) + " m";
    }
    return out;
}

std::string measureText(const PlaceFacts& facts, std::string_view language) {
    if (facts.answered == 0) {
        return kNoMeasure.in(language);
    }
    if (facts.answered == facts.observations) {
        return kMeasureForAll.in(language);
    }
    return kMeasureFor.in(language) + ' ' + std::to_string(facts.answered) + ' ' + kOf.in(language) +
           ' ' + std::to_string(facts.observations);
}

} // namespace

std::string explainPlace(const PriorityPlace& place, const PriorityList& list,
                         std::string_view language) {
    const PlaceFacts& facts = place.facts;
    return count(facts.observations, list.unsafeOnly ? kUnsafeObservations : kObservations, language) +
           feelingText(facts, language) + ", " + darknessText(facts, language) + ", " +
           lightingText(facts, list, language) + ", " + measureText(facts, language);
}

std::string placeLabel(const PriorityPlace& place, std::string_view language) {
    if (!place.name.empty()) {
        return place.name;
    }
    return "N " + decimal(place.centre.y(), 0, language) + ", " + kEast.in(language) + ' ' +
           decimal(place.centre.x(), 0, language);
}

} // namespace trygg
