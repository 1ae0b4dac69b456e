// Lux at the network's samples, and what it means for each stretch: segments and dark gaps.
#include "tryggkarta/analysis/path_lighting.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <thread>

namespace trygg {
namespace {

constexpr std::size_t kChunk = 2048; // samples per unit of work

constexpr std::size_t kBlock = 32;  // neighbouring samples sharing one R-tree query
constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;

// One sample, through the index's own functions.
void computeOne(const PathSamples& samples, std::size_t i, const LuminaireIndex& index,
                double maintenanceFactor, SampleLux& lux) {
    const Point& p = samples.position[i];
    const double bearing = samples.bearing[i];
    lux.horizontal[i] = static_cast<float>(index.horizontalIlluminance(p, maintenanceFactor));
    const double ahead = index.verticalIlluminance(p, bearing, maintenanceFactor);
    const double behind = index.verticalIlluminance(p, bearing + 180.0, maintenanceFactor);
    lux.vertical[i] = static_cast<float>(std::min(ahead, behind));
}

double facingSum(const LuminaireIndex& index, const std::vector<std::size_t>& near,
                 const Point& p, double azimuth) {
    const double bearing = azimuth / kDegreesPerRadian;
    double sum = 0.0;
    for (std::size_t j : near) {
        if (index.reaches(j, p, IlluminancePlane::Vertical)) {
            sum += index.luminaires()[j].verticalAt(p, std::sin(bearing), std::cos(bearing));
        }
    }
    return sum;
}

// Samples [begin, end) of one line with one query per plane: the same luminaires in the same
// order as computeOne, so the same values to the last bit.
void computeBlock(const PathSamples& samples, std::size_t begin, std::size_t end,
                  const LuminaireIndex& index, double factor, SampleLux& lux) {
    Box box{samples.position[begin], samples.position[begin]};
    for (std::size_t i = begin + 1; i < end; ++i) {
        bg::expand(box, samples.position[i]);
    }
    const auto horizontal = index.near(box, IlluminancePlane::Horizontal);
    const auto vertical = index.near(box, IlluminancePlane::Vertical);
    for (std::size_t i = begin; i < end; ++i) {
        const Point& p = samples.position[i];
        double sum = 0.0;
        for (std::size_t j : horizontal) {
            if (index.reaches(j, p, IlluminancePlane::Horizontal)) {
                sum += index.luminaires()[j].horizontalAt(p);
            }
        }
        lux.horizontal[i] = static_cast<float>(sum * factor);
        const double bearing = samples.bearing[i];
        const double ahead = facingSum(index, vertical, p, bearing) * factor;
        const double behind = facingSum(index, vertical, p, bearing + 180.0) * factor;
        lux.vertical[i] = static_cast<float>(std::min(ahead, behind));
    }
}

void computeChunk(const PathSamples& samples, std::size_t chunk, const LuminaireIndex& index,
                  double factor, SampleLux& lux) {
    const std::size_t end = std::min(samples.size(), (chunk + 1) * kChunk);
    for (std::size_t begin = chunk * kChunk; begin < end;) {
        std::size_t stop = begin + 1;
        while (stop < end && stop - begin < kBlock && samples.line[stop] == samples.line[begin]) {
            ++stop;
        }
        computeBlock(samples, begin, stop, index, factor, lux);
        begin = stop;
    }
}

struct LuxWork {
    LuxWork(const PathSamples& s, const LuminaireIndex& i, double factor, SampleLux& l)
        : samples(s), index(i), maintenanceFactor(factor), lux(l) {}
    const PathSamples& samples;
    const LuminaireIndex& index;
    double maintenanceFactor = 0.0;
    SampleLux& lux;
    std::size_t chunks = 0;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};

    void run() {
        for (std::size_t c = next++; c < chunks && !stop; c = next++) {
            computeChunk(samples, c, index, maintenanceFactor, lux);
            ++done;
        }
    }
};

LightingVerdict verdictFor(const LightingClass& cls, double average, double minimum,
                           double uniformity) {
    if (average < cls.averageLux || minimum < cls.pointMinimum() ||
        (cls.minUniformity > 0.0 && uniformity < cls.minUniformity)) {
        return LightingVerdict::UnderLit;
    }
    if (average > kOverLitFactor * cls.averageLux) {
        return LightingVerdict::OverLit;
    }
    return LightingVerdict::Meets;
}

PathSegment segmentOf(const PathNetwork& network, const PathSamples& samples,
                      const SampleLux& lux, std::size_t first, std::size_t count) {
    PathSegment s;
    s.line = samples.line[first];
    s.classIndex = samples.classIndex[first];
    s.firstSample = first;
    s.sampleCount = count;
    const std::size_t last = first + count - 1;
    s.from = samples.along[first] - samples.metres[first] / 2.0;
    s.to = samples.along[last] + samples.metres[last] / 2.0;
    double sum = 0.0;
    double verticalSum = 0.0;
    s.minimumLux = lux.horizontal[first];
    s.minimumVerticalLux = lux.vertical[first];
    for (std::size_t i = first; i <= last; ++i) {
        sum += lux.horizontal[i];
        verticalSum += lux.vertical[i];
        s.minimumLux = std::min<double>(s.minimumLux, lux.horizontal[i]);
        s.minimumVerticalLux = std::min<double>(s.minimumVerticalLux, lux.vertical[i]);
    }
    s.averageLux = sum / static_cast<double>(count);
    s.averageVerticalLux = verticalSum / static_cast<double>(count);
    s.uniformity = s.averageLux > 0.0 ? s.minimumLux / s.averageLux : 0.0;
    s.verdict = verdictFor(network.table.classes[s.classIndex], s.averageLux, s.minimumLux,
                           s.uniformity);
    return s;
}

/// Cuts the run [first, end) of one class into even pieces of at most `segmentLength`.
void addRun(const PathNetwork& network, const PathSamples& samples, const SampleLux& lux,
            std::size_t first, std::size_t end, double segmentLength, PathLighting& out) {
    const std::size_t count = end - first;
    const double length = static_cast<double>(count) * samples.metres[first];
    const auto pieces = std::min(
        count, static_cast<std::size_t>(std::max(1.0, std::ceil(length / segmentLength - 1e-9))));
    for (std::size_t k = 0; k < pieces; ++k) {
        const std::size_t a = first + k * count / pieces;
        const std::size_t b = first + (k + 1) * count / pieces;
        out.segments.push_back(segmentOf(network, samples, lux, a, b - a));
    }
}

bool isDark(const PathNetwork& network, const PathSamples& samples, const SampleLux& lux,
            std::size_t i) {
    return lux.horizontal[i] < network.table.classes[samples.classIndex[i]].pointMinimum();
}

DarkGap gapOf(const PathSamples& samples, const SampleLux& lux, std::size_t first,
              std::size_t end) {
    DarkGap gap;
    gap.line = samples.line[first];
    gap.firstSample = first;
    gap.sampleCount = end - first;
    gap.from = samples.along[first] - samples.metres[first] / 2.0;
    gap.to = samples.along[end - 1] + samples.metres[end - 1] / 2.0;
    std::size_t worst = first;
    for (std::size_t i = first; i < end; ++i) {
        if (lux.horizontal[i] < lux.horizontal[worst]) {
            worst = i;
        }
    }
    gap.worstLux = lux.horizontal[worst];
    gap.worstAt = samples.position[worst];
    gap.classIndex = samples.classIndex[worst];
    return gap;
}

void evaluateLine(const PathNetwork& network, const PathSamples& samples, const SampleLux& lux,
                  std::size_t line, double segmentLength, PathLighting& out) {
    const std::size_t begin = samples.lineStart[line];
    const std::size_t end = samples.lineStart[line + 1];
    for (std::size_t a = begin; a < end;) {
        std::size_t b = a + 1;
        while (b < end && samples.classIndex[b] == samples.classIndex[a]) {
            ++b;
        }
        addRun(network, samples, lux, a, b, segmentLength, out);
        a = b;
    }
    for (std::size_t a = begin; a < end;) {
        if (!isDark(network, samples, lux, a)) {
            ++a;
            continue;
        }
        std::size_t b = a + 1;
        while (b < end && isDark(network, samples, lux, b)) {
            ++b;
        }
        out.gaps.push_back(gapOf(samples, lux, a, b));
        a = b;
    }
}

} // namespace

std::string_view verdictCode(LightingVerdict verdict) {
    switch (verdict) {
    case LightingVerdict::Meets:
        return "uppfyller";
    case LightingVerdict::UnderLit:
        return "underbelyst";
    case LightingVerdict::OverLit:
        return "overbelyst";
    }
    return "uppfyller";
}

Result<SampleLux> computeSampleLux(const PathSamples& samples, const LuminaireIndex& index,
                                   double maintenanceFactor, Progress& progress,
                                   unsigned threads) {
    SampleLux lux;
    lux.horizontal.assign(samples.size(), 0.0F);
    lux.vertical.assign(samples.size(), 0.0F);
    LuxWork work(samples, index, maintenanceFactor, lux);
    work.chunks = (samples.size() + kChunk - 1) / kChunk;
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const unsigned helpers =
        static_cast<unsigned>(std::min<std::size_t>(threads == 0 ? cores : threads, work.chunks));
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < helpers; ++t) {
        pool.emplace_back([&work] { work.run(); });
    }
    // The calling thread works too, and reports between chunks.
    for (std::size_t c = work.next++; c < work.chunks; c = work.next++) {
        computeChunk(samples, c, index, maintenanceFactor, lux);
        ++work.done;
        progress.update(work.done, work.chunks);
        if (progress.isCancelled()) {
            work.stop = true;
            break;
        }
    }
    pool.clear(); // joins
    if (work.stop) {
        return fail(ErrorCode::Cancelled, "lighting along the paths was cancelled");
    }
    return lux;
}

std::size_t refreshSampleLux(SampleLux& lux, const PathSamples& samples, const Box& area,
                             const LuminaireIndex& index, double maintenanceFactor) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (bg::covered_by(samples.position[i], area)) {
            computeOne(samples, i, index, maintenanceFactor, lux);
            ++count;
        }
    }
    return count;
}

PathLighting evaluatePathLighting(const PathNetwork& network, const PathSamples& samples,
                                  const SampleLux& lux, double segmentLength) {
    PathLighting out;
    for (std::size_t line = 0; line + 1 < samples.lineStart.size(); ++line) {
        evaluateLine(network, samples, lux, line, segmentLength, out);
    }
    return out;
}

} // namespace trygg
