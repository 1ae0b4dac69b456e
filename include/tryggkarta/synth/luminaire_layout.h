#pragma once
// Luminaires placed along the streets, paths and squares of a base map the way a Swedish town
// centre is lit, for the example project and for trying out the lighting analysis. A few
// stretches of path are deliberately left dark, so the analysis has gaps to find.
// Deterministic for a seed and the same lines in the same order. Every feature is marked as
// example data.

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/core/schema.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace trygg {

/// What a lit line is; it decides the lamps along it.
enum class LitLineKind {
    MainStreet,       ///< huvudgata
    LocalStreet,      ///< lokalgata, car park lane
    PedestrianStreet, ///< gågata
    Square,           ///< the outline of a square (torg), as a closed ring
    Path,             ///< gång- och cykelväg, steps
    Tunnel,           ///< gångtunnel
};

/// A line to put lamps along, in a projected CRS (metres).
struct LitLine {
    LineString line;
    LitLineKind kind = LitLineKind::LocalStreet;
    std::string name; ///< for the remarks; may be empty
};

/// How the poles stand along one kind of line.
struct LampRule {
    std::string armatur;    ///< photometry profile (layers/photometry) for belysning.armatur
    double heightMin = 8.0; ///< mounting height in metres, in half metres, one value per line
    double heightMax = 8.0;
    double spacingMin = 30.0; ///< metres between neighbouring poles along the line
    double spacingMax = 40.0;
    double setbackMin = 0.0; ///< metres from the centre line (inwards on a square); 0: on it
    double setbackMax = 0.0;
    bool alternateSides = false; ///< else all poles of a line stand on one side
    bool facesAlong = false;     ///< the light goes along the line (C0/C180), not across it
    double fluxMin = 6000.0;     ///< lm, one value per line
    double fluxMax = 9000.0;
    double tiltMax = 0.0;   ///< degrees, one value per line
    double halfWidth = 0.0; ///< no other line's pole may stand closer to this line
};

/// The rules per kind of line and the deliberate faults. The defaults follow Swedish
/// town-centre practice: streets 8 m poles (main streets 10 m) 30–40 m apart on one side,
/// paths 4.5–5 m poles 25–30 m apart, pedestrian streets and squares 4 m lanterns 20 m apart.
struct LuminaireLayout {
    LuminaireLayout();

    [[nodiscard]] const LampRule& ruleFor(LitLineKind kind) const;

    LampRule mainStreet;
    LampRule localStreet;
    LampRule pedestrian;
    LampRule square;
    LampRule path;
    LampRule tunnel;

    /// Paths with a stretch left without lamps, away from the streets (whose lamps would light
    /// it): at most one per path, so fewer when fewer paths are long enough.
    std::size_t darkGaps = 3;
    double gapMin = 80.0; ///< metres between the poles on either side of a gap
    double gapMax = 150.0;
    /// Of the gaps, how many get planned lamps; one gap is always left without, so that the
    /// what-if with the planned lamps still has a dark gap to find.
    std::size_t gapsWithPlanned = 2;
    std::size_t plannedMax = 3;     ///< planned lamps in such a gap: enough to close it, 1 to this
    std::size_t switchedOffMin = 3; ///< consecutive lamps of one path switched off at night
    std::size_t switchedOffMax = 5;
    double brokenShare = 0.14; ///< chance that any other lamp is broken
};

/// A stretch of a line deliberately left without lamps.
struct DarkGap {
    std::size_t line = 0; ///< index into the lines given
    double from = 0.0;    ///< metres along the line of the pole before the gap
    double to = 0.0;      ///< ... and after it
    std::size_t planned = 0;
};

/// The placed luminaires, in the order of the lines and along each line.
struct LightingPlan {
    std::vector<Feature> luminaires; ///< ids 1..N, pole numbers VN-0001...
    std::vector<std::size_t> lineOf; ///< per luminaire, the index of the line it stands along
    std::vector<DarkGap> gaps;
};

/// Lamps along `lines` for a layer of definition `belysning` (the fields hojd_m, ljusflode,
/// armatur, tilt_grad, riktning, status, ...; absent ones are skipped). riktning is the bearing
/// the luminaire's C90 side faces: from the pole to the centre line for lamps beside a line,
/// the line's bearing + 90° for lamps that throw their light along it.
LightingPlan placeLuminaires(const LayerDef& belysning, std::span<const LitLine> lines,
                             const LuminaireLayout& layout, std::uint64_t seed);

/// The lines of a project's base map: bas_gata by klass, bas_gangvag by typ, and the
/// outlines of the squares in bas_ytor (typ torg). Features without a usable line are skipped.
std::vector<LitLine> litLinesOf(const Project& project);

} // namespace trygg
