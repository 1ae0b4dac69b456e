#include "tryggkarta/io/osm_import.h"

#include "gdal_util.h"
#include "ogr_convert.h"
#include "osm_tags.h"
#include "project_schema.h"
#include "tryggkarta/io/crs_transform.h"

#include <boost/geometry/algorithms/is_valid.hpp>

namespace trygg {
namespace {

/// At most this many rejected objects are described in the report; the rest are counted.
constexpr std::size_t kMaxNotes = 50;


/// A project table being written, with the positions of its definition's fields.
struct TableWriter {
    const LayerDef* definition = nullptr;
    OGRLayer* layer = nullptr;
    std::vector<int> indices;
};

/// Opens the file with the OSM driver only, so that a GeoJSON or a shapefile given by mistake
/// is refused instead of being read as something else.
Result<GDALDatasetUniquePtr> openOsm(const std::filesystem::path& source) {
    std::error_code ec;
    if (!std::filesystem::exists(source, ec)) {
        return fail(ErrorCode::OpenFailed, "file not found", source.string());
    }
    gdal::ErrorCapture errors;
    const char* drivers[] = {"OSM", nullptr};
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!dataset) {
        return fail(ErrorCode::InvalidFormat,
                    "not an OpenStreetMap file (expected .osm XML or .osm.pbf)", source.string(),
                    errors.last());
    }
    return dataset;
}

std::optional<gdal::OsmLayerKind> layerKind(std::string_view name) {
    if (name == "points") return gdal::OsmLayerKind::Points;
    if (name == "lines") return gdal::OsmLayerKind::Lines;
    if (name == "multipolygons") return gdal::OsmLayerKind::Multipolygons;
    return std::nullopt; // multilinestrings and other_relations have no place on the base map
}

/// Cuts text to `limit` code points, so an overlong OSM name still fits its field.
std::string clip(std::string text, std::size_t limit) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && points++ == limit) {
            text.resize(i);
            break;
        }
    }
    return text;
}

std::vector<Value> valuesFor(const LayerDef& def, const gdal::OsmTarget& target) {
    std::vector<Value> values(def.fields.size());
    for (const auto& [name, text] : target.values) {
        auto index = def.fieldIndex(name);
        if (!index) {
            continue; // a catalog edited to drop the field: the value has nowhere to go
        }
        const FieldDef& field = def.fields[*index];
        Value value = field.maxLength ? clip(text, static_cast<std::size_t>(*field.maxLength)) : text;
        if (!checkValue(field, value)) {
            values[*index] = std::move(value);
        }
    }
    return values;
}

/// The object's geometry ready to store in `def`'s table, or why it cannot be.
Result<Geometry> prepareGeometry(const OGRFeature& in, const LayerDef& def,
                                 const gdal::OsmTarget& target, const CoordinateTransform& transform) {
    const OGRGeometry* source = in.GetGeometryRef();
    if (source == nullptr || source->IsEmpty()) {
        return fail(ErrorCode::InvalidGeometry, "no geometry");
    }
    auto geometry = gdal::toGeometry(*source);
    if (!geometry) {
        return geometry;
    }
    if (auto* multi = std::get_if<MultiPolygon>(&*geometry); multi && multi->size() == 1) {
        *geometry = Polygon((*multi)[0]);
    } else if (auto* lines = std::get_if<MultiLineString>(&*geometry); lines && lines->size() == 1) {
        *geometry = LineString((*lines)[0]);
    }
    if (auto* line = std::get_if<LineString>(&*geometry); line && target.closedWayIsArea) {
        if (line->size() < 4 || !bg::equals(line->front(), line->back())) {
            return fail(ErrorCode::InvalidGeometry, "an area drawn as an open line");
        }
        Polygon area;
        area.outer().assign(line->begin(), line->end());
        bg::correct(area);
        *geometry = std::move(area);
    }
    if (!acceptsGeometry(def.geometry, *geometry)) {
        return fail(ErrorCode::InvalidGeometry,
                    "a " + std::string(geometryTypeName(*geometry)) + " cannot go in " + def.table);
    }
    if (auto moved = transform.apply(*geometry); !moved) {
        return std::unexpected(moved.error());
    }
    std::string reason;
    const bool valid = std::visit(
        [&](const auto& g) {
            using G = std::decay_t<decltype(g)>;
            if constexpr (std::is_same_v<G, Polygon> || std::is_same_v<G, MultiPolygon>) {
                return bg::is_valid(g, reason);
            }
            return true;
        },
        *geometry);
    if (!valid) {
        return fail(ErrorCode::InvalidGeometry, "invalid polygon: " + reason);
    }
    return geometry;
}

} // namespace

Result<OsmImportReport> importOsm(const std::filesystem::path& projectPath,
                                  const LayerCatalog& catalog, const std::filesystem::path& source,
                                  const OsmImportOptions& options, Progress& progress) {
    std::vector<std::string_view> tables(kBaseMapTables.begin(), kBaseMapTables.end());
    tables.push_back("belysning");
    for (auto table : tables) {
        if (catalog.find(table) == nullptr) {
            return fail(ErrorCode::NotFound,
                        "the layer definitions lack " + std::string(table) + ".json",
                        catalog.directory.string());
        }
    }
    // The source is opened first: a wrong file must not leave the project touched at all.
    auto openedOsm = openOsm(source);
    if (!openedOsm) {
        return std::unexpected(openedOsm.error());
    }
    GDALDatasetUniquePtr osm = std::move(*openedOsm);
    auto projectFile = gdal::openProjectFile(projectPath, true);
    if (!projectFile) {
        return std::unexpected(projectFile.error());
    }
    GDALDatasetUniquePtr project = std::move(projectFile->dataset);
    const Crs projectCrs = projectFile->crs;
    auto srs = gdal::makeSrs(projectCrs);
    auto transform = CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84), projectCrs);
    if (!srs || !transform) {
        return std::unexpected(!srs ? srs.error() : transform.error());
    }

    OsmImportReport report;
    report.source = gdal::displayName(source);
    gdal::ErrorCapture errors;
    if (project->StartTransaction(TRUE) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot start a transaction (file locked?)",
                    projectPath.string(), errors.last());
    }
    gdal::TransactionGuard guard{*project};
    std::map<std::string, TableWriter, std::less<>> writers;
    for (auto table : tables) {
        const LayerDef* def = catalog.find(table);
        auto layer = gdal::ensureThematicLayer(*project, *def, **srs);
        if (!layer) {
            return std::unexpected(layer.error());
        }
        if (options.replaceBaseMap && table != "belysning") {
            report.removed += (*layer)->GetFeatureCount(TRUE);
            const std::string sql = "DELETE FROM \"" + def->table + "\"";
            project->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        }
        writers[def->table] = TableWriter{def, *layer, gdal::fieldIndices(**layer, *def)};
        report.imported[def->table] = 0;
    }

    progress.setStage("OpenStreetMap");
    OGRLayer* from = nullptr;
    double fraction = 0.0;
    // The OSM driver reads the file once, handing out points, lines and areas interleaved.
    for (OGRFeatureUniquePtr in(osm->GetNextFeature(&from, &fraction, nullptr, nullptr)); in;
         in.reset(osm->GetNextFeature(&from, &fraction, nullptr, nullptr))) {
        ++report.objectsRead;
        if (report.objectsRead % 1024 == 0) {
            progress.update(static_cast<std::uint64_t>(fraction * 1000.0), 1000);
            if (progress.isCancelled()) {
                return fail(ErrorCode::Cancelled, "import cancelled; nothing was imported",
                            report.source);
            }
        }
        auto kind = from != nullptr ? layerKind(from->GetName()) : std::nullopt;
        auto target = kind ? gdal::classifyOsm(*kind, gdal::OsmTags(*in)) : std::nullopt;
        if (!target) {
            ++report.ignored;
            continue;
        }
        TableWriter& writer = writers.find(target->table)->second;
        auto geometry = prepareGeometry(*in, *writer.definition, *target, *transform);
        if (!geometry) {
            ++report.rejected;
            if (report.notes.size() < kMaxNotes) {
                report.notes.push_back(std::string(from->GetName()) + " osm_id " +
                                       in->GetFieldAsString("osm_id") + in->GetFieldAsString("osm_way_id") +
                                       ": " + geometry.error().message);
            }
            continue;
        }
        Feature feature{kNoFeatureId, std::move(*geometry), valuesFor(*writer.definition, *target)};
        if (auto ok = gdal::writeFeature(*writer.layer, writer.indices, feature, target->table); !ok) {
            Error error = ok.error();
            error.where = gdal::displayName(projectPath) + ": " + error.where;
            return std::unexpected(error);
        }
        ++report.imported[target->table];
    }
    progress.update(1000, 1000);
    if (auto saved = gdal::commitAndClose(std::move(project), guard, projectPath); !saved) {
        return std::unexpected(saved.error());
    }
    return report;
}

} // namespace trygg
