#include "db_command.h"

#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/shared_database.h"
#include "tryggkarta/io/shared_store.h"

#include <iostream>

namespace trygg::cli {

void DbCommand::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("db", "A project shared in a PostgreSQL/PostGIS database");
    m_app->require_subcommand(1);
    const char* urlHelp =
        "Connection string, e.g. \"PG:host=server port=5432 dbname=trygg user=anna\"";

    m_init = m_app->add_subcommand(
        "init", "Create the project tables, version checks, roles (planner, consultant, public) "
                "and public views; run again after the layer definitions grew");
    m_init->add_option("url", m_url, urlHelp)->required();
    m_init->add_option("--crs", m_crs, "Coordinate system of new tables (default EPSG:3006)")
        ->capture_default_str();

    m_import = m_app->add_subcommand("import", "Copy a project GeoPackage into an empty database");
    m_import->add_option("url", m_url, urlHelp)->required();
    m_import->add_option("project", m_file, "The project to copy (.gpkg)")
        ->required()
        ->check(CLI::ExistingFile);

    m_export = m_app->add_subcommand("export", "Write the database's project to a new GeoPackage");
    m_export->add_option("url", m_url, urlHelp)->required();
    m_export->add_option("out", m_file, "The project file to write (.gpkg)")->required();
}

int DbCommand::run(const GlobalOptions& global) {
    if (!isDatabaseLocation(m_url)) {
        return report(Error{.code = ErrorCode::Usage,
                            .message = "a database is named by a connection string \"PG:...\"",
                            .where = m_url,
                            .detail = ""});
    }
    auto catalog = loadCatalog(global);
    if (!catalog) {
        return report(catalog.error());
    }
    if (m_init->parsed()) {
        return init(*catalog);
    }
    return m_import->parsed() ? import(*catalog) : exportTo(*catalog);
}

int DbCommand::init(const LayerCatalog& catalog) {
    auto crs = parseCrs(m_crs);
    if (!crs) {
        Error error = crs.error();
        error.code = ErrorCode::Usage;
        return report(error);
    }
    TerminalProgress progress;
    auto done = initSharedDatabase(m_url, catalog, *crs, progress);
    progress.finish();
    if (!done) {
        return report(done.error());
    }
    SharedRoles roles = sharedRoles(m_url);
    std::cout << "Database ready: " << catalog.layers.size() << " layers; roles " << roles.planner
              << ", " << roles.consultant << ", " << roles.reader
              << " (grant them to people's logins)\n";
    return kExitOk;
}

int DbCommand::import(const LayerCatalog& catalog) {
    TerminalProgress progress;
    auto copied = importIntoDatabase(m_url, m_file, catalog, progress);
    progress.finish();
    if (!copied) {
        return report(copied.error());
    }
    std::cout << "Imported " << *copied << " features from " << m_file << '\n';
    return kExitOk;
}

int DbCommand::exportTo(const LayerCatalog& catalog) {
    TerminalProgress progress;
    auto written = exportFromDatabase(m_url, m_file, catalog, progress);
    progress.finish();
    if (!written) {
        return report(written.error());
    }
    std::cout << "Exported " << *written << " features to " << m_file << '\n';
    return kExitOk;
}

} // namespace trygg::cli
