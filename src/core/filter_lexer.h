#pragma once
// Splits filter text into tokens (grammar in tryggkarta/core/filter.h). Private to trygg_core.

#include "filter_tree.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace trygg {

enum class TokenKind : std::uint8_t {
    End,
    OpenParen,
    CloseParen,
    Comma,
    Operator, ///< = == != <> ≠ < <= ≤ > >= ≥
    Word,     ///< anything bare: a field, a keyword, a value
    Quoted,   ///< text in single or double quotes
    Invalid,  ///< text the lexer cannot read (an unclosed quote); FilterLexer::error() says why
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text; ///< Word: as written; Quoted: without the quotes, doubled quotes undone
    CompareOp op = CompareOp::Equal; ///< Operator only
    char quote = 0;                  ///< Quoted only: ' or "
    std::size_t offset = 0;          ///< where the token starts, in bytes
};

enum class Keyword : std::uint8_t { None, And, Or, Not, In, Is, Null, Contains };

/// The keyword a bare word spells, in English or Swedish and in any case; None for anything else.
Keyword keywordOf(const Token& token);

class FilterLexer {
public:
    explicit FilterLexer(std::string_view text) : m_text(text) {}

    /// The next token. `inList`: inside IN ( ... ), where a comma always separates values
    /// rather than being a decimal comma ("IN (1,2)" is two values).
    Token next(bool inList);

    /// Why the last token was Invalid. Valid only after next() returned an Invalid token.
    [[nodiscard]] const Error& error() const { return m_error; }

    /// The 1-based character (code point) position of a byte offset, as errors report it.
    [[nodiscard]] std::size_t position(std::size_t offset) const;

    /// A token as messages quote it: 'kateogri', ')', the end of the filter.
    [[nodiscard]] std::string show(const Token& token) const;

    /// A Usage or InvalidValue error whose message starts with the position of `offset`.
    [[nodiscard]] std::unexpected<Error> failAt(std::size_t offset, ErrorCode code,
                                                const std::string& message) const;

private:
    [[nodiscard]] bool atDelimiter(std::size_t pos, bool inList) const;
    Token quotedText(char quote);
    Token invalid(std::size_t offset, const std::string& message);

    std::string_view m_text;
    std::size_t m_pos = 0;
    Error m_error;
};

} // namespace trygg
