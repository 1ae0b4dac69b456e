// A layer definition (layers/*.json): any bytes give a definition or an error, never a crash.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto def = trygg::parseLayerDefinition(trygg::fuzz::asText(data, size), "fuzz.json");
    if (def) {
        for (const auto& field : def->fields) {
            (void)field.matchCode(def->table); // the lookup a filter or mapping does
        }
    }
    return 0;
}
