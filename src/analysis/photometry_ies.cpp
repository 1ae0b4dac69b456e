// IES LM-63 (.ies): keyword lines ([TEST], [MANUFAC], [LUMINAIRE] ...) up to a TILT= line, then
// numbers separated by blanks or commas, wrapped over lines as the writer liked: the counts,
// the vertical and horizontal angles, and the candela values plane by plane.

#include "photometry_symmetry.h"
#include "photometry_text.h"
#include "tryggkarta/analysis/photometry.h"
#include "tryggkarta/core/text.h"

#include <array>

namespace trygg {
namespace {

using photometry_text::FieldReader;
using photometry_text::TextLine;

// The TILT= line's index. Only TILT=NONE is read: INCLUDE and a file name carry lamp tilt
// factors for HID lamps, which no luminaire this tool plans with needs.
Result<std::size_t> findTilt(const std::vector<TextLine>& lines, std::string_view source) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = trim(lines[i].text);
        if (!line.starts_with("TILT")) {
            continue;
        }
        std::string_view value = trim(line.substr(std::min(line.find('='), line.size() - 1) + 1));
        if (value == "NONE") {
            return i;
        }
        std::string problem =
            value == "INCLUDE"
                ? "TILT=INCLUDE (lamp tilt factors) is not supported"
                : "tilt factors in another file ('" + std::string(value) + "') are not supported";
        return photometry_text::formatError(source, lines[i].number, "TILT",
                                            problem + "; only TILT=NONE is");
    }
    return photometry_text::formatError(source, lines.size(), "TILT",
                                        "no TILT= line: not an IES LM-63 file");
}

// [LUMINAIRE], else [LUMCAT], else [MANUFAC], else the file name.
std::string luminaireName(const std::vector<TextLine>& lines, std::size_t tilt,
                          std::string_view source) {
    constexpr std::array<std::string_view, 3> keys = {"[LUMINAIRE]", "[LUMCAT]", "[MANUFAC]"};
    std::array<std::string_view, 3> found{};
    for (std::size_t i = 0; i < tilt; ++i) {
        std::string_view line = trim(lines[i].text);
        for (std::size_t k = 0; k < keys.size(); ++k) {
            if (line.starts_with(keys[k]) && found[k].empty()) {
                found[k] = trim(line.substr(keys[k].size()));
            }
        }
    }
    for (std::string_view name : found) {
        if (!name.empty()) {
            return photometry_text::toUtf8(name);
        }
    }
    return std::string(source);
}

std::vector<TextLine> valuesAfter(const std::vector<TextLine>& lines, std::size_t tilt) {
    constexpr std::string_view separators = " \t,";
    std::vector<TextLine> values;
    for (std::size_t i = tilt + 1; i < lines.size(); ++i) {
        std::string_view rest = lines[i].text;
        while (true) {
            auto start = rest.find_first_not_of(separators);
            if (start == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(start);
            auto end = std::min(rest.find_first_of(separators), rest.size());
            values.push_back({rest.substr(0, end), lines[i].number});
            rest.remove_prefix(end);
        }
    }
    return values;
}

// LM-63: a single horizontal angle means rotational symmetry; 0–90 symmetry in each quadrant;
// 0–180 about the 0–180° plane; 90–270 (LM-63-2002) about the 90–270° plane; 0 to more than
// 180 none.
PlaneSymmetry horizontalSymmetry(FieldReader& in, const std::vector<double>& horizontal) {
    if (in.failed() || horizontal.size() == 1) {
        return PlaneSymmetry::Rotational;
    }
    const double first = horizontal.front();
    const double last = horizontal.back();
    if (first == 0.0 && last == 90.0) {
        return PlaneSymmetry::Quadrants;
    }
    if (first == 0.0 && last == 180.0) {
        return PlaneSymmetry::AboutC0C180;
    }
    if (first == 90.0 && last == 270.0) {
        return PlaneSymmetry::AboutC90C270;
    }
    in.check(first == 0.0 && last > 180.0, "horizontal angles",
             "must run 0, 0–90, 0–180, 90–270 or 0–360°, not " +
                 photometry_text::degreesText(first) + "–" + photometry_text::degreesText(last));
    return PlaneSymmetry::None;
}

struct IesFactors {
    double lampFlux = 0.0; ///< number of lamps × lumens per lamp; negative: absolute photometry
    double toCandela = 1.0;
    std::size_t vertical = 0;
    std::size_t horizontal = 0;
};

IesFactors readCounts(FieldReader& in) {
    IesFactors factors;
    const double lamps = in.number("number of lamps");
    in.check(lamps > 0.0, "number of lamps", "must be more than 0");
    const double lumens = in.number("lumens per lamp");
    in.check(lumens > 0.0 || lumens == -1.0, "lumens per lamp", "must be above 0, or -1");
    factors.lampFlux = lamps * lumens;
    const double multiplier = in.number("candela multiplier");
    in.check(multiplier > 0.0, "candela multiplier", "must be more than 0");
    factors.vertical = in.count("number of vertical angles", 2, 1801);
    factors.horizontal = in.count("number of horizontal angles", 1, 3601);
    const std::size_t type = in.count("photometric type", 1, 3);
    in.check(type == 1, "photometric type",
             std::string("only type C (1) is supported, not type ") + (type == 2 ? "B" : "A"));
    in.skip(4); // units type, width, length, height
    const double ballast = in.number("ballast factor");
    in.check(ballast > 0.0, "ballast factor", "must be more than 0");
    const double lampFactor = in.number("ballast-lamp photometric factor");
    in.skip(1); // input watts
    // LM-63-2002 reserves the lamp factor ("future use", 1); older files use it as a factor.
    factors.toCandela = multiplier * ballast * (lampFactor > 0.0 ? lampFactor : 1.0);
    return factors;
}

std::vector<double> readCandela(FieldReader& in, const std::vector<double>& horizontal,
                                const std::vector<double>& vertical, double toCandela) {
    std::vector<double> candela;
    for (double h : horizontal) {
        for (std::size_t v = 0; v < vertical.size() && !in.failed(); ++v) {
            const std::string field = "candela at horizontal " + photometry_text::degreesText(h) +
                                      ", vertical " + photometry_text::degreesText(vertical[v]);
            candela.push_back(in.number(field) * toCandela);
            in.check(candela.back() >= 0.0, field, "must not be negative");
        }
    }
    return candela;
}

} // namespace

Result<Photometry> parseIes(std::string_view bytes, std::string_view sourceName) {
    const auto lines = photometry_text::splitLines(bytes);
    auto tilt = findTilt(lines, sourceName);
    if (!tilt) {
        return std::unexpected(tilt.error());
    }
    FieldReader in(valuesAfter(lines, *tilt), sourceName, lines.size());
    const IesFactors factors = readCounts(in);
    std::vector<double> vertical = in.angles(factors.vertical, "vertical", 180.0);
    std::vector<double> horizontal = in.angles(factors.horizontal, "horizontal", 360.0);
    const PlaneSymmetry symmetry = horizontalSymmetry(in, horizontal);
    std::vector<double> candela = readCandela(in, horizontal, vertical, factors.toCandela);
    if (in.failed()) {
        return in.error();
    }
    PhotometryInfo info{luminaireName(lines, *tilt, sourceName), in.source(), factors.lampFlux};
    if (factors.lampFlux > 0.0) {
        return expandSymmetry(std::move(info), horizontal, std::move(vertical), candela, symmetry);
    }
    // Absolute photometry: the candela values are the luminaire's own; its flux is the reference.
    info.lampFlux = 1.0;
    auto absolute = expandSymmetry(info, horizontal, vertical, candela, symmetry);
    if (!absolute) {
        return absolute;
    }
    info.lampFlux = absolute->luminousFlux();
    return expandSymmetry(std::move(info), horizontal, std::move(vertical), candela, symmetry);
}

} // namespace trygg
