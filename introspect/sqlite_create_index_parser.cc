#include "introspect/sqlite_create_index_parser.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "catalog/sqlite_lexer.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/sqlite_token_cursor.h"

namespace schemadiff {
namespace {

absl::Status Malformed(std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("malformed CREATE INDEX: ", Absl(what)));
}

// Reads one key up to the "," or ")" that ends it.
absl::StatusOr<SqliteIndexKeyDef> ReadKey(SqliteTokenCursor& cursor) {
  SqliteIndexKeyDef key;
  const size_t first = cursor.position();
  std::optional<size_t> expression_end;
  while (!cursor.AtEnd() && !cursor.PeekPunct(",") && !cursor.PeekPunct(")")) {
    if (cursor.PeekPunct("(")) {
      if (!cursor.ReadParenthesized().has_value()) return Malformed("unbalanced parentheses");
      continue;
    }
    if (cursor.PeekWord("COLLATE") || cursor.PeekWord("ASC") || cursor.PeekWord("DESC")) {
      if (!expression_end.has_value()) expression_end = cursor.position();
      if (cursor.ConsumeWord("COLLATE")) {
        std::optional<std::string> collation = cursor.ReadName();
        if (!collation.has_value()) return Malformed("expected a collation name");
        key.collation = *std::move(collation);
      } else {
        key.descending = cursor.PeekWord("DESC");
        cursor.Advance();
      }
      continue;
    }
    if (expression_end.has_value()) return Malformed("unexpected text after a key's order");
    cursor.Advance();
  }
  const size_t end = expression_end.value_or(cursor.position());
  key.expression = cursor.TextOfRange(first, end);
  if (end == first + 1 && IsNameToken(cursor.TokenAt(first)))
    key.name = cursor.TokenAt(first).value;
  if (key.expression.empty()) return Malformed("empty index key");
  return key;
}

}  // namespace

absl::StatusOr<SqliteCreateIndex> ParseSqliteCreateIndex(std::string_view sql) {
  ASSIGN_OR_RETURN(std::vector<SqliteToken> tokens, TokenizeSqlite(sql));
  SqliteTokenCursor cursor(sql, std::move(tokens));
  if (!cursor.ConsumeWord("CREATE")) return Malformed("expected CREATE");
  SqliteCreateIndex index;
  index.unique = cursor.ConsumeWord("UNIQUE");
  if (!cursor.ConsumeWord("INDEX")) return Malformed("expected INDEX");
  if (cursor.ConsumeWord("IF")) {
    cursor.ConsumeWord("NOT");
    cursor.ConsumeWord("EXISTS");
  }
  if (!cursor.ReadQualifiedName().has_value()) return Malformed("expected an index name");
  if (!cursor.ConsumeWord("ON")) return Malformed("expected ON");
  if (!cursor.ReadName().has_value()) return Malformed("expected a table name");
  if (!cursor.ConsumePunct("(")) return Malformed("expected '('");
  while (true) {
    ASSIGN_OR_RETURN(SqliteIndexKeyDef key, ReadKey(cursor));
    index.keys.push_back(std::move(key));
    if (cursor.ConsumePunct(")")) break;
    if (!cursor.ConsumePunct(",")) return Malformed("unterminated key list");
  }
  if (cursor.ConsumeWord("WHERE")) {
    const size_t first = cursor.position();
    size_t end = first;
    while (!cursor.AtEnd() && !cursor.PeekPunct(";")) {
      cursor.Advance();
      end = cursor.position();
    }
    index.where = cursor.TextOfRange(first, end);
    if (index.where.empty()) return Malformed("empty WHERE");
  }
  cursor.ConsumePunct(";");
  if (!cursor.AtEnd()) return Malformed(absl::StrCat("unexpected '", cursor.Peek().value, "'"));
  return index;
}

}  // namespace schemadiff
