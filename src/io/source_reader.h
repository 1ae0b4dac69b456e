#pragma once
// Reads rows of any vector source GDAL knows and turns them into features of a thematic
// layer: field mapping, type conversion, value lists, geometry checks and reprojection.
// Whoever writes the features (the CLI import, the document's undoable import) uses this.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"
#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/importer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <optional>
#include <unordered_map>
#include <vector>

namespace trygg::gdal {

class SourceReader {
public:
    enum class Outcome { Feature, Rejected, End };

    /// Opens the source and prepares the mapping onto `target`; notes go to `report`.
    static Result<SourceReader> open(const std::filesystem::path& source, const LayerDef& target,
                                     const Crs& projectCrs, const ImportOptions& options,
                                     ImportReport& report);

    /// The next row: a feature ready to store, a rejected row with its reason, or the end.
    Outcome next(Feature& feature, RejectedRow& rejected);

    /// The 1-based source row of the feature or rejection next() gave last.
    [[nodiscard]] std::int64_t row() const { return m_row; }

    /// Rows the source says it has; 0 when it cannot tell cheaply.
    [[nodiscard]] std::uint64_t expectedRows() const { return m_expectedRows; }

    /// GDAL's words when reading stopped early because the file is damaged (a truncated .dbf
    /// ends the rows without a word otherwise); empty when the source was read to its end.
    [[nodiscard]] const std::string& damage() const { return m_damage; }

private:
    SourceReader(const LayerDef& target, CoordinateTransform transform);
    std::optional<std::string> readGeometry(const OGRFeature& in, Feature& out,
                                            std::string& field) const;
    struct Mapping;
    /// Finds the mapping file's columns for one field in the source (or its related layer).
    static std::optional<std::string> resolveColumns(Mapping& mapping, GDALDataset& dataset,
                                                     OGRFeatureDefn& defn);
    /// The value of a field the mapping file maps, or the reason the row is rejected.
    std::optional<std::string> mappedValue(const OGRFeature& in, const Mapping& mapping,
                                           const FieldDef& field, Value& out) const;

    struct Mapping {
        int sourceIndex = -1; ///< -1: no column, the value stays NULL
        OGRFieldType sourceType = OFTString;
        /// For value-list fields: code, labels and their folded forms -> code, built once so
        /// a million rows do not fold every label of the list again.
        std::unordered_map<std::string, std::string> codes;
        const FieldMapping* spec = nullptr; ///< set when the mapping file maps the field
        std::vector<int> columns;           ///< the spec's columns, in the source or related layer
        OGRLayer* related = nullptr;        ///< the spec's related layer, borrowed from m_dataset
        int relatedKey = -1;
    };

    const LayerDef* m_target;
    CoordinateTransform m_transform;
    GDALDatasetUniquePtr m_dataset;
    OGRLayer* m_layer = nullptr;
    std::vector<Mapping> m_mapping;
    int m_xColumn = -1; ///< CSV coordinate columns, when the source has no geometry
    int m_yColumn = -1;
    Box m_plausible;    ///< where points may lie (Sweden, generously), in the project CRS
    std::int64_t m_row = 0;
    std::uint64_t m_expectedRows = 0;
    std::string m_rowError; ///< GDAL's error while reading the current row (a damaged .shp)
    std::string m_damage;
};

} // namespace trygg::gdal
