#pragma once
// The per-layer parts of the synthetic project generator.

#include "field_values.h"
#include "geography.h"

#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/project.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::synth {

/// A field looked up by name once per layer; absent fields are skipped silently so the
/// generator follows whatever layers/*.json holds.
class Slot {
public:
    Slot(const LayerDef& def, std::initializer_list<std::string_view> names);

    [[nodiscard]] explicit operator bool() const { return m_field != nullptr; }
    [[nodiscard]] const FieldDef* field() const { return m_field; }
    [[nodiscard]] std::size_t index() const { return m_index; }
    /// Stores `value` unless the field is absent or the value NULL (then the generic one stays).
    void set(Feature& feature, Value value) const;

private:
    const FieldDef* m_field = nullptr;
    std::size_t m_index = 0;
};

/// Generic values for every field, leaving the fields in `skip` NULL for the caller.
void fillGeneric(Feature& feature, const LayerDef& def, Rng& rng, const std::vector<bool>& skip);

/// Marks the slots a generator fills itself; null slots are left to fillGeneric.
std::vector<bool> handledFields(const LayerDef& def, std::initializer_list<const Slot*> slots);

/// Gives required fields among `handled` that a generator left NULL a generic value.
void completeRequired(Feature& feature, const LayerDef& def, Rng& rng,
                      const std::vector<bool>& handled);

/// A safety walk as planned before its features and observations are made.
struct Walk {
    FeatureId id;
    LineString route;
    DateTime start;
    bool dark = false;
    std::string name; ///< empty: "[Exempel] Trygghetsvandring N, kväll|dagtid"
};

/// When a walk that takes about 80 minutes, stops included, reaches `fraction` (0–1) of its route.
DateTime timeAlongWalk(const Walk& walk, double fraction);

std::vector<Walk> planWalks(Rng& rng, std::size_t count);
std::vector<Feature> makeWalks(const LayerDef& def, const std::vector<Walk>& walks, Rng& rng);

/// Observations, plus for each hot spot a few of its observations' positions, which
/// measures are placed beside.
struct Observations {
    std::vector<Feature> features;
    std::vector<std::vector<Point>> anchors;
};
Observations makeObservations(const LayerDef& def, std::size_t count,
                              const std::vector<HotSpot>& hotSpots, const std::vector<Walk>& walks,
                              Rng& rng);

/// The 0–3 feeling (`kansla`) of an observation: unsafe places score low.
int feelingScore(bool safe, Rng& rng);

/// One of the example sentences (`variant` taken modulo their number) for an observation of
/// the category at `category` in `categories`, felt safe or not.
std::string_view exampleSentence(const CodePicker& categories, std::size_t category, bool safe,
                                 std::size_t variant);

std::vector<Feature> makeLuminaires(const LayerDef& def, std::size_t count, Rng& rng);

struct Measures {
    std::vector<Feature> features;
    std::vector<MeasureLink> links;
};
/// `observations` may be null (a catalog without them): the measures then have no links.
Measures makeMeasures(const LayerDef& def, std::size_t count, const std::vector<HotSpot>& hotSpots,
                      const std::vector<std::vector<Point>>& anchors, const Layer* observations,
                      Rng& rng);

/// Where a measure is in its life; it decides which dates and texts it has.
enum class Stage { Proposed, Decided, Done, Evaluated, Dropped };
Stage stageOf(const CodePicker& statuses, std::size_t status);

/// A year on, the evening walk's route walked again after some measures along it were done,
/// so the example shows a place before and after a measure. Adds one walk and its
/// observations, and gives the measures it passes their decision and done dates (ids kept).
/// Does nothing without a walk in darkness or without done or doable measures near it.
void addFollowUpWalk(Layer& observations, Layer& walks, Layer& measures,
                     const std::vector<Walk>& planned, Rng& rng);

/// A place name for example text ("vid Oskars torg").
std::string_view placePhrase(std::size_t index);
std::size_t placePhraseCount();

} // namespace trygg::synth
