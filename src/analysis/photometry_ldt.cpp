// EULUMDAT (.ldt): a positional format, one value per line. Lines 1–26 are the header, then the
// lamp sets (6 lines each), 10 direct ratios, the C angles, the γ angles and the intensities
// in cd per 1000 lm of lamp flux.

#include "photometry_symmetry.h"
#include "photometry_text.h"
#include "tryggkarta/analysis/photometry.h"
#include "tryggkarta/core/text.h"

namespace trygg {
namespace {

// Which planes a file stores: planes Mc1..Mc2 of its C angle list (1-based; for Isym 3 the
// count runs on past Mc to the start of the list), by the symmetry indicator Isym:
//   Isym 0  no symmetry               Mc1 = 1           Mc2 = Mc          C0 … C(360 − Dc)
//   Isym 1  about the vertical axis   Mc1 = 1           Mc2 = 1           C0 only
//   Isym 2  about the C0–C180 plane   Mc1 = 1           Mc2 = Mc/2 + 1    C0 … C180
//   Isym 3  about the C90–C270 plane  Mc1 = 3·Mc/4 + 1  Mc2 = Mc1 + Mc/2  C270 … C360=C0 … C90
//   Isym 4  about both planes         Mc1 = 1           Mc2 = Mc/4 + 1    C0 … C90
struct StoredPlanes {
    std::size_t first = 0; ///< 0-based index into the C angle list
    std::size_t count = 0;
    PlaneSymmetry symmetry = PlaneSymmetry::None;
};

StoredPlanes storedPlanes(std::size_t isym, std::size_t mc) {
    switch (isym) {
    case 1:
        return {0, 1, PlaneSymmetry::Rotational};
    case 2:
        return {0, mc / 2 + 1, PlaneSymmetry::AboutC0C180};
    case 3:
        return {3 * mc / 4, mc / 2 + 1, PlaneSymmetry::AboutC90C270};
    case 4:
        return {0, mc / 4 + 1, PlaneSymmetry::Quadrants};
    default:
        return {0, mc, PlaneSymmetry::None};
    }
}

using LdtLines = photometry_text::FieldReader;

struct LdtHeader {
    std::size_t isym = 0;
    std::size_t mc = 0;
    std::size_t ng = 0;
    std::string name;
    double toCandela = 0.0; ///< conversion factor × lamp flux / 1000
    double lampFlux = 0.0;
};

// Isym 2 stores Mc/2 + 1 planes, so Mc must be even; Isym 3 and 4 count in quarters of Mc.
void checkPlaneCount(LdtLines& in, const LdtHeader& header) {
    const std::size_t multiple = header.isym == 2 ? 2 : header.isym >= 3 ? 4 : 1;
    in.check(header.mc % multiple == 0 && (header.isym == 1 || header.mc > 0),
             "number of C planes (Mc)",
             "must be a positive multiple of " + std::to_string(multiple) +
                 " for symmetry indicator " + std::to_string(header.isym));
}

// Line 24: blank in some files, which then mean 1.
double conversionFactor(LdtLines& in) {
    std::string_view line = in.text("conversion factor for luminous intensities (CFLI)");
    if (trim(line).empty()) {
        return 1.0;
    }
    auto factor = photometry_text::parseNumber(line);
    in.check(factor.has_value() && *factor > 0.0,
             "conversion factor for luminous intensities (CFLI)",
             "must be a number above 0, found '" + std::string(trim(line)) + "'");
    return factor.value_or(1.0);
}

// Lines 1–26, the lamp sets and the direct ratios. The intensities are per 1000 lm of the first
// lamp set; a negative number of lamps (absolute photometry) gives the luminaire's flux instead,
// which serves the same way.
LdtHeader readHeader(LdtLines& in) {
    LdtHeader header;
    in.skip(2); // company identification, type indicator
    header.isym = in.count("symmetry indicator (Isym)", 0, 4);
    header.mc = in.count("number of C planes (Mc)", 0, 3600);
    checkPlaneCount(in, header);
    in.skip(1); // Dc
    header.ng = in.count("number of luminous intensities per C plane (Ng)", 2, 1801);
    in.skip(2); // Dg, measurement report number
    header.name = photometry_text::toUtf8(trim(in.text("luminaire name")));
    in.skip(14); // lines 10–23: numbers, file name, date, dimensions, DFF, LORL
    const double factor = conversionFactor(in);
    in.skip(1); // tilt during measurement
    const std::size_t sets = in.count("number of lamp sets (n)", 1, 20);
    in.skip(2); // number and type of lamps
    header.lampFlux = in.number("total luminous flux of lamps");
    in.check(header.lampFlux > 0.0, "total luminous flux of lamps", "must be more than 0 lm");
    in.skip(3 + 6 * (sets - 1) + 10); // rest of the lamp sets, direct ratios
    header.toCandela = factor * header.lampFlux / 1000.0;
    return header;
}

std::string intensityField(double c, double gamma) {
    return "luminous intensity at C " + photometry_text::degreesText(c) + ", γ " +
           photometry_text::degreesText(gamma);
}

std::vector<double> readIntensities(LdtLines& in, const std::vector<double>& storedC,
                                    const std::vector<double>& gammas, double toCandela) {
    std::vector<double> candela;
    for (double c : storedC) {
        for (std::size_t g = 0; g < gammas.size() && !in.failed(); ++g) {
            const std::string field = intensityField(c, gammas[g]);
            double value = in.number(field);
            in.check(value >= 0.0, field, "must not be negative");
            candela.push_back(value * toCandela);
        }
    }
    return candela;
}

} // namespace

Result<Photometry> parseEulumdat(std::string_view bytes, std::string_view sourceName) {
    auto lines = photometry_text::splitLines(bytes);
    const std::size_t lastLine = lines.size();
    LdtLines in(std::move(lines), sourceName, lastLine);
    LdtHeader header = readHeader(in);
    if (in.failed()) {
        return in.error();
    }
    std::vector<double> cList = in.angles(header.mc, "C", 360.0);
    std::vector<double> gammas = in.angles(header.ng, "gamma", 180.0);
    const StoredPlanes stored = storedPlanes(header.isym, header.mc);
    std::vector<double> storedC;
    for (std::size_t k = 0; k < stored.count && !in.failed(); ++k) {
        storedC.push_back(cList.empty() ? 0.0 : cList[(stored.first + k) % cList.size()]);
    }
    std::vector<double> candela = readIntensities(in, storedC, gammas, header.toCandela);
    if (in.failed()) {
        return in.error();
    }
    PhotometryInfo info{header.name, in.source(), header.lampFlux};
    return expandSymmetry(std::move(info), storedC, std::move(gammas), candela, stored.symmetry);
}

} // namespace trygg
