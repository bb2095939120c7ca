// A tokenizer for PostgreSQL's SQL, shared by the PostgreSQL dialect (type names, defaults,
// expression canonicalization) and the PostgreSQL introspector.
#ifndef SCHEMADIFF_CATALOG_POSTGRES_LEXER_H_
#define SCHEMADIFF_CATALOG_POSTGRES_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace schemadiff {

// What a token is.
enum class PgTokenKind {
  kWord,         // a bare identifier or keyword: value is its text, lower-cased (PG folds it)
  kQuotedIdent,  // "x": value is the unquoted, unescaped name (case kept)
  kString,       // 'x', E'x', $$x$$: value is the unescaped content
  kBitString,    // B'0101' or X'1f': value is the literal as written (prefix upper-cased)
  kNumber,       // 12, 1.5e3, .5: value is the text
  kParam,        // $1: value is the text
  kOperator,     // + - * / < > = ~ ! @ # % ^ & | ` ? and combinations: value is the operator
  kPunct,        // ( ) [ ] , ; : :: .
};

// One token of SQL text.
struct PgToken {
  PgTokenKind kind;
  std::string value;

  // True for a bare word equal to `word` (lower-case).
  bool IsWord(std::string_view word) const { return kind == PgTokenKind::kWord && value == word; }
  // True for punctuation `p`.
  bool IsPunct(std::string_view p) const { return kind == PgTokenKind::kPunct && value == p; }
  // True for operator `op`.
  bool IsOperator(std::string_view op) const {
    return kind == PgTokenKind::kOperator && value == op;
  }
};

// Splits `sql` into tokens, dropping whitespace and comments. An error for unterminated
// literals, quoted identifiers or comments.
absl::StatusOr<std::vector<PgToken>> TokenizePostgres(std::string_view sql);

// PostgreSQL's keyword categories that restrict where a word may stand unquoted
// (pg_get_keywords().catcode C, T and R).
enum class PgKeyword { kNone, kColumnName, kTypeFunctionName, kReserved };

// The category of `word` (lower-case); kNone for non-keywords and unreserved keywords.
PgKeyword PostgresKeywordCategory(std::string_view word);

// True when `name` needs double quotes: anything but a lower-case identifier that is not a
// keyword (quote_ident's rule).
bool PostgresNeedsQuotes(std::string_view name);

// `name` in double quotes when it needs them.
std::string QuotePostgresIdentifier(std::string_view name);

// A string literal: 'text' with quotes doubled, or E'...' when it holds control characters.
std::string QuotePostgresString(std::string_view value);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_POSTGRES_LEXER_H_
