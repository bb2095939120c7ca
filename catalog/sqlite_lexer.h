// A tokenizer for SQLite's SQL dialect, shared by the SQLite dialect (expression normalization)
// and the SQLite introspector (CREATE TABLE parsing).
#ifndef SCHEMADIFF_CATALOG_SQLITE_LEXER_H_
#define SCHEMADIFF_CATALOG_SQLITE_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace schemadiff {

// What a token is.
enum class SqliteTokenKind {
  kWord,         // a bare identifier or keyword: value is its text
  kQuotedIdent,  // "x", `x` or [x]: value is the unquoted, unescaped name
  kString,       // 'x': value is the unescaped content
  kBlob,         // X'00ff': value is the hex digits
  kNumber,       // 12, 1.5e3, 0x1F, .5: value is the text
  kVariable,     // ?, ?1, :name, @name, $name: value is the text
  kPunct,        // operators and punctuation: value is the operator ("(", ",", ">=", "||"...)
};

// One token of SQL text.
struct SqliteToken {
  SqliteTokenKind kind;
  std::string value;
  size_t begin = 0;  // byte offset of the token's first character in the source
  size_t end = 0;    // byte offset one past its last character

  // True for a bare word equal to `word`, ignoring ASCII case.
  bool IsWord(std::string_view word) const;
  // True for punctuation `op`.
  bool IsPunct(std::string_view op) const;
};

// Splits `sql` into tokens, dropping whitespace and comments. An error for unterminated
// literals, quoted identifiers or comments and for characters SQLite rejects.
absl::StatusOr<std::vector<SqliteToken>> TokenizeSqlite(std::string_view sql);

// True when `word` (any ASCII case) is one of SQLite's keywords.
bool IsSqliteKeyword(std::string_view word);

// True when `name` can be written without quotes: an ASCII identifier that is not a keyword.
bool IsBareSqliteIdentifier(std::string_view name);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_SQLITE_LEXER_H_
