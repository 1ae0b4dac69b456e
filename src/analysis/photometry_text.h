#pragma once
// Reading photometry files as the bytes they are: CRLF or LF, decimal commas, Windows-1252
// text, and errors that name the file and the line.

#include "tryggkarta/core/error.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::photometry_text {

/// One line of a file without its line break; `number` counts from 1.
struct TextLine {
    std::string_view text;
    std::size_t number = 0;
};

/// Splits at CRLF, LF or a lone CR; a UTF-8 byte order mark at the start is dropped.
std::vector<TextLine> splitLines(std::string_view bytes);

/// A decimal number with a point or a comma ("0,85"), blanks around it allowed; nothing for
/// anything else, infinities and NaN included.
std::optional<double> parseNumber(std::string_view text);

/// UTF-8 text as it is; anything else is taken as Windows-1252 (what EULUMDAT and IES files
/// from Windows tools hold) and converted to UTF-8.
std::string toUtf8(std::string_view text);

/// "gata.ldt: line 4: number of C planes (Mc)"; without a field, "gata.ldt: line 4".
std::string location(std::string_view source, std::size_t line, std::string_view field = {});

/// An InvalidFormat error at a line of a file.
std::unexpected<Error> formatError(std::string_view source, std::size_t line,
                                   std::string_view field, std::string message);

/// "45°", "22.5°": an angle as a field name shows it.
std::string degreesText(double degrees);

/// Reads a file's fields one after the other: its lines (EULUMDAT) or its blank-separated
/// values (IES), each item carrying its line. The first problem sticks: later reads return
/// 0 and leave it alone, so a caller checks failed() once after a run of reads.
class FieldReader {
public:
    /// `lastLine` is the file's last line, for saying where it ended too early.
    FieldReader(std::vector<TextLine> items, std::string_view source, std::size_t lastLine);

    std::string_view text(std::string_view field);
    double number(std::string_view field);
    /// A whole number within [min, max].
    std::size_t count(std::string_view field, std::size_t min, std::size_t max);
    /// `count` angles ascending within [0, max] degrees, named "<kind> angle 1" onwards.
    std::vector<double> angles(std::size_t count, std::string_view kind, double max);
    void skip(std::size_t items) { m_next += items; }

    /// Records `message` for the item just read unless `ok` or an earlier problem stands.
    void check(bool ok, std::string_view field, std::string message);
    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] std::unexpected<Error> error() const { return std::unexpected(*m_error); }
    [[nodiscard]] const std::string& source() const { return m_source; }

private:
    std::vector<TextLine> m_items;
    std::string m_source;
    std::size_t m_lastLineOfFile = 0;
    std::size_t m_next = 0;
    std::size_t m_line = 1; ///< the line of the item read last
    std::optional<Error> m_error;
};

/// The whole file; OpenFailed naming it when it cannot be read.
Result<std::string> readBytes(const std::filesystem::path& file);

} // namespace trygg::photometry_text
