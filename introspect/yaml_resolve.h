// The checks and naming a YAML schema needs once every table is parsed.
#ifndef SCHEMADIFF_INTROSPECT_YAML_RESOLVE_H_
#define SCHEMADIFF_INTROSPECT_YAML_RESOLVE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "introspect/yaml_node.h"
#include "introspect/yaml_source.h"

namespace schemadiff::yaml {

// Checks that foreign keys refer to existing tables and columns, names constraints and indexes
// by the catalog's naming convention the way SQLAlchemy does, and rejects duplicate names.
absl::Status ResolveSchema(const ErrorSink& errors, const Dialect& dialect, ParsedSchema& schema);

// The columns SQLAlchemy's naming convention sees for an index: each plain column, and for an
// expression the first column of `table` it mentions (as with func.lower(t.c.email)); no
// repeats.
std::vector<std::string> IndexNamingColumns(const Index& index, const Table& table);

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_RESOLVE_H_
