#pragma once
// The columns of an exported file: one per kept field, a label beside each coded field,
// and for shapefiles continuation columns for text longer than a DBF field holds. Short
// names are derived from the layer definition alone, so they are the same in every export.

#include "export_plan.h"

#include <cstddef>
#include <ogr_core.h>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::exporting {

/// The most bytes a DBF text field holds.
inline constexpr std::size_t kDbfTextBytes = 254;

/// How a format stores what shapefiles cannot.
struct ColumnRules {
    bool shortNames = false;            ///< ASCII, at most 10 bytes, unique without case
    std::size_t maxTextBytes = 0;       ///< split longer text into continuation columns; 0: never
    bool nativeDates = true;            ///< dates as OFTDate (else ISO 8601 text)
    bool nativeDateTimes = true;        ///< date-times as OFTDateTime (else ISO 8601 text)
    std::string labelSuffix = "_label"; ///< long names: "<field><suffix>"
    std::string language = "sv";        ///< of labels
};

ColumnRules shapefileRules(std::string_view language);
ColumnRules geoJsonRules(std::string_view language);
ColumnRules csvRules(std::string_view language);

/// The column of the feature id every table starts with.
inline constexpr std::string_view kIdColumn = "id";

/// The columns one field is written to.
struct FieldColumns {
    std::size_t source = 0;          ///< index into the definition's fields and a feature's values
    const FieldDef* field = nullptr; ///< in the table's source definition
    std::string valueName;
    std::vector<std::string> pieceNames; ///< continuation columns, second piece first
    std::string labelName;               ///< empty: not coded
    OGRFieldType valueType = OFTString;
    int valueWidth = 0; ///< 0: the driver's default
    int labelWidth = 0;
};

/// The names every field of `definition` would get in a shapefile, in field order: value
/// columns first (the definition's own names), then label columns ("kategori_t").
struct ShortNames {
    std::vector<std::string> values;
    std::vector<std::string> labels; ///< empty for fields without a value list
};
ShortNames shortNamesFor(const LayerDef& definition);

/// The name of continuation piece `piece` (2 for the second) of a field, avoiding `taken`.
std::string continuationName(std::string_view field, int piece, std::vector<std::string>& taken);

/// The length of the longest prefix of `text` of at most `maxBytes` bytes that ends on a
/// UTF-8 character boundary with no space on either side of the cut (only a text of spaces
/// is cut at a space). Never 0 for a non-empty text when maxBytes >= 4.
std::size_t utf8Cut(std::string_view text, std::size_t maxBytes);

/// How many pieces of at most `maxBytes` `text` is cut into at character boundaries.
int pieceCount(std::string_view text, std::size_t maxBytes);

/// The columns for `table` in a format following `rules`: text widths fitted to the data,
/// as many continuation columns as the longest text needs.
std::vector<FieldColumns> planColumns(const ExportTable& table, const ColumnRules& rules);

/// The ISO 8601 text of a date-time column holds at most this many bytes.
inline constexpr int kIsoDateTimeBytes = 29;

} // namespace trygg::exporting
