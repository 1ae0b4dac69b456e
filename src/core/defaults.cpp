#include "tryggkarta/core/defaults.h"

#include <chrono>
#include <ctime>

namespace trygg {

Value defaultValue(const FieldDef& field, const DefaultContext& context) {
    const FieldDefault& rule = field.defaultRule;
    switch (rule.kind) {
    case FieldDefault::Kind::None:
        return Value{};
    case FieldDefault::Kind::Literal:
        return rule.literal;
    case FieldDefault::Kind::Now:
        if (field.type == FieldType::Date) {
            return context.now.date; // the local day, which is what a walk's date means
        }
        return context.now;
    case FieldDefault::Kind::CurrentWalk:
        return context.currentWalk ? Value{*context.currentWalk} : Value{};
    case FieldDefault::Kind::LightCondition: {
        auto instant = utcInstant(context.now);
        if (!instant) {
            return Value{};
        }
        auto condition = lightCondition(*instant, {context.latitude, context.longitude});
        return std::string(lightConditionCode(condition));
    }
    }
    return Value{};
}

std::vector<Value> defaultValues(const LayerDef& layer, const DefaultContext& context) {
    std::vector<Value> values;
    values.reserve(layer.fields.size());
    for (const auto& field : layer.fields) {
        values.push_back(defaultValue(field, context));
    }
    return values;
}

DefaultContext currentContext() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    // std::chrono::current_zone() would do this, but GCC 12's library lacks time zones;
    // tm_gmtoff carries the offset in force at this instant, daylight saving included.
    int offsetMinutes = 0;
    if (localtime_r(&seconds, &local) != nullptr) {
        offsetMinutes = static_cast<int>(local.tm_gmtoff / 60);
    }
    DefaultContext context;
    context.now = localDateTime(now, offsetMinutes);
    return context;
}

} // namespace trygg
