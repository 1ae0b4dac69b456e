#include "photometry_text.h"
#include "tryggkarta/analysis/photometry.h"
#include "tryggkarta/core/text.h"

namespace trygg {

Result<Photometry> readPhotometry(const std::filesystem::path& file) {
    auto bytes = photometry_text::readBytes(file);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    const std::string name = file.filename().string();
    const std::string extension = foldCase(file.extension().string());
    if (extension == ".ies") {
        return parseIes(*bytes, name);
    }
    if (extension == ".ldt") {
        return parseEulumdat(*bytes, name);
    }
    const bool looksLikeIes = std::string_view(*bytes).substr(0, 5) == "IESNA" ||
                              bytes->find("\nTILT=") != std::string::npos;
    return looksLikeIes ? parseIes(*bytes, name) : parseEulumdat(*bytes, name);
}

} // namespace trygg
