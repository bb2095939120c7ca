// A tokenizer for MySQL/MariaDB SQL text, and the canonical spelling of expressions built on it
// (CHECK bodies, generated columns, expression defaults, index expressions).
#ifndef SCHEMADIFF_CATALOG_MYSQL_LEXER_H_
#define SCHEMADIFF_CATALOG_MYSQL_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace schemadiff {

// What a token is.
enum class MysqlTokenKind {
  kWord,         // a bare identifier or keyword: value is its text
  kQuotedIdent,  // `x`: value is the unquoted, unescaped name
  kString,       // 'x' or "x" (charset introducer dropped): value is the unescaped content
  kHexOrBit,     // x'00ff', 0x1F, b'101', 0b101: value is the text, lower-cased
  kNumber,       // 12, 1.5e3, .5: value is the text
  kVariable,     // @name, @@name, ?: value is the text
  kPunct,        // operators and punctuation: value is the operator ("(", ",", ">=", "<=>"...)
};

// One token of SQL text.
struct MysqlToken {
  MysqlTokenKind kind;
  std::string value;

  // True for a bare word equal to `word`, ignoring ASCII case.
  bool IsWord(std::string_view word) const;
  // True for punctuation `op`.
  bool IsPunct(std::string_view op) const;
};

// Splits `sql` into tokens, dropping whitespace and comments (--, #, /* */). Backslash escapes
// in strings are decoded as MySQL does by default. An error for unterminated literals, quoted
// identifiers or comments.
absl::StatusOr<std::vector<MysqlToken>> TokenizeMysql(std::string_view sql);

// The canonical text of a MySQL expression, so that what a user writes and what MariaDB or
// MySQL report compare equal: identifiers lower-cased (column names are case-insensitive) and
// back-quoted only when IsBareMysqlIdentifier says they must be, keywords and function names
// lower-cased, strings single-quoted without charset introducers, `!=` as `<>`, `&&`/`||` as
// and/or, TRUE/FALSE as 1/0, now() and its synonyms as current_timestamp(), one space between
// tokens except inside calls and lists, parentheses around the whole expression removed. Text that
// does not tokenize is returned with its whitespace collapsed.
std::string CanonicalMysqlExpression(std::string_view sql);

// True when the lower-case identifier `name` reads back as itself without quotes in a
// canonical expression: letters, digits and '_', not a reserved word of MySQL 8 or MariaDB, not
// a keyword, interval unit or niladic function of expressions.
bool IsBareMysqlIdentifier(std::string_view name);

// `value` as a single-quoted MySQL string literal: quotes doubled, backslashes and NULs escaped.
std::string QuoteMysqlString(std::string_view value);

// `name` back-quoted, back-quotes doubled (safe for any name).
std::string QuoteMysqlIdentifier(std::string_view name);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_MYSQL_LEXER_H_
