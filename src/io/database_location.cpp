#include "tryggkarta/io/database_location.h"

#include "gdal_util.h"

#include <charconv>

namespace trygg {
namespace {

constexpr std::string_view kPasswordKey = "password=";

Result<void> checkName(const std::string& value, const char* what) {
    if (value.empty()) {
        return fail(ErrorCode::Usage, std::string(what) + " is missing");
    }
    if (value.find_first_of(" '\"\\\t") != std::string::npos) {
        return fail(ErrorCode::Usage, std::string(what) + " must not hold spaces or quotes",
                    value);
    }
    return {};
}

/// 'text' as libpq reads a quoted value: backslashes and quotes escaped.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

/// Where the password's value ends: after its closing quote, or at the next space.
std::size_t passwordEnd(const std::string& url, std::size_t start) {
    if (start < url.size() && url[start] == '\'') {
        for (std::size_t i = start + 1; i < url.size(); ++i) {
            if (url[i] == '\\') {
                ++i;
            } else if (url[i] == '\'') {
                return i + 1;
            }
        }
        return url.size();
    }
    std::size_t space = url.find(' ', start);
    return space == std::string::npos ? url.size() : space;
}

} // namespace

Result<std::string> connectionString(const DatabaseLocation& location) {
    for (auto [value, what] : {std::pair{&location.host, "the server"},
                               std::pair{&location.database, "the database"},
                               std::pair{&location.user, "the login"}}) {
        if (auto ok = checkName(*value, what); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (location.port <= 0 || location.port > 65535) {
        return fail(ErrorCode::Usage, "the port must be between 1 and 65535",
                    std::to_string(location.port));
    }
    std::string url = "PG:host=" + location.host + " port=" + std::to_string(location.port) +
                      " dbname=" + location.database + " user=" + location.user;
    if (!location.password.empty()) {
        url += " " + std::string(kPasswordKey) + quoted(location.password);
    }
    return url;
}

DatabaseLocation parseDatabaseLocation(const std::string& url) {
    DatabaseLocation location;
    if (std::string host = gdal::connectionValue(url, "host"); !host.empty()) {
        location.host = host;
    }
    const std::string port = gdal::connectionValue(url, "port");
    int number = 0;
    if (auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
        ec == std::errc() && end == port.data() + port.size()) {
        location.port = number;
    }
    location.database = gdal::connectionValue(url, "dbname");
    location.user = gdal::connectionValue(url, "user");
    return location;
}

std::string withoutPassword(const std::string& url) {
    std::string text = url;
    std::size_t at = 0;
    while ((at = text.find(kPasswordKey, at)) != std::string::npos) {
        if (at != 0 && text[at - 1] != ' ' && text[at - 1] != ':') {
            at += kPasswordKey.size();
            continue;
        }
        std::size_t end = passwordEnd(text, at + kPasswordKey.size());
        std::size_t from = at > 0 && text[at - 1] == ' ' ? at - 1 : at;
        text.erase(from, end - from);
        at = from;
    }
    return text;
}

} // namespace trygg
