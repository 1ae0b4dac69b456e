// The filter language's recursive-descent parser; the grammar is in filter.h. Names and values
// are resolved here (filter_resolve.cpp), so that matching a feature does no text parsing.

#include "filter_lexer.h"
#include "filter_resolve.h"
#include "filter_tree.h"
#include "tryggkarta/core/text.h"

#include <utility>

namespace trygg {
namespace {

bool isOrdering(CompareOp op) { return op != CompareOp::Equal && op != CompareOp::NotEqual; }

bool isText(const Token& token) {
    return token.kind == TokenKind::Word || token.kind == TokenKind::Quoted;
}

class Parser {
public:
    Parser(std::string_view text, const LayerDef& layer) : m_lexer(text), m_layer(layer) {
        advance();
    }

    Result<Filter::Tree> parse() {
        auto root = parseOr(0);
        if (!root) {
            return std::unexpected(root.error());
        }
        if (m_token.kind != TokenKind::End) {
            return failHere(ErrorCode::Usage,
                            "unexpected " + m_lexer.show(m_token) +
                                (m_token.kind == TokenKind::CloseParen
                                     ? " without a matching '('"
                                     : " (expected AND, OR or the end; values with spaces go "
                                       "in quotes)"));
        }
        m_tree.root = *root;
        m_tree.layer = m_layer;
        return std::move(m_tree);
    }

private:
    void advance(bool inList = false) { m_token = m_lexer.next(inList); }

    /// An error about the current token; a token the lexer could not read reports why instead,
    /// since nothing the parser expects can match it.
    std::unexpected<Error> failHere(ErrorCode code, const std::string& message) const {
        if (m_token.kind == TokenKind::Invalid) {
            return std::unexpected(m_lexer.error());
        }
        return m_lexer.failAt(m_token.offset, code, message);
    }

    std::unexpected<Error> expected(const std::string& what) const {
        return failHere(ErrorCode::Usage, "expected " + what + ", found " + m_lexer.show(m_token));
    }

    std::size_t add(FilterNode node) {
        m_tree.nodes.push_back(std::move(node));
        return m_tree.nodes.size() - 1;
    }

    /// Operands joined by `joiner` (AND or OR) become one n-ary node: a long chain adds no
    /// depth, so neither matching nor describing recurses along it.
    template <typename ParseOperand>
    Result<std::size_t> parseChain(Keyword joiner, FilterNodeKind kind, ParseOperand parseOperand) {
        FilterNode node;
        node.kind = kind;
        while (true) {
            auto operand = parseOperand();
            if (!operand) {
                return operand;
            }
            node.children.push_back(*operand);
            if (keywordOf(m_token) != joiner) {
                break;
            }
            advance();
        }
        return node.children.size() == 1 ? node.children.front() : add(std::move(node));
    }

    Result<std::size_t> parseOr(int depth) {
        return parseChain(Keyword::Or, FilterNodeKind::Or, [&] { return parseAnd(depth); });
    }

    Result<std::size_t> parseAnd(int depth) {
        return parseChain(Keyword::And, FilterNodeKind::And, [&] { return parseUnary(depth); });
    }

    /// NOT and parentheses, the only recursion whose depth the input controls: bounded, so
    /// that no input can exhaust the stack.
    Result<std::size_t> parseUnary(int depth) {
        bool negation = keywordOf(m_token) == Keyword::Not;
        if (!negation && m_token.kind != TokenKind::OpenParen) {
            return parsePredicate();
        }
        std::size_t opening = m_token.offset;
        if (depth >= kMaxFilterDepth) {
            return failHere(ErrorCode::Usage, "nesting deeper than " +
                                                  std::to_string(kMaxFilterDepth) +
                                                  " levels of parentheses and NOT");
        }
        advance();
        if (negation) {
            auto operand = parseUnary(depth + 1);
            if (!operand) {
                return operand;
            }
            FilterNode node;
            node.kind = FilterNodeKind::Not;
            node.children.push_back(*operand);
            return add(std::move(node));
        }
        auto inner = parseOr(depth + 1);
        if (!inner) {
            return inner;
        }
        if (m_token.kind != TokenKind::CloseParen) {
            return expected("')' to close the '(' at position " +
                            std::to_string(m_lexer.position(opening)));
        }
        advance();
        return inner;
    }

    Result<std::size_t> parsePredicate() {
        Keyword keyword = keywordOf(m_token);
        if (!isText(m_token) || keyword == Keyword::And || keyword == Keyword::Or) {
            return expected("a field name");
        }
        auto field = resolveField(m_layer, m_token, m_lexer);
        if (!field) {
            return std::unexpected(field.error());
        }
        advance();
        FilterNode node;
        node.field = *field;
        if (m_token.kind == TokenKind::Operator) {
            return parseComparison(std::move(node));
        }
        keyword = keywordOf(m_token);
        if (keyword == Keyword::Is) {
            return parseIsNull(std::move(node));
        }
        if (keyword == Keyword::Not) {
            node.negated = true;
            advance();
            keyword = keywordOf(m_token);
            if (keyword != Keyword::In && keyword != Keyword::Contains) {
                return expected("IN or CONTAINS after NOT");
            }
        }
        if (keyword == Keyword::In) {
            return parseIn(std::move(node));
        }
        if (keyword == Keyword::Contains) {
            return parseContains(std::move(node));
        }
        return expected("an operator (=, !=, <, <=, >, >=, IN, CONTAINS or IS) after " +
                        m_layer.fields[node.field].name);
    }

    /// The value at the current token; the caller moves past it.
    Result<Value> parseValue(const FieldDef& field, bool ordering, const std::string& context) {
        if (!isText(m_token)) {
            return expected("a value " + context);
        }
        if (keywordOf(m_token) == Keyword::Null) {
            return failHere(ErrorCode::Usage,
                            "nothing equals NULL: test for no value with IS NULL (ÄR TOM)");
        }
        return resolveValue(field, m_token, ordering, m_lexer);
    }

    Result<std::size_t> parseComparison(FilterNode node) {
        const FieldDef& field = m_layer.fields[node.field];
        node.kind = FilterNodeKind::Compare;
        node.op = m_token.op;
        std::string op = m_lexer.show(m_token);
        if (isOrdering(node.op) && field.type == FieldType::Text) {
            return failHere(ErrorCode::Usage, op + " cannot order text: " + field.name +
                                                  " is a text field (use =, !=, IN or CONTAINS)");
        }
        advance();
        auto value = parseValue(field, isOrdering(node.op), "after " + op);
        if (!value) {
            return std::unexpected(value.error());
        }
        node.values.push_back(std::move(*value));
        advance();
        return add(std::move(node));
    }

    Result<std::size_t> parseIsNull(FilterNode node) {
        node.kind = FilterNodeKind::IsNull;
        advance();
        if (keywordOf(m_token) == Keyword::Not) {
            node.negated = true;
            advance();
        }
        if (keywordOf(m_token) != Keyword::Null) {
            return expected("NULL (TOM) after IS");
        }
        advance();
        return add(std::move(node));
    }

    Result<std::size_t> parseIn(FilterNode node) {
        node.kind = FilterNodeKind::In;
        advance();
        if (m_token.kind != TokenKind::OpenParen) {
            return expected("'(' after IN");
        }
        std::size_t opening = m_token.offset;
        do {
            advance(true);
            auto value = parseValue(m_layer.fields[node.field], false, "in the list");
            if (!value) {
                return std::unexpected(value.error());
            }
            node.values.push_back(std::move(*value));
            advance(true);
        } while (m_token.kind == TokenKind::Comma);
        if (m_token.kind != TokenKind::CloseParen) {
            return expected("',' or ')' to close the list at position " +
                            std::to_string(m_lexer.position(opening)));
        }
        advance();
        return add(std::move(node));
    }

    Result<std::size_t> parseContains(FilterNode node) {
        const FieldDef& field = m_layer.fields[node.field];
        node.kind = FilterNodeKind::Contains;
        if (field.type != FieldType::Text) {
            return failHere(ErrorCode::Usage, "CONTAINS needs a text field; " + field.name +
                                                  " is " + std::string(fieldTypeName(field.type)));
        }
        std::string keyword = m_lexer.show(m_token);
        advance();
        if (!isText(m_token)) {
            return expected("a text after " + keyword);
        }
        node.text = m_token.text;
        if (field.isCoded()) {
            // A coded field holds codes, but people search for what they read: the labels.
            auto codes = resolveCodesContaining(field, m_token, m_lexer);
            if (!codes) {
                return std::unexpected(codes.error());
            }
            node.values = std::move(*codes);
        }
        advance();
        return add(std::move(node));
    }

    FilterLexer m_lexer;
    const LayerDef& m_layer;
    Token m_token;
    Filter::Tree m_tree;
};

} // namespace

Result<Filter> parseFilter(std::string_view text, const LayerDef& layer) {
    if (text.size() > kMaxFilterLength) {
        return fail(ErrorCode::Usage,
                    "filter is too long (" + std::to_string(text.size()) + " bytes; at most " +
                        std::to_string(kMaxFilterLength) + ")",
                    "filter");
    }
    if (!isValidUtf8(text)) {
        return fail(ErrorCode::Usage, "filter is not valid UTF-8 text", "filter");
    }
    if (trim(text).empty()) {
        return Filter();
    }
    auto tree = Parser(text, layer).parse();
    if (!tree) {
        return std::unexpected(tree.error());
    }
    tree->text = std::string(text);
    return Filter(std::make_shared<const Filter::Tree>(std::move(*tree)));
}

} // namespace trygg
