// Loads a YAML target schema (the format documented in schemas/README.md).
#ifndef SCHEMADIFF_INTROSPECT_YAML_LOADER_H_
#define SCHEMADIFF_INTROSPECT_YAML_LOADER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff {

// Parses YAML text. `filename` is used in error messages ("file:line:column: ..."). Types and
// defaults are resolved for `dialect`; unnamed constraints/indexes are named by the file's
// naming_convention. The result is normalized for the dialect.
absl::StatusOr<Catalog> ParseYamlSchema(std::string_view text, std::string_view filename,
                                        const Dialect& dialect);

// Reads and parses the file at `path`.
absl::StatusOr<Catalog> LoadYamlSchema(const std::string& path, const Dialect& dialect);

// The `dialect:` key of a YAML schema file, or "" when it has none (used when neither side of a
// comparison names a dialect).
absl::StatusOr<std::string> PeekYamlDialect(const std::string& path);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_YAML_LOADER_H_
