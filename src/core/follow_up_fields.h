#pragma once
// Reading the fields the follow-up needs: coded values as labels, dates, polarity.

#include "tryggkarta/core/layer.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace trygg::followup {

/// The label of `code` in a coded field of `def`, in `language`; the code itself when the
/// field is not coded or the code is not in its list.
inline std::string labelOf(const LayerDef& def, std::string_view field, const std::string& code,
                           std::string_view language) {
    const FieldDef* found = def.field(field);
    const CodedValue* coded = found != nullptr ? found->findCode(code) : nullptr;
    return coded != nullptr ? coded->label.in(language) : code;
}

/// The date in `field` (the day of a date-time); nothing when empty or not a date.
inline std::optional<Date> dateOf(const LayerDef& def, const Feature& feature,
                                  std::string_view field) {
    const auto index = def.fieldIndex(field);
    if (!index || *index >= feature.values.size()) {
        return std::nullopt;
    }
    const Value& value = feature.values[*index];
    if (const auto* date = std::get_if<Date>(&value)) {
        return *date;
    }
    if (const auto* dateTime = std::get_if<DateTime>(&value)) {
        return dateTime->date;
    }
    return std::nullopt;
}

/// An observation of something unsafe (polaritet = otrygg).
inline bool isUnsafe(const LayerDef& def, const Feature& observation) {
    return textOf(def, observation, "polaritet") == "otrygg";
}

} // namespace trygg::followup
