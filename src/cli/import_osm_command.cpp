#include "import_osm_command.h"

#include "tryggkarta/io/osm_import.h"

#include <iostream>

namespace trygg::cli {

void ImportOsmCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "import-osm", "Import an OpenStreetMap extract (.osm, .osm.pbf) into the base map");
    m_app->add_option("project", m_project, "The project file (.gpkg)")->required();
    m_app->add_option("source", m_source, "The OpenStreetMap file (.osm or .osm.pbf)")->required();
    m_app->add_flag("--replace", m_replace,
                    "Empty the base-map layers (bas_*) first; belysning is never emptied");
}

int ImportOsmCommand::run(const GlobalOptions& global) {
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    TerminalProgress progress;
    OsmImportOptions options;
    options.replaceBaseMap = m_replace;
    auto result = importOsm(m_project, *catalog, m_source, options, progress);
    progress.finish();
    if (!result) {
        return report(result.error());
    }
    const OsmImportReport& r = *result;
    for (const auto& note : r.notes) {
        std::cerr << r.source << ": " << note << '\n';
    }
    if (r.rejected > static_cast<std::int64_t>(r.notes.size())) {
        std::cerr << "... and " << (r.rejected - static_cast<std::int64_t>(r.notes.size()))
                  << " more objects that cannot be stored\n";
    }
    if (m_replace) {
        std::cout << "Removed " << r.removed << " features from the base map\n";
    }
    std::int64_t total = 0;
    for (const auto& [table, count] : r.imported) {
        std::cout << "  " << table << ": " << count << '\n';
        total += count;
    }
    std::cout << "Imported " << total << " of " << r.objectsRead << " OpenStreetMap objects from "
              << r.source << " (" << r.ignored << " not on the base map, " << r.rejected
              << " rejected)\n";
    return kExitOk;
}

} // namespace trygg::cli
