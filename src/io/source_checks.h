#pragma once
// Checks of an import source that GDAL does not make: damage that would otherwise make rows
// vanish or text come out wrong without a word (found with the bad-input corpus,
// tests/data/bad/). SourceReader calls them; each returns what the user must be told.

#include <filesystem>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <optional>
#include <string>
#include <vector>

namespace trygg::gdal {

/// For a CSV file whose quote (") is never closed: the reason, naming the line it opens on.
/// GDAL would read the rest of the file as one value and so drop every row after it silently.
std::optional<std::string> unclosedQuote(const std::filesystem::path& csv);

/// The encoding to reopen a shapefile with when it does not say which one its text is in (no
/// or an unknown .cpg) and the text is not UTF-8: "CP1252" (Swedish Windows; Latin-1 letters
/// å, ä, ö are the same), with a note for the report saying so. Nothing when GDAL already
/// delivers UTF-8 or the text is valid UTF-8 (then the note says that was assumed).
std::optional<std::string> fallbackEncoding(const std::filesystem::path& source, OGRLayer& layer,
                                            std::vector<std::string>& notes);

/// For a CSV row that came as one value in its first column while the header has several
/// (the rows are separated by another character than the header): the reason.
std::optional<std::string> delimiterMismatch(const OGRFeature& row);

} // namespace trygg::gdal
