#include "export_columns.h"

#include <algorithm>
#include <cctype>
#include <span>

namespace trygg::exporting {
namespace {

constexpr std::size_t kDbfNameBytes = 10;

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool isTaken(std::string_view name, const std::vector<std::string>& taken) {
    return std::any_of(taken.begin(), taken.end(),
                       [&](const std::string& t) { return sameName(t, name); });
}

/// Plain ASCII letters, digits and '_' (a definition's names already are; this keeps a
/// hand-edited definition from writing a name a DBF would cut mid-character).
std::string asciiName(std::string_view name) {
    std::string out;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x80 && (std::isalnum(u) || c == '_')) ? c : '_';
    }
    return out.empty() ? std::string("f") : out;
}

/// `wanted` cut to `limit` bytes, or with a number replacing its end until it is unique.
/// The first taker keeps a name, so resolution follows field order.
std::string takeName(std::string wanted, std::size_t limit, std::vector<std::string>& taken) {
    if (limit > 0 && wanted.size() > limit) {
        wanted.resize(limit);
    }
    std::string name = wanted;
    for (int n = 2; isTaken(name, taken); ++n) {
        std::string suffix = std::to_string(n);
        std::size_t keep =
            limit > 0 ? std::min(wanted.size(), limit - suffix.size()) : wanted.size();
        name = wanted.substr(0, keep) + suffix;
    }
    taken.push_back(name);
    return name;
}

struct TextStats {
    std::size_t maxBytes = 0;
    int pieces = 1;
};

/// The longest text of each field in `indices` and how many pieces it needs, in one pass
/// over the features (a pass per field would walk a million features eight times).
std::vector<TextStats> measureTexts(std::span<const Feature> features,
                                    const std::vector<std::size_t>& indices, std::size_t maxBytes) {
    std::vector<TextStats> stats(indices.size());
    for (const Feature& feature : features) {
        for (std::size_t i = 0; i < indices.size(); ++i) {
            if (indices[i] >= feature.values.size()) {
                continue;
            }
            if (const auto* text = std::get_if<std::string>(&feature.values[indices[i]])) {
                stats[i].maxBytes = std::max(stats[i].maxBytes, text->size());
                if (maxBytes > 0 && text->size() > maxBytes) {
                    stats[i].pieces = std::max(stats[i].pieces, pieceCount(*text, maxBytes));
                }
            }
        }
    }
    return stats;
}

int labelBytes(const FieldDef& field, std::string_view language) {
    std::size_t longest = 1;
    for (const CodedValue& value : field.values) {
        longest = std::max(longest, value.label.in(language).size());
    }
    return static_cast<int>(std::min(longest, kDbfTextBytes));
}

void setValueType(FieldColumns& columns, const FieldDef& field, const ColumnRules& rules,
                  const TextStats& stats) {
    switch (field.type) {
    case FieldType::Integer:
        columns.valueType = OFTInteger64;
        break;
    case FieldType::Real:
        columns.valueType = OFTReal;
        break;
    case FieldType::Date:
        columns.valueType = rules.nativeDates ? OFTDate : OFTString;
        columns.valueWidth = rules.nativeDates ? 0 : 10;
        break;
    case FieldType::DateTime:
        columns.valueType = rules.nativeDateTimes ? OFTDateTime : OFTString;
        columns.valueWidth = rules.nativeDateTimes ? 0 : kIsoDateTimeBytes;
        break;
    case FieldType::Text:
        columns.valueType = OFTString;
        if (rules.maxTextBytes > 0) {
            columns.valueWidth =
                static_cast<int>(std::clamp<std::size_t>(stats.maxBytes, 1, rules.maxTextBytes));
        }
        break;
    }
}

} // namespace

ColumnRules shapefileRules(std::string_view language) {
    ColumnRules rules;
    rules.shortNames = true;
    rules.maxTextBytes = kDbfTextBytes;
    rules.nativeDates = true;
    rules.nativeDateTimes = false; // a DBF date holds no time
    rules.language = std::string(language);
    return rules;
}

ColumnRules geoJsonRules(std::string_view language) {
    ColumnRules rules;
    rules.language = std::string(language);
    return rules;
}

ColumnRules csvRules(std::string_view language) {
    ColumnRules rules;
    rules.nativeDates = false; // GDAL's CSV writer would write 2024/10/05
    rules.nativeDateTimes = false;
    rules.language = std::string(language);
    return rules;
}

ShortNames shortNamesFor(const LayerDef& definition) {
    ShortNames names;
    std::vector<std::string> taken{std::string(kIdColumn)};
    for (const FieldDef& field : definition.fields) {
        names.values.push_back(takeName(asciiName(field.name), kDbfNameBytes, taken));
    }
    for (std::size_t i = 0; i < definition.fields.size(); ++i) {
        const FieldDef& field = definition.fields[i];
        names.labels.push_back(
            field.isCoded() ? takeName(names.values[i].substr(0, 8) + "_t", kDbfNameBytes, taken)
                            : std::string());
    }
    return names;
}

std::string continuationName(std::string_view field, int piece, std::vector<std::string>& taken) {
    std::string suffix = "_" + std::to_string(piece);
    std::string base(field.substr(0, std::min(field.size(), 9 - suffix.size())));
    return takeName(base + suffix, kDbfNameBytes, taken);
}

std::size_t utf8Cut(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) {
        return text.size();
    }
    auto isBoundary = [&](std::size_t at) {
        return (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    };
    std::size_t cut = maxBytes;
    // Step back over continuation bytes (10xxxxxx) to the start of the cut character.
    while (cut > 0 && !isBoundary(cut)) {
        --cut;
    }
    // A DBF pads text with spaces and readers strip them at both ends, so a piece must
    // neither end nor start with a space: cut inside a word.
    for (std::size_t at = cut; at > 0; --at) {
        if (isBoundary(at) && text[at - 1] != ' ' && text[at] != ' ') {
            return at;
        }
    }
    return cut;
}

int pieceCount(std::string_view text, std::size_t maxBytes) {
    int pieces = 0;
    while (!text.empty()) {
        text.remove_prefix(std::max<std::size_t>(utf8Cut(text, maxBytes), 1));
        ++pieces;
    }
    return std::max(pieces, 1);
}

std::vector<FieldColumns> planColumns(const ExportTable& table, const ColumnRules& rules) {
    const ShortNames names = rules.shortNames ? shortNamesFor(table.source) : ShortNames{};
    std::vector<std::string> taken{std::string(kIdColumn)};
    if (rules.shortNames) {
        taken.insert(taken.end(), names.values.begin(), names.values.end());
        for (const auto& label : names.labels) {
            if (!label.empty()) {
                taken.push_back(label);
            }
        }
    }
    std::vector<std::size_t> textFields;
    for (std::size_t index : table.fields) {
        if (table.source.fields[index].type == FieldType::Text) {
            textFields.push_back(index);
        }
    }
    const auto measured = measureTexts(table.features, textFields, rules.maxTextBytes);
    std::vector<FieldColumns> plan;
    for (std::size_t index : table.fields) {
        const FieldDef& field = table.source.fields[index];
        FieldColumns columns;
        columns.source = index;
        columns.field = &field;
        TextStats stats;
        if (auto at = std::find(textFields.begin(), textFields.end(), index);
            at != textFields.end()) {
            stats = measured[static_cast<std::size_t>(at - textFields.begin())];
        }
        setValueType(columns, field, rules, stats);
        if (rules.shortNames) {
            columns.valueName = names.values[index];
            columns.labelName = names.labels[index];
            for (int piece = 2; piece <= stats.pieces; ++piece) {
                columns.pieceNames.push_back(continuationName(columns.valueName, piece, taken));
            }
            if (stats.pieces > 1) {
                columns.valueWidth = static_cast<int>(rules.maxTextBytes);
            }
        } else {
            columns.valueName = takeName(field.name, 0, taken);
            if (field.isCoded()) {
                columns.labelName = takeName(field.name + rules.labelSuffix, 0, taken);
            }
        }
        if (field.isCoded() && rules.maxTextBytes > 0) {
            columns.labelWidth = labelBytes(field, rules.language);
        }
        plan.push_back(std::move(columns));
    }
    return plan;
}

} // namespace trygg::exporting
