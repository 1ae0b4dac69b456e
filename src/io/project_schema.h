#pragma once
// The tables of a project GeoPackage: thematic layers from their definitions, the link
// table and the metadata table. Used when creating a project and when opening one that an
// older definition wrote (fields added to the JSON since are added to the table).

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/core/schema.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace trygg::gdal {

/// The table for a definition, created (with fields, aliases and value-list domains) or
/// completed with the fields it lacks.
Result<OGRLayer*> ensureThematicLayer(GDALDataset& dataset, const LayerDef& definition,
                                      const OGRSpatialReference& srs);

/// trygg_meta, atgard_observation and trygg_foto, created when absent.
Result<void> ensureAuxiliaryTables(GDALDataset& dataset);

/// For each definition field, the index of the table's field of that name (-1 when absent).
std::vector<int> fieldIndices(OGRLayer& layer, const LayerDef& definition);

Result<std::map<std::string, std::string>> readMetadata(GDALDataset& dataset);
Result<void> writeMetadata(GDALDataset& dataset, const std::map<std::string, std::string>& values);

Result<std::vector<MeasureLink>> readLinks(GDALDataset& dataset);
Result<void> replaceLinks(GDALDataset& dataset, const std::vector<MeasureLink>& links);

/// Our feature for a row of a table written by us; the error names the table and fid.
Result<Feature> readFeature(const OGRFeature& in, const std::vector<int>& indices,
                            const LayerDef& definition);

/// The OGR feature for one of ours (fid, fields by `indices`, geometry), not yet written.
OGRFeatureUniquePtr toOgrFeature(OGRLayer& layer, const std::vector<int>& indices,
                                 const Feature& feature);

/// Writes one feature with its own fid: a new row, or with `overwrite` the row of that fid
/// (created when absent).
Result<void> writeFeature(OGRLayer& layer, const std::vector<int>& indices,
                          const Feature& feature, const std::string& layerName,
                          bool overwrite = false);

/// The dataset's project CRS: that of the first thematic table, else of trygg_meta's "crs".
Crs projectCrs(GDALDataset& dataset, const std::map<std::string, std::string>& metadata);

/// A project GeoPackage opened for reading or writing, with its metadata and CRS.
struct ProjectFile {
    GDALDatasetUniquePtr dataset;
    std::map<std::string, std::string> metadata;
    Crs crs;
};

/// Opens a project; refuses files that are not GeoPackages, naming the file.
Result<ProjectFile> openProjectFile(const std::filesystem::path& path, bool update);

struct TransactionGuard;

/// Commits the guarded transaction and closes the dataset, reporting either failure
/// ("disk full or file locked?") with the file's name.
Result<void> commitAndClose(GDALDatasetUniquePtr dataset, TransactionGuard& guard,
                            const std::filesystem::path& path);

/// Rolls the dataset's transaction back unless `open` was cleared after a commit.
struct TransactionGuard {
    explicit TransactionGuard(GDALDataset& guarded) : dataset(guarded) {}
    GDALDataset& dataset;
    bool open = true;
    TransactionGuard(const TransactionGuard&) = delete;
    TransactionGuard& operator=(const TransactionGuard&) = delete;
    ~TransactionGuard() {
        if (open) {
            dataset.RollbackTransaction();
        }
    }
};

} // namespace trygg::gdal
