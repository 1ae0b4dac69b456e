// The sub-commands' argument parsers, apart from cli_support.cpp so that they build without
// the project store (tests/fuzz compiles this file alone).
#include "cli_support.h"

#include "tryggkarta/core/text.h"

namespace trygg::cli {

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find(separator, start);
        parts.push_back(trim(text.substr(start, end == std::string_view::npos ? end : end - start)));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

std::optional<Box> parseExtent(std::string_view text) {
    auto parts = splitOn(text, ',');
    if (parts.size() != 4) {
        return std::nullopt;
    }
    double numbers[4];
    for (std::size_t i = 0; i < 4; ++i) {
        auto value = parseNumber<double>(parts[i]);
        if (!value) {
            return std::nullopt;
        }
        numbers[i] = *value;
    }
    if (!(numbers[0] < numbers[2] && numbers[1] < numbers[3])) {
        return std::nullopt;
    }
    return Box{Point{numbers[0], numbers[1]}, Point{numbers[2], numbers[3]}};
}

Result<std::optional<Box>> extentOption(const std::string& text) {
    if (text.empty()) {
        return std::optional<Box>{};
    }
    if (auto extent = parseExtent(text)) {
        return extent;
    }
    return fail(ErrorCode::Usage, "expected minx,miny,maxx,maxy with min < max, not '" + text + "'",
                "--extent");
}

} // namespace trygg::cli
