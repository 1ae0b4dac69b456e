#include "test_support.h"
#include "tryggkarta/core/schema.h"
#include "tryggkarta/io/layer_definitions.h"
#include "tryggkarta/synth/luminaire_layout.h"

#include <algorithm>
#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/strategies/strategies.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

using namespace trygg;

namespace {

const LayerDef& lightingDef() {
    const LayerDef* def = test::sourceCatalog().find("belysning");
    REQUIRE(def != nullptr);
    return *def;
}

LineString line(std::initializer_list<Point> points) {
    return LineString(points);
}

/// A small town: a main street, three local streets (one with a bend), a pedestrian street,
/// a square, three paths long enough for a dark gap each and a tunnel.
const std::vector<LitLine>& town() {
    static const std::vector<LitLine> lines = {
        {line({{733000, 7096000}, {733600, 7096000}}), LitLineKind::MainStreet, "Storgatan"},
        {line({{733200, 7095800}, {733200, 7096400}}), LitLineKind::LocalStreet, "Köpmangatan"},
        {line({{733400, 7095800}, {733400, 7096000}, {733500, 7096300}}), LitLineKind::LocalStreet,
         ""},
        {line({{733000, 7096400}, {733600, 7096400}}), LitLineKind::LocalStreet, "Torpgatan"},
        {line({{733200, 7096200}, {733400, 7096200}}), LitLineKind::PedestrianStreet, "Gågatan"},
        {line({{733250, 7096050},
               {733350, 7096050},
               {733350, 7096150},
               {733250, 7096150},
               {733250, 7096050}}),
         LitLineKind::Square, "Torget"},
        {line({{732800, 7095700}, {733300, 7095650}, {733700, 7095750}}), LitLineKind::Path,
         "Älvstråket"},
        {line({{733650, 7096050}, {733700, 7096400}}), LitLineKind::Path, ""},
        {line({{732900, 7096000}, {732900, 7096300}, {732950, 7096500}}), LitLineKind::Path,
         "Gröna stråket"},
        {line({{733000, 7096450}, {733060, 7096450}}), LitLineKind::Tunnel, "Gröna stråket"},
    };
    return lines;
}

const LightingPlan& plan() {
    static const LightingPlan made =
        placeLuminaires(lightingDef(), town(), LuminaireLayout{}, 2026);
    return made;
}

const Value& valueOf(const Feature& feature, std::string_view field) {
    auto index = lightingDef().fieldIndex(field);
    REQUIRE(index);
    return feature.values[*index];
}

std::string textOf(const Feature& feature, std::string_view field) {
    const auto* text = std::get_if<std::string>(&valueOf(feature, field));
    return text == nullptr ? std::string{} : *text;
}

double numberOf(const Feature& feature, std::string_view field) {
    const auto* number = std::get_if<double>(&valueOf(feature, field));
    REQUIRE(number != nullptr);
    return *number;
}

const Point& positionOf(const Feature& feature) {
    return std::get<Point>(*feature.geometry);
}

/// The nearest point of a line, how far away it is and how far along the line it lies:
/// computed here on its own, not with the generator's helpers.
struct Projection {
    Point foot;
    double distance = 0.0;
    double along = 0.0;
    double bearing = 0.0; ///< of the segment it lies on
};

double bearing(double dx, double dy) {
    double degrees = std::atan2(dx, dy) * 180.0 / std::numbers::pi;
    return degrees < 0.0 ? degrees + 360.0 : degrees;
}

Projection project(const LineString& l, const Point& p) {
    Projection best;
    best.distance = 1e300;
    double walked = 0.0;
    for (std::size_t i = 1; i < l.size(); ++i) {
        double dx = l[i].x() - l[i - 1].x();
        double dy = l[i].y() - l[i - 1].y();
        double length = std::hypot(dx, dy);
        double t = std::clamp(((p.x() - l[i - 1].x()) * dx + (p.y() - l[i - 1].y()) * dy) /
                                  (length * length),
                              0.0, 1.0);
        Point foot{l[i - 1].x() + t * dx, l[i - 1].y() + t * dy};
        double d = std::hypot(p.x() - foot.x(), p.y() - foot.y());
        if (d < best.distance) {
            best = Projection{foot, d, walked + t * length, bearing(dx, dy)};
        }
        walked += length;
    }
    return best;
}

double angleBetween(double a, double b) {
    double d = std::fmod(std::abs(a - b), 360.0);
    return std::min(d, 360.0 - d);
}

bool isStreet(LitLineKind kind) {
    return kind == LitLineKind::MainStreet || kind == LitLineKind::LocalStreet;
}

bool inGap(std::size_t line, double along) {
    return std::ranges::any_of(plan().gaps, [&](const DarkGap& gap) {
        return gap.line == line && along > gap.from + 1.0 && along < gap.to - 1.0;
    });
}

bool isGap(std::size_t line, double from, double to) {
    return std::ranges::any_of(plan().gaps, [&](const DarkGap& gap) {
        return gap.line == line && std::abs(gap.from - from) < 1.0 && std::abs(gap.to - to) < 1.0;
    });
}

/// Distances along each line of its lamps with a status that passes `keep`, in order.
template <typename Keep> std::map<std::size_t, std::vector<double>> alongPerLine(Keep keep) {
    std::map<std::size_t, std::vector<double>> out;
    for (std::size_t i = 0; i < plan().luminaires.size(); ++i) {
        const Feature& lamp = plan().luminaires[i];
        if (keep(textOf(lamp, "status"))) {
            const std::size_t l = plan().lineOf[i];
            out[l].push_back(project(town()[l].line, positionOf(lamp)).along);
        }
    }
    for (auto& [l, alongs] : out) {
        std::ranges::sort(alongs);
    }
    return out;
}

} // namespace

TEST_CASE("placed luminaires: the same seed, the same lamps; another seed, others", "[synth]") {
    const LightingPlan again = placeLuminaires(lightingDef(), town(), LuminaireLayout{}, 2026);
    REQUIRE(again.luminaires.size() == plan().luminaires.size());
    CHECK(again.lineOf == plan().lineOf);
    for (std::size_t i = 0; i < again.luminaires.size(); ++i) {
        CHECK(again.luminaires[i].id == plan().luminaires[i].id);
        CHECK(again.luminaires[i].values == plan().luminaires[i].values);
        CHECK(bg::equals(positionOf(again.luminaires[i]), positionOf(plan().luminaires[i])));
    }
    const LightingPlan other = placeLuminaires(lightingDef(), town(), LuminaireLayout{}, 7);
    bool differs = other.luminaires.size() != plan().luminaires.size();
    for (std::size_t i = 0; !differs && i < other.luminaires.size(); ++i) {
        differs = !bg::equals(positionOf(other.luminaires[i]), positionOf(plan().luminaires[i]));
    }
    CHECK(differs);
}

TEST_CASE("placed luminaires stand by their line, numbered VN-0001 on", "[synth]") {
    const auto& lamps = plan().luminaires;
    REQUIRE(lamps.size() > 80);
    REQUIRE(plan().lineOf.size() == lamps.size());
    std::set<std::size_t> linesLit;
    for (std::size_t i = 0; i < lamps.size(); ++i) {
        INFO("lamp " << i + 1);
        CHECK(lamps[i].id == FeatureId{static_cast<std::int64_t>(i + 1)});
        char pole[32];
        std::snprintf(pole, sizeof pole, "VN-%04zu", i + 1);
        CHECK(textOf(lamps[i], "stolpnr") == pole);
        const LitLine& own = town()[plan().lineOf[i]];
        const double d = bg::distance(positionOf(lamps[i]), own.line);
        CHECK(d <= 5.0);
        if (isStreet(own.kind)) {
            CHECK(d >= 2.9); // set back from the centre line, not on it
        }
        linesLit.insert(plan().lineOf[i]);
    }
    CHECK(linesLit.size() == town().size());
}

TEST_CASE("placed luminaires are spaced by their kind's rule, but for the dark gaps", "[synth]") {
    const LuminaireLayout layout;
    const auto alongs =
        alongPerLine([](const std::string& status) { return status != "planerad"; });
    std::size_t checked = 0;
    for (const auto& [l, along] : alongs) {
        const LitLine& lit = town()[l];
        if (lit.kind == LitLineKind::Square) {
            continue; // around a ring: checked below
        }
        const LampRule& rule = layout.ruleFor(lit.kind);
        for (std::size_t k = 1; k < along.size(); ++k) {
            INFO(lit.name << " (line " << l << ") at " << along[k - 1] << " m");
            const double spacing = along[k] - along[k - 1];
            if (isGap(l, along[k - 1], along[k])) {
                CHECK(spacing >= layout.gapMin - 1.0);
                CHECK(spacing <= layout.gapMax + 1.0);
            } else {
                CHECK(spacing >= rule.spacingMin - 1.0);
                CHECK(spacing <= rule.spacingMax + 1.0);
            }
            ++checked;
        }
    }
    CHECK(checked > 60);
    auto square = alongs.find(5);
    REQUIRE(square != alongs.end());
    CHECK(square->second.size() == 20); // 400 m round, 20 m apart
}

TEST_CASE("placed luminaires leave dark gaps on paths, some with planned lamps", "[synth]") {
    const LuminaireLayout layout;
    // Gaps as the lamps show them: 80 m or more between working lamps of one path.
    const auto working =
        alongPerLine([](const std::string& status) { return status == "fungerar"; });
    std::set<std::size_t> darkPaths;
    for (const auto& [l, along] : working) {
        for (std::size_t k = 1; k < along.size(); ++k) {
            if (town()[l].kind == LitLineKind::Path && along[k] - along[k - 1] >= 80.0) {
                darkPaths.insert(l);
            }
        }
    }
    CHECK(darkPaths.size() >= 2);
    // As the plan lists them: one on each of the three paths, planned lamps only there.
    REQUIRE(plan().gaps.size() == 3);
    std::size_t plannedInGaps = 0;
    for (const DarkGap& gap : plan().gaps) {
        CHECK(town()[gap.line].kind == LitLineKind::Path);
        CHECK(gap.to - gap.from >= layout.gapMin);
        CHECK(gap.to - gap.from <= layout.gapMax);
        plannedInGaps += gap.planned;
    }
    std::size_t planned = 0;
    for (std::size_t i = 0; i < plan().luminaires.size(); ++i) {
        const Feature& lamp = plan().luminaires[i];
        const std::size_t l = plan().lineOf[i];
        const bool inside = inGap(l, project(town()[l].line, positionOf(lamp)).along);
        CHECK(inside == (textOf(lamp, "status") == "planerad"));
        planned += inside ? 1 : 0;
    }
    CHECK(planned == plannedInGaps);
    CHECK(planned >= 2);
    CHECK(planned <= 6);
}

TEST_CASE("street lamps face the street, path lamps throw their light along the path", "[synth]") {
    std::size_t streets = 0;
    std::size_t paths = 0;
    for (std::size_t i = 0; i < plan().luminaires.size(); ++i) {
        const Feature& lamp = plan().luminaires[i];
        const LitLine& lit = town()[plan().lineOf[i]];
        const Projection onLine = project(lit.line, positionOf(lamp));
        const double riktning = numberOf(lamp, "riktning");
        INFO("lamp " << i + 1 << " riktning " << riktning);
        CHECK(riktning >= 0.0);
        CHECK(riktning < 360.0);
        if (isStreet(lit.kind)) {
            const Point& at = positionOf(lamp);
            const double towardLine = bearing(onLine.foot.x() - at.x(), onLine.foot.y() - at.y());
            CHECK(angleBetween(riktning, towardLine) <= 1.0);
            CHECK(textOf(lamp, "armatur") == "generisk_gata");
            ++streets;
        } else if (lit.kind == LitLineKind::Path) {
            CHECK(angleBetween(riktning, onLine.bearing + 90.0) <= 1.0);
            CHECK(textOf(lamp, "armatur") == "generisk_gangvag");
            ++paths;
        }
    }
    CHECK(streets > 40);
    CHECK(paths > 30);
}

TEST_CASE("placed luminaires have lamp data by kind and statuses from the code list", "[synth]") {
    const FieldDef* status = lightingDef().field("status");
    REQUIRE(status != nullptr);
    std::map<std::string, std::size_t> statuses;
    std::map<std::string, std::size_t> switchedOffLines;
    for (std::size_t i = 0; i < plan().luminaires.size(); ++i) {
        const Feature& lamp = plan().luminaires[i];
        const LitLine& lit = town()[plan().lineOf[i]];
        const std::string code = textOf(lamp, "status");
        INFO("lamp " << i + 1 << " status " << code);
        CHECK(std::ranges::any_of(status->values, [&](const auto& v) { return v.code == code; }));
        ++statuses[code];
        if (code == "medvetet_slackt") {
            ++switchedOffLines[std::to_string(plan().lineOf[i])];
            CHECK(lit.kind == LitLineKind::Path);
        }
        for (std::size_t f = 0; f < lightingDef().fields.size(); ++f) {
            CHECK_FALSE(checkValue(lightingDef().fields[f], lamp.values[f]));
        }
        const double height = numberOf(lamp, "hojd_m");
        const double flux = numberOf(lamp, "ljusflode");
        const double tilt = numberOf(lamp, "tilt_grad");
        CHECK(textOf(lamp, "anmarkn").starts_with("[Exempel] "));
        CHECK(numberOf(lamp, "effekt_w") >= 15.0);
        CHECK(numberOf(lamp, "effekt_w") <= 120.0);
        CHECK((code == "planerad") ==
              std::holds_alternative<std::monostate>(valueOf(lamp, "inst_datum")));
        switch (lit.kind) {
        case LitLineKind::MainStreet:
            CHECK(height == 10.0);
            break;
        case LitLineKind::LocalStreet:
            CHECK(height == 8.0);
            break;
        case LitLineKind::Path:
            CHECK((height == 4.5 || height == 5.0));
            break;
        case LitLineKind::PedestrianStreet:
        case LitLineKind::Square:
            CHECK(height == 4.0);
            CHECK(textOf(lamp, "armatur") == "generisk_park");
            break;
        case LitLineKind::Tunnel:
            CHECK(height == 3.0);
            break;
        }
        if (lit.kind == LitLineKind::MainStreet) {
            CHECK((flux >= 6000.0 && flux <= 8000.0));
        } else if (lit.kind == LitLineKind::LocalStreet) {
            CHECK((flux >= 3500.0 && flux <= 5000.0));
        }
        if (isStreet(lit.kind)) {
            CHECK((tilt >= 0.0 && tilt <= 5.0));
        } else if (lit.kind == LitLineKind::Path) {
            CHECK((flux >= 2500.0 && flux <= 3500.0));
            CHECK(tilt == 0.0);
        }
    }
    const double all = static_cast<double>(plan().luminaires.size());
    const double working = static_cast<double>(statuses["fungerar"]) / all;
    CHECK(working >= 0.78);
    CHECK(working <= 0.92);
    CHECK(statuses["trasig"] >= 3);
    CHECK(statuses["planerad"] >= 2);
    REQUIRE(switchedOffLines.size() == 1); // one stretch, on one path
    CHECK(statuses["medvetet_slackt"] >= 3);
    CHECK(statuses["medvetet_slackt"] <= 5);
}

TEST_CASE("litLinesOf reads streets, paths and squares from the base map", "[synth]") {
    const LayerCatalog& catalog = test::sourceCatalog();
    Project baseMap;
    auto layerWith = [&](std::string_view table, std::string_view field,
                         std::vector<std::pair<Geometry, std::string>> rows) {
        const LayerDef* def = catalog.find(table);
        REQUIRE(def != nullptr);
        std::vector<Feature> features;
        for (auto& [geometry, code] : rows) {
            Feature feature;
            feature.geometry = geometry;
            feature.values.resize(def->fields.size());
            feature.values[*def->fieldIndex(field)] = code;
            features.push_back(std::move(feature));
        }
        baseMap.layers.emplace_back(*def, std::move(features));
    };
    const LineString street = line({{0, 0}, {100, 0}});
    Polygon square;
    bg::append(square.outer(), line({{0, 0}, {50, 0}, {50, 50}, {0, 50}, {0, 0}}));
    MultiLineString parts{line({{0, 10}, {100, 10}}), line({{0, 20}, {100, 20}})};
    layerWith("bas_gata", "klass",
              {{street, "huvudgata"}, {street, "lokalgata"}, {street, "gagata"}});
    layerWith("bas_gangvag", "typ", {{parts, "gang_cykel"}, {street, "tunnel"}});
    layerWith("bas_ytor", "typ", {{square, "torg"}, {square, "park"}});

    const auto lines = litLinesOf(baseMap);
    std::vector<LitLineKind> kinds;
    for (const auto& lit : lines) {
        kinds.push_back(lit.kind);
    }
    CHECK(kinds == std::vector<LitLineKind>{LitLineKind::MainStreet, LitLineKind::LocalStreet,
                                            LitLineKind::PedestrianStreet, LitLineKind::Square,
                                            LitLineKind::Path, LitLineKind::Path,
                                            LitLineKind::Tunnel});
    CHECK(lines[3].line.size() == 5);
}
