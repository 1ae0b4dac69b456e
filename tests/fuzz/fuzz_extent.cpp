// The CLI's --extent argument.
#include "cli/cli_support.h"
#include "fuzz_support.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto extent = trygg::cli::extentOption(std::string(trygg::fuzz::asText(data, size)));
    if (extent && *extent && !((*extent)->min_corner().x() < (*extent)->max_corner().x())) {
        __builtin_trap(); // parseExtent promises min < max
    }
    return 0;
}
