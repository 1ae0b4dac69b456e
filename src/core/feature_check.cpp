#include "tryggkarta/core/feature_check.h"

#include <string>

namespace trygg {

Result<void> checkFeature(const LayerDef& definition, const Feature& feature) {
    std::string where = definition.table;
    if (feature.id != kNoFeatureId) {
        where += ": feature " + std::to_string(toInt(feature.id));
    }
    if (feature.values.size() != definition.fields.size()) {
        return fail(ErrorCode::InvalidValue,
                    "expected " + std::to_string(definition.fields.size()) + " values, got " +
                        std::to_string(feature.values.size()),
                    where);
    }
    for (std::size_t i = 0; i < definition.fields.size(); ++i) {
        const FieldDef& field = definition.fields[i];
        if (auto reason = checkValue(field, feature.values[i])) {
            return fail(ErrorCode::InvalidValue, *reason, where + ", field '" + field.name + "'");
        }
    }
    if (feature.geometry) {
        if (isEmpty(*feature.geometry)) {
            return fail(ErrorCode::InvalidGeometry, "empty geometry", where);
        }
        if (!acceptsGeometry(definition.geometry, *feature.geometry)) {
            return fail(ErrorCode::InvalidGeometry,
                        std::string("a ") + std::string(geometryTypeName(*feature.geometry)) +
                            " does not belong in a layer of " +
                            std::string(geometryKindName(definition.geometry)) + "s",
                        where);
        }
    } else if (definition.geometry != GeometryKind::None && definition.geometryRequired) {
        return fail(ErrorCode::InvalidGeometry, "no geometry", where);
    }
    return {};
}

} // namespace trygg
