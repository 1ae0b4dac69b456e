#pragma once
// What the kill test writes and checks, shared by the child that saves (kill_save_child) and
// the test that kills it. State j of a project: every marked observation (every 100th of
// those it started with) says "runda j" in its description, and j observations were added.
// A round takes a project from state j to j + 1 in one batch of edits and one save, so a file
// that survives a kill must hold exactly state j or j + 1, never a mix. (Its recovery copy
// is written twice in a round, after the marks and after the addition, so it may also hold
// the marks of j + 1 with j additions.)

#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trygg::killtest {

inline constexpr std::string_view kLayer = "observationer";
inline constexpr std::string_view kField = "beskrivn";
/// trygg_meta key: how many observations state 0 has.
inline constexpr std::string_view kBaseKey = "kill_test_base";
/// Every kMarkEvery-th observation of state 0 carries the round.
inline constexpr std::size_t kMarkEvery = 100;

/// The description marked observations carry in state `round`.
std::string roundText(int round);

/// The marked observations of a project in any state.
std::vector<FeatureId> markedIds(const Project& project);

/// The observation a round adds (a safety-walk observation, description = roundText(round)).
Feature addedObservation(const LayerDef& observations, int round);

/// The round the marks say and the number of observations added.
struct State {
    int marked = 0;
    int added = 0;
    bool operator==(const State&) const = default;
};

/// The state `project` holds, or nullopt (with `why`) when marked observations disagree.
std::optional<State> stateOf(const Project& project, std::string& why);

/// A synthetic project with `observations` observations in state 0, written to `path`.
void writeStartProject(const std::filesystem::path& path, std::size_t observations,
                       const LayerCatalog& catalog);

} // namespace trygg::killtest
