#include "kill_state.h"

#include "test_support.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/synth/synthetic_project.h"

#include <algorithm>
#include <stdexcept>

namespace trygg::killtest {
namespace {

std::size_t baseCount(const Project& project) {
    auto it = project.metadata.find(std::string(kBaseKey));
    return it == project.metadata.end() ? 0 : std::stoul(it->second);
}

std::size_t fieldIndex(const LayerDef& def) {
    return *def.fieldIndex(kField);
}

} // namespace

std::string roundText(int round) {
    return "runda " + std::to_string(round);
}

std::vector<FeatureId> markedIds(const Project& project) {
    const Layer& layer = *project.layer(kLayer);
    std::vector<FeatureId> ids;
    for (const Feature& feature : layer.features()) {
        ids.push_back(feature.id);
    }
    // Added observations get new, higher ids: the first `base` ids are those of state 0.
    std::sort(ids.begin(), ids.end());
    ids.resize(std::min(ids.size(), baseCount(project)));
    std::vector<FeatureId> marked;
    for (std::size_t i = 0; i < ids.size(); i += kMarkEvery) {
        marked.push_back(ids[i]);
    }
    return marked;
}

Feature addedObservation(const LayerDef& observations, int round) {
    Feature feature = test::lightingObservation(observations, 733000.0 + round, 7096000.0);
    feature.values[fieldIndex(observations)] = roundText(round);
    return feature;
}

std::optional<State> stateOf(const Project& project, std::string& why) {
    const Layer& layer = *project.layer(kLayer);
    const std::vector<FeatureId> marked = markedIds(project);
    if (marked.empty()) {
        why = "no marked observations (kill_test_base missing?)";
        return std::nullopt;
    }
    std::optional<std::string> text;
    for (FeatureId id : marked) {
        const std::string value = textOf(layer.definition(), *layer.find(id), kField);
        if (text && value != *text) {
            why = "marked observations disagree: '" + *text + "' and '" + value + "'";
            return std::nullopt;
        }
        text = value;
    }
    const std::string prefix = roundText(0).substr(0, roundText(0).size() - 1);
    if (!text->starts_with(prefix)) {
        why = "marked observations say '" + *text + "'";
        return std::nullopt;
    }
    State state;
    state.marked = std::atoi(text->c_str() + prefix.size());
    state.added = static_cast<int>(layer.size()) - static_cast<int>(baseCount(project));
    return state;
}

void writeStartProject(const std::filesystem::path& path, std::size_t observations,
                       const LayerCatalog& catalog) {
    SyntheticSpec spec;
    spec.observations = observations;
    Project project = makeSyntheticProject(spec, catalog);
    Layer& layer = *project.layer(kLayer);
    project.metadata[std::string(kBaseKey)] = std::to_string(layer.size());
    for (FeatureId id : markedIds(project)) {
        Feature feature = *layer.find(id);
        feature.values[fieldIndex(layer.definition())] = roundText(0);
        layer.replace(std::move(feature));
    }
    if (auto saved = saveProjectAs(path, project); !saved) {
        throw std::runtime_error(saved.error().describe());
    }
}

} // namespace trygg::killtest
