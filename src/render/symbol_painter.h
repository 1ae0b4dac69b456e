#pragma once
// Point symbols, and the style each feature of a layer gets from its rule-based symbology.

#include "colour.h"

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/schema.h"

#include <QPainter>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace trygg::render {

enum class SymbolShape { Circle, Square, Triangle, Diamond, Star, Cross };

/// The point shape for a style's symbol name; line and area symbols on points are circles.
SymbolShape shapeFor(std::string_view symbol);

/// A style ready to draw: parsed colours, pens in pixels, the point shape.
struct ResolvedStyle {
    StylePaint paint;
    SymbolShape shape = SymbolShape::Circle;
    std::size_t index = 0; ///< position in the resolver's list, for per-style caches
};

/// Draws one point symbol centred on `centre` (device pixels).
void drawSymbol(QPainter& painter, QPointF centre, const ResolvedStyle& style);

/// Finds each feature's style by the value of the symbology's field. Parses each style
/// once per render and remembers codes it has seen, so a million features cost a million
/// short string compares rather than a million map look-ups and colour parses.
class StyleResolver {
public:
    StyleResolver(const LayerDef& definition, double pixelsPerMillimetre);

    const ResolvedStyle& styleFor(const Feature& feature);
    /// Every style of the symbology (sprites and the dense path index by `index`).
    [[nodiscard]] const std::vector<ResolvedStyle>& styles() const { return m_styles; }

private:
    const ResolvedStyle& resolve(std::string_view code);

    static constexpr std::size_t kRememberedCodes = 64;

    const Symbology& m_symbology;
    std::optional<std::size_t> m_field;
    std::vector<const Style*> m_sources; ///< parallel to m_styles
    std::vector<ResolvedStyle> m_styles; ///< the fallback first, then each value's style
    std::vector<std::pair<std::string, std::size_t>> m_seen; ///< code -> m_styles index
};

} // namespace trygg::render
