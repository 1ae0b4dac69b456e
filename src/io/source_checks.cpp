#include "source_checks.h"

#include "tryggkarta/core/text.h"

#include <fstream>

namespace trygg::gdal {
namespace {

namespace fs = std::filesystem;

/// Rows looked at to tell an encoding; a file whose first 10,000 rows are plain UTF-8 is one.
constexpr int kEncodingScanRows = 10000;

bool isShapefile(const fs::path& source) {
    const std::string ext = foldCase(source.extension().string());
    return ext == ".shp" || ext == ".dbf";
}

/// Whether every text cell of the first rows is valid UTF-8 (the layer's reading is reset).
bool textIsUtf8(OGRLayer& layer) {
    layer.ResetReading();
    bool valid = true;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int row = 0; valid && row < kEncodingScanRows; ++row) {
        OGRFeatureUniquePtr feature(layer.GetNextFeature());
        if (!feature) {
            break;
        }
        for (int i = 0; valid && i < defn->GetFieldCount(); ++i) {
            valid = defn->GetFieldDefn(i)->GetType() != OFTString ||
                    !feature->IsFieldSetAndNotNull(i) || isValidUtf8(feature->GetFieldAsString(i));
        }
    }
    layer.ResetReading();
    return valid;
}

} // namespace

std::optional<std::string> unclosedQuote(const fs::path& csv) {
    std::ifstream in(csv, std::ios::binary);
    // GDAL's CSV reader joins lines while a value's quotes are unbalanced, so the parity of all
    // quote characters (a doubled "" inside a value counts twice) tells whether one is open.
    bool open = false;
    std::int64_t line = 1;
    std::int64_t openedOn = 0;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            if (buffer[i] == '\n') {
                ++line;
            } else if (buffer[i] == '"') {
                open = !open;
                openedOn = open ? line : openedOn;
            }
        }
    }
    if (!open) {
        return std::nullopt;
    }
    return "a quote (\") opened on line " + std::to_string(openedOn) +
           " is never closed: every row after it would be read as part of one value";
}

std::optional<std::string> fallbackEncoding(const fs::path& source, OGRLayer& layer,
                                            std::vector<std::string>& notes) {
    if (!isShapefile(source) || layer.TestCapability(OLCStringsAsUTF8)) {
        return std::nullopt;
    }
    fs::path cpg = source;
    cpg.replace_extension(".cpg");
    std::error_code ec;
    const std::string why = fs::exists(cpg, ec)
                                ? "its .cpg file names an encoding that is not known here"
                                : "there is no .cpg file saying which encoding its text is in";
    if (textIsUtf8(layer)) {
        notes.push_back(why + ": read the text as UTF-8, which it is valid as");
        return std::nullopt;
    }
    notes.push_back(why + ", and the text is not UTF-8: read it as Windows-1252 (Latin-1, as older "
                          "Swedish programs write); if å, ä and ö look wrong, add a .cpg file");
    return std::string("CP1252");
}

std::optional<std::string> delimiterMismatch(const OGRFeature& row) {
    const int count = row.GetFieldCount();
    if (count < 2 || !row.IsFieldSetAndNotNull(0)) {
        return std::nullopt;
    }
    for (int i = 1; i < count; ++i) {
        if (row.IsFieldSetAndNotNull(i)) {
            return std::nullopt;
        }
    }
    const std::string first = row.GetFieldAsString(0);
    for (char separator : {',', ';', '\t', '|'}) {
        if (first.find(separator) != std::string::npos) {
            const std::string shown = separator == '\t' ? "tab" : std::string(1, separator);
            return "the whole row is in the first column: its values are separated by '" + shown +
                   "', the header's by another character (" + std::to_string(count) + " columns)";
        }
    }
    return std::nullopt;
}

} // namespace trygg::gdal
