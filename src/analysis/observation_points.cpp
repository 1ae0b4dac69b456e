#include "tryggkarta/analysis/observation_points.h"

#include <optional>
#include <string>
#include <variant>

namespace trygg {
namespace {

Result<std::optional<std::size_t>> weightIndex(const LayerDef& def, std::string_view name) {
    if (name.empty()) {
        return std::optional<std::size_t>{};
    }
    const auto index = def.fieldIndex(name);
    if (!index) {
        return fail(ErrorCode::Usage,
                    "the layer " + def.table + " has no field " + std::string(name) +
                        " to weigh by",
                    "field '" + std::string(name) + "'");
    }
    const FieldType type = def.fields[*index].type;
    if (type != FieldType::Integer && type != FieldType::Real) {
        return fail(ErrorCode::Usage,
                    "the field " + std::string(name) + " is not a number and cannot weigh",
                    "field '" + std::string(name) + "'");
    }
    return index;
}

std::optional<double> number(const Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        return static_cast<double>(*i);
    }
    if (const auto* d = std::get_if<double>(&value)) {
        return *d;
    }
    return std::nullopt;
}

} // namespace

Result<ObservationPoints> observationPoints(const Layer& layer, const Filter* filter,
                                            std::string_view weightField) {
    auto weightAt = weightIndex(layer.definition(), weightField);
    if (!weightAt) {
        return std::unexpected(weightAt.error());
    }
    const bool everything = filter == nullptr || filter->matchesEverything();
    ObservationPoints taken;
    for (const Feature& feature : layer.features()) {
        if (!everything && !filter->matches(feature)) {
            continue;
        }
        const Point* point =
            feature.geometry ? std::get_if<Point>(&*feature.geometry) : nullptr;
        if (point == nullptr) {
            ++taken.withoutGeometry;
            continue;
        }
        if (*weightAt) {
            const auto weight = number(feature.values[**weightAt]);
            taken.withoutWeight += weight ? 0 : 1;
            taken.weights.push_back(weight.value_or(0.0));
        }
        taken.ids.push_back(feature.id);
        taken.points.push_back(*point);
    }
    return taken;
}

Result<ObservationPoints> selectObservations(const Layer& layer, std::string_view filterText,
                                             std::string_view weightField) {
    auto filter = parseFilter(filterText, layer.definition());
    if (!filter) {
        return std::unexpected(filter.error());
    }
    return observationPoints(layer, &*filter, weightField);
}

} // namespace trygg
