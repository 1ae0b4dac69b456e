#include "tryggkarta/analysis/lighting_results.h"

#include "feature_filler.h"

#include <cmath>

namespace trygg {
namespace {

using analysis::FeatureFiller;

std::string scenarioCode(const LightingScenario& scenario) {
    return scenario.withPlanned ? "med_planerade" : "nulage";
}

} // namespace

std::vector<Feature> segmentFeatures(const LayerDef& def, const LightingModel& model,
                                     const LightingScenario& scenario, const DateTime& computed) {
    std::vector<Feature> out;
    for (const PathSegment& s : scenario.paths.segments) {
        const NetworkLine& line = model.network.lines[s.line];
        const LightingClass& cls = model.network.table.classes[s.classIndex];
        FeatureFiller f(def, out.size() + 1);
        f.set("lager", line.layer).set("objekt", toInt(line.feature)).set("klass", cls.name);
        if (!line.name.empty()) {
            f.set("namn", line.name);
        }
        f.number("langd_m", s.length()).number("medel_lx", s.averageLux);
        f.number("min_lx", s.minimumLux).number("jamnhet", s.uniformity);
        f.number("vert_lx", s.averageVerticalLux).number("krav_medel", cls.averageLux);
        f.number("krav_min", cls.pointMinimum());
        f.set("bedomning", std::string(verdictCode(s.verdict)));
        f.set("scenario", scenarioCode(scenario)).set("beraknad", computed);
        out.push_back(f.take(subLine(line.line, s.from, s.to)));
    }
    return out;
}

std::size_t observationsNearGap(const LightingModel& model, const LightingScenario& scenario,
                                std::size_t gap) {
    std::size_t count = 0;
    for (const ObservationLight& o : scenario.observations) {
        if (o.gap == gap && o.gapDistance <= model.options.observationReach) {
            ++count;
        }
    }
    return count;
}

std::vector<Feature> gapFeatures(const LayerDef& def, const LightingModel& model,
                                 const LightingScenario& scenario, const DateTime& computed) {
    std::vector<Feature> out;
    for (std::size_t g = 0; g < scenario.paths.gaps.size(); ++g) {
        const DarkGap& gap = scenario.paths.gaps[g];
        const NetworkLine& line = model.network.lines[gap.line];
        const LightingClass& cls = model.network.table.classes[gap.classIndex];
        FeatureFiller f(def, g + 1);
        f.set("lager", line.layer).set("objekt", toInt(line.feature)).set("klass", cls.name);
        if (!line.name.empty()) {
            f.set("namn", line.name);
        }
        f.number("langd_m", gap.length()).number("samst_lx", gap.worstLux);
        f.number("krav_min", cls.pointMinimum());
        f.set("antal_obs", static_cast<std::int64_t>(observationsNearGap(model, scenario, g)));
        f.set("scenario", scenarioCode(scenario)).set("beraknad", computed);
        LineString piece = subLine(line.line, gap.from, gap.to);
        if (piece.size() < 2) {
            piece = LineString{gap.worstAt, gap.worstAt};
        }
        out.push_back(f.take(std::move(piece)));
    }
    return out;
}

std::vector<Feature> observationLightFeatures(const LayerDef& def, const LightingModel& model,
                                              const LightingScenario& scenario,
                                              const DateTime& computed) {
    std::vector<Feature> out;
    const LightingClassTable& table = model.network.table;
    for (const ObservationLight& o : scenario.observations) {
        const LightingClass& cls = table.classes[o.classIndex];
        FeatureFiller f(def, out.size() + 1);
        f.set("synpunkt", toInt(o.observation)).number("lux", o.lux).set("klass", cls.name);
        f.number("krav_min", cls.pointMinimum());
        f.set("upplyst", std::string(o.lit(table) ? "ja" : "nej"));
        if (o.gap) {
            f.set("morkt_id", static_cast<std::int64_t>(*o.gap + 1));
            f.number("avstand_m", o.gapDistance);
        }
        f.set("scenario", scenarioCode(scenario)).set("beraknad", computed);
        out.push_back(f.take(o.position));
    }
    return out;
}

std::vector<std::pair<std::string, std::vector<Feature>>>
lightingResultLayers(const Project& project, const LightingRun& run, const DateTime& computed) {
    std::vector<std::pair<std::string, std::vector<Feature>>> out;
    const LightingScenario& shown = run.shown();
    if (const Layer* layer = project.layer(kSegmentLayer)) {
        out.emplace_back(layer->name(),
                         segmentFeatures(layer->definition(), run.model, shown, computed));
    }
    if (const Layer* layer = project.layer(kGapLayer)) {
        out.emplace_back(layer->name(),
                         gapFeatures(layer->definition(), run.model, shown, computed));
    }
    if (const Layer* layer = project.layer(kObservationLightLayer)) {
        out.emplace_back(layer->name(), observationLightFeatures(layer->definition(), run.model,
                                                                 shown, computed));
    }
    return out;
}

} // namespace trygg
