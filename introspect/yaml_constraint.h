// Parses the table-level lists of a YAML table: primary_key, unique, indexes, foreign_keys and
// checks. Column references are checked against the table's columns here; foreign-key targets
// and names are resolved later (yaml_resolve.h).
#ifndef SCHEMADIFF_INTROSPECT_YAML_CONSTRAINT_H_
#define SCHEMADIFF_INTROSPECT_YAML_CONSTRAINT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "introspect/yaml_node.h"
#include "introspect/yaml_source.h"

namespace schemadiff::yaml {

// A foreign key action: cascade, set null, set default, restrict or no action (any case),
// returned as the catalog spells it ("CASCADE", ..., "" for no action).
absl::StatusOr<std::string> ReadForeignKeyAction(const Mapping& map, const Entry& entry);

// Parses `primary_key:` (a list of columns, or {columns, name | conv_name}).
absl::Status ParsePrimaryKey(const Mapping& table_map, const Entry& entry, Table& table,
                             TableSource& source);

// Parse one item of the list under `unique:`, `indexes:`, `foreign_keys:` or `checks:` and
// append it to `table` and `source`. `what` names the item in errors ("index #2 of table 't'").
absl::Status ParseUnique(const ErrorSink& errors, const Item& item, std::string what, Table& table,
                         TableSource& source);
absl::Status ParseIndex(const ErrorSink& errors, const Item& item, std::string what, Table& table,
                        TableSource& source);
absl::Status ParseForeignKey(const ErrorSink& errors, const Item& item, std::string what,
                             Table& table, TableSource& source);
absl::Status ParseCheck(const ErrorSink& errors, const Item& item, std::string what, Table& table,
                        TableSource& source);

// "table 'schema.name'" for messages.
std::string TableLabel(const Table& table);

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_CONSTRAINT_H_
