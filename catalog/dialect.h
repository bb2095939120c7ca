// What schemadiff knows about one SQL dialect: type spellings, default spellings, quoting and
// capabilities. One implementation per dialect (catalog/dialect_<name>.cc), shared by that
// dialect's introspector and renderers.
#ifndef SCHEMADIFF_CATALOG_DIALECT_H_
#define SCHEMADIFF_CATALOG_DIALECT_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/sql_text.h"

namespace schemadiff {

// Things a dialect can or cannot do in DDL.
struct DialectCapabilities {
  bool transactional_ddl = false;  // DDL can be rolled back
  bool alter_column_type = false;  // change a column's type in place
  bool alter_column_nullability = false;
  bool alter_column_default = false;
  bool rename_column = false;
  bool rename_index = false;
  bool rename_constraint = false;
  bool add_drop_constraints = false;  // ALTER TABLE ADD/DROP CONSTRAINT
  bool drop_column = false;
  bool named_enum_types = false;       // CREATE TYPE ... AS ENUM
  bool comments = false;               // COMMENT ON / COMMENT '...'
  bool schemas = false;                // more than one schema per database
  int max_identifier_length = 9999;    // as SQLAlchemy's dialect has it (for naming convention)
  bool index_names_per_table = false;  // MySQL: index names are unique per table, not per schema
};

// Dialect behaviour. Implementations are stateless singletons.
class Dialect {
 public:
  virtual ~Dialect() = default;

  // "sqlite", "postgresql" or "mysql".
  virtual std::string_view name() const = 0;
  virtual const DialectCapabilities& capabilities() const = 0;
  // The server's name for the default schema, which catalogs spell "" (PostgreSQL: "public"),
  // or "" when the dialect has no such name and every named schema is an ordinary one.
  virtual std::string_view DefaultSchemaName() const { return ""; }

  // Parses a native type spelling (as written in DDL or reported by the catalog) into the
  // canonical model. Unknown spellings become kVerbatim when `allow_verbatim`, else an error.
  virtual absl::StatusOr<DataType> ParseType(std::string_view native,
                                             bool allow_verbatim) const = 0;
  // The native DDL spelling of a canonical type.
  virtual std::string RenderType(const DataType& type) const = 0;
  // Brings a type into the dialect's canonical form (e.g. SQLite maps `int` to integer; MySQL
  // BOOLEAN is TINYINT(1)); applied to both sides before comparing.
  virtual DataType NormalizeType(const DataType& type) const = 0;

  // Parses a server default as the catalog reports it or a user wrote it.
  virtual DefaultExpr ParseDefault(std::string_view sql, const DataType& type) const = 0;
  // The DDL spelling of a default (what follows DEFAULT).
  virtual std::string RenderDefault(const DefaultExpr& value, const DataType& type) const = 0;
  // Canonical text of a SQL expression (CHECK bodies, index expressions, predicates).
  virtual std::string NormalizeExpression(std::string_view sql) const = 0;
  // How the canonical expression text quotes strings and identifiers, for code that tokenizes
  // it (catalog/sql_text.h). Default: standard SQL.
  virtual SqlTextOptions ExpressionQuoting() const { return {}; }

  // Brings a table's structure into the dialect's canonical form, after its types, defaults and
  // expressions are normalized (MySQL: unique constraints are unique indexes there, the primary
  // key has no name of its own). Called by NormalizeCatalog. Default: nothing to do.
  virtual void NormalizeTableStructure(Table* /*table*/) const {}

  // Quotes an identifier when needed (always safe for hostile names).
  virtual std::string QuoteIdentifier(std::string_view name) const = 0;
  // Quotes a string literal.
  virtual std::string QuoteString(std::string_view value) const = 0;
};

// The dialect for a name ("sqlite", "postgresql"/"postgres", "mysql"/"mariadb"), or an error
// naming the supported ones.
absl::StatusOr<const Dialect*> DialectByName(std::string_view name);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_DIALECT_H_
