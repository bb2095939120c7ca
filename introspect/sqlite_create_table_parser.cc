#include "introspect/sqlite_create_table_parser.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "catalog/sqlite_lexer.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/sqlite_token_cursor.h"

namespace schemadiff {
namespace {

absl::Status Malformed(std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("malformed CREATE TABLE: ", Absl(what)));
}

// Words that start a column constraint and so end a column's type name.
bool StartsColumnConstraint(const SqliteTokenCursor& cursor) {
  for (std::string_view word : {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
                                "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"}) {
    if (cursor.PeekWord(word)) return true;
  }
  return false;
}

// True at the start of a table constraint.
bool StartsTableConstraint(const SqliteTokenCursor& cursor) {
  for (std::string_view word : {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"}) {
    if (cursor.PeekWord(word)) return true;
  }
  return false;
}

// Skips an optional ON CONFLICT <resolution> clause.
void SkipConflictClause(SqliteTokenCursor& cursor) {
  if (cursor.PeekWord("ON")) {
    cursor.Advance();
    cursor.ConsumeWord("CONFLICT");
    if (!cursor.AtEnd()) cursor.Advance();
  }
}

// Reads "( name [COLLATE x] [ASC|DESC] [AUTOINCREMENT], ... )"; sets *autoincrement when an
// element carries AUTOINCREMENT (SQLite accepts it inside a table-level PRIMARY KEY).
absl::StatusOr<std::vector<std::string>> ReadColumnList(SqliteTokenCursor& cursor,
                                                        bool* autoincrement) {
  std::vector<std::string> columns;
  if (!cursor.ConsumePunct("(")) return Malformed("expected a column list");
  while (true) {
    std::optional<std::string> name = cursor.ReadName();
    if (!name.has_value()) return Malformed("expected a column name");
    columns.push_back(*std::move(name));
    while (!cursor.AtEnd() && !cursor.PeekPunct(",") && !cursor.PeekPunct(")")) {
      if (cursor.PeekWord("AUTOINCREMENT") && autoincrement != nullptr) *autoincrement = true;
      if (cursor.PeekPunct("(")) {
        if (!cursor.ReadParenthesized().has_value()) return Malformed("unbalanced parentheses");
      } else {
        cursor.Advance();
      }
    }
    if (cursor.ConsumePunct(")")) return columns;
    if (!cursor.ConsumePunct(",")) return Malformed("unterminated column list");
  }
}

// Reads "REFERENCES table [(cols)] [ON DELETE|UPDATE action | MATCH name]* [[NOT] DEFERRABLE
// [INITIALLY DEFERRED|IMMEDIATE]]" after the REFERENCES keyword was consumed.
absl::Status ReadReferences(SqliteTokenCursor& cursor, SqliteForeignKeyDef* fk) {
  std::optional<std::string> table = cursor.ReadName();
  if (!table.has_value()) return Malformed("expected a referenced table");
  fk->referred_table = *std::move(table);
  if (cursor.PeekPunct("(")) {
    ASSIGN_OR_RETURN(fk->referred_columns, ReadColumnList(cursor, nullptr));
  }
  while (!cursor.AtEnd()) {
    if (cursor.ConsumeWord("ON")) {
      cursor.Advance();  // DELETE / UPDATE (actions come from PRAGMA foreign_key_list)
      if (cursor.ConsumeWord("SET")) {
        cursor.Advance();  // NULL / DEFAULT
      } else if (cursor.ConsumeWord("NO")) {
        cursor.ConsumeWord("ACTION");
      } else if (!cursor.AtEnd()) {
        cursor.Advance();  // CASCADE / RESTRICT
      }
    } else if (cursor.ConsumeWord("MATCH")) {
      std::optional<std::string> match = cursor.ReadName();
      if (!match.has_value()) return Malformed("expected a MATCH name");
      fk->match = *std::move(match);
    } else if (cursor.PeekWord("DEFERRABLE") ||
               (cursor.PeekWord("NOT") && cursor.PeekWordAt(1, "DEFERRABLE"))) {
      const bool negated = cursor.ConsumeWord("NOT");
      cursor.ConsumeWord("DEFERRABLE");
      fk->deferrable = !negated;
      if (cursor.ConsumeWord("INITIALLY")) {
        fk->initially_deferred = !negated && cursor.PeekWord("DEFERRED");
        if (!cursor.AtEnd()) cursor.Advance();
      }
    } else {
      break;
    }
  }
  return absl::OkStatus();
}

// Reads "name [type] [column-constraint]*".
absl::Status ReadColumnDef(SqliteTokenCursor& cursor, SqliteCreateTable* table) {
  SqliteColumnDef column;
  std::optional<std::string> name = cursor.ReadName();
  if (!name.has_value()) return Malformed("expected a column name");
  column.name = *std::move(name);
  // The type name: words and an optional parenthesized size, up to the first constraint.
  while (!cursor.AtEnd() && !cursor.PeekPunct(",") && !cursor.PeekPunct(")") &&
         !StartsColumnConstraint(cursor)) {
    if (cursor.PeekPunct("(")) {
      if (!cursor.ReadParenthesized().has_value()) return Malformed("unbalanced type");
    } else {
      cursor.Advance();
    }
  }
  std::string constraint_name;
  while (!cursor.AtEnd() && !cursor.PeekPunct(",") && !cursor.PeekPunct(")")) {
    if (cursor.ConsumeWord("CONSTRAINT")) {
      std::optional<std::string> n = cursor.ReadName();
      if (!n.has_value()) return Malformed("expected a constraint name");
      constraint_name = *std::move(n);
      continue;
    }
    std::string pending = std::exchange(constraint_name, "");
    if (cursor.ConsumeWord("PRIMARY")) {
      cursor.ConsumeWord("KEY");
      if (!cursor.ConsumeWord("ASC")) cursor.ConsumeWord("DESC");
      SkipConflictClause(cursor);
      if (cursor.ConsumeWord("AUTOINCREMENT")) column.autoincrement = true;
      table->primary_key = SqliteKeyDef{std::move(pending), {column.name}};
    } else if (cursor.ConsumeWord("NOT")) {
      cursor.ConsumeWord("NULL");
      SkipConflictClause(cursor);
    } else if (cursor.ConsumeWord("NULL")) {
      SkipConflictClause(cursor);
    } else if (cursor.ConsumeWord("UNIQUE")) {
      SkipConflictClause(cursor);
      table->uniques.push_back(SqliteKeyDef{std::move(pending), {column.name}});
    } else if (cursor.ConsumeWord("CHECK")) {
      std::optional<std::string> body = cursor.ReadParenthesized();
      if (!body.has_value()) return Malformed("expected CHECK (expression)");
      table->checks.push_back(SqliteCheckDef{std::move(pending), *std::move(body)});
    } else if (cursor.ConsumeWord("DEFAULT")) {
      if (cursor.PeekPunct("(")) {
        if (!cursor.ReadParenthesized().has_value()) return Malformed("unbalanced DEFAULT");
      } else {
        if (cursor.PeekPunct("-") || cursor.PeekPunct("+")) cursor.Advance();
        if (!cursor.AtEnd()) cursor.Advance();
      }
    } else if (cursor.ConsumeWord("COLLATE")) {
      std::optional<std::string> collation = cursor.ReadName();
      if (!collation.has_value()) return Malformed("expected a collation name");
      column.collation = *std::move(collation);
    } else if (cursor.ConsumeWord("REFERENCES")) {
      SqliteForeignKeyDef fk;
      fk.name = std::move(pending);
      fk.columns = {column.name};
      RETURN_IF_ERROR(ReadReferences(cursor, &fk));
      table->foreign_keys.push_back(std::move(fk));
    } else if (cursor.PeekWord("GENERATED") || cursor.PeekWord("AS")) {
      if (cursor.ConsumeWord("GENERATED")) cursor.ConsumeWord("ALWAYS");
      cursor.ConsumeWord("AS");
      std::optional<std::string> expression = cursor.ReadParenthesized();
      if (!expression.has_value()) return Malformed("expected AS (expression)");
      column.generated_expression = *std::move(expression);
      if (!cursor.ConsumeWord("STORED")) cursor.ConsumeWord("VIRTUAL");
    } else {
      return Malformed(
          absl::StrCat("unexpected '", cursor.Peek().value, "' in column '", column.name, "'"));
    }
  }
  table->columns.push_back(std::move(column));
  return absl::OkStatus();
}

absl::Status ReadTableConstraint(SqliteTokenCursor& cursor, SqliteCreateTable* table) {
  std::string name;
  if (cursor.ConsumeWord("CONSTRAINT")) {
    std::optional<std::string> n = cursor.ReadName();
    if (!n.has_value()) return Malformed("expected a constraint name");
    name = *std::move(n);
  }
  if (cursor.ConsumeWord("PRIMARY")) {
    cursor.ConsumeWord("KEY");
    bool autoincrement = false;
    ASSIGN_OR_RETURN(std::vector<std::string> columns, ReadColumnList(cursor, &autoincrement));
    if (autoincrement && columns.size() == 1) {
      for (SqliteColumnDef& column : table->columns) {
        if (absl::EqualsIgnoreCase(Absl(column.name), Absl(columns[0])))
          column.autoincrement = true;
      }
    }
    table->primary_key = SqliteKeyDef{std::move(name), std::move(columns)};
    SkipConflictClause(cursor);
  } else if (cursor.ConsumeWord("UNIQUE")) {
    ASSIGN_OR_RETURN(std::vector<std::string> columns, ReadColumnList(cursor, nullptr));
    table->uniques.push_back(SqliteKeyDef{std::move(name), std::move(columns)});
    SkipConflictClause(cursor);
  } else if (cursor.ConsumeWord("CHECK")) {
    std::optional<std::string> body = cursor.ReadParenthesized();
    if (!body.has_value()) return Malformed("expected CHECK (expression)");
    table->checks.push_back(SqliteCheckDef{std::move(name), *std::move(body)});
  } else if (cursor.ConsumeWord("FOREIGN")) {
    cursor.ConsumeWord("KEY");
    SqliteForeignKeyDef fk;
    fk.name = std::move(name);
    ASSIGN_OR_RETURN(fk.columns, ReadColumnList(cursor, nullptr));
    if (!cursor.ConsumeWord("REFERENCES")) return Malformed("expected REFERENCES");
    RETURN_IF_ERROR(ReadReferences(cursor, &fk));
    table->foreign_keys.push_back(std::move(fk));
  } else {
    return Malformed("expected a table constraint");
  }
  if (!cursor.PeekPunct(",") && !cursor.PeekPunct(")")) {
    return Malformed(absl::StrCat("unexpected '", cursor.AtEnd() ? "" : cursor.Peek().value,
                                  "' after a table constraint"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SqliteCreateTable> ParseSqliteCreateTable(std::string_view sql) {
  ASSIGN_OR_RETURN(std::vector<SqliteToken> tokens, TokenizeSqlite(sql));
  SqliteTokenCursor cursor(sql, std::move(tokens));
  SqliteCreateTable table;
  if (!cursor.ConsumeWord("CREATE")) return Malformed("expected CREATE");
  if (!cursor.ConsumeWord("TEMP")) cursor.ConsumeWord("TEMPORARY");
  if (!cursor.ConsumeWord("TABLE")) return Malformed("expected TABLE");
  if (cursor.ConsumeWord("IF")) {
    cursor.ConsumeWord("NOT");
    cursor.ConsumeWord("EXISTS");
  }
  if (!cursor.ReadQualifiedName().has_value()) return Malformed("expected a table name");
  if (cursor.PeekWord("AS")) return table;  // CREATE TABLE ... AS SELECT: no constraints
  if (!cursor.ConsumePunct("(")) return Malformed("expected '('");
  while (true) {
    if (StartsTableConstraint(cursor)) {
      RETURN_IF_ERROR(ReadTableConstraint(cursor, &table));
    } else {
      RETURN_IF_ERROR(ReadColumnDef(cursor, &table));
    }
    if (cursor.ConsumePunct(")")) break;
    if (!cursor.ConsumePunct(",")) return Malformed("unterminated definition list");
  }
  // Table options: WITHOUT ROWID, STRICT, separated by commas.
  while (!cursor.AtEnd()) {
    if (cursor.ConsumeWord("WITHOUT")) {
      cursor.ConsumeWord("ROWID");
      table.without_rowid = true;
    } else if (cursor.ConsumeWord("STRICT")) {
      table.strict = true;
    } else if (!cursor.ConsumePunct(",") && !cursor.ConsumePunct(";")) {
      return Malformed(absl::StrCat("unexpected '", cursor.Peek().value, "' after ')'"));
    }
  }
  return table;
}

}  // namespace schemadiff
