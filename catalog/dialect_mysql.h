// The MySQL / MariaDB dialect, plus the MySQL-specific knowledge its introspector and renderers
// share (catalog default spellings, ON UPDATE, character sets, the table's canonical form).
#ifndef SCHEMADIFF_CATALOG_DIALECT_MYSQL_H_
#define SCHEMADIFF_CATALOG_DIALECT_MYSQL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff {

// The MySQL / MariaDB dialect singleton.
const Dialect& MysqlDialect();

// Text size classes: DataType{kText}.length as TEXT(M) reads it (the smallest class that holds
// M bytes). No length is TEXT (64 KiB).
inline constexpr int kMysqlTinyTextLength = 255;
inline constexpr int kMysqlMediumTextLength = 16777215;
inline constexpr int kMysqlLongTextLength = 2147483647;  // LONGTEXT holds 4 GiB; int tops out

// Which server family reported a catalog value (they spell defaults differently).
enum class MysqlFlavor { kMariaDb, kMysql };

// The server default of `column` from information_schema.COLUMNS: COLUMN_DEFAULT (nullopt for
// SQL NULL) and EXTRA. MariaDB quotes string literals, writes `NULL` for DEFAULT NULL and
// current_timestamp(); MySQL writes literals unquoted, SQL NULL for DEFAULT NULL, and marks
// expressions with DEFAULT_GENERATED. nullopt when the column has no default, or DEFAULT NULL on
// a nullable column (the same thing).
std::optional<DefaultExpr> ParseMysqlColumnDefault(const std::optional<std::string>& column_default,
                                                   std::string_view extra, const Column& column,
                                                   MysqlFlavor flavor);

// The canonical ON UPDATE expression: "CURRENT_TIMESTAMP" for current_timestamp(), now() and
// their synonyms at any precision (the precision is the column's), else the canonical
// expression; "" for none.
std::string NormalizeMysqlOnUpdate(std::string_view text);

// What follows ON UPDATE in DDL for `column` ("" when it has none): CURRENT_TIMESTAMP carries the
// column's fractional-seconds precision, as MySQL requires.
std::string RenderMysqlOnUpdate(const Column& column);

// Canonical character set / collation names: lower case, utf8 spelled utf8mb3 (its real name
// since MariaDB 10.6 and MySQL 8.0.30).
std::string NormalizeMysqlCharset(std::string_view charset);
std::string NormalizeMysqlCollation(std::string_view collation);

// The name of the index InnoDB creates for `fk` when no index of the table starts with its
// columns: the constraint's name, or the first column's name for a server-named constraint
// (`<table>_ibfk_<n>`).
std::string MysqlImplicitForeignKeyIndexName(const Table& table, const ForeignKey& fk);

// True when the primary key, a unique constraint or an index of `table` other than
// `except_index` starts with the columns of `fk` in order, so InnoDB needs no index of its own
// for it (and drops the one it made when such an index appears).
bool MysqlForeignKeyHasCoveringIndex(const Table& table, const ForeignKey& fk,
                                     std::string_view except_index = "");

// The indexes InnoDB needs back when `before` becomes `after`: for each foreign key both have,
// one over the key's columns named as MysqlImplicitForeignKeyIndexName, when an index of
// `before` served the key and none of `after` does (MySQL refuses to drop the last index a
// foreign key can use, and recreates none by itself).
std::vector<Index> MysqlForeignKeyIndexesToRecreate(const Table& before, const Table& after);

// Brings the structure of `table` into MySQL's canonical form, applied to introspected and YAML
// tables alike: a unique index over plain columns is a UNIQUE constraint (MySQL has no other
// kind), the primary key is unnamed (always PRIMARY), BTREE is the default index method,
// RESTRICT and NO ACTION are the same FK action and MATCH / DEFERRABLE do not exist, DEFAULT
// NULL on a nullable column is no default, JSON columns carry no charset (a collation implies
// its charset), ON UPDATE and charset names are canonical, and the index InnoDB keeps for a
// foreign key (named as MysqlImplicitForeignKeyIndexName, over exactly the key's columns) is
// not listed.
void NormalizeMysqlTable(Table* table);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_DIALECT_MYSQL_H_
