// Parses a YAML schema document (the format of schemas/README.md) into a catalog with source
// positions; names and foreign-key targets are resolved afterwards (yaml_resolve.h).
#ifndef SCHEMADIFF_INTROSPECT_YAML_SCHEMA_H_
#define SCHEMADIFF_INTROSPECT_YAML_SCHEMA_H_

#include <string>

#include "absl/status/statusor.h"
#include "catalog/dialect.h"
#include "introspect/yaml_node.h"
#include "introspect/yaml_source.h"

namespace schemadiff::yaml {

// Parses `root` for `dialect`. The catalog's naming_convention is the file's (SQLAlchemy's
// default when the key is absent; `{}` means none) and its dialect the file's `dialect:`.
absl::StatusOr<ParsedSchema> ParseSchemaDocument(const ErrorSink& errors, Node root,
                                                 const Dialect& dialect);

// The canonical name of the document's `dialect:` ("" when absent).
absl::StatusOr<std::string> ParseDialectKey(const ErrorSink& errors, Node root);

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_SCHEMA_H_
