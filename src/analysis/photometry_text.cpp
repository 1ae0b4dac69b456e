#include "photometry_text.h"

#include "tryggkarta/core/text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace trygg::photometry_text {
namespace {

// Windows-1252 differs from Latin-1 only in 0x80..0x9F; the five unassigned bytes become U+FFFD.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void appendUtf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

} // namespace

std::vector<TextLine> splitLines(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
    }
    std::vector<TextLine> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\n' && bytes[i] != '\r') {
            continue;
        }
        lines.push_back({bytes.substr(start, i - start), lines.size() + 1});
        if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            ++i;
        }
        start = i + 1;
    }
    if (start < bytes.size()) {
        lines.push_back({bytes.substr(start), lines.size() + 1});
    }
    return lines;
}

std::optional<double> parseNumber(std::string_view text) {
    text = trim(text);
    if (text.starts_with('+')) {
        text.remove_prefix(1);
    }
    std::string number(text);
    if (auto comma = number.find(','); comma != std::string::npos) {
        if (number.find_first_of(".,", comma + 1) != std::string::npos ||
            number.find('.') != std::string::npos) {
            return std::nullopt; // "1.000,5" or "1,000,5": not a number we can trust
        }
        number[comma] = '.';
    }
    double value = 0.0;
    const char* end = number.data() + number.size();
    auto [stop, ec] = std::from_chars(number.data(), end, value);
    if (number.empty() || ec != std::errc{} || stop != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::string toUtf8(std::string_view text) {
    if (isValidUtf8(text)) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (char ch : text) {
        auto byte = static_cast<unsigned char>(ch);
        appendUtf8(out, byte >= 0x80 && byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte);
    }
    return out;
}

std::string location(std::string_view source, std::size_t line, std::string_view field) {
    std::string where = std::string(source) + ": line " + std::to_string(line);
    if (!field.empty()) {
        where += ": ";
        where += field;
    }
    return where;
}

std::unexpected<Error> formatError(std::string_view source, std::size_t line,
                                   std::string_view field, std::string message) {
    return fail(ErrorCode::InvalidFormat, std::move(message), location(source, line, field));
}

std::string degreesText(double degrees) {
    std::string text = std::to_string(degrees);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
        text.pop_back();
    }
    return text + "°";
}

FieldReader::FieldReader(std::vector<TextLine> items, std::string_view source, std::size_t lastLine)
    : m_items(std::move(items)), m_source(source), m_lastLineOfFile(lastLine) {}

std::string_view FieldReader::text(std::string_view field) {
    if (m_next >= m_items.size()) {
        m_line = m_lastLineOfFile + 1;
        ++m_next;
        check(false, field,
              "missing: the file ends after line " + std::to_string(m_lastLineOfFile));
        return {};
    }
    m_line = m_items[m_next].number;
    return m_items[m_next++].text;
}

double FieldReader::number(std::string_view field) {
    std::string_view item = text(field);
    auto value = parseNumber(item);
    check(value.has_value(), field, "not a number: '" + std::string(trim(item)) + "'");
    return value.value_or(0.0);
}

std::size_t FieldReader::count(std::string_view field, std::size_t min, std::size_t max) {
    double value = number(field);
    check(value == std::floor(value) && value >= static_cast<double>(min) &&
              value <= static_cast<double>(max),
          field,
          "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return failed() ? min : static_cast<std::size_t>(value);
}

std::vector<double> FieldReader::angles(std::size_t count, std::string_view kind, double max) {
    std::vector<double> angles;
    for (std::size_t i = 0; i < count && !failed(); ++i) {
        const std::string field = std::string(kind) + " angle " + std::to_string(i + 1);
        angles.push_back(number(field));
        check(angles.back() >= 0.0 && angles.back() <= max &&
                  (i == 0 || angles.back() > angles[i - 1]),
              field, "angles must ascend from 0 to " + degreesText(max));
    }
    return angles;
}

void FieldReader::check(bool ok, std::string_view field, std::string message) {
    if (!ok && !m_error) {
        m_error = formatError(m_source, m_line, field, std::move(message)).error();
    }
}

Result<std::string> readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::OpenFailed, "cannot open photometry file", file.string());
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) {
        return fail(ErrorCode::OpenFailed, "cannot read photometry file", file.string());
    }
    return content.str();
}

} // namespace trygg::photometry_text
