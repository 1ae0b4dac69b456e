#pragma once
// The parsed form of a Filter, shared by the parser (filter_parser.cpp) and the matcher and
// describer (filter.cpp). Private to trygg_core.

#include "tryggkarta/core/filter.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace trygg {

enum class FilterNodeKind : std::uint8_t { And, Or, Not, Compare, In, IsNull, Contains };

enum class CompareOp : std::uint8_t { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };

/// One node of the condition. Which members count depends on `kind`.
struct FilterNode {
    FilterNodeKind kind = FilterNodeKind::Compare;
    /// NOT IN, NOT CONTAINS, IS NOT NULL.
    bool negated = false;
    CompareOp op = CompareOp::Equal;
    std::size_t field = 0;
    /// Compare: the one operand; In: the list; Contains on a coded field: the codes it matched.
    /// Numbers are int64 or double, codes of integer fields int64, codes of text fields and
    /// free text as typed, dates Date (compared by day) or DateTime.
    std::vector<Value> values;
    /// Contains: the text searched for.
    std::string text;
    /// And, Or: the operands; Not: one. Indices into Filter::Tree::nodes.
    std::vector<std::size_t> children;
};

struct Filter::Tree {
    std::string text;
    /// A copy, so that describe() can name fields and values however long the filter lives.
    LayerDef layer;
    std::vector<FilterNode> nodes;
    std::size_t root = 0;
};

} // namespace trygg
