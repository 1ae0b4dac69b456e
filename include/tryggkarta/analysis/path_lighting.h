#pragma once
// Light along the path network: the base map's footways, cycle paths and streets sampled every
// metre, each sample with the lighting class its stretch must meet; then, for given lux values,
// segments with their average, minimum and uniformity, and dark gaps.

#include "tryggkarta/analysis/lighting_classes.h"
#include "tryggkarta/analysis/luminaire_index.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

/// One line of the network: a base-map feature (or one part of a multi-line).
struct NetworkLine {
    std::string layer;
    FeatureId feature = kNoFeatureId;
    std::string name; ///< the street's or path's name, "" when it has none
    LineString line;
    std::size_t classIndex = 0;     ///< in the table's classes, outside the core
    std::size_t coreClassIndex = 0; ///< inside the core
    double length = 0.0;
};

/// A point where a path meets a street, and the class around it.
struct NetworkCrossing {
    Point position;
    double radius = 0.0;
    std::size_t classIndex = 0;
};

struct PathNetwork {
    std::vector<NetworkLine> lines;
    std::vector<NetworkCrossing> crossings;
    LightingClassTable table;
    [[nodiscard]] double totalLength() const;
};

/// The network of a project: the lines of every layer a rule names (the first matching rule
/// decides; lines no rule matches are left out) and the crossings between path and street
/// layers. Errors: a core drawn in another CRS than the project's (Usage).
Result<PathNetwork> buildPathNetwork(const Project& project, LightingClassTable table);

/// Samples along the network, stored column by column. Sample i of a line of length L cut
/// into n = ceil(L / step) pieces lies at (i + ½) · L / n and stands for L / n metres.
struct PathSamples {
    std::vector<Point> position;
    std::vector<float> bearing;         ///< degrees clockwise from north, along the line
    std::vector<std::uint32_t> line;    ///< index into the network's lines
    std::vector<std::uint16_t> classIndex;
    std::vector<float> along;           ///< distance from the line's start, metres
    std::vector<float> metres;          ///< length each sample stands for
    std::vector<std::size_t> lineStart; ///< first sample of each line, plus the end
    [[nodiscard]] std::size_t size() const { return position.size(); }
};

/// An R-tree over sample positions: the sample nearest a point, among thousands.
class SampleTree {
public:
    SampleTree();
    explicit SampleTree(const PathSamples& samples);
    /// The index of the sample nearest `point` within `reach` metres; nothing when none is.
    [[nodiscard]] std::optional<std::size_t> nearest(const Point& point, double reach) const;

private:
    struct Tree;
    std::shared_ptr<const Tree> m_tree; ///< shared: the model is copied, the tree never changes
};

/// Samples the network every `step` metres (> 0), with the class at each sample: a crossing's
/// within its radius, else the core class inside the core, else the line's class.
PathSamples samplePathNetwork(const PathNetwork& network, double step = 1.0);

/// Maintained illuminance at each sample: horizontal, and vertical towards the direction of
/// walking (the smaller of the two ways along the line: a face turned either way).
struct SampleLux {
    std::vector<float> horizontal;
    std::vector<float> vertical;
};

/// Computes every sample's lux (in parallel on `threads`, 0: one per core). Errors: Cancelled.
Result<SampleLux> computeSampleLux(const PathSamples& samples, const LuminaireIndex& index,
                                   double maintenanceFactor, Progress& progress,
                                   unsigned threads = 0);
/// Recomputes only the samples inside `area` (after a lamp moved); returns how many.
std::size_t refreshSampleLux(SampleLux& lux, const PathSamples& samples, const Box& area,
                             const LuminaireIndex& index, double maintenanceFactor);

/// How a stretch meets its class.
enum class LightingVerdict { Meets, UnderLit, OverLit };
std::string_view verdictCode(LightingVerdict verdict); ///< "uppfyller", "underbelyst", "overbelyst"

/// A stretch of one line with one class, at most the segment length long.
struct PathSegment {
    std::size_t line = 0;
    std::size_t classIndex = 0;
    std::size_t firstSample = 0;
    std::size_t sampleCount = 0;
    double from = 0.0; ///< along the line, metres
    double to = 0.0;
    double averageLux = 0.0;
    double minimumLux = 0.0;
    double uniformity = 0.0; ///< minimum / average (0 when the average is 0)
    double averageVerticalLux = 0.0;
    double minimumVerticalLux = 0.0;
    LightingVerdict verdict = LightingVerdict::Meets;
    [[nodiscard]] double length() const { return to - from; }
};

/// A stretch where every sample lies below its class's point minimum.
struct DarkGap {
    std::size_t line = 0;
    std::size_t classIndex = 0; ///< the class of the darkest sample
    std::size_t firstSample = 0;
    std::size_t sampleCount = 0;
    double from = 0.0;
    double to = 0.0;
    double worstLux = 0.0;
    Point worstAt;
    [[nodiscard]] double length() const { return to - from; }
};

struct PathLighting {
    std::vector<PathSegment> segments;
    std::vector<DarkGap> gaps;
};

/// The segments (runs of one class cut evenly into pieces of at most `segmentLength` metres)
/// and the dark gaps of the sampled network.
PathLighting evaluatePathLighting(const PathNetwork& network, const PathSamples& samples,
                                  const SampleLux& lux, double segmentLength = 50.0);

/// The part of `line` between two distances along it.
LineString subLine(const LineString& line, double from, double to);

} // namespace trygg
