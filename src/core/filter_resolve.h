#pragma once
// Resolves the names and values of filter text against a layer definition, once, when the
// filter is parsed: matching then compares ready values. Private to trygg_core.

#include "filter_lexer.h"

#include <cstddef>
#include <vector>

namespace trygg {

/// The field a word or quoted token names: a field name, else the one field with that Swedish or
/// English label, all ignoring case. Errors: unknown field (listing the fields), ambiguous label.
Result<std::size_t> resolveField(const LayerDef& layer, const Token& token,
                                 const FilterLexer& lexer);

/// A word or quoted token as a value of `field` (see filter.h for the forms). `ordering`: the
/// value is compared with <, <=, > or >=, where a coded number field also takes non-codes.
Result<Value> resolveValue(const FieldDef& field, const Token& token, bool ordering,
                           const FilterLexer& lexer);

/// The codes of a coded field whose code or either label contains the token's text, ignoring
/// case. An error when there are none: on a value list that is a typo, not an empty selection.
Result<std::vector<Value>> resolveCodesContaining(const FieldDef& field, const Token& token,
                                                  const FilterLexer& lexer);

} // namespace trygg
