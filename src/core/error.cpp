#include "tryggkarta/core/error.h"

namespace trygg {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::OpenFailed: return "open-failed";
    case ErrorCode::InvalidFormat: return "invalid-format";
    case ErrorCode::InvalidDefinition: return "invalid-definition";
    case ErrorCode::InvalidGeometry: return "invalid-geometry";
    case ErrorCode::InvalidValue: return "invalid-value";
    case ErrorCode::CrsUnknown: return "crs-unknown";
    case ErrorCode::CrsMismatch: return "crs-mismatch";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::WriteFailed: return "write-failed";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Usage: return "usage";
    case ErrorCode::Conflict: return "conflict";
    }
    return "unknown";
}

std::string Error::describe() const {
    std::string text;
    if (!where.empty()) {
        text = where + ": ";
    }
    text += message;
    if (!detail.empty()) {
        text += " (" + detail + ")";
    }
    return text;
}

} // namespace trygg
