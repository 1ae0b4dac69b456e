// The path network of a project and its samples every metre.
#include "tryggkarta/analysis/path_lighting.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace trygg {
namespace {

constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;
constexpr double kSameCrossing = 1.0; // metres: meeting points closer than this are one

const LightingRule* ruleFor(const LightingClassTable& table, const Layer& layer,
                            const Feature& feature) {
    for (const LightingRule& rule : table.rules) {
        if (rule.layer != layer.name()) {
            continue;
        }
        if (rule.field.empty()) {
            return &rule;
        }
        const std::string code = textOf(layer.definition(), feature, rule.field);
        if (std::ranges::find(rule.values, code) != rule.values.end()) {
            return &rule;
        }
    }
    return nullptr;
}

std::vector<LineString> partsOf(const Geometry& geometry) {
    if (const auto* line = std::get_if<LineString>(&geometry)) {
        return {*line};
    }
    if (const auto* lines = std::get_if<MultiLineString>(&geometry)) {
        return {lines->begin(), lines->end()};
    }
    return {};
}

void addLines(const Layer& layer, const LightingClassTable& table, PathNetwork& network) {
    for (const Feature& feature : layer.features()) {
        if (!feature.geometry) {
            continue;
        }
        const LightingRule* rule = ruleFor(table, layer, feature);
        if (!rule) {
            continue;
        }
        const std::size_t cls = *table.indexOf(rule->className);
        const std::size_t core =
            rule->coreClassName.empty() ? cls : *table.indexOf(rule->coreClassName);
        for (LineString& part : partsOf(*feature.geometry)) {
            const auto length = static_cast<double>(bg::length(part));
            if (part.size() < 2 || !(length > 0.0)) {
                continue;
            }
            NetworkLine line;
            line.layer = layer.name();
            line.feature = feature.id;
            line.name = textOf(layer.definition(), feature, "namn");
            line.line = std::move(part);
            line.classIndex = cls;
            line.coreClassIndex = core;
            line.length = length;
            network.lines.push_back(std::move(line));
        }
    }
}

void addMeeting(const Point& point, const CrossingRule& rule, std::size_t classIndex,
                PathNetwork& network) {
    for (const NetworkCrossing& known : network.crossings) {
        if (bg::distance(known.position, point) < kSameCrossing) {
            return;
        }
    }
    network.crossings.push_back({point, rule.radius, classIndex});
}

void addCrossings(const Project& project, const CrossingRule& rule, PathNetwork& network) {
    const Layer* streets = project.layer(rule.streetLayer);
    if (!streets) {
        return;
    }
    const std::size_t cls = *network.table.indexOf(rule.className);
    const std::size_t lineCount = network.lines.size();
    for (std::size_t i = 0; i < lineCount; ++i) {
        if (network.lines[i].layer != rule.pathLayer) {
            continue;
        }
        const LineString path = network.lines[i].line;
        Box box;
        bg::envelope(path, box);
        streets->visitIn(box, [&](const Feature& street) {
            if (rule.streetLayer == rule.pathLayer && street.id == network.lines[i].feature) {
                return; // a street does not cross itself
            }
            for (const LineString& part : partsOf(*street.geometry)) {
                MultiPoint meetings;
                bg::intersection(path, part, meetings);
                for (const Point& p : meetings) {
                    addMeeting(p, rule, cls, network);
                }
            }
        });
    }
}

/// The crossings near enough to a line to touch any of its samples.
std::vector<const NetworkCrossing*> crossingsNear(const PathNetwork& network,
                                                  const LineString& line) {
    std::vector<const NetworkCrossing*> near;
    for (const NetworkCrossing& crossing : network.crossings) {
        if (bg::distance(crossing.position, line) <= crossing.radius) {
            near.push_back(&crossing);
        }
    }
    return near;
}

std::size_t classAt(const Point& p, const NetworkLine& line,
                    const std::vector<const NetworkCrossing*>& crossings,
                    const MultiPolygon& core) {
    for (const NetworkCrossing* crossing : crossings) {
        if (bg::comparable_distance(p, crossing->position) <= crossing->radius * crossing->radius) {
            return crossing->classIndex;
        }
    }
    if (line.coreClassIndex != line.classIndex && !core.empty() && bg::within(p, core)) {
        return line.coreClassIndex;
    }
    return line.classIndex;
}

void sampleLine(const PathNetwork& network, std::size_t index, double step,
                PathSamples& out) {
    const NetworkLine& line = network.lines[index];
    const auto crossings = crossingsNear(network, line.line);
    const auto pieces = static_cast<std::size_t>(std::max(1.0, std::ceil(line.length / step)));
    const double spacing = line.length / static_cast<double>(pieces);
    std::size_t vertex = 0;
    double vertexAlong = 0.0; // distance of line[vertex] from the start
    double legLength = bg::distance(line.line[0], line.line[1]);
    for (std::size_t i = 0; i < pieces; ++i) {
        const double along = (static_cast<double>(i) + 0.5) * spacing;
        while (along > vertexAlong + legLength && vertex + 2 < line.line.size()) {
            vertexAlong += legLength;
            ++vertex;
            legLength = bg::distance(line.line[vertex], line.line[vertex + 1]);
        }
        const Point& a = line.line[vertex];
        const Point& b = line.line[vertex + 1];
        const double t = legLength > 0.0 ? std::clamp((along - vertexAlong) / legLength, 0.0, 1.0)
                                         : 0.0;
        const double dx = b.x() - a.x();
        const double dy = b.y() - a.y();
        const Point p{a.x() + t * dx, a.y() + t * dy};
        double bearing = std::atan2(dx, dy) * kDegreesPerRadian;
        if (bearing < 0.0) {
            bearing += 360.0;
        }
        out.position.push_back(p);
        out.bearing.push_back(static_cast<float>(bearing));
        out.line.push_back(static_cast<std::uint32_t>(index));
        out.classIndex.push_back(
            static_cast<std::uint16_t>(classAt(p, line, crossings, network.table.core)));
        out.along.push_back(static_cast<float>(along));
        out.metres.push_back(static_cast<float>(spacing));
    }
}

} // namespace

double PathNetwork::totalLength() const {
    double total = 0.0;
    for (const NetworkLine& line : lines) {
        total += line.length;
    }
    return total;
}

Result<PathNetwork> buildPathNetwork(const Project& project, LightingClassTable table) {
    if (!table.core.empty() && table.coreEpsg != 0 && project.crs.epsg != table.coreEpsg) {
        return fail(ErrorCode::Usage,
                    "the centre core is drawn in EPSG:" + std::to_string(table.coreEpsg) +
                        ", the project uses another CRS",
                    table.source);
    }
    PathNetwork network;
    network.table = std::move(table);
    std::vector<std::string> done;
    for (const LightingRule& rule : network.table.rules) {
        if (std::ranges::find(done, rule.layer) != done.end()) {
            continue;
        }
        done.push_back(rule.layer);
        if (const Layer* layer = project.layer(rule.layer)) {
            addLines(*layer, network.table, network);
        }
    }
    for (const CrossingRule& rule : network.table.crossings) {
        addCrossings(project, rule, network);
    }
    return network;
}

PathSamples samplePathNetwork(const PathNetwork& network, double step) {
    PathSamples samples;
    const auto expected = static_cast<std::size_t>(network.totalLength() / step) +
                          network.lines.size();
    samples.position.reserve(expected);
    for (std::size_t i = 0; i < network.lines.size(); ++i) {
        samples.lineStart.push_back(samples.size());
        sampleLine(network, i, step, samples);
    }
    samples.lineStart.push_back(samples.size());
    return samples;
}

LineString subLine(const LineString& line, double from, double to) {
    LineString out;
    double along = 0.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Point& a = line[i];
        const Point& b = line[i + 1];
        const double leg = bg::distance(a, b);
        auto at = [&](double d) {
            const double t = leg > 0.0 ? std::clamp((d - along) / leg, 0.0, 1.0) : 0.0;
            return Point{a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())};
        };
        if (along + leg >= from && along <= to) {
            if (out.empty()) {
                out.push_back(at(std::max(from, along)));
            }
            out.push_back(at(std::min(to, along + leg)));
        }
        along += leg;
        if (along > to) {
            break;
        }
    }
    return out;
}

struct SampleTree::Tree {
    using Entry = std::pair<Point, std::size_t>;
    bg::index::rtree<Entry, bg::index::rstar<16>> rtree;
};

SampleTree::SampleTree() : m_tree(std::make_shared<const Tree>()) {}

SampleTree::SampleTree(const PathSamples& samples) {
    std::vector<Tree::Entry> entries;
    entries.reserve(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        entries.emplace_back(samples.position[i], i);
    }
    auto tree = std::make_shared<Tree>();
    tree->rtree = decltype(tree->rtree)(entries.begin(), entries.end()); // bulk load
    m_tree = std::move(tree);
}

std::optional<std::size_t> SampleTree::nearest(const Point& point, double reach) const {
    std::vector<Tree::Entry> found;
    m_tree->rtree.query(bg::index::nearest(point, 1), std::back_inserter(found));
    if (found.empty() || bg::distance(point, found.front().first) > reach) {
        return std::nullopt;
    }
    return found.front().second;
}

} // namespace trygg
