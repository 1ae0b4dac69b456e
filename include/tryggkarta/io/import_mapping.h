#pragma once
// Mapping files (format "tryggkarta-import-mapping/1"): how the columns and answers of a
// foreign export (a web survey, a phone's GPX) become fields and codes of a thematic layer.
// Ready ones ship in layers/mappings/; layers/README.md documents the format.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/value.h"
#include "tryggkarta/io/layer_definitions.h"

#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

/// A value taken from another layer of the source: the first row whose `key` column holds
/// this row's feature id (a GPX track's first track point, for its time).
struct RelatedRows {
    std::string layer; ///< "track_points"
    std::string key;   ///< "track_fid"
};

/// How one target field gets its value.
struct FieldMapping {
    /// Source columns; several are joined with `separator`, empty ones left out.
    std::vector<std::string> columns;
    std::string separator = ": ";
    /// Fixed text for every row (a code or a label), instead of columns.
    std::optional<std::string> constant;
    /// Their answer text (folded, see foldCase) -> our code; our own codes and labels are
    /// added when the mapping gives values or unmapped. Matched ignoring case and blanks.
    std::map<std::string, std::string> values;
    /// For answers not in `values`, and for no answer: this code; without it a row with such
    /// an answer is rejected (and no answer stays NULL).
    std::optional<std::string> unmapped;
    /// strftime-like formats for their timestamps ("%d/%m/%Y %H:%M"); tried in order.
    std::vector<std::string> timeFormats;
    std::optional<RelatedRows> related;
    /// The value is the light condition (dagsljus, skymning, morker) over Vännäs centrum at
    /// the time the columns give.
    bool lightCondition = false;

    /// The text for one row from its column texts (same order as `columns`, nullopt for NULL):
    /// "" for NULL, or the reason the row is rejected (naming the value).
    [[nodiscard]] std::expected<std::string, std::string>
    apply(const std::vector<std::optional<std::string>>& texts) const;
};

struct ImportMapping {
    std::string sourceName; ///< the mapping file's name, for messages
    Label title;            ///< "Webbenkät: otrygga platser"
    std::string targetLayer;
    std::string sourceLayer; ///< empty: chosen as without a mapping
    std::optional<Crs> sourceCrs;
    std::string xColumn; ///< CSV coordinate columns; empty: found by name
    std::string yColumn;
    std::map<std::string, FieldMapping> fields; ///< target field -> how
};

/// Parses and checks a mapping; `catalog` checks the layer, fields and codes. Errors name
/// the file and the JSON path ("enkat.json: fields.kategori.values: ...").
Result<ImportMapping> parseImportMapping(std::string_view json, std::string_view sourceName,
                                         const LayerCatalog& catalog);
Result<ImportMapping> loadImportMapping(const std::filesystem::path& file,
                                        const LayerCatalog& catalog);

/// A shipped mapping, for a choice list.
struct ReadyMapping {
    std::filesystem::path file;
    Label title;
    std::string targetLayer;
};

/// The mappings in `<layers directory>/mappings`, sorted by file name; broken ones are skipped
/// (loading one names its error).
std::vector<ReadyMapping> readyMappings(const LayerCatalog& catalog);

/// The shipped mapping a source without one uses: GPX waypoints for observationer, GPX tracks
/// for vandringar; for other sources the first ready mapping for the layer whose columns the
/// source all has (a web survey's export is recognised); else nothing.
std::optional<std::filesystem::path> automaticMapping(const std::filesystem::path& source,
                                                      const LayerCatalog& catalog,
                                                      std::string_view targetLayer);

/// Reads a timestamp written in a strftime-like `format` (%Y %m %d %H %M %S, other
/// characters literal); nothing when the text does not match.
std::optional<DateTime> parseTimestamp(std::string_view text, std::string_view format);

} // namespace trygg
