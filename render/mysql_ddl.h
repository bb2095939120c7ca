// MySQL DDL fragments: full column definitions, index and constraint definitions, CREATE TABLE.
#ifndef SCHEMADIFF_RENDER_MYSQL_DDL_H_
#define SCHEMADIFF_RENDER_MYSQL_DDL_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/ops.h"

namespace schemadiff {

// `name` or `schema`.`name` (a MySQL schema is a database).
std::string MysqlTableName(const Dialect& dialect, std::string_view schema, std::string_view name);

// The whole definition of a column, as ADD COLUMN / MODIFY COLUMN / CREATE TABLE need it:
// name, type, charset or collation, GENERATED ... AS, NULL / NOT NULL, DEFAULT, ON UPDATE,
// AUTO_INCREMENT, COMMENT. A MODIFY that leaves one out drops it, so nothing is optional here.
std::string MysqlColumnDefinition(const Dialect& dialect, const Column& column);

// "[UNIQUE |FULLTEXT |SPATIAL ]INDEX `name` (`a`(10), `b` DESC)" (no name when unnamed).
std::string MysqlIndexDefinition(const Dialect& dialect, const Index& index);

// PRIMARY KEY (...), UNIQUE INDEX `n` (...), CONSTRAINT `n` CHECK (...) or CONSTRAINT `n`
// FOREIGN KEY (...) REFERENCES ... ON DELETE ... ON UPDATE ...
std::string MysqlConstraintDefinition(const Dialect& dialect, const Constraint& constraint);

// The clause that drops `constraint` (DROP PRIMARY KEY, DROP INDEX, DROP CONSTRAINT, DROP
// FOREIGN KEY); an error for an unnamed one, which MySQL cannot address.
absl::StatusOr<std::string> MysqlDropConstraintClause(const Dialect& dialect,
                                                      const Constraint& constraint);

// Table options as CREATE / ALTER TABLE write them: ENGINE=..., DEFAULT CHARSET=...,
// COLLATE=..., COMMENT='...' (options and comment in that order; "" when none).
std::string MysqlTableOptions(const Dialect& dialect,
                              const std::map<std::string, std::string>& options,
                              const std::optional<std::string>& comment);

// The ALTER TABLE clauses that change table options from `from` to `to`: ENGINE = ... (the
// server's usual default, InnoDB, when `to` names none), and CONVERT TO CHARACTER SET ...
// [COLLATE ...] when the charset or collation changes, since the table's columns follow its
// character set unless they name their own (DEFAULT when `to` names neither).
std::vector<std::string> MysqlTableOptionClauses(const std::map<std::string, std::string>& from,
                                                 const std::map<std::string, std::string>& to);

// CREATE TABLE with columns, keys, checks, foreign keys, indexes and table options.
std::string MysqlCreateTable(const Dialect& dialect, const Table& table);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_MYSQL_DDL_H_
