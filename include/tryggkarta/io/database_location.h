#pragma once
// A shared project's database as people name it (server, port, database, login), and the
// GDAL connection string ("PG:host=... port=... dbname=... user=... password=...") made of it.
// The password is needed to connect but must never be shown, remembered or written to disk:
// withoutPassword gives the form that may be.

#include "tryggkarta/core/error.h"

#include <string>

namespace trygg {

struct DatabaseLocation {
    std::string host = "localhost";
    int port = 5432;
    std::string database;
    std::string user;
    std::string password; ///< may be empty (a .pgpass file or trust authentication)
};

/// The connection string; the password goes last and quoted. A usage error when the server,
/// database or login is empty or holds a space or a quote (libpq names cannot be read back).
Result<std::string> connectionString(const DatabaseLocation& location);

/// Reads back the server, port, database and login of a connection string (never the password).
DatabaseLocation parseDatabaseLocation(const std::string& url);

/// The connection string with its password left out: safe to show, log and remember.
std::string withoutPassword(const std::string& url);

} // namespace trygg
