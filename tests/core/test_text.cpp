#include <catch2/catch.hpp>

#include "tryggkarta/core/text.h"

using namespace trygg;

TEST_CASE("foldCase lowers ASCII and Swedish letters") {
    CHECK(foldCase("ÖDSLIGT Område") == "ödsligt område");
    CHECK(foldCase("ÅÄÖÉÜ") == "åäöéü");
    CHECK(foldCase("×") == "×"); // the multiplication sign is not a letter
    CHECK(equalsFolded("  Mörker ", "MÖRKER"));
    CHECK_FALSE(equalsFolded("mörker", "morker"));
}

TEST_CASE("UTF-8 and ASCII checks") {
    CHECK(isValidUtf8("Järnvägsparken"));
    CHECK_FALSE(isValidUtf8("J\xE4rnv\xE4gsparken")); // Latin-1 bytes
    CHECK_FALSE(isValidUtf8("ab\xC3"));                // truncated sequence
    CHECK(isPlainAscii("kategori"));
    CHECK_FALSE(isPlainAscii("område"));
    CHECK(trim("  x y \t") == "x y");
}
