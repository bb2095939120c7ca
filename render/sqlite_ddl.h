// SQLite DDL text for catalog objects: CREATE TABLE, column definitions, CREATE INDEX.
#ifndef SCHEMADIFF_RENDER_SQLITE_DDL_H_
#define SCHEMADIFF_RENDER_SQLITE_DDL_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff {

// A table or index name, qualified with its schema (attached database) when it has one.
std::string SqliteQualified(const Dialect& dialect, std::string_view schema, std::string_view name);

// Whether the SQLite table option `key` (without_rowid, strict) is on: set to a value
// SqliteOptionValueOn accepts. Every SQLite renderer reads table options through this.
bool SqliteOptionOn(const Table& table, std::string_view key);

// Whether `table`'s primary key is an alias of the rowid: a rowid table whose primary key is a
// single column of type INTEGER.
bool SqliteHasRowidAlias(const Dialect& dialect, const Table& table);

// The column that carries an inline PRIMARY KEY AUTOINCREMENT, or nullptr. SQLite only accepts
// AUTOINCREMENT on a single-column INTEGER PRIMARY KEY written on the column.
const Column* SqliteAutoincrementKey(const Table& table);

// A column definition as written in CREATE TABLE and ALTER TABLE ADD COLUMN: name, type,
// COLLATE, NOT NULL, DEFAULT, GENERATED. Keys and constraints are not included.
std::string SqliteColumnDefinition(const Dialect& dialect, const Column& column);

// CREATE TABLE for `table`, named `name` (the table's own name, or a temporary name during a
// rebuild), with its columns, primary key, unique, check and foreign key constraints and
// SQLite table options. Indexes are separate statements. An error for values SQLite cannot
// express (unknown referential actions, ...).
absl::StatusOr<std::string> SqliteCreateTable(const Dialect& dialect, const Table& table,
                                              std::string_view name);

// CREATE [UNIQUE] INDEX for `index` of table `schema`.`table`; an error when the index has no
// name.
absl::StatusOr<std::string> SqliteCreateIndex(const Dialect& dialect, std::string_view schema,
                                              std::string_view table, const Index& index);

// The CREATE TRIGGER statement of `trigger` without a trailing ';' (the SQL writer adds it).
std::string SqliteCreateTrigger(const Trigger& trigger);

// DROP INDEX for `index` of the table in `schema`; an error when the index has no name.
absl::StatusOr<std::string> SqliteDropIndex(const Dialect& dialect, std::string_view schema,
                                            std::string_view index);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQLITE_DDL_H_
