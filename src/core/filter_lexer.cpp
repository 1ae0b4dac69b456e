#include "filter_lexer.h"

#include "tryggkarta/core/text.h"

namespace trygg {
namespace {

constexpr std::string_view kBlanks = " \t\r\n\v\f"; // as trim() has them
constexpr std::string_view kLessEqual = "≤";
constexpr std::string_view kGreaterEqual = "≥";
constexpr std::string_view kNotEqual = "≠";
/// Longest token quoted in a message, in characters: garbage input gives readable errors.
constexpr std::size_t kShownLength = 40;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string shortened(std::string_view text) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isContinuation(text[i]) && ++characters > kShownLength) {
            return std::string(text.substr(0, i)) + "…";
        }
    }
    return std::string(text);
}

struct OperatorSpelling {
    std::string_view text;
    CompareOp op;
};

// Longer spellings first, so that "<=" is not read as "<" then "=".
constexpr OperatorSpelling kOperators[] = {
    {"<=", CompareOp::LessEqual},       {"<>", CompareOp::NotEqual},
    {">=", CompareOp::GreaterEqual},    {"==", CompareOp::Equal},
    {"!=", CompareOp::NotEqual},        {"<", CompareOp::Less},
    {">", CompareOp::Greater},          {"=", CompareOp::Equal},
    {kLessEqual, CompareOp::LessEqual}, {kGreaterEqual, CompareOp::GreaterEqual},
    {kNotEqual, CompareOp::NotEqual},
};

struct KeywordSpelling {
    std::string_view folded;
    Keyword keyword;
};

// clang-format off
constexpr KeywordSpelling kKeywords[] = {
    {"and", Keyword::And},           {"och", Keyword::And},
    {"or", Keyword::Or},             {"eller", Keyword::Or},
    {"not", Keyword::Not},           {"inte", Keyword::Not},
    {"in", Keyword::In},             {"i", Keyword::In},
    {"is", Keyword::Is},             {"är", Keyword::Is},
    {"null", Keyword::Null},         {"tom", Keyword::Null},     {"empty", Keyword::Null},
    {"contains", Keyword::Contains}, {"innehåller", Keyword::Contains},
};
// clang-format on

} // namespace

Keyword keywordOf(const Token& token) {
    if (token.kind != TokenKind::Word || token.text.size() > 12) {
        return Keyword::None;
    }
    auto folded = foldCase(token.text);
    for (const auto& spelling : kKeywords) {
        if (spelling.folded == folded) {
            return spelling.keyword;
        }
    }
    return Keyword::None;
}

bool FilterLexer::atDelimiter(std::size_t pos, bool inList) const {
    char c = m_text[pos];
    if (kBlanks.find(c) != std::string_view::npos) {
        return true;
    }
    switch (c) {
    case '(':
    case ')':
    case '\'':
    case '"':
    case '=':
    case '<':
    case '>':
    case '!': return true;
    case ',':
        // A comma between digits is a decimal comma ("1,5"), except in a list.
        return inList || pos == 0 || pos + 1 >= m_text.size() || !isDigit(m_text[pos - 1]) ||
               !isDigit(m_text[pos + 1]);
    default: break;
    }
    auto rest = m_text.substr(pos);
    return rest.starts_with(kLessEqual) || rest.starts_with(kGreaterEqual) ||
           rest.starts_with(kNotEqual);
}

Token FilterLexer::next(bool inList) {
    while (m_pos < m_text.size() && kBlanks.find(m_text[m_pos]) != std::string_view::npos) {
        ++m_pos;
    }
    Token token;
    token.offset = m_pos;
    if (m_pos >= m_text.size()) {
        return token;
    }
    char c = m_text[m_pos];
    if (c == '(' || c == ')' || c == ',') {
        token.kind =
            c == '(' ? TokenKind::OpenParen : (c == ')' ? TokenKind::CloseParen : TokenKind::Comma);
        token.text = std::string(1, c);
        ++m_pos;
        return token;
    }
    if (c == '\'' || c == '"') {
        return quotedText(c);
    }
    auto rest = m_text.substr(m_pos);
    for (const auto& spelling : kOperators) {
        if (rest.starts_with(spelling.text)) {
            token.kind = TokenKind::Operator;
            token.op = spelling.op;
            token.text = std::string(spelling.text);
            m_pos += spelling.text.size();
            return token;
        }
    }
    if (c == '!') {
        return invalid(m_pos, "unexpected '!' (write != for 'not equal')");
    }
    std::size_t start = m_pos;
    do {
        ++m_pos;
    } while (m_pos < m_text.size() && !atDelimiter(m_pos, inList));
    token.kind = TokenKind::Word;
    token.text = std::string(m_text.substr(start, m_pos - start));
    return token;
}

Token FilterLexer::quotedText(char quote) {
    Token token;
    token.kind = TokenKind::Quoted;
    token.quote = quote;
    token.offset = m_pos;
    ++m_pos;
    while (true) {
        auto end = m_text.find(quote, m_pos);
        if (end == std::string_view::npos) {
            return invalid(token.offset, std::string("unclosed quote: no ") + quote +
                                             " ends the text started here");
        }
        token.text += m_text.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        if (m_pos < m_text.size() && m_text[m_pos] == quote) {
            token.text += quote; // a doubled quote stands for itself
            ++m_pos;
            continue;
        }
        return token;
    }
}

Token FilterLexer::invalid(std::size_t offset, const std::string& message) {
    m_error = failAt(offset, ErrorCode::Usage, message).error();
    m_pos = m_text.size(); // nothing after an unreadable token is read
    Token token;
    token.kind = TokenKind::Invalid;
    token.offset = offset;
    return token;
}

std::size_t FilterLexer::position(std::size_t offset) const {
    std::size_t characters = 1;
    for (std::size_t i = 0; i < offset && i < m_text.size(); ++i) {
        characters += isContinuation(m_text[i]) ? 0 : 1;
    }
    return characters;
}

std::string FilterLexer::show(const Token& token) const {
    switch (token.kind) {
    case TokenKind::End: return "the end of the filter";
    case TokenKind::Invalid: return "unreadable text";
    case TokenKind::Quoted: return token.quote + shortened(token.text) + token.quote;
    default: return "'" + shortened(token.text) + "'";
    }
}

std::unexpected<Error> FilterLexer::failAt(std::size_t offset, ErrorCode code,
                                           const std::string& message) const {
    return fail(code, "position " + std::to_string(position(offset)) + ": " + message, "filter");
}

} // namespace trygg
