#pragma once
// Looking into the PDFs the documents write: page count, and the text poppler reads.

#include "test_support.h"

#include <cstdio>
#include <filesystem>
#include <iterator>
#include <regex>
#include <string>

namespace trygg::test {

/// Page objects of a PDF, not counting the page tree ("/Type /Pages").
inline std::ptrdiff_t pageObjects(const std::string& pdf) {
    const std::regex page("/Type /Page[^s]");
    return std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page),
                         std::sregex_iterator());
}

/// The PDF's text as `pdftotext` reads it (poppler-utils), pages separated by '\f':
/// `-layout` keeps the columns side by side, `-raw` keeps the order of drawing, so a table
/// cell's wrapped lines follow each other.
inline std::string pdfText(const std::filesystem::path& pdf, const std::string& mode = "-layout") {
    std::string text;
    if (FILE* pipe = popen(("pdftotext " + mode + " " + q(pdf) + " - 2>/dev/null").c_str(), "r")) {
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
            text.append(buffer, n);
        }
        pclose(pipe);
    }
    return text;
}

/// `text` with every run of spaces and line breaks (not page breaks) as one space.
inline std::string collapsedSpaces(const std::string& text) {
    std::string collapsed;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r';
        if (!space) {
            collapsed += c;
        } else if (!collapsed.empty() && collapsed.back() != ' ') {
            collapsed += ' ';
        }
    }
    return collapsed;
}

/// How often `needle` occurs in `text`.
inline std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

} // namespace trygg::test
