#pragma once
// Small text helpers for UTF-8 strings as users type them (Swedish letters included).

#include <string>
#include <string_view>

namespace trygg {

/// Lower-cases ASCII and the Latin-1 letters (Å Ä Ö É Ü ...) of a UTF-8 string;
/// enough to compare value-list labels case-insensitively.
std::string foldCase(std::string_view text);

/// True when the two strings are equal ignoring case (as foldCase) and surrounding blanks.
bool equalsFolded(std::string_view a, std::string_view b);

std::string_view trim(std::string_view text);

/// True when every byte is printable ASCII.
bool isPlainAscii(std::string_view text);

/// True when `text` is well-formed UTF-8.
bool isValidUtf8(std::string_view text);

} // namespace trygg
