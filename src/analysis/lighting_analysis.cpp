#include "tryggkarta/analysis/lighting_analysis.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <limits>

namespace trygg {
namespace {

bool concernsLight(const Layer& layer, const Feature& f) {
    const LayerDef& def = layer.definition();
    return textOf(def, f, "kategori") == "belysning" || textOf(def, f, "ljusforh") == "morker";
}

/// The class of the nearest sample within reach, else the fallback class.
std::size_t classNear(const LightingModel& model, const Point& p) {
    if (const auto sample = model.sampleTree.nearest(p, model.options.observationReach)) {
        return model.samples.classIndex[*sample];
    }
    return *model.network.table.indexOf(model.network.table.fallbackClassName);
}

void nearestGap(const LightingModel& model, const PathLighting& paths, ObservationLight& obs) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t g = 0; g < paths.gaps.size(); ++g) {
        const DarkGap& gap = paths.gaps[g];
        const LineString piece = subLine(model.network.lines[gap.line].line, gap.from, gap.to);
        const double d = piece.size() >= 2 ? bg::distance(obs.position, piece)
                                           : bg::distance(obs.position, gap.worstAt);
        if (d < best) {
            best = d;
            obs.gap = g;
            obs.gapDistance = d;
        }
    }
}

std::vector<ObservationLight> joinObservations(const LightingModel& model,
                                               const LuminaireIndex& index,
                                               const PathLighting& paths,
                                               const Project& project) {
    std::vector<ObservationLight> out;
    const Layer* layer = project.layer(kObservationLayer);
    if (!layer) {
        return out;
    }
    for (const Feature& f : layer->features()) {
        const auto* point = f.geometry ? std::get_if<Point>(&*f.geometry) : nullptr;
        if (!point || !concernsLight(*layer, f)) {
            continue;
        }
        ObservationLight obs;
        obs.observation = f.id;
        obs.position = *point;
        obs.lux = index.horizontalIlluminance(*point, model.options.maintenanceFactor);
        obs.classIndex = classNear(model, *point);
        nearestGap(model, paths, obs);
        out.push_back(obs);
    }
    return out;
}

void summarise(const LightingModel& model, LightingScenario& s) {
    const auto& classes = model.network.table.classes;
    std::vector<ClassSummary> all(classes.size());
    std::vector<bool> seen(classes.size(), false);
    for (std::size_t c = 0; c < classes.size(); ++c) {
        all[c].classIndex = c;
        all[c].worstMinimum = std::numeric_limits<double>::infinity();
    }
    s.metres = s.underLitMetres = s.darkMetres = 0.0;
    for (const PathSegment& segment : s.paths.segments) {
        ClassSummary& c = all[segment.classIndex];
        seen[segment.classIndex] = true;
        c.metres += segment.length();
        if (segment.verdict == LightingVerdict::UnderLit) {
            c.underLitMetres += segment.length();
        } else if (segment.verdict == LightingVerdict::OverLit) {
            c.overLitMetres += segment.length();
        }
        c.worstMinimum = std::min(c.worstMinimum, segment.minimumLux);
        s.metres += segment.length();
        s.underLitMetres += segment.verdict == LightingVerdict::UnderLit ? segment.length() : 0.0;
    }
    for (const DarkGap& gap : s.paths.gaps) {
        s.darkMetres += gap.length();
    }
    s.classes.clear();
    for (std::size_t c = 0; c < classes.size(); ++c) {
        if (seen[c]) {
            s.classes.push_back(all[c]);
        }
    }
    s.observationsLit = static_cast<std::size_t>(std::ranges::count_if(
        s.observations, [&](const ObservationLight& o) { return o.lit(model.network.table); }));
}

bool overlaps(const DarkGap& a, const DarkGap& b) {
    return a.line == b.line && a.from < b.to && b.from < a.to;
}

} // namespace

Result<LightingModel> buildLightingModel(const Project& project, LightingClassTable table,
                                         const LuminaireOptions& luminaireOptions,
                                         const LightingOptions& options) {
    auto network = buildPathNetwork(project, std::move(table));
    if (!network) {
        return std::unexpected(network.error());
    }
    LightingModel model;
    model.options = options;
    model.network = std::move(*network);
    model.samples = samplePathNetwork(model.network, options.sampleStep);
    model.sampleTree = SampleTree(model.samples);
    LuminaireOptions withoutPlanned = luminaireOptions;
    withoutPlanned.includePlanned = false;
    model.luminaires = projectLuminaires(project, model.network, withoutPlanned);
    for (std::size_t i = 0; i < model.luminaires.origins.size(); ++i) {
        if (model.luminaires.origins[i].planned) {
            model.planned.push_back(i);
        }
    }
    return model;
}

LuminaireIndex lightingIndex(const LightingModel& model, bool withPlanned) {
    std::vector<Luminaire> luminaires = model.luminaires.luminaires;
    if (withPlanned) {
        for (std::size_t i : model.planned) {
            LuminaireSpec spec = luminaires[i].spec();
            spec.on = true;
            luminaires[i] = *makeLuminaire(std::move(spec)); // valid: it was made before
        }
    }
    return LuminaireIndex(std::move(luminaires));
}

Result<LightingScenario> runLightingScenario(const LightingModel& model,
                                             const LuminaireIndex& index, bool withPlanned,
                                             const Project& project, Progress& progress) {
    auto lux = computeSampleLux(model.samples, index, model.options.maintenanceFactor, progress);
    if (!lux) {
        return std::unexpected(lux.error());
    }
    LightingScenario scenario;
    scenario.withPlanned = withPlanned;
    scenario.lux = std::move(*lux);
    reevaluateScenario(model, index, scenario, project);
    return scenario;
}

void reevaluateScenario(const LightingModel& model, const LuminaireIndex& index,
                        LightingScenario& scenario, const Project& project) {
    scenario.paths = evaluatePathLighting(model.network, model.samples, scenario.lux,
                                          model.options.segmentLength);
    scenario.observations = joinObservations(model, index, scenario.paths, project);
    summarise(model, scenario);
}

LightingComparison compareScenarios(const LightingModel& model, const LightingScenario& before,
                                    const LightingScenario& after) {
    LightingComparison c;
    c.underLitBefore = before.underLitMetres;
    c.underLitAfter = after.underLitMetres;
    c.gapsBefore = before.paths.gaps.size();
    c.gapsAfter = after.paths.gaps.size();
    c.darkBefore = before.darkMetres;
    c.darkAfter = after.darkMetres;
    for (const DarkGap& gap : before.paths.gaps) {
        const bool open = std::ranges::any_of(
            after.paths.gaps, [&](const DarkGap& other) { return overlaps(gap, other); });
        c.gapsClosed += open ? 0 : 1;
    }
    c.observationsLitBefore = before.observationsLit;
    c.observationsLitAfter = after.observationsLit;
    c.observations = std::min(before.observations.size(), after.observations.size());
    for (std::size_t i = 0; i < c.observations; ++i) {
        const auto& table = model.network.table;
        if (!before.observations[i].lit(table) && after.observations[i].lit(table)) {
            ++c.observationsNowLit;
        }
    }
    return c;
}

Result<LightingRun> runLightingAnalysis(const Project& project, LightingClassTable table,
                                        const LuminaireOptions& luminaireOptions,
                                        const LightingOptions& options, bool withPlanned,
                                        Progress& progress) {
    progress.setStage("reading lamps and paths");
    auto model = buildLightingModel(project, std::move(table), luminaireOptions, options);
    if (!model) {
        return std::unexpected(model.error());
    }
    LightingRun run;
    run.model = std::move(*model);
    progress.setStage("lighting along the paths");
    auto current = runLightingScenario(run.model, lightingIndex(run.model, false), false, project,
                                       progress);
    if (!current) {
        return std::unexpected(current.error());
    }
    run.current = std::move(*current);
    if (withPlanned) {
        progress.setStage("lighting with the planned lamps");
        auto planned = runLightingScenario(run.model, lightingIndex(run.model, true), true,
                                           project, progress);
        if (!planned) {
            return std::unexpected(planned.error());
        }
        run.planned = std::move(*planned);
        run.comparison = compareScenarios(run.model, run.current, *run.planned);
    }
    return run;
}

} // namespace trygg
