#pragma once

#include "cli_support.h"

namespace trygg::cli {

/// `db init URL [--crs EPSG:3006]`, `db import URL PROJECT.gpkg`, `db export URL OUT.gpkg`:
/// a project shared in PostgreSQL/PostGIS. URL is a GDAL connection string
/// ("PG:host=... port=... dbname=... user=..."; the password from PGPASSWORD or ~/.pgpass).
class DbCommand final : public Command {
public:
    void setup(CLI::App& parent) override;
    int run(const GlobalOptions& global) override;

private:
    int init(const LayerCatalog& catalog);
    int import(const LayerCatalog& catalog);
    int exportTo(const LayerCatalog& catalog);

    CLI::App* m_init = nullptr;
    CLI::App* m_import = nullptr;
    CLI::App* m_export = nullptr;
    std::string m_url;
    std::string m_file;
    std::string m_crs = "EPSG:3006";
};

} // namespace trygg::cli
