#pragma once
// Which lighting class (EN 13201-2) each stretch of the path network must meet, as a table a
// planner can change: the classes with their values, rules from base-map layer and field value
// to class, the centre core that asks for more, and the crossings where a C class applies.
//
// The table is JSON ("tryggkarta-lighting-classes/1"); layers/belysningsklasser.json ships the
// default for Vännäs centrum. See that file for the format.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg {

/// One class: maintained horizontal illuminance it asks for.
struct LightingClass {
    std::string name;          ///< "P4", "C3"
    double averageLux = 0.0;   ///< Ē the stretch must reach on average
    double minimumLux = 0.0;   ///< E_min no point may fall below (C classes: 0, see uniformity)
    double minUniformity = 0.0; ///< E_min / Ē at least this (C classes 0.4; 0 = no demand)

    /// The lowest illuminance a point may have: E_min, or uniformity × Ē for C classes.
    [[nodiscard]] double pointMinimum() const {
        return minimumLux > 0.0 ? minimumLux : minUniformity * averageLux;
    }
};

/// Lines of `layer` (all, or those whose `field` holds one of `values`) must meet `className`,
/// or `coreClassName` within the centre core when it is set.
struct LightingRule {
    std::string layer;
    std::string field;               ///< empty: every line of the layer
    std::vector<std::string> values; ///< codes of `field`
    std::string className;
    std::string coreClassName; ///< empty: the same class inside the core
};

/// Crossings: where a line of `pathLayer` meets a line of `streetLayer`, the stretch within
/// `radius` metres of the meeting point must meet `className`.
struct CrossingRule {
    std::string pathLayer;
    std::string streetLayer;
    double radius = 10.0;
    std::string className;
};

/// What over-lighting means: an average above this × the class average.
inline constexpr double kOverLitFactor = 1.5;

struct LightingClassTable {
    std::vector<LightingClass> classes;
    std::vector<LightingRule> rules; ///< the first that matches a line decides
    std::vector<CrossingRule> crossings;
    MultiPolygon core;             ///< empty: no core
    int coreEpsg = 0;              ///< the CRS the core is drawn in (must be the project's)
    std::string fallbackClassName; ///< for observations far from any path ("P4")
    std::string source;            ///< file name, for messages

    [[nodiscard]] const LightingClass* find(std::string_view name) const;
    /// Index of the class in `classes`; nothing for an unknown name.
    [[nodiscard]] std::optional<std::size_t> indexOf(std::string_view name) const;
};

/// Parses and checks a table: known format, classes with positive values, rules and crossings
/// naming classes of the table, a core ring of at least three points. Errors name `sourceName`
/// and the entry ("rules[2].class: unknown class 'P9'").
Result<LightingClassTable> parseLightingClassTable(std::string_view json,
                                                   std::string_view sourceName);

/// Reads and parses a table file; errors name the file.
Result<LightingClassTable> readLightingClassTable(const std::filesystem::path& file);

/// The file name of the default table in the layer definition folder.
inline constexpr std::string_view kDefaultClassTableFile = "belysningsklasser.json";

} // namespace trygg
