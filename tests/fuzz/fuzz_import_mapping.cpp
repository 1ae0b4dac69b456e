// Import mappings (layers/mappings/*.json) and the conversion of a foreign export's answers.
// Input: the mapping's JSON, then optionally a NUL byte and answer rows, one per line, with the
// column texts of a row separated by '|' (an empty text is NULL). Each parsed field mapping
// converts every row; consecutive lines are also tried as (text, format) for parseTimestamp.
#include "fuzz_support.h"

#include "tryggkarta/io/import_mapping.h"

#include <optional>
#include <string>
#include <vector>

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

std::vector<std::optional<std::string>> columnTexts(std::string_view row) {
    std::vector<std::optional<std::string>> texts;
    for (std::string_view text : split(row, '|')) {
        texts.push_back(text.empty() ? std::nullopt : std::optional<std::string>(text));
    }
    return texts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = trygg::fuzz::asText(data, size);
    const std::size_t nul = input.find('\0');
    const std::string_view json = input.substr(0, nul);
    const std::string_view answers =
        nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
    const auto rows = split(answers, '\n');
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        (void)trygg::parseTimestamp(rows[i], rows[i + 1]);
    }
    auto mapping = trygg::parseImportMapping(json, "fuzz.json", trygg::fuzz::shippedCatalog());
    if (!mapping) {
        return 0;
    }
    for (std::string_view row : rows) {
        const auto texts = columnTexts(row);
        for (const auto& [field, fieldMapping] : mapping->fields) {
            (void)fieldMapping.apply(texts);
        }
    }
    return 0;
}
