// Reads what SQLite's pragmas do not report from a stored CREATE TABLE statement: constraint
// names, CHECK bodies, collations, AUTOINCREMENT, generated-column expressions and DEFERRABLE.
#ifndef SCHEMADIFF_INTROSPECT_SQLITE_CREATE_TABLE_PARSER_H_
#define SCHEMADIFF_INTROSPECT_SQLITE_CREATE_TABLE_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace schemadiff {

// One column definition.
struct SqliteColumnDef {
  std::string name;
  std::string collation;             // COLLATE name as written, "" when absent
  bool autoincrement = false;        // PRIMARY KEY ... AUTOINCREMENT
  std::string generated_expression;  // AS (expr) source text, "" when not generated
};

// A PRIMARY KEY or UNIQUE constraint (column or table level).
struct SqliteKeyDef {
  std::string name;  // CONSTRAINT name, "" when unnamed
  std::vector<std::string> columns;
};

// A FOREIGN KEY (table level) or REFERENCES clause (column level).
struct SqliteForeignKeyDef {
  std::string name;
  std::vector<std::string> columns;
  std::string referred_table;
  std::vector<std::string> referred_columns;  // empty: the referred table's primary key
  std::string match;  // MATCH name as written (SQLite parses it but does not enforce it)
  bool deferrable = false;
  bool initially_deferred = false;
};

// A CHECK constraint.
struct SqliteCheckDef {
  std::string name;
  std::string expression;  // source text between CHECK ( and )
};

// Everything read from one CREATE TABLE statement, in declaration order.
struct SqliteCreateTable {
  std::vector<SqliteColumnDef> columns;
  std::optional<SqliteKeyDef> primary_key;
  std::vector<SqliteKeyDef> uniques;
  std::vector<SqliteForeignKeyDef> foreign_keys;
  std::vector<SqliteCheckDef> checks;
  bool without_rowid = false;
  bool strict = false;
};

// Parses `sql` (as stored in sqlite_schema.sql). An error when it is not a CREATE TABLE
// statement SQLite could have accepted.
absl::StatusOr<SqliteCreateTable> ParseSqliteCreateTable(std::string_view sql);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_SQLITE_CREATE_TABLE_PARSER_H_
