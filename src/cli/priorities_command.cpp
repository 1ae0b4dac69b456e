#include "priorities_command.h"

#include "tryggkarta/analysis/priorities.h"
#include "tryggkarta/io/project_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace trygg::cli {
namespace {

using nlohmann::json;

double rounded(double value, double scale = 1000.0) { return std::round(value * scale) / scale; }

/// "count=1,severity=0.5": the weights named, the defaults for the rest.
Result<PriorityValues> parseWeights(const std::string& text) {
    PriorityValues weights = defaultPriorityWeights();
    if (text.empty()) {
        return weights;
    }
    for (std::string_view item : splitOn(text, ',')) {
        const auto parts = splitOn(item, '=');
        const auto factor = parts.size() == 2 ? parsePriorityFactor(parts[0]) : std::nullopt;
        const auto value = parts.size() == 2 ? parseNumber<double>(parts[1]) : std::nullopt;
        if (!factor || !value || *value < 0.0) {
            return fail(ErrorCode::Usage,
                        "expected factor=weight (weight >= 0) with the factors count, severity, "
                        "darkness, light, gap, answered, not '" + std::string(item) + "'",
                        "--weights");
        }
        weights[*factor] = *value;
    }
    return weights;
}

json factorsJson(const PriorityPlace& place, const PriorityValues* weights) {
    json out = json::object();
    for (PriorityFactor factor : kPriorityFactors) {
        out[std::string(priorityFactorKey(factor))] =
            rounded(weights ? place.contribution(factor, *weights) : place.factors[factor]);
    }
    return out;
}

json factsJson(const PlaceFacts& facts) {
    json out = {{"feeling", facts.feeling},   {"dark", facts.dark},
                {"twilight", facts.twilight}, {"with_lux", facts.withLux},
                {"answered", facts.answered}, {"mean_lux", nullptr},
                {"gap_distance_m", nullptr}};
    if (facts.meanLux) {
        out["mean_lux"] = rounded(*facts.meanLux, 100.0);
    }
    if (facts.gapDistance) {
        out["gap_distance_m"] = rounded(*facts.gapDistance, 100.0);
    }
    return out;
}

json placeJson(const PriorityPlace& place, const PriorityList& list, const PriorityValues& weights,
               const std::string& language) {
    json ids = json::array();
    for (FeatureId id : place.observations) {
        ids.push_back(toInt(id));
    }
    const Box& e = place.extent;
    return {{"rank", place.rank},
            {"score", rounded(place.score)},
            {"name", place.name},
            {"label", placeLabel(place, language)},
            {"explanation", explainPlace(place, list, language)},
            {"observations", place.facts.observations},
            {"observation_ids", ids},
            {"centre", {rounded(place.centre.x(), 100.0), rounded(place.centre.y(), 100.0)}},
            {"extent", {e.min_corner().x(), e.min_corner().y(), e.max_corner().x(), e.max_corner().y()}},
            {"factors", factorsJson(place, nullptr)},
            {"contributions", factorsJson(place, &weights)},
            {"facts", factsJson(place.facts)}};
}

/// Characters on screen of UTF-8 text (å is one), for the table's columns.
std::size_t displayWidth(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

void printTable(const PriorityList& list, std::size_t shown, const std::string& language) {
    std::printf("%zu places from %zu %sobservations (%zu in no place)\n", list.places.size(),
                list.considered, list.unsafeOnly ? "unsafe " : "", list.noise);
    if (!list.lightingKnown) {
        std::printf("No lighting analysis in the project: the light and gap factors are 0 "
                    "(run `tryggkarta-cli lighting` first).\n");
    } else {
        std::printf("Light from the lighting analysis (%s).\n", list.lightingScenario.c_str());
    }
    std::size_t width = 5;
    for (std::size_t i = 0; i < shown; ++i) {
        width = std::max(width, displayWidth(placeLabel(list.places[i], language)));
    }
    std::printf("%4s %6s  %s%*s  %s\n", "rank", "score", "place", static_cast<int>(width - 5), "",
                "why");
    for (std::size_t i = 0; i < shown; ++i) {
        const PriorityPlace& place = list.places[i];
        const std::string label = placeLabel(place, language);
        std::printf("%4zu %6.2f  %s%*s  %s\n", place.rank, place.score, label.c_str(),
                    static_cast<int>(width - displayWidth(label)), "",
                    explainPlace(place, list, language).c_str());
    }
}

} // namespace

void PrioritiesCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "priorities", "Places where unsafe observations gather, ranked by a score you can tune");
    m_app->add_option("project", m_path, "The project file (.gpkg)")->required();
    m_app->add_option("--eps", m_eps, "Metres within which observations are neighbours")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 10000.0));
    m_app->add_option("--min-points", m_minPoints,
                      "Observations (within --eps, itself included) that make a place")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    addWhereOption(*m_app, m_where);
    m_app->add_flag("--any-polarity", m_anyPolarity,
                    "Cluster safe and pleasant observations too, not only unsafe ones");
    m_app->add_option("--weights", m_weights,
                      "Weights of the score's factors, e.g. count=1,severity=1,darkness=1,"
                      "light=1,gap=1,answered=2 (the defaults)");
    m_app->add_option("--top", m_top, "Show only the first N places (0: all)")->capture_default_str();
    m_app->add_option("--lang", m_language, "Language of place labels and explanations")
        ->capture_default_str()
        ->check(CLI::IsMember({"sv", "en"}));
    m_app->add_flag("--json", m_json, "Print the list as JSON, with every factor");
}

int PrioritiesCommand::run(const GlobalOptions& global) {
    auto weights = parseWeights(m_weights);
    if (!weights) {
        return report(weights.error());
    }
    TerminalProgress progress;
    auto project = openWithCatalog(global, m_path, progress);
    if (!project) {
        progress.finish();
        return report(project.error());
    }
    PriorityOptions options;
    options.eps = m_eps;
    options.minPoints = m_minPoints;
    options.filter = m_where;
    options.unsafeOnly = !m_anyPolarity;
    options.weights = *weights;
    auto list = prioritisePlaces(*project, options, progress);
    progress.finish();
    if (!list) {
        Error error = list.error();
        error.where = error.where.empty() ? m_path : m_path + ": " + error.where;
        return report(error);
    }
    const std::size_t shown = m_top == 0 ? list->places.size() : std::min(m_top, list->places.size());
    if (!m_json) {
        printTable(*list, shown, m_language);
        return kExitOk;
    }
    json places = json::array();
    for (std::size_t i = 0; i < shown; ++i) {
        places.push_back(placeJson(list->places[i], *list, *weights, m_language));
    }
    json weightsJson = json::object();
    for (PriorityFactor factor : kPriorityFactors) {
        weightsJson[std::string(priorityFactorKey(factor))] = (*weights)[factor];
    }
    const json out = {{"eps", m_eps},
                      {"min_points", m_minPoints},
                      {"where", m_where},
                      {"unsafe_only", list->unsafeOnly},
                      {"weights", weightsJson},
                      {"observations", list->considered},
                      {"noise", list->noise},
                      {"lighting", {{"known", list->lightingKnown}, {"scenario", list->lightingScenario}}},
                      {"place_count", list->places.size()},
                      {"places", places}};
    std::cout << out.dump(2) << '\n';
    return kExitOk;
}

} // namespace trygg::cli
