#pragma once
// Expected failures are values: every fallible library call returns Result<T>.

#include <expected>
#include <string>
#include <string_view>

namespace trygg {

/// What kind of failure an Error is; callers branch on this, users read the message.
enum class ErrorCode {
    OpenFailed,        ///< file missing, unreadable or not of a format GDAL knows
    InvalidFormat,     ///< readable, but its content is not what it claims to be
    InvalidDefinition, ///< a layer definition (layers/*.json) breaks a rule
    InvalidGeometry,   ///< empty, wrong type or not valid
    InvalidValue,      ///< an attribute value outside its type, range or value list
    CrsUnknown,        ///< a CRS that PROJ cannot resolve, or none where one is needed
    CrsMismatch,       ///< coordinates implausible for the CRS they claim
    NotFound,          ///< a layer, field or feature that does not exist
    WriteFailed,       ///< disk full, read-only, locked, or GDAL refused a write
    Cancelled,         ///< the user stopped the work
    Usage,             ///< the caller asked for something that makes no sense
    Conflict,          ///< someone else changed the same feature in a shared database first
};

/// Short English name of an error code, for logs and JSON output.
std::string_view errorCodeName(ErrorCode code);

/// A failure the user can act on: what went wrong, what it concerns, and the lower layer's words.
struct Error {
    ErrorCode code = ErrorCode::OpenFailed;
    std::string message; ///< "cannot read shapefile"
    std::string where;   ///< "rapporter.shp: feature 17, field 'kategori'"
    std::string detail;  ///< GDAL's own message, a validity reason, ...

    /// "rapporter.shp: feature 17, field 'kategori': cannot read shapefile (detail)"
    [[nodiscard]] std::string describe() const;
};

template <typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(ErrorCode::OpenFailed, "...", path);`
[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, std::string message,
                                                 std::string where = {}, std::string detail = {}) {
    return std::unexpected(Error{code, std::move(message), std::move(where), std::move(detail)});
}

} // namespace trygg
