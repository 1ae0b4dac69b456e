// The shapefile package for consultants: per layer and geometry type one shapefile with a
// .prj and a .cpg saying UTF-8, short stable field names, codes with labels, long text in
// continuation columns, and a data dictionary that says what every short name means.

#include "export_formats.h"

#include <array>
#include <fstream>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

constexpr std::array kKinds{GeometryKind::Point, GeometryKind::LineString, GeometryKind::Polygon,
                            GeometryKind::None};

/// The file a feature goes to: its geometry's kind; without a geometry, the layer's kind
/// (a null shape) or, in a layer of any geometry, an attribute-only table.
GeometryKind bucketOf(const Feature& feature, GeometryKind layerKind) {
    if (feature.geometry) {
        return kindOf(*feature.geometry);
    }
    return layerKind == GeometryKind::Any ? GeometryKind::None : layerKind;
}

std::string_view suffixFor(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point:
        return "_punkt";
    case GeometryKind::LineString:
        return "_linje";
    case GeometryKind::Polygon:
        return "_yta";
    default:
        return "_tabell";
    }
}

struct Bucket {
    GeometryKind kind = GeometryKind::None;
    std::int64_t features = 0;
    bool multiPoints = false;
};

/// The geometry kinds a table's features fall into, in a fixed order.
std::vector<Bucket> bucketsOf(const ExportTable& table) {
    std::array<Bucket, kKinds.size()> all{};
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        all[i].kind = kKinds[i];
    }
    const GeometryKind layerKind = table.source.geometry;
    for (const Feature& feature : table.features) {
        const GeometryKind kind = bucketOf(feature, layerKind);
        for (Bucket& bucket : all) {
            if (bucket.kind == kind) {
                ++bucket.features;
                bucket.multiPoints |=
                    feature.geometry && std::holds_alternative<MultiPoint>(*feature.geometry);
            }
        }
    }
    std::vector<Bucket> present;
    for (const Bucket& bucket : all) {
        if (bucket.features > 0) {
            present.push_back(bucket);
        }
    }
    if (present.empty() && layerKind != GeometryKind::Any) {
        Bucket empty; // an empty layer still shows its fields
        empty.kind = layerKind;
        present.push_back(empty);
    }
    return present;
}

OGRwkbGeometryType shapeType(const Bucket& bucket) {
    switch (bucket.kind) {
    case GeometryKind::Point:
        return bucket.multiPoints ? wkbMultiPoint : wkbPoint;
    case GeometryKind::LineString:
        return wkbLineString;
    case GeometryKind::Polygon:
        return wkbPolygon;
    default:
        return wkbNone;
    }
}

/// dBase ends a table with 0x1A, and some readers expect it.
Result<void> appendEndOfFileMark(const fs::path& dbf) {
    std::ofstream out(dbf, std::ios::binary | std::ios::app);
    out.put('\x1A');
    out.close();
    if (!out) {
        return fail(ErrorCode::WriteFailed, "cannot finish the table (disk full?)",
                    dbf.filename().string());
    }
    return {};
}

Result<std::int64_t> writeBucket(const ExportTable& table, const Bucket& bucket,
                                 const std::string& base, const fs::path& folder,
                                 ExportContext& context, std::vector<FieldColumns> plan,
                                 GeometryProjector& projector) {
    gdal::ErrorCapture errors;
    const std::string fileName = base + (bucket.kind == GeometryKind::None ? ".dbf" : ".shp");
    const fs::path path = folder / fileName;
    auto created = gdal::createVectorFile("ESRI Shapefile", path, "cannot create shapefile", fileName);
    if (!created) {
        return std::unexpected(created.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*created);
    auto srs = gdal::makeSrs(context.targetCrs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    const OGRwkbGeometryType type = shapeType(bucket);
    // Without the end-of-file mark GDAL appends each record with one write instead of
    // writing the mark and seeking back over it (a flush per record: a third of the time).
    // The mark is added once the file is closed.
    const char* options[] = {"ENCODING=UTF-8", "DBF_EOF_CHAR=NO", nullptr};
    OGRLayer* layer = dataset->CreateLayer(base.c_str(), type == wkbNone ? nullptr : srs->get(),
                                           type, const_cast<char**>(options));
    if (layer == nullptr) {
        return fail(ErrorCode::WriteFailed, "cannot create shapefile", fileName, errors.last());
    }
    if (auto ok = createColumns(*layer, plan, fileName); !ok) {
        return std::unexpected(ok.error());
    }
    ColumnRules rules = shapefileRules(context.options.language);
    auto links = addPhotoColumn(*layer, table, context, rules, fileName);
    if (!links) {
        return std::unexpected(links.error());
    }
    FeatureWriter writer(*layer, fileName, std::move(plan), rules, projector);
    writer.writePointsAsMulti(type == wkbMultiPoint);
    if (*links != nullptr) {
        writer.linkPhotos(**links, table.source.table);
    }
    const auto inBucket = [&](const Feature& feature) {
        return bucketOf(feature, table.source.geometry) == bucket.kind;
    };
    if (auto ok = writer.writeAll(table.features, context, inBucket); !ok) {
        return std::unexpected(ok.error());
    }
    writer.finish(context.report.log);
    if (auto closed = gdal::close(std::move(dataset), path); !closed) {
        return std::unexpected(closed.error());
    }
    if (auto ok = appendEndOfFileMark(folder / (base + ".dbf")); !ok) {
        return std::unexpected(ok.error());
    }
    return writer.written();
}

} // namespace

Result<void> writeShapefilePackage(const std::vector<ExportTable>& tables, const fs::path& folder,
                                   ExportContext& context) {
    auto projector = GeometryProjector::create(context.sourceCrs, context.targetCrs);
    if (!projector) {
        return std::unexpected(projector.error());
    }
    const ColumnRules rules = shapefileRules(context.options.language);
    std::vector<PackageFile> files;
    for (const ExportTable& table : tables) {
        const auto buckets = bucketsOf(table);
        if (buckets.empty()) {
            context.report.log.push_back(table.source.table +
                                         ": no features; no shapefile written");
            continue;
        }
        const bool suffixed = buckets.size() > 1 || table.source.geometry == GeometryKind::Any;
        const auto plan = planColumns(table, rules);
        for (const Bucket& bucket : buckets) {
            const std::string base =
                table.source.table + (suffixed ? std::string(suffixFor(bucket.kind)) : "");
            auto written = writeBucket(table, bucket, base, folder, context, plan, *projector);
            if (!written) {
                return std::unexpected(written.error());
            }
            PackageFile file;
            file.name = base + (bucket.kind == GeometryKind::None ? ".dbf" : ".shp");
            file.table = &table;
            file.geometry = std::string(geometryKindName(bucket.kind));
            file.features = *written;
            file.columns = plan;
            file.photoColumn = context.linksFor(table) != nullptr;
            context.report.tables.push_back(ExportedTable{table.layer, file.name, *written});
            files.push_back(std::move(file));
        }
    }
    return writeDataDictionary(files, folder, context);
}

} // namespace trygg::exporting
