// Reads a stored CREATE INDEX statement: uniqueness, keys (columns or expressions, with
// COLLATE and ASC/DESC) and the partial-index predicate.
#ifndef SCHEMADIFF_INTROSPECT_SQLITE_CREATE_INDEX_PARSER_H_
#define SCHEMADIFF_INTROSPECT_SQLITE_CREATE_INDEX_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace schemadiff {

// One key of the index, as written.
struct SqliteIndexKeyDef {
  std::string expression;  // source text of the key without COLLATE / ASC / DESC
  std::string name;        // the name when the key is a single name token, else ""
  std::string collation;   // explicit COLLATE name, "" when absent
  bool descending = false;
};

// The parts of a CREATE INDEX statement the introspector needs.
struct SqliteCreateIndex {
  bool unique = false;
  std::vector<SqliteIndexKeyDef> keys;
  std::string where;  // source text of the WHERE predicate, "" when not partial
};

// Parses `sql` (as stored in sqlite_schema.sql).
absl::StatusOr<SqliteCreateIndex> ParseSqliteCreateIndex(std::string_view sql);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_SQLITE_CREATE_INDEX_PARSER_H_
