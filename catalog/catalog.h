// The normalized, dialect-neutral schema model. Plain values; objects refer to each other by
// name, never by pointer.
#ifndef SCHEMADIFF_CATALOG_CATALOG_H_
#define SCHEMADIFF_CATALOG_CATALOG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/default_expr.h"
#include "catalog/type.h"

namespace schemadiff {

class Dialect;  // catalog/dialect.h

// Where a constraint or index name came from. Names produced by the naming convention are
// rendered as op.f('name') in Alembic output.
enum class NameOrigin {
  kExplicit,    // written by the user or read from a database
  kConvention,  // produced by the target's naming_convention
};

// GENERATED ... AS IDENTITY.
struct Identity {
  bool always = false;  // ALWAYS vs BY DEFAULT
  std::optional<long long> start;
  std::optional<long long> increment;
  friend bool operator==(const Identity&, const Identity&) = default;
};

// GENERATED ALWAYS AS (expr) [STORED | VIRTUAL].
struct Generated {
  std::string expression;  // canonical expression text
  bool stored = true;
  friend bool operator==(const Generated&, const Generated&) = default;
};

// One column of a table.
struct Column {
  std::string name;
  DataType type;
  bool nullable = true;
  std::optional<DefaultExpr> server_default;
  bool autoincrement = false;  // SERIAL / AUTO_INCREMENT / SQLite AUTOINCREMENT
  std::optional<Identity> identity;
  std::optional<Generated> generated;
  std::optional<std::string> comment;
  std::string collation;                  // empty: the table's / database's default
  std::string charset;                    // MySQL, empty: the table's default
  std::string on_update;                  // MySQL ON UPDATE expression, e.g. "CURRENT_TIMESTAMP"
  std::vector<std::string> renamed_from;  // YAML hints: former names, most recent first
  friend bool operator==(const Column&, const Column&) = default;
};

// One key of an index: a column or an expression.
struct IndexElement {
  std::string column;      // set for a plain column
  std::string expression;  // set for an expression key (canonical text)
  bool descending = false;
  std::string nulls;    // "", "first" or "last"
  std::string opclass;  // PostgreSQL operator class
  std::string collation;
  std::optional<int> prefix_length;  // MySQL prefix index length
  friend bool operator==(const IndexElement&, const IndexElement&) = default;
};

// A secondary index (not the one backing a primary key or unique constraint).
struct Index {
  std::string name;
  NameOrigin name_origin = NameOrigin::kExplicit;
  std::vector<IndexElement> elements;
  bool unique = false;
  std::string where;   // partial index predicate (canonical text)
  std::string method;  // "" = dialect default (btree); gin, gist, hash, fulltext, spatial...
  std::vector<std::string> include;  // INCLUDE columns
  bool nulls_not_distinct = false;
  friend bool operator==(const Index&, const Index&) = default;
};

// PRIMARY KEY.
struct PrimaryKey {
  std::string name;  // empty when unnamed / dialect-implied
  NameOrigin name_origin = NameOrigin::kExplicit;
  std::vector<std::string> columns;
  friend bool operator==(const PrimaryKey&, const PrimaryKey&) = default;
};

// UNIQUE constraint.
struct UniqueConstraint {
  std::string name;
  NameOrigin name_origin = NameOrigin::kExplicit;
  std::vector<std::string> columns;
  bool nulls_not_distinct = false;
  bool deferrable = false;
  bool initially_deferred = false;
  friend bool operator==(const UniqueConstraint&, const UniqueConstraint&) = default;
};

// FOREIGN KEY.
struct ForeignKey {
  std::string name;
  NameOrigin name_origin = NameOrigin::kExplicit;
  std::vector<std::string> columns;
  std::string referred_schema;  // empty: same schema as the table
  std::string referred_table;
  std::vector<std::string> referred_columns;
  std::string on_delete;  // "" (NO ACTION), "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"
  std::string on_update;
  std::string match;  // "" (SIMPLE), "FULL", "PARTIAL"
  bool deferrable = false;
  bool initially_deferred = false;
  bool not_valid = false;
  friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

// CHECK constraint.
struct CheckConstraint {
  std::string name;
  NameOrigin name_origin = NameOrigin::kExplicit;
  std::string expression;  // canonical text, without the surrounding CHECK ( )
  bool not_valid = false;
  friend bool operator==(const CheckConstraint&, const CheckConstraint&) = default;
};

// A trigger, kept as its SQL text. Triggers are not diffed: they ride along with their table, so
// that a SQLite table rebuild (which drops the old table and its triggers) re-creates them.
struct Trigger {
  std::string name;
  std::string sql;  // the whole CREATE TRIGGER statement, as the database stores it
  friend bool operator==(const Trigger&, const Trigger&) = default;
};

// A table and everything that belongs to it.
struct Table {
  std::string schema;  // empty: the default schema
  std::string name;
  std::vector<Column> columns;
  std::optional<PrimaryKey> primary_key;
  std::vector<UniqueConstraint> uniques;
  std::vector<Index> indexes;
  std::vector<ForeignKey> foreign_keys;
  std::vector<CheckConstraint> checks;
  std::optional<std::string> comment;
  std::map<std::string, std::string> options;  // dialect table options: engine, charset, ...
  std::vector<std::string> renamed_from;       // YAML hints: former names
  std::vector<Trigger> triggers;  // triggers on this table (read from SQLite), not diffed
  friend bool operator==(const Table&, const Table&) = default;
};

// A named enum type (PostgreSQL CREATE TYPE ... AS ENUM). Inline enums (MySQL, SQLite CHECK)
// live on the column's DataType instead.
struct Enum {
  std::string schema;
  std::string name;
  std::vector<std::string> values;  // in order
  // YAML hints: value renames, former value -> new value.
  std::map<std::string, std::string> renamed_values;
  friend bool operator==(const Enum&, const Enum&) = default;
};

// Alembic-style naming convention: keys "ix", "uq", "ck", "fk", "pk" (and user token keys) to
// templates such as "uq_%(table_name)s_%(column_0_name)s".
using NamingConvention = std::map<std::string, std::string>;

// A whole schema as seen by one source.
struct Catalog {
  std::string dialect;  // "sqlite", "postgresql", "mysql"; empty for a dialect-free YAML file
  std::vector<Table> tables;
  std::vector<Enum> enums;
  NamingConvention naming_convention;
  friend bool operator==(const Catalog&, const Catalog&) = default;
};

// Lookups by name; nullptr when absent.
const Table* FindTable(const Catalog& catalog, std::string_view schema, std::string_view name);
Table* FindTable(Catalog& catalog, std::string_view schema, std::string_view name);
const Column* FindColumn(const Table& table, std::string_view name);
Column* FindColumn(Table& table, std::string_view name);
const Enum* FindEnum(const Catalog& catalog, std::string_view schema, std::string_view name);

// The schema the foreign key `fk` of a table in `table_schema` refers to, spelled as tables spell
// schemas: the table's own schema when the key names none, and "" (the default schema) when it
// names the dialect's default schema (Dialect::DefaultSchemaName) from another schema.
const std::string& ReferredSchema(const Dialect& dialect, const std::string& table_schema,
                                  const ForeignKey& fk);
// ReferredSchema for a dialect whose default schema is named `default_schema` ("" for none).
const std::string& ReferredSchema(std::string_view default_schema, const std::string& table_schema,
                                  const ForeignKey& fk);
// The default schema name of the dialect `catalog.dialect` names ("" for none or an unknown one).
std::string_view DefaultSchemaOf(const Catalog& catalog);

// "schema.name" or "name" for messages.
std::string QualifiedName(std::string_view schema, std::string_view name);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_CATALOG_H_
