// Observation counts per hexagon for public maps: a location with free text can point at a
// person, a count per 75 m cell with small counts suppressed cannot.

#include "export_plan.h"

#include "tryggkarta/core/hex_grid.h"

#include <algorithm>
#include <unordered_map>

namespace trygg::exporting {
namespace {

std::optional<Point> firstPoint(const Geometry& geometry) {
    if (const auto* point = std::get_if<Point>(&geometry)) {
        return *point;
    }
    if (const auto* points = std::get_if<MultiPoint>(&geometry); points && !points->empty()) {
        return points->front();
    }
    return std::nullopt;
}

struct PairHash {
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& key) const noexcept {
        return std::hash<std::int64_t>{}(key.first * 1'000'003 + key.second);
    }
};

} // namespace

std::vector<HexCell> countPerHexagon(std::span<const Feature> features, double width) {
    const HexGrid grid(width);
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::int64_t, PairHash> counts;
    for (const Feature& feature : features) {
        if (!feature.geometry) {
            continue;
        }
        if (auto point = firstPoint(*feature.geometry)) {
            const HexCoord cell = grid.cellOf(*point);
            ++counts[{cell.q, cell.r}];
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
    return HexGrid(width).outline(HexCoord{cell.q, cell.r});
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
