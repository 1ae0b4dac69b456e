// Observation counts per hexagon for public maps: a location with free text can point at a
// person, a count per 75 m cell with small counts suppressed cannot.

#include "export_plan.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace trygg::exporting {
namespace {

/// Circumradius of a hexagon `width` across its flat sides.
double circumradius(double width) {
    return width / std::numbers::sqrt3;
}

std::optional<Point> firstPoint(const Geometry& geometry) {
    if (const auto* point = std::get_if<Point>(&geometry)) {
        return *point;
    }
    if (const auto* points = std::get_if<MultiPoint>(&geometry); points && !points->empty()) {
        return points->front();
    }
    return std::nullopt;
}

/// The axial cell holding (x, y): fractional axial coordinates rounded in cube space, so
/// every point lands in the hexagon whose centre is nearest.
std::pair<std::int64_t, std::int64_t> cellOf(const Point& p, double width) {
    const double rf = p.y() / (1.5 * circumradius(width));
    const double qf = p.x() / width - rf / 2.0;
    const double sf = -qf - rf;
    double q = std::round(qf);
    double r = std::round(rf);
    double s = std::round(sf);
    const double dq = std::abs(q - qf);
    const double dr = std::abs(r - rf);
    const double ds = std::abs(s - sf);
    if (dq > dr && dq > ds) {
        q = -r - s;
    } else if (dr > ds) {
        r = -q - s;
    }
    return {static_cast<std::int64_t>(q), static_cast<std::int64_t>(r)};
}

struct PairHash {
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& key) const noexcept {
        return std::hash<std::int64_t>{}(key.first * 1'000'003 + key.second);
    }
};

} // namespace

std::vector<HexCell> countPerHexagon(std::span<const Feature> features, double width) {
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::int64_t, PairHash> counts;
    for (const Feature& feature : features) {
        if (!feature.geometry) {
            continue;
        }
        if (auto point = firstPoint(*feature.geometry)) {
            ++counts[cellOf(*point, width)];
        }
    }
    std::vector<HexCell> cells;
    cells.reserve(counts.size());
    for (const auto& [key, count] : counts) {
        HexCell cell;
        cell.q = key.first;
        cell.r = key.second;
        cell.count = count;
        cells.push_back(cell);
    }
    std::sort(cells.begin(), cells.end(), [](const HexCell& a, const HexCell& b) {
        return a.r != b.r ? a.r < b.r : a.q < b.q;
    });
    return cells;
}

Polygon hexagonOutline(const HexCell& cell, double width) {
    const double radius = circumradius(width);
    const double cx = width * (static_cast<double>(cell.q) + static_cast<double>(cell.r) / 2.0);
    const double cy = 1.5 * radius * static_cast<double>(cell.r);
    Polygon outline;
    for (int i = 0; i <= 6; ++i) {
        const double angle = std::numbers::pi / 180.0 * (60.0 * (i % 6) - 30.0);
        outline.outer().emplace_back(cx + radius * std::cos(angle), cy + radius * std::sin(angle));
    }
    return outline;
}

LayerDef hexagonDefinition(std::string_view observationLayer) {
    LayerDef def;
    def.table = std::string(observationLayer) + "_hex";
    def.title = Label{"Observationer per hexagon (antal)", "Observations per hexagon (count)"};
    def.group = std::string(kThematicGroup);
    def.geometry = GeometryKind::Polygon;
    auto field = [](const char* name, Label label, Label description) {
        FieldDef f;
        f.name = name;
        f.type = FieldType::Integer;
        f.label = std::move(label);
        f.description = std::move(description);
        return f;
    };
    def.fields.push_back(field("antal", {"Antal observationer", "Number of observations"},
                               {"Antal observationer i cellen. Celler med färre än gränsvärdet "
                                "är borttagna av integritetsskäl.",
                                "Observations in the cell. Cells below the threshold are left "
                                "out for privacy."}));
    def.fields.push_back(
        field("hex_q", {"Cellkolumn (axial q)", "Cell column (axial q)"},
              {"Cellens kolumn i ett hexagonrutnät med origo i koordinatsystemets "
               "nollpunkt.",
               "The cell's column in a hexagon grid anchored at the CRS origin."}));
    def.fields.push_back(
        field("hex_r", {"Cellrad (axial r)", "Cell row (axial r)"},
              {"Cellens rad i samma rutnät.", "The cell's row in the same grid."}));
    def.symbology.fallback.symbol = "fill";
    def.symbology.fallback.fill = "#d7301f99";
    def.symbology.fallback.stroke = "#7f0000";
    def.symbology.fallback.strokeWidth = 0.3;
    return def;
}

} // namespace trygg::exporting
