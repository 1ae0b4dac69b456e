#pragma once

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/schema.h"

#include <filesystem>
#include <string_view>
#include <vector>

namespace trygg {

/// The thematic layers a project holds, as defined in layers/*.json.
struct LayerCatalog {
    std::vector<LayerDef> layers;
    std::filesystem::path directory;

    [[nodiscard]] const LayerDef* find(std::string_view table) const;
};

/// Parses one definition; `sourceName` is used in error messages ("observationer.json").
/// Errors give the line and column of bad JSON, and the field of a broken rule.
Result<LayerDef> parseLayerDefinition(std::string_view json, std::string_view sourceName);

Result<LayerDef> loadLayerDefinition(const std::filesystem::path& file);

/// Loads every *.json in `directory` that declares a layer ("format": "tryggkarta-layer/1"),
/// sorted by its "order". Fails on the first broken file, naming it.
Result<LayerCatalog> loadLayerCatalog(const std::filesystem::path& directory);

/// Where the layer definitions are: $TRYGGKARTA_LAYERS if set, else the installed copy
/// beside the program (../share/tryggkarta/layers), else the source tree's layers/.
std::filesystem::path defaultLayersDirectory();

} // namespace trygg
