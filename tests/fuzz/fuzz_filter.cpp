// The filter language (--where, --status, selection by attribute), parsed against shipped layers
// and, when it parses, described and matched against a feature without values and one with.
#include "fuzz_support.h"

#include "tryggkarta/core/filter.h"

#include <vector>

namespace {

using namespace trygg;

/// A feature with a plausible value in every field: the first code, or a fixed number or time.
Feature sampleFeature(const LayerDef& layer) {
    Feature feature;
    for (const FieldDef& field : layer.fields) {
        if (field.isCoded()) {
            feature.values.emplace_back(field.values.front().code);
            continue;
        }
        switch (field.type) {
        case FieldType::Integer: feature.values.emplace_back(std::int64_t{2}); break;
        case FieldType::Real: feature.values.emplace_back(1.5); break;
        case FieldType::Text: feature.values.emplace_back(std::string("Storgatan 1")); break;
        case FieldType::Date: feature.values.emplace_back(Date{.year = 2025, .month = 10, .day = 1}); break;
        case FieldType::DateTime: {
            DateTime t;
            t.date = Date{.year = 2025, .month = 10, .day = 1};
            t.hour = 18;
            t.utcOffsetMinutes = 120;
            feature.values.emplace_back(t);
            break;
        }
        }
    }
    return feature;
}

struct Target {
    const LayerDef* layer;
    Feature sample;
};

const std::vector<Target>& targets() {
    static const std::vector<Target> all = [] {
        std::vector<Target> result;
        for (const char* table : {"observationer", "belysning"}) {
            const LayerDef* layer = fuzz::shippedCatalog().find(table);
            if (layer == nullptr) {
                std::abort(); // the shipped layers changed; the target must follow
            }
            result.push_back({layer, sampleFeature(*layer)});
        }
        return result;
    }();
    return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    for (const Target& target : targets()) {
        auto filter = parseFilter(fuzz::asText(data, size), *target.layer);
        if (!filter) {
            continue;
        }
        (void)filter->describe("sv");
        (void)filter->describe("en");
        (void)filter->matches(Feature{});
        (void)filter->matches(target.sample);
    }
    return 0;
}
