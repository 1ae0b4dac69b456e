#pragma once
// Reading a feature's fields by name for documents (protocols, plans): coded values as their
// labels in the document's language, and personal fields never at all.

#include "tryggkarta/core/layer.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace trygg::render {

/// Reads one feature's fields by name, in the document's language. Personal fields read as
/// empty, so nothing personal can slip into a document by a later edit of its code.
class FieldReader {
public:
    FieldReader(const LayerDef& definition, const Feature& feature, const std::string& language)
        : m_definition(definition), m_feature(feature), m_language(language) {}

    [[nodiscard]] const Value* value(std::string_view name) const {
        const auto index = m_definition.fieldIndex(name);
        if (!index || *index >= m_feature.values.size() || m_definition.fields[*index].personal) {
            return nullptr;
        }
        return &m_feature.values[*index];
    }

    /// The value as text; a coded value as its label.
    [[nodiscard]] std::string text(std::string_view name) const {
        const Value* found = value(name);
        if (found == nullptr) {
            return {};
        }
        std::string shown = toDisplayString(*found);
        if (const CodedValue* coded = m_definition.field(name)->findCode(shown)) {
            return coded->label.in(m_language);
        }
        return shown;
    }

    /// The stored code (or text) itself, for decisions rather than display.
    [[nodiscard]] std::string code(std::string_view name) const {
        const Value* found = value(name);
        return found == nullptr ? std::string() : toDisplayString(*found);
    }

    template <typename T> [[nodiscard]] std::optional<T> as(std::string_view name) const {
        const Value* found = value(name);
        if (found == nullptr || !std::holds_alternative<T>(*found)) {
            return std::nullopt;
        }
        return std::get<T>(*found);
    }

private:
    const LayerDef& m_definition;
    const Feature& m_feature;
    const std::string& m_language;
};

} // namespace trygg::render
