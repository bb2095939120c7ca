// Entry points of the YAML schema loader: read the file, parse it into a document tree, read the
// schema from the tree, resolve and normalize it.
#include "introspect/yaml_loader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "catalog/normalize.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/yaml_node.h"
#include "introspect/yaml_resolve.h"
#include "introspect/yaml_schema.h"
#include "introspect/yaml_tree.h"

namespace schemadiff {
namespace {

// Reads the whole file at `path`.
absl::StatusOr<std::string> ReadSchemaFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read schema file '", path, "': ", std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

}  // namespace

absl::StatusOr<Catalog> ParseYamlSchema(std::string_view text, std::string_view filename,
                                        const Dialect& dialect) {
  const yaml::ErrorSink errors{std::string(filename)};
  absl::StatusOr<yaml::ParsedSchema> read = [&]() -> absl::StatusOr<yaml::ParsedSchema> {
    // The document only lives while the catalog is read from it.
    ASSIGN_OR_RETURN(const yaml::Document document, yaml::Document::Parse(text, errors));
    return yaml::ParseSchemaDocument(errors, document.root(), dialect);
  }();
  RETURN_IF_ERROR(read.status());
  yaml::ParsedSchema& parsed = *read;
  RETURN_IF_ERROR(yaml::ResolveSchema(errors, dialect, parsed));
  absl::Status normalized = NormalizeCatalog(dialect, &parsed.catalog);
  if (!normalized.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(Absl(filename), ": ", normalized.message()));
  }
  return std::move(parsed.catalog);
}

absl::StatusOr<Catalog> LoadYamlSchema(const std::string& path, const Dialect& dialect) {
  ASSIGN_OR_RETURN(std::string text, ReadSchemaFile(path));
  return ParseYamlSchema(text, path, dialect);
}

absl::StatusOr<std::string> PeekYamlDialect(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadSchemaFile(path));
  const yaml::ErrorSink errors{path};
  // Reading stops at the root's `dialect:` key: no need to read the tables behind it.
  ASSIGN_OR_RETURN(const yaml::Document document,
                   yaml::Document::ParseUntilRootKey(text, "dialect", errors));
  return yaml::ParseDialectKey(errors, document.root());
}

}  // namespace schemadiff
