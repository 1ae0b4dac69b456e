#include "new_command.h"

#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/project_store.h"

#include <iostream>

namespace trygg::cli {

void NewCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("new", "Create an empty project (a GeoPackage)");
    m_app->add_option("project", m_path, "The project file to create (.gpkg)")->required();
    m_app->add_option("--crs", m_crs,
                      "Coordinate system: EPSG:3006 SWEREF 99 TM (default), EPSG:3016 "
                      "SWEREF 99 20 15, or any EPSG code")
        ->capture_default_str();
}

int NewCommand::run(const GlobalOptions& global) {
    auto crs = parseCrs(m_crs);
    if (!crs) {
        Error error = crs.error();
        error.code = ErrorCode::Usage;
        return report(error);
    }
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    if (auto created = createProject(m_path, *crs, *catalog); !created) {
        return report(created.error());
    }
    std::cout << "Created " << m_path << " (" << crs->displayName() << ") with layers";
    for (const auto& def : catalog->layers) {
        std::cout << ' ' << def.table;
    }
    std::cout << '\n';
    return kExitOk;
}

} // namespace trygg::cli
