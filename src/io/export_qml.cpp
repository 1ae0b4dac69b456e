// Tryggkarta's symbology as a QGIS style (QML, as QGIS 3.22 writes it), so a GeoPackage
// opened in QGIS shows our colours and symbols. A layer with a symbology field gets a
// categorized renderer; a layer of any geometry (measures) a rule-based renderer with one
// branch per geometry type, since one QGIS symbol draws one geometry type only.

#include "export_formats.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

namespace trygg::exporting {
namespace {

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// "#rrggbb" or "#rrggbbaa" as QGIS writes colours: "r,g,b,a".
std::string qgisColour(std::string_view hex) {
    std::array<int, 4> rgba{128, 128, 128, 255};
    if ((hex.size() == 7 || hex.size() == 9) && hex.front() == '#') {
        for (std::size_t i = 0; i * 2 + 1 < hex.size(); ++i) {
            int value = 0;
            auto [ptr, ec] =
                std::from_chars(hex.data() + 1 + i * 2, hex.data() + 3 + i * 2, value, 16);
            if (ec == std::errc{}) {
                rgba[i] = value;
            }
        }
    }
    return std::to_string(rgba[0]) + "," + std::to_string(rgba[1]) + "," + std::to_string(rgba[2]) +
           "," + std::to_string(rgba[3]);
}

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

bool isLineStyle(const Style& style) {
    return style.symbol == "line" || style.symbol == "dashed";
}

using Properties = std::vector<std::pair<std::string, std::string>>;

/// QGIS 3.22 reads the Option map; older versions the prop elements. Both are written.
void writeSymbolLayer(std::ostream& out, const char* layerClass, const Properties& props) {
    out << "        <layer class=\"" << layerClass << "\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
        << "          <Option type=\"Map\">\n";
    for (const auto& [key, value] : props) {
        out << "            <Option name=\"" << key << "\" type=\"QString\" value=\""
            << escapeXml(value) << "\"/>\n";
    }
    out << "          </Option>\n";
    for (const auto& [key, value] : props) {
        out << "          <prop k=\"" << key << "\" v=\"" << escapeXml(value) << "\"/>\n";
    }
    out << "        </layer>\n";
}

std::string_view markerShape(std::string_view symbol) {
    static constexpr std::array<std::string_view, 5> same{"square", "triangle", "diamond", "star",
                                                          "circle"};
    if (std::find(same.begin(), same.end(), symbol) != same.end()) {
        return symbol;
    }
    return symbol == "cross" ? "cross2" : "circle"; // our cross is diagonal, as QGIS's cross2
}

void writeMarker(std::ostream& out, const Style& s) {
    // A cross has no fill: its arms are the outline, at least a sixth of the symbol wide.
    const double outline =
        s.symbol == "cross" ? std::max(s.strokeWidth, s.size / 6.0) : s.strokeWidth;
    writeSymbolLayer(out, "SimpleMarker",
                     {{"name", std::string(markerShape(s.symbol))},
                      {"color", qgisColour(s.fill)},
                      {"outline_color", qgisColour(s.stroke)},
                      {"outline_style", outline > 0 ? "solid" : "no"},
                      {"outline_width", number(outline)},
                      {"outline_width_unit", "MM"},
                      {"size", number(s.size)},
                      {"size_unit", "MM"},
                      {"angle", "0"},
                      {"scale_method", "diameter"},
                      {"joinstyle", "miter"}});
}

void writeLine(std::ostream& out, const Style& s) {
    // A point or area style on a line (measures): the fill colour tells categories apart.
    const bool line = isLineStyle(s);
    const double width =
        line ? std::max(s.strokeWidth, 0.26) : std::clamp(s.strokeWidth, 0.26, 0.6);
    writeSymbolLayer(out, "SimpleLine",
                     {{"line_color", qgisColour(line ? s.stroke : s.fill)},
                      {"line_width", number(width)},
                      {"line_width_unit", "MM"},
                      {"line_style", s.symbol == "dashed" ? "dash" : "solid"},
                      {"capstyle", s.symbol == "dashed" ? "flat" : "round"},
                      {"joinstyle", "round"}});
}

void writeFill(std::ostream& out, const Style& s) {
    const bool line = isLineStyle(s);
    std::string brush = line ? "no" : (s.symbol == "hatched" ? "b_diagonal" : "solid");
    writeSymbolLayer(
        out, "SimpleFill",
        {{"color", qgisColour(s.fill)},
         {"style", brush},
         {"outline_color", qgisColour(s.stroke)},
         {"outline_style", s.strokeWidth > 0 ? (s.symbol == "dashed" ? "dash" : "solid") : "no"},
         {"outline_width", number(s.strokeWidth)},
         {"outline_width_unit", "MM"},
         {"joinstyle", "miter"}});
}

void writeSymbol(std::ostream& out, const Style& style, GeometryKind kind, std::size_t name) {
    const char* type = kind == GeometryKind::Point        ? "marker"
                       : kind == GeometryKind::LineString ? "line"
                                                          : "fill";
    out << "      <symbol alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\" name=\"" << name
        << "\" type=\"" << type << "\">\n";
    if (kind == GeometryKind::Point) {
        writeMarker(out, style);
    } else if (kind == GeometryKind::LineString) {
        writeLine(out, style);
    } else {
        writeFill(out, style);
    }
    out << "      </symbol>\n";
}

/// The styled codes of the symbology field, in the order of its value list, with labels.
struct Category {
    std::string code;
    std::string label;
    const Style* style = nullptr;
};

std::vector<Category> categoriesOf(const LayerDef& def, std::string_view language) {
    std::vector<Category> categories;
    const FieldDef* field = def.field(def.symbology.field);
    std::vector<std::string> codes;
    if (field != nullptr) {
        for (const CodedValue& value : field->values) {
            codes.push_back(value.code);
        }
    }
    for (const auto& [code, style] : def.symbology.byValue) {
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
            codes.push_back(code);
        }
    }
    for (const std::string& code : codes) {
        auto styled = def.symbology.byValue.find(code);
        if (styled == def.symbology.byValue.end()) {
            continue; // drawn by the catch-all category
        }
        const CodedValue* coded = field != nullptr ? field->findCode(code) : nullptr;
        categories.push_back(
            Category{code, coded != nullptr ? coded->label.in(language) : code, &styled->second});
    }
    return categories;
}

std::string otherLabel(std::string_view language) {
    return language == "en" ? "Other" : "Övriga";
}

void writeSingle(std::ostream& out, const LayerDef& def) {
    out << "  <renderer-v2 type=\"singleSymbol\" enableorderby=\"0\" forceraster=\"0\" "
           "symbollevels=\"0\" referencescale=\"-1\">\n    <symbols>\n";
    writeSymbol(out, def.symbology.fallback, def.geometry, 0);
    out << "    </symbols>\n  </renderer-v2>\n";
}

void writeCategorized(std::ostream& out, const LayerDef& def,
                      const std::vector<Category>& categories, std::string_view language) {
    out << "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" << escapeXml(def.symbology.field)
        << "\" enableorderby=\"0\" forceraster=\"0\" symbollevels=\"0\" referencescale=\"-1\">\n"
        << "    <categories>\n";
    for (std::size_t i = 0; i < categories.size(); ++i) {
        out << "      <category render=\"true\" symbol=\"" << i << "\" value=\""
            << escapeXml(categories[i].code) << "\" label=\"" << escapeXml(categories[i].label)
            << "\"/>\n";
    }
    // An empty value is QGIS's "all other values".
    out << "      <category render=\"true\" symbol=\"" << categories.size()
        << "\" value=\"\" label=\"" << escapeXml(otherLabel(language))
        << "\"/>\n    </categories>\n    <symbols>\n";
    for (std::size_t i = 0; i < categories.size(); ++i) {
        writeSymbol(out, *categories[i].style, def.geometry, i);
    }
    writeSymbol(out, def.symbology.fallback, def.geometry, categories.size());
    out << "    </symbols>\n  </renderer-v2>\n";
}

std::string quotedLiteral(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("''") : std::string(1, c);
    }
    return out + "'";
}

void writeRuleBased(std::ostream& out, const LayerDef& def, const std::vector<Category>& categories,
                    std::string_view language) {
    struct Branch {
        GeometryKind kind;
        const char* qgisType;
        const char* label;
    };
    const std::array<Branch, 3> branches{
        Branch{GeometryKind::Point, "Point", "Punkter / Points"},
        Branch{GeometryKind::LineString, "Line", "Linjer / Lines"},
        Branch{GeometryKind::Polygon, "Polygon", "Ytor / Polygons"}};
    const std::string field = "\"" + def.symbology.field + "\"";
    std::ostringstream symbols;
    std::size_t next = 0;
    out << "  <renderer-v2 type=\"RuleRenderer\" enableorderby=\"0\" forceraster=\"0\" "
           "symbollevels=\"0\" referencescale=\"-1\">\n    <rules key=\"{tryggkarta-root}\">\n";
    for (const Branch& branch : branches) {
        out << "      <rule key=\"{tryggkarta-" << branch.qgisType << "}\" filter=\""
            << escapeXml(std::string("geometry_type($geometry) = '") + branch.qgisType + "'")
            << "\" label=\"" << branch.label << "\">\n";
        for (const Category& category : categories) {
            out << "        <rule key=\"{tryggkarta-" << branch.qgisType << "-" << next
                << "}\" filter=\"" << escapeXml(field + " = " + quotedLiteral(category.code))
                << "\" symbol=\"" << next << "\" label=\"" << escapeXml(category.label) << "\"/>\n";
            writeSymbol(symbols, *category.style, branch.kind, next++);
        }
        out << "        <rule key=\"{tryggkarta-" << branch.qgisType
            << "-else}\" filter=\"ELSE\" symbol=\"" << next << "\" label=\""
            << escapeXml(otherLabel(language)) << "\"/>\n      </rule>\n";
        writeSymbol(symbols, def.symbology.fallback, branch.kind, next++);
    }
    out << "    </rules>\n    <symbols>\n" << symbols.str() << "    </symbols>\n  </renderer-v2>\n";
}

} // namespace

std::string qgisStyle(const LayerDef& def, std::string_view language) {
    std::ostringstream out;
    const double maxScale = def.symbology.maxScale;
    // QGIS's minScale is the most zoomed-out scale at which the layer is drawn.
    out << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        << "<qgis version=\"3.22.16\" styleCategories=\"Symbology\" hasScaleBasedVisibilityFlag=\""
        << (maxScale > 0 ? 1 : 0) << "\" minScale=\""
        << (maxScale > 0 ? number(maxScale) : "100000000") << "\" maxScale=\"0\">\n";
    const bool categorized =
        def.field(def.symbology.field) != nullptr && !def.symbology.byValue.empty();
    const auto categories = categorized ? categoriesOf(def, language) : std::vector<Category>{};
    if (def.geometry == GeometryKind::Any) {
        writeRuleBased(out, def, categories, language);
    } else if (categorized) {
        writeCategorized(out, def, categories, language);
    } else {
        writeSingle(out, def);
    }
    out << "  <blendMode>0</blendMode>\n  <featureBlendMode>0</featureBlendMode>\n"
        << "  <layerOpacity>1</layerOpacity>\n</qgis>\n";
    return out.str();
}

} // namespace trygg::exporting
