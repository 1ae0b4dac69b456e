#pragma once
// Writing an export table's features through OGR, shared by the shapefile, GeoJSON and CSV
// writers: one reused OGRFeature per table, values set column by column, no per-feature
// allocation beyond what OGR itself makes.

#include "export_columns.h"
#include "export_photos.h"
#include "gdal_util.h"
#include "tryggkarta/io/crs_transform.h"

#include <filesystem>
#include <functional>
#include <ogrsf_frmts.h>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace trygg::exporting {

/// What every format writer needs: the options, the CRSs, progress and the report.
struct ExportContext {
    const ExportOptions& options;
    std::filesystem::path projectFile;
    Crs sourceCrs;
    Crs targetCrs;
    Progress& progress;
    ExportReport& report;
    std::uint64_t total = 0; ///< features and photos to write, for progress
    std::uint64_t done = 0;
    const PhotoPlan* photos = nullptr;      ///< the photos to take along
    const PhotoLinks* photoLinks = nullptr; ///< set once the photos are written

    /// Counts one written feature or photo; now and then (`now`: at once) reports progress
    /// and fails when cancelled.
    Result<void> advance(bool now = false);
    /// The photo links of `table`'s features; null when none of them has a photo.
    [[nodiscard]] const PhotoLinks* linksFor(const ExportTable& table) const;
};

/// Moves geometries from the project's CRS into the export's.
class GeometryProjector {
public:
    static Result<GeometryProjector> create(const Crs& from, const Crs& to);
    /// `geometry` in the target CRS: itself when both CRSs are the same, else a transformed
    /// copy that stays valid until the next call.
    Result<const Geometry*> apply(const Geometry& geometry);

private:
    std::optional<CoordinateTransform> m_transform;
    Geometry m_scratch;
};

/// Creates the columns of `plan` on `layer` (the id first, then per field its value,
/// continuation and label columns).
Result<void> createColumns(OGRLayer& layer, const std::vector<FieldColumns>& plan,
                           const std::string& where);

/// When some feature of `table` has photos in this export: adds the column kPhotoColumn
/// (text, as wide as `rules` let text be; after createColumns, before the FeatureWriter is
/// made) and returns the links to fill it with (FeatureWriter::linkPhotos); else null.
Result<const PhotoLinks*> addPhotoColumn(OGRLayer& layer, const ExportTable& table,
                                         const ExportContext& context, const ColumnRules& rules,
                                         const std::string& where);

/// Writes features into a layer made by createColumns with the same plan.
class FeatureWriter {
public:
    FeatureWriter(OGRLayer& layer, std::string fileName, std::vector<FieldColumns> plan,
                  const ColumnRules& rules, GeometryProjector& projector);
    FeatureWriter(const FeatureWriter&) = delete;
    FeatureWriter& operator=(const FeatureWriter&) = delete;

    /// Points are written as one-point multi-points (a shapefile of multi-points).
    void writePointsAsMulti(bool multi) { m_pointsAsMulti = multi; }
    /// Called with each feature after its columns and geometry are set, before it is written:
    /// for what a format adds (a KML name and style, a DXF layer).
    using Decorator = std::function<void(const Feature&, OGRFeature&)>;
    void setDecorator(Decorator decorator) { m_decorator = std::move(decorator); }
    /// Fills the column made by addPhotoColumn from `links` (of the features of `table`);
    /// a list longer than a text field holds keeps its whole first paths and is noted.
    void linkPhotos(const PhotoLinks& links, std::string table);
    Result<void> write(const Feature& feature);
    /// Writes each of `features` that `include` accepts (all without it), counting each in
    /// `context` (progress, cancelling).
    Result<void> writeAll(std::span<const Feature> features, ExportContext& context,
                          const std::function<bool(const Feature&)>& include = {});
    [[nodiscard]] std::int64_t written() const { return m_written; }
    /// Adds the notes on split text to `log`.
    void finish(std::vector<std::string>& log);

private:
    struct Slots {
        int value = -1;
        int firstPiece = -1;
        int label = -1;
        std::vector<std::pair<std::string, std::string>> labels; ///< code, label
        std::int64_t splits = 0;
    };
    void setValue(const FieldColumns& columns, Slots& slots, const Value& value, FeatureId id);
    void setText(const FieldColumns& columns, Slots& slots, const std::string& text, FeatureId id);
    void setLabel(const Slots& slots, std::string_view code);
    Result<void> setGeometry(const std::optional<Geometry>& geometry, FeatureId id);
    void setPhotoLinks(FeatureId id);

    OGRLayer& m_layer;
    std::string m_fileName;
    std::vector<FieldColumns> m_plan;
    std::vector<Slots> m_slots;
    ColumnRules m_rules;
    GeometryProjector& m_projector;
    OGRFeatureUniquePtr m_feature;
    gdal::ErrorCapture m_errors;
    Decorator m_decorator;
    int m_idSlot = 0;
    const PhotoLinks* m_photoLinks = nullptr;
    std::string m_photoTable;
    int m_photoSlot = -1;
    bool m_pointsAsMulti = false;
    std::int64_t m_written = 0;
    std::string m_buffer;
    std::vector<std::string> m_splitNotes;
};

} // namespace trygg::exporting
