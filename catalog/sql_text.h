// A small, dialect-neutral SQL expression canonicalizer for the text of CHECK bodies, index
// expressions, partial-index predicates and generated columns. Dialects build their
// NormalizeExpression on it: the same expression spelled with different whitespace, keyword
// case or redundant outer parentheses gets the same canonical text, and that text is still
// valid SQL (renderers put it back into DDL).
//
// Canonical form:
//  - comments removed, tokens separated by single spaces where SQL needs or readers expect
//    them: "a = b", "f(x, y)", "x in (1, 2)", "t.c", "x::text", "-1";
//  - unquoted words (keywords, identifiers, function names) lower-cased; string literals and
//    quoted identifiers kept byte for byte, except that a quoted identifier that reads the same
//    unquoted (lower-case letters, digits, underscore) loses its quotes when
//    `unquote_simple_identifiers` is set;
//  - parentheses that wrap the whole expression removed, repeatedly.
#ifndef SCHEMADIFF_CATALOG_SQL_TEXT_H_
#define SCHEMADIFF_CATALOG_SQL_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace schemadiff {

// How a dialect quotes. The defaults are standard SQL (PostgreSQL, SQLite).
struct SqlTextOptions {
  std::string string_quotes = "'";       // characters that delimit string literals
  std::string identifier_quotes = "\"";  // characters that delimit quoted identifiers; '['
                                         // closes with ']'
  bool backslash_escapes = false;        // MySQL: backslash escapes a character in strings
  bool unquote_simple_identifiers = true;
};

enum class SqlTokenKind {
  kWord,              // keyword, identifier or function name (lower-cased)
  kQuotedIdentifier,  // with its quotes
  kString,            // with its quotes and any prefix glued to it (e'..', x'..', _utf8mb4'..')
  kNumber,
  kOperator,     // = <> <= || :: -> + - * / ...
  kPunctuation,  // ( ) [ ] , . ;
};

struct SqlToken {
  SqlTokenKind kind;
  std::string text;
  friend bool operator==(const SqlToken&, const SqlToken&) = default;
};

// Splits `sql` into canonical tokens (comments dropped, words lower-cased). Never fails: an
// unterminated quote takes the rest of the text as its token.
std::vector<SqlToken> TokenizeSql(std::string_view sql, const SqlTextOptions& options = {});

// Removes parentheses that enclose the whole token list, as often as they do.
std::vector<SqlToken> StripOuterParens(std::vector<SqlToken> tokens);

// Joins tokens with the canonical spacing.
std::string JoinSqlTokens(const std::vector<SqlToken>& tokens);

// JoinSqlTokens(StripOuterParens(TokenizeSql(sql, options))).
std::string CanonicalSql(std::string_view sql, const SqlTextOptions& options = {});

// `text` with every run of whitespace made one space and both ends trimmed (the fallback
// spelling of SQL that does not tokenize, and one-line error messages).
std::string CollapseWhitespace(std::string_view text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_SQL_TEXT_H_
