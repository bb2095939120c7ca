// Parses one column of a YAML table: its type, defaults and attributes, plus the column-level
// shorthands that belong to the table (primary_key, unique, index, references).
#ifndef SCHEMADIFF_INTROSPECT_YAML_COLUMN_H_
#define SCHEMADIFF_INTROSPECT_YAML_COLUMN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "introspect/yaml_node.h"
#include "introspect/yaml_source.h"

namespace schemadiff::yaml {

// What the parsers of one file share.
struct ParseContext {
  const ErrorSink& errors;
  const Dialect& dialect;
  const std::vector<Enum>& enums;  // the file's enums, for enum(name) types
};

// The table-level objects a column declares, like SQLAlchemy's Column(primary_key=True,
// unique=True, index=True) and Column(ForeignKey(...)).
struct ColumnExtras {
  bool primary_key = false;
  Mark primary_key_mark;
  bool nullable_given = false;  // `nullable:` written (else primary key columns are NOT NULL)
  std::optional<UniqueConstraint> unique;
  std::optional<Index> index;
  std::optional<ForeignKey> foreign_key;
  ConstraintSource unique_source;
  ConstraintSource index_source;
  ConstraintSource foreign_key_source;
};

// Parses the column `entry` (key: column name, value: its mapping) of `table`.
absl::StatusOr<Column> ParseColumn(const ParseContext& context, const Entry& entry,
                                   const Table& table, ColumnExtras& extras);

// `schema` as the catalog writes it: "" for the dialect's default schema written by name
// (PostgreSQL's public), as the introspectors report it.
std::string CatalogSchema(const Dialect& dialect, const std::string& schema);

// The keys a column mapping accepts, in documentation order.
const std::vector<std::string>& ColumnKeys();

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_COLUMN_H_
