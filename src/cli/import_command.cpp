#include "import_command.h"

#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/importer.h"

#include <cstdio>
#include <iostream>

namespace trygg::cli {

void ImportCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "import", "Import a vector file (Shapefile, GeoPackage, GeoJSON, KML, GPX, CSV) into a layer");
    m_app->add_option("project", m_project, "The project file (.gpkg)")->required();
    m_app->add_option("source", m_source, "The file to import")->required();
    m_app->add_option("--layer", m_layer,
                      "Target layer: observationer, belysning, atgarder, vandringar, ... "
                      "(default: the mapping's)");
    m_app->add_option("--mapping", m_mapping,
                      "Mapping file for survey exports (layers/mappings/*.json), or the name of a "
                      "ready one: otrygga_platser, gpx_punkter, gpx_spar");
    m_app->add_option("--src-layer", m_sourceLayer, "Layer within the source, when it has several");
    m_app->add_option("--field", m_fields,
                      "Map a source column onto a field: --field kategori=Typ (repeatable)");
    m_app->add_option("--src-crs", m_sourceCrs,
                      "Coordinate system of a source that does not say (CSV with x/y, no .prj)");
    m_app->add_flag("--strict", m_strict, "Import nothing if any row cannot be imported");
    m_app->add_option("--duplicates", m_duplicates,
                      "Rows within --merge-radius of a feature of the same category: ask (list "
                      "them, import the rest), merge, keep (import anyway) or skip")
        ->check(CLI::IsMember({"ask", "merge", "keep", "skip"}));
    m_app->add_option("--merge-radius", m_mergeRadius, "Duplicate radius in metres (default 5)")
        ->check(CLI::PositiveNumber);
}

namespace {

/// A mapping file, or the name of a ready one ("otrygga_platser").
Result<ImportMapping> findMapping(const std::string& given, const LayerCatalog& catalog) {
    std::filesystem::path file = given;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        for (const ReadyMapping& ready : readyMappings(catalog)) {
            if (ready.file.stem() == given) {
                file = ready.file;
            }
        }
    }
    return loadImportMapping(file, catalog);
}

DuplicateMode duplicateMode(const std::string& name) {
    return name == "merge" ? DuplicateMode::Merge
         : name == "keep"  ? DuplicateMode::Keep
         : name == "skip"  ? DuplicateMode::Skip
                           : DuplicateMode::List;
}

void printDuplicates(const ImportReport& r, DuplicateMode mode) {
    char distance[32];
    for (const DuplicateRow& row : r.duplicates) {
        std::snprintf(distance, sizeof distance, "%.1f m", row.distance);
        std::cerr << r.source << ": row " << row.row << " duplicates ";
        if (row.earlierRow > 0) {
            std::cerr << "row " << row.earlierRow << " of the same file";
        } else {
            std::cerr << "feature " << toInt(row.existing) << " of " << r.targetLayer;
        }
        std::cerr << " (" << distance << ", same category): "
                  << (mode == DuplicateMode::Merge ? "merged" : "not imported") << '\n';
    }
    if (mode == DuplicateMode::List && !r.duplicates.empty()) {
        std::cerr << r.duplicates.size()
                  << " duplicate rows were not imported; --duplicates merge merges them into the "
                     "features they duplicate, --duplicates keep imports them anyway\n";
    }
}

} // namespace

int ImportCommand::run(const GlobalOptions& global) {
    ImportOptions options;
    options.targetLayer = m_layer;
    options.sourceLayer = m_sourceLayer;
    options.strict = m_strict;
    for (const auto& mapping : m_fields) {
        auto equals = mapping.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == mapping.size()) {
            return report(Error{ErrorCode::Usage, "--field takes FIELD=COLUMN", mapping, {}});
        }
        options.fieldMap[mapping.substr(0, equals)] = mapping.substr(equals + 1);
    }
    if (!m_sourceCrs.empty()) {
        auto crs = parseCrs(m_sourceCrs);
        if (!crs) {
            Error error = crs.error();
            error.code = ErrorCode::Usage;
            return report(error);
        }
        options.sourceCrs = *crs;
    }
    options.duplicates = duplicateMode(m_duplicates);
    options.mergeRadius = m_mergeRadius;
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    if (!m_mapping.empty()) {
        auto mapping = findMapping(m_mapping, *catalog);
        if (!mapping) {
            return report(mapping.error());
        }
        options.mapping = std::move(*mapping);
    }
    if (m_layer.empty() && !options.mapping) {
        return report(Error{ErrorCode::Usage, "give the target layer with --layer, or a --mapping", m_source, {}});
    }
    TerminalProgress progress;
    auto result = importIntoProject(m_project, *catalog, m_source, options, progress);
    progress.finish();
    if (!result) {
        return report(result.error());
    }
    const ImportReport& r = *result;
    for (const auto& note : r.notes) {
        std::cerr << "note: " << note << '\n';
    }
    for (const auto& row : r.rejected) {
        std::cerr << r.source << ": row " << row.row;
        if (!row.field.empty()) {
            std::cerr << ", field '" << row.field << "'";
        }
        std::cerr << ": " << row.reason << '\n';
    }
    printDuplicates(r, options.duplicates);
    if (r.rejectedCount > static_cast<std::int64_t>(r.rejected.size())) {
        std::cerr << "... and " << (r.rejectedCount - static_cast<std::int64_t>(r.rejected.size()))
                  << " more rejected rows\n";
    }
    if (m_strict && r.rejectedCount > 0) {
        std::cerr << "tryggkarta-cli: " << r.source << ": " << r.rejectedCount << " of " << r.rowsRead
                  << " rows cannot be imported; --strict: nothing was imported\n";
        return kExitFailure;
    }
    std::cout << "Imported " << r.imported << " of " << r.rowsRead << " rows from " << r.source
              << " into " << r.targetLayer;
    if (r.rejectedCount > 0) {
        std::cout << " (" << r.rejectedCount << " rejected, listed above)";
    }
    if (r.merged > 0) {
        std::cout << "; " << r.merged << " merged into features they duplicate";
    }
    if (r.skipped > 0) {
        std::cout << "; " << r.skipped << " duplicates left out";
    }
    std::cout << '\n';
    return r.rowsRead > 0 && r.rejectedCount == r.rowsRead ? kExitFailure : kExitOk;
}

} // namespace trygg::cli
