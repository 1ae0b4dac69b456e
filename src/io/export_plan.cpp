// Which layers and fields an export may write under each privacy profile.

#include "export_plan.h"

#include "gdal_util.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace trygg::exporting {
namespace {

/// A text field without a value list: whatever someone typed, so it may name a person.
bool isFreeText(const FieldDef& field) {
    return field.type == FieldType::Text && !field.isCoded();
}

/// Why `field` may not leave under `profile`; empty when it may.
std::string_view reasonToDrop(const FieldDef& field, PrivacyProfile profile) {
    if (profile == PrivacyProfile::Internal) {
        return {};
    }
    if (field.personal) {
        return "personal data";
    }
    if (profile == PrivacyProfile::Public && isFreeText(field)) {
        return "free text";
    }
    return {};
}

ExportTable tableFor(const Layer& layer, PrivacyProfile profile, std::vector<std::string>& log) {
    ExportTable table;
    table.layer = layer.name();
    table.source = layer.definition();
    table.features = layer.features();
    for (std::size_t i = 0; i < table.source.fields.size(); ++i) {
        const FieldDef& field = table.source.fields[i];
        if (auto reason = reasonToDrop(field, profile); !reason.empty()) {
            log.push_back(layer.name() + ": field " + field.name + " (" + std::string(reason) +
                          ") left out under profile " + std::string(privacyProfileName(profile)));
        } else {
            table.fields.push_back(i);
        }
    }
    return table;
}

Result<void> requireProjected(const Crs& crs) {
    auto srs = gdal::makeSrs(crs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    if (!(*srs)->IsProjected()) {
        return fail(ErrorCode::Usage,
                    "counting observations per hexagon needs a projected CRS in metres",
                    crs.identifier());
    }
    return {};
}

Result<ExportTable> hexagonTable(const Layer& layer, const Crs& crs, const ExportOptions& options,
                                 std::vector<std::string>& log) {
    if (auto ok = requireProjected(crs); !ok) {
        return std::unexpected(ok.error());
    }
    auto cells = countPerHexagon(layer.features(), options.cellSize);
    auto features = std::make_shared<std::vector<Feature>>();
    std::int64_t counted = 0;
    std::int64_t suppressedCells = 0;
    std::int64_t suppressedPoints = 0;
    for (const HexCell& cell : cells) {
        counted += cell.count;
        if (cell.count < options.minCount) {
            ++suppressedCells;
            suppressedPoints += cell.count;
            continue;
        }
        Feature feature;
        feature.id = FeatureId{static_cast<std::int64_t>(features->size()) + 1};
        feature.geometry = hexagonOutline(cell, options.cellSize);
        feature.values = {cell.count, cell.q, cell.r};
        features->push_back(std::move(feature));
    }
    std::ostringstream line;
    line << layer.name() << ": " << counted << " observations counted in " << features->size()
         << " hexagonal cells of " << options.cellSize
         << " m (individual points left out under profile public); " << suppressedCells
         << " cells with fewer than " << options.minCount << " observations (" << suppressedPoints
         << " observations) suppressed";
    log.push_back(line.str());
    if (auto missing = static_cast<std::int64_t>(layer.size()) - counted; missing > 0) {
        log.push_back(layer.name() + ": " + std::to_string(missing) +
                      " observations without a point geometry not counted");
    }
    ExportTable table;
    table.layer = layer.name();
    table.source = hexagonDefinition(layer.name());
    for (std::size_t i = 0; i < table.source.fields.size(); ++i) {
        table.fields.push_back(i);
    }
    table.features = *features;
    table.owned = std::move(features);
    return table;
}

bool exportedByDefault(const Layer& layer) {
    const std::string& group = layer.definition().group;
    return layer.size() > 0 && (group == kThematicGroup || group == kAnalysisGroup);
}

Result<std::vector<const Layer*>> chooseLayers(const Project& project,
                                               const ExportOptions& options) {
    std::vector<const Layer*> chosen;
    if (options.layers.empty()) {
        for (const Layer& layer : project.layers) {
            if (exportedByDefault(layer)) {
                chosen.push_back(&layer);
            }
        }
        return chosen;
    }
    for (const std::string& name : options.layers) {
        const Layer* layer = project.layer(name);
        if (layer == nullptr) {
            std::string known;
            for (const Layer& candidate : project.layers) {
                known += (known.empty() ? "" : ", ") + candidate.name();
            }
            return fail(ErrorCode::NotFound, "no such layer in the project (layers: " + known + ")",
                        name);
        }
        if (std::find(chosen.begin(), chosen.end(), layer) == chosen.end()) {
            chosen.push_back(layer);
        }
    }
    return chosen;
}

} // namespace

LayerDef ExportTable::keptDefinition() const {
    LayerDef kept = source;
    kept.fields.clear();
    for (std::size_t index : fields) {
        kept.fields.push_back(source.fields[index]);
    }
    return kept;
}

Result<std::vector<ExportTable>> planExport(const Project& project, const ExportOptions& options,
                                            std::vector<std::string>& log) {
    if (!(options.cellSize > 0.0) || !std::isfinite(options.cellSize)) {
        return fail(ErrorCode::Usage, "the hexagon size must be a positive number of metres");
    }
    if (options.minCount < 1) {
        return fail(ErrorCode::Usage, "the smallest count shown must be at least 1");
    }
    auto layers = chooseLayers(project, options);
    if (!layers) {
        return std::unexpected(layers.error());
    }
    const bool isPublic = options.profile == PrivacyProfile::Public;
    std::vector<ExportTable> tables;
    for (const Layer* layer : *layers) {
        if (isPublic && layer->name() == kObservationLayer) {
            auto table = hexagonTable(*layer, project.crs, options, log);
            if (!table) {
                return std::unexpected(table.error());
            }
            tables.push_back(std::move(*table));
        } else if (isPublic && layer->name() == "ljus_observationer") {
            // One point per observation, at the observation: it would undo the hexagons.
            log.push_back(layer->name() + ": layer left out under profile public (it places a "
                                          "point at every observation)");
        } else {
            tables.push_back(tableFor(*layer, options.profile, log));
        }
    }
    if (tables.empty()) {
        return fail(ErrorCode::Usage, "nothing to export: no chosen layer has features "
                                      "(name layers with --layers to export empty ones)");
    }
    return tables;
}

} // namespace trygg::exporting
