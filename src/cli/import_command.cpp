#include "import_command.h"

#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/importer.h"

#include <iostream>

namespace trygg::cli {

void ImportCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "import", "Import a vector file (Shapefile, GeoPackage, GeoJSON, KML, GPX, CSV) into a layer");
    m_app->add_option("project", m_project, "The project file (.gpkg)")->required();
    m_app->add_option("source", m_source, "The file to import")->required();
    m_app->add_option("--layer", m_layer,
                      "Target layer: observationer, belysning, atgarder, vandringar, ...")
        ->required();
    m_app->add_option("--src-layer", m_sourceLayer, "Layer within the source, when it has several");
    m_app->add_option("--field", m_fields,
                      "Map a source column onto a field: --field kategori=Typ (repeatable)");
    m_app->add_option("--src-crs", m_sourceCrs,
                      "Coordinate system of a source that does not say (CSV with x/y, no .prj)");
    m_app->add_flag("--strict", m_strict, "Import nothing if any row cannot be imported");
}

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
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
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
    std::cout << '\n';
    return r.imported == 0 && r.rowsRead > 0 ? kExitFailure : kExitOk;
}

} // namespace trygg::cli
