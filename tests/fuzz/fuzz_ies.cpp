// IES LM-63 (.ies) photometry.
#include "fuzz_photometry.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    trygg::fuzz::usePhotometry(trygg::parseIes(trygg::fuzz::asText(data, size), "fuzz.ies"));
    return 0;
}
