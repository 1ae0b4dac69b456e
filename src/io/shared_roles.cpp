// The roles of a shared database and what each may read, enforced by PostgreSQL itself:
// column privileges keep personal fields from consultants, views owned by the administrator
// give the public counts without any access to the tables beneath.

#include "gdal_util.h"
#include "shared_sql.h"
#include "tryggkarta/io/project_store.h"
#include "tryggkarta/io/shared_database.h"

#include <cctype>
#include <ogrsf_frmts.h>
#include <set>

namespace trygg {
namespace {

using gdal::quoteIdentifier;

std::string rolePrefix(const std::string& url) {
    std::string prefix;
    for (char c : gdal::connectionValue(url, "dbname")) {
        prefix += std::isalnum(static_cast<unsigned char>(c)) != 0
                      ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                      : '_';
    }
    return prefix.empty() ? "trygg" : prefix;
}

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : ", ") + item;
    }
    return text;
}

std::string createRole(const std::string& role) {
    return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " +
           gdal::quoteLiteral(role) + ") THEN CREATE ROLE " + quoteIdentifier(role) +
           " NOLOGIN; END IF; END $$";
}

/// What a consultant may read of a thematic table: all but its personal fields.
std::string consultantGrant(const LayerDef& def, const std::string& role) {
    std::vector<std::string> columns = {"fid", "geom", "version"};
    for (const auto& field : def.fields) {
        if (!field.personal) {
            columns.push_back(quoteIdentifier(field.name));
        }
    }
    return "GRANT SELECT (" + join(columns) + ") ON " + quoteIdentifier(def.table) + " TO " +
           quoteIdentifier(role);
}

/// Photo columns a consultant may not read: the image itself and the EXIF time and place of
/// taking, which can identify the person who reported.
const std::set<std::string> kWithheldPhotoColumns = {"data", "tidpunkt", "lon", "lat"};

std::set<std::string> personalFields(const LayerDef& def) {
    std::set<std::string> names;
    for (const auto& field : def.fields) {
        if (field.personal) {
            names.insert(field.name);
        }
    }
    return names;
}

/// The select list of a consultant's view of `table`: the fid as `ogc_fid` (the column GDAL
/// takes as a view's feature id, so QGIS and ogr2ogr see the real ids), the geometry column
/// as it is (its typmod keeps the view in geometry_columns) and every other column but the
/// withheld ones.
std::string viewColumns(OGRLayer& table, const std::set<std::string>& withheld) {
    std::vector<std::string> columns;
    if (const char* fid = table.GetFIDColumn(); fid != nullptr && *fid != '\0') {
        columns.push_back(quoteIdentifier(fid) + " AS ogc_fid");
    }
    OGRFeatureDefn* defn = table.GetLayerDefn();
    for (int i = 0; i < defn->GetGeomFieldCount(); ++i) {
        columns.push_back(quoteIdentifier(defn->GetGeomFieldDefn(i)->GetNameRef()));
    }
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        std::string name = defn->GetFieldDefn(i)->GetNameRef();
        if (!withheld.contains(name)) {
            columns.push_back(quoteIdentifier(name));
        }
    }
    return join(columns);
}

/// GIS programs read every column of a table, so column privileges alone keep a consultant
/// out of it entirely. Views of the same names in their own schema, owned by the
/// administrator, leave out what the consultant may not see. Dropped and made again, so a
/// field that became personal disappears from its view.
std::vector<std::string> consultantViews(GDALDataset& dataset, const LayerCatalog& catalog,
                                         const std::string& role) {
    std::vector<std::pair<std::string, std::set<std::string>>> tables = {
        {std::string(kMetaTable), {}},
        {std::string(kLinkTable), {}},
        {std::string(kPhotoTable), kWithheldPhotoColumns}};
    for (const auto& def : catalog.layers) {
        tables.emplace_back(def.table, personalFields(def));
    }
    std::string schema = quoteIdentifier(gdal::kConsultantSchema);
    std::vector<std::string> statements = {"CREATE SCHEMA IF NOT EXISTS " + schema};
    for (const auto& [name, withheld] : tables) {
        OGRLayer* table = dataset.GetLayerByName(name.c_str());
        if (table == nullptr) {
            continue;
        }
        std::string view = schema + "." + quoteIdentifier(name);
        statements.push_back("DROP VIEW IF EXISTS " + view);
        statements.push_back("CREATE VIEW " + view + " AS SELECT " +
                             viewColumns(*table, withheld) + " FROM public." +
                             quoteIdentifier(name));
    }
    statements.push_back("GRANT USAGE ON SCHEMA " + schema + " TO " + quoteIdentifier(role));
    statements.push_back("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " +
                         quoteIdentifier(role));
    return statements;
}

std::vector<std::string> publicViews(const LayerCatalog& catalog, const Crs& crs) {
    const LayerDef* observations = catalog.find(kObservationLayer);
    if (observations == nullptr || !observations->field("kategori") ||
        !observations->field("polaritet")) {
        return {};
    }
    std::string minimum = std::to_string(kPublicMinimumCount);
    std::string size = std::to_string(kPublicHexagonSize);
    return {
        "CREATE OR REPLACE VIEW " + std::string(kPublicCategoryView) +
            " AS SELECT kategori, polaritet, count(*)::integer AS antal FROM observationer"
            " GROUP BY kategori, polaritet HAVING count(*) >= " +
            minimum,
        "CREATE OR REPLACE VIEW " + std::string(kPublicHexagonView) +
            " AS SELECT h.i, h.j, h.geom, count(*)::integer AS antal,"
            " (count(*) FILTER (WHERE o.polaritet = 'otrygg'))::integer AS otrygga"
            " FROM ST_HexagonGrid(" +
            size + ", (SELECT ST_SetSRID(ST_Extent(geom)::geometry, " + std::to_string(crs.epsg) +
            ") FROM observationer)) AS h"
            " JOIN observationer o ON ST_Intersects(h.geom, o.geom)"
            " GROUP BY h.i, h.j, h.geom HAVING count(*) >= " +
            minimum,
    };
}

} // namespace

SharedRoles sharedRoles(const std::string& url) {
    std::string prefix = rolePrefix(url);
    return SharedRoles{.planner = prefix + "_planner",
                       .consultant = prefix + "_consultant",
                       .reader = prefix + "_public"};
}

namespace gdal {

Result<void> grantSharedRoles(GDALDataset& dataset, const std::string& url,
                              const LayerCatalog& catalog, const Crs& crs) {
    SharedRoles roles = sharedRoles(url);
    std::string all = quoteIdentifier(roles.planner) + ", " + quoteIdentifier(roles.consultant) +
                      ", " + quoteIdentifier(roles.reader);
    std::string database = quoteIdentifier(connectionValue(url, "dbname"));
    std::vector<std::string> statements = {
        createRole(roles.planner),
        createRole(roles.consultant),
        createRole(roles.reader),
        "GRANT CONNECT ON DATABASE " + database + " TO " + all,
        "GRANT USAGE ON SCHEMA public TO " + all,
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + all,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " +
            quoteIdentifier(roles.planner),
        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " +
            quoteIdentifier(roles.planner),
        "GRANT SELECT ON spatial_ref_sys, geometry_columns, " + std::string(kMetaTable) + ", " +
            std::string(kLinkTable) + " TO " + quoteIdentifier(roles.consultant),
        // Photos without their bytes and EXIF (time and place of taking can identify people).
        "GRANT SELECT (fid, lager, objekt, filnamn, mime, orientering, storlek) ON " +
            std::string(kPhotoTable) + " TO " + quoteIdentifier(roles.consultant),
    };
    for (const auto& def : catalog.layers) {
        if (dataset.GetLayerByName(def.table.c_str()) != nullptr) {
            statements.push_back(consultantGrant(def, roles.consultant));
        }
    }
    for (auto& sql : consultantViews(dataset, catalog, roles.consultant)) {
        statements.push_back(std::move(sql));
    }
    for (auto& view : publicViews(catalog, crs)) {
        statements.push_back(std::move(view));
    }
    if (!publicViews(catalog, crs).empty()) {
        statements.push_back("GRANT SELECT ON " + std::string(kPublicCategoryView) + ", " +
                             std::string(kPublicHexagonView) + " TO " + all);
    }
    for (const auto& sql : statements) {
        if (auto ok = executeSql(dataset, sql, displayName(url) + ": roles"); !ok) {
            return ok;
        }
    }
    return {};
}

} // namespace gdal
} // namespace trygg
