// Column types and literal defaults of the YAML schema format.
#ifndef SCHEMADIFF_INTROSPECT_YAML_TYPE_H_
#define SCHEMADIFF_INTROSPECT_YAML_TYPE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "introspect/yaml_node.h"

namespace schemadiff::yaml {

// Parses `type:` of a column of `table`: a named enum reference `enum(name)` (resolved against
// `enums`, values filled in), a portable type name (ParsePortableType), the bare name of one of
// `enums` (as `enum(name)`), or a native spelling of `dialect`. Anything else is an error
// listing the portable names. Schema `public` in a reference is PostgreSQL's default schema.
absl::StatusOr<DataType> ParseYamlType(const Mapping& column, const Entry& entry,
                                       const Table& table, const std::vector<Enum>& enums,
                                       const Dialect& dialect);

// The integer type of a serial pseudo-type (serial, bigserial, smallserial, serial2/4/8, any
// case): `type: serial` is an autoincrement integer column, as the PostgreSQL introspector
// reports a serial column.
std::optional<DataType> SerialType(std::string_view text);

// Parses `default:`, a literal: a quoted or non-boolean, non-numeric scalar is a string, plain
// true/false a boolean, a plain number a number, null a NULL. NormalizeCatalog later gives
// them the dialect's canonical form for the column's type.
absl::StatusOr<DefaultExpr> ParseYamlDefault(const Mapping& column, const Entry& entry);

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_TYPE_H_
