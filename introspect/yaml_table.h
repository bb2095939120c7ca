// Parses one table of a YAML schema.
#ifndef SCHEMADIFF_INTROSPECT_YAML_TABLE_H_
#define SCHEMADIFF_INTROSPECT_YAML_TABLE_H_

#include "absl/status/status.h"
#include "catalog/catalog.h"
#include "introspect/yaml_column.h"
#include "introspect/yaml_node.h"
#include "introspect/yaml_source.h"

namespace schemadiff::yaml {

// Parses the table `entry` (key: table name, value: its mapping) into `table` and `source`.
// Column references of its constraints and indexes are checked; names are left as written.
absl::Status ParseTable(const ParseContext& context, const Entry& entry, Table& table,
                        TableSource& source);

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_TABLE_H_
