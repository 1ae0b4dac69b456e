// The example's follow-up walk: as a kommun's data looks a year on, the evening route walked
// again after some measures along it were done, so the follow-up has a place to show before
// and after. Works on the finished layers with its own random stream, so the layers made
// before stay as they were.

#include "generators.h"
#include "line_geometry.h"

#include "tryggkarta/core/hit_test.h"

#include <boost/geometry/algorithms/centroid.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace trygg::synth {
namespace {

constexpr std::string_view kName = "[Exempel] Uppföljningsvandring, kväll";
/// Metres from a measure to the evening walk's observations: the follow-up's own reach.
constexpr double kNear = 50.0;
/// The new observations lie this close to the middle of the measure, well within kNear.
constexpr double kScatter = 10.0;
constexpr std::size_t kMeasures = 3;
/// Observations noted at the chosen measures, shared out among them in route order.
constexpr std::size_t kNotes = 10;
/// At a place that was unsafe before, one note in this many is still unsafe: better, not perfect.
constexpr std::size_t kUnsafeEvery = 3;

/// A measure the follow-up walk passes, and the earlier observation beside it.
struct Chosen {
    FeatureId measure;
    Feature earlier;    ///< a copy of the evening walk's observation the measure answered
    bool wasUnsafe = false;
    Point place;        ///< where the new observations gather
    double along = 0.0; ///< metres along the route, to order the stops
};

struct Candidate {
    FeatureId measure;
    const Feature* earlier = nullptr; ///< the nearest unsafe one, else the nearest one
    Point place;
    double along = 0.0;
    std::size_t nearby = 0; ///< evening walk observations within kNear
    std::size_t unsafe = 0; ///< of which unsafe
    Stage stage = Stage::Decided;
    std::string status; ///< code, to keep one of each status in the example
};

const Walk* eveningWalk(const std::vector<Walk>& planned) {
    auto it = std::ranges::find_if(planned, &Walk::dark);
    return it == planned.end() ? nullptr : &*it;
}

/// One pass over what may be a million observations, the walk field looked up once.
std::vector<const Feature*> observationsOf(const Layer& observations, FeatureId walk) {
    std::vector<const Feature*> out;
    const Slot walkRef(observations.definition(), {"vandring"});
    if (!walkRef) {
        return out;
    }
    const Value asInteger{toInt(walk)};
    const Value asReal{static_cast<double>(toInt(walk))};
    for (const Feature& feature : observations.features()) {
        const Value& value = feature.values[walkRef.index()];
        if ((value == asInteger || value == asReal) && feature.geometry &&
            std::holds_alternative<Point>(*feature.geometry)) {
            out.push_back(&feature);
        }
    }
    return out;
}

std::vector<Candidate> candidates(const Layer& measures, const LayerDef& notes,
                                  const std::vector<const Feature*>& earlier, const Walk& walk,
                                  const CodePicker& statuses) {
    const Slot status(measures.definition(), {"status"});
    std::vector<Candidate> out;
    for (const Feature& measure : measures.features()) {
        if (!measure.geometry) {
            continue;
        }
        Candidate candidate;
        // The problem the measure answered is the better pattern for the new notes: the
        // nearest unsafe note, else the nearest one.
        std::pair best{true, kNear};
        for (const Feature* observation : earlier) {
            double d = distanceTo(std::get<Point>(*observation->geometry), *measure.geometry);
            if (d > kNear) {
                continue;
            }
            bool unsafe = textOf(notes, *observation, "polaritet") == "otrygg";
            ++candidate.nearby;
            candidate.unsafe += unsafe ? 1 : 0;
            if (std::pair(!unsafe, d) <= best) {
                best = {!unsafe, d};
                candidate.earlier = observation;
            }
        }
        if (candidate.earlier == nullptr) {
            continue;
        }
        candidate.measure = measure.id;
        candidate.place = bg::return_centroid<Point>(envelope(*measure.geometry));
        candidate.along = nearestOn(walk.route, candidate.place).along;
        if (status) {
            const Value& code = measure.values[status.index()];
            candidate.status = toDisplayString(code);
            if (auto index = statuses.indexOf(code)) {
                candidate.stage = stageOf(statuses, *index);
            }
        }
        out.push_back(std::move(candidate));
    }
    return out;
}

bool isDone(Stage stage) { return stage == Stage::Done || stage == Stage::Evaluated; }

/// Done measures first, then those that answered most unsafe notes, then most notes; a measure not done yet is made done
/// only while another keeps its status, so the example still shows every status, and a
/// dropped one never is. The earlier observations are copied: the layer is about to grow.
std::vector<Chosen> choose(std::vector<Candidate> all, const Layer& measures) {
    std::map<std::string, std::size_t> perStatus;
    const Slot status(measures.definition(), {"status"});
    for (const Feature& measure : measures.features()) {
        ++perStatus[status ? toDisplayString(measure.values[status.index()]) : std::string()];
    }
    std::ranges::sort(all, {}, [](const Candidate& c) {
        return std::tuple(!isDone(c.stage), -static_cast<std::ptrdiff_t>(c.unsafe),
                          -static_cast<std::ptrdiff_t>(c.nearby), toInt(c.measure));
    });
    std::vector<Chosen> out;
    for (const Candidate& candidate : all) {
        if (out.size() == kMeasures) {
            break;
        }
        if (!isDone(candidate.stage)) {
            if (candidate.stage == Stage::Dropped || perStatus[candidate.status] < 2) {
                continue;
            }
            --perStatus[candidate.status];
        }
        out.push_back(Chosen{.measure = candidate.measure,
                             .earlier = *candidate.earlier,
                             .wasUnsafe = candidate.unsafe > 0,
                             .place = candidate.place,
                             .along = candidate.along});
    }
    std::ranges::sort(out, {}, &Chosen::along);
    return out;
}

/// The first month at least a month after `after` in which it is dark at `hour`.
Date nextDarkMonth(const Date& after, int day, int hour) {
    Date date = addMonths(after, 1);
    while (lightAt(date.month, hour) != Light::Dark) {
        date = addMonths(date, 1);
    }
    date.day = std::min(day, daysInMonth(date.year, date.month));
    return date;
}

/// Decided after the last walk so far, done a few months later, one after the other; the
/// walk follows in the dark, a year after the evening walk at the earliest.
struct Dates {
    Date decided;
    std::vector<Date> done; ///< parallel to the chosen measures
    Date walk;
};

Dates datesFor(const std::vector<Walk>& planned, const Walk& evening, std::size_t measures) {
    Date last = planned.front().start.date;
    for (const Walk& walk : planned) {
        last = std::max(last, walk.start.date);
    }
    Dates dates;
    dates.decided = addMonths(last, 1);
    for (std::size_t i = 0; i < measures; ++i) {
        dates.done.push_back(addMonths(dates.decided, 3 + static_cast<int>(i)));
    }
    const Date earliest = std::max(dates.done.back(), addMonths(evening.start.date, 11));
    dates.walk = nextDarkMonth(earliest, evening.start.date.day, evening.start.hour);
    return dates;
}

void markDone(Layer& measures, FeatureId id, const Dates& dates, std::size_t order,
              const CodePicker& statuses) {
    const LayerDef& def = measures.definition();
    const Slot status(def, {"status"});
    const Slot decided(def, {"beslutad"});
    const Slot deadline(def, {"deadline", "klart_till", "senast"});
    const Slot followUp(def, {"uppfoljn"});
    const Slot outcome(def, {"utfall"});
    Feature measure = *measures.find(id);
    auto index = status ? statuses.indexOf(measure.values[status.index()]) : std::nullopt;
    Stage stage = index ? stageOf(statuses, *index) : Stage::Decided;
    if (!isDone(stage)) {
        if (auto done = statuses.find({"klar"})) {
            status.set(measure, statuses.value(*done));
            stage = Stage::Done;
        }
    }
    if (decided) {
        decided.set(measure, dateValue(*decided.field(), dates.decided));
    }
    if (deadline) {
        deadline.set(measure, dateValue(*deadline.field(), dates.done[order]));
    }
    // The follow-up walk is the revisit that evaluated it.
    if (stage == Stage::Evaluated && followUp) {
        followUp.set(measure, dateValue(*followUp.field(), dates.walk));
    }
    if (stage == Stage::Evaluated && outcome) {
        outcome.set(measure, textValue(*outcome.field(),
                                       "[Exempel] Vid uppföljningsvandringen upplevs platsen tryggare"));
    }
    measures.replace(std::move(measure));
}

/// One observation of the follow-up walk, made from the earlier one at the same place so
/// category, source and the coded fields match and only the judgement differs.
class Noter {
public:
    Noter(const LayerDef& def, const Walk& walk)
        : m_walk(walk), m_category(def, {"kategori"}), m_polarity(def, {"polaritet"}),
          m_description(def, {"beskrivn"}), m_time(def, {"tidpunkt"}), m_light(def, {"ljusforh"}),
          m_walkRef(def, {"vandring"}), m_feeling(def, {"kansla"}), m_measure(def, {"atgard"}),
          m_categories(m_category.field(), {}), m_polarities(m_polarity.field(), {}),
          m_lights(m_light.field(), {}) {}

    Feature note(const Chosen& at, bool safe, std::size_t count, Rng& rng) const {
        Feature feature = at.earlier;
        feature.id = kNoFeatureId;
        feature.geometry = around(rng, at.place, kScatter);
        if (auto code = polarityCode(safe)) {
            m_polarity.set(feature, m_polarities.value(*code));
        }
        if (m_feeling) {
            m_feeling.set(feature, numberValue(*m_feeling.field(), feelingScore(safe, rng)));
        }
        if (m_description) {
            auto category = m_category ? m_categories.indexOf(feature.values[m_category.index()])
                                       : std::nullopt;
            std::string text = "[Exempel] " +
                               std::string(exampleSentence(m_categories, category.value_or(0), safe, count)) +
                               (safe ? " – bättre än vid förra vandringen." : " – ingen skillnad sedan förra vandringen.");
            m_description.set(feature, textValue(*m_description.field(), std::move(text)));
        }
        if (m_time) {
            double length = lineLength(m_walk.route);
            DateTime when = timeAlongWalk(m_walk, length > 0.0 ? at.along / length : 0.0);
            m_time.set(feature, timeValue(*m_time.field(), when));
        }
        if (auto dark = lightCode(m_lights, Light::Dark)) {
            m_light.set(feature, m_lights.value(*dark));
        }
        if (m_walkRef) {
            m_walkRef.set(feature, numberValue(*m_walkRef.field(), static_cast<double>(toInt(m_walk.id))));
        }
        if (m_measure) {
            feature.values[m_measure.index()] = Value{}; // nothing is linked to the new notes
        }
        return feature;
    }

private:
    /// "otrygg" for unsafe; for safe the first other code with "trygg" in it.
    std::optional<std::size_t> polarityCode(bool safe) const {
        for (std::size_t i = 0; i < m_polarities.size(); ++i) {
            const std::string& text = m_polarities.text(i);
            if (text.find("trygg") != std::string::npos && (text.find("otrygg") == std::string::npos) == safe) {
                return i;
            }
        }
        return std::nullopt;
    }

    const Walk& m_walk;
    Slot m_category, m_polarity, m_description, m_time, m_light, m_walkRef, m_feeling, m_measure;
    CodePicker m_categories, m_polarities, m_lights;
};

} // namespace

void addFollowUpWalk(Layer& observations, Layer& walks, Layer& measures,
                     const std::vector<Walk>& planned, Rng& rng) {
    const Walk* evening = eveningWalk(planned);
    if (evening == nullptr) {
        return;
    }
    const CodePicker statuses(Slot(measures.definition(), {"status"}).field(), {});
    const std::vector<Chosen> chosen =
        choose(candidates(measures, observations.definition(),
                          observationsOf(observations, evening->id), *evening, statuses),
               measures);
    if (chosen.empty()) {
        return;
    }
    const Dates dates = datesFor(planned, *evening, chosen.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        markDone(measures, chosen[i].measure, dates, i, statuses);
    }

    std::int64_t lastWalk = 0;
    for (const Feature& feature : walks.features()) {
        lastWalk = std::max(lastWalk, toInt(feature.id));
    }
    Walk walk;
    walk.id = FeatureId{lastWalk + 1};
    walk.route = evening->route;
    walk.start = evening->start;
    walk.start.date = dates.walk;
    walk.dark = true;
    walk.name = std::string(kName);
    for (Feature& feature : makeWalks(walks.definition(), {walk}, rng)) {
        walks.add(std::move(feature));
    }

    const Noter noter(observations.definition(), walk);
    std::size_t count = 0;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        std::size_t notes = kNotes / chosen.size() + (i < kNotes % chosen.size() ? 1 : 0);
        for (std::size_t k = 0; k < notes; ++k, ++count) {
            bool safe = !chosen[i].wasUnsafe || k % kUnsafeEvery != kUnsafeEvery - 1;
            observations.add(noter.note(chosen[i], safe, count, rng));
        }
    }
}

} // namespace trygg::synth
