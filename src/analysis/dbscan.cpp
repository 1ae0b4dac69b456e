// DBSCAN over an R-tree of the points: each neighbourhood is one window query, so 100 000
// observations cluster in well under a second.

#include "tryggkarta/analysis/priorities.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <utility>

namespace trygg {
namespace {

namespace bgi = bg::index;
using Entry = std::pair<Point, std::size_t>;
using PointTree = bgi::rtree<Entry, bgi::rstar<16>>;

constexpr std::size_t kUnvisited = kDbscanNoise - 1;
constexpr std::size_t kCancelEvery = 1024;

/// The points within `eps` of point `i` (itself included) into `out`.
void neighbours(const PointTree& tree, std::span<const Point> points, std::size_t i, double eps,
                std::vector<std::size_t>& out) {
    out.clear();
    const Point& p = points[i];
    const Box window(Point(p.x() - eps, p.y() - eps), Point(p.x() + eps, p.y() + eps));
    const double eps2 = eps * eps;
    tree.query(bgi::intersects(window),
               boost::make_function_output_iterator([&](const Entry& entry) {
                   const double dx = entry.first.x() - p.x();
                   const double dy = entry.first.y() - p.y();
                   if (dx * dx + dy * dy <= eps2) {
                       out.push_back(entry.second);
                   }
               }));
}

} // namespace

Result<std::vector<std::size_t>> dbscan(std::span<const Point> points, double eps,
                                        std::size_t minPoints, Progress& progress) {
    std::vector<Entry> entries;
    entries.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        entries.emplace_back(points[i], i);
    }
    const PointTree tree(entries.begin(), entries.end()); // packed: built and queried faster
    std::vector<std::size_t> label(points.size(), kUnvisited);
    std::vector<std::size_t> found;
    std::vector<std::size_t> queue;
    std::size_t cluster = 0;
    std::size_t expanded = 0;
    auto expand = [&](std::size_t i) -> bool { // a point's neighbourhood, now and then a check
        if (++expanded % kCancelEvery == 0) {
            progress.update(expanded, points.size());
            if (progress.isCancelled()) {
                return false;
            }
        }
        neighbours(tree, points, i, eps, found);
        return true;
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (label[i] != kUnvisited) {
            continue;
        }
        if (!expand(i)) {
            return fail(ErrorCode::Cancelled, "cancelled");
        }
        if (found.size() < minPoints) {
            label[i] = kDbscanNoise; // may still become a border point of a later cluster
            continue;
        }
        label[i] = cluster;
        queue.assign(found.begin(), found.end());
        for (std::size_t k = 0; k < queue.size(); ++k) {
            const std::size_t j = queue[k];
            if (label[j] == kDbscanNoise) {
                label[j] = cluster; // a border point: not core, so it does not spread
            }
            if (label[j] != kUnvisited) {
                continue;
            }
            label[j] = cluster;
            if (!expand(j)) {
                return fail(ErrorCode::Cancelled, "cancelled");
            }
            if (found.size() >= minPoints) {
                for (std::size_t m : found) {
                    if (label[m] == kUnvisited || label[m] == kDbscanNoise) {
                        queue.push_back(m);
                    }
                }
            }
        }
        ++cluster;
    }
    progress.update(points.size(), points.size());
    return label;
}

} // namespace trygg
