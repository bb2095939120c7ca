// Entry points of the YAML schema loader, and the one place where yaml-cpp exceptions are
// caught: everything under ParseSchemaDocument / ResolveSchema reports errors as statuses.
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
#include "yaml-cpp/yaml.h"

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

// Runs `parse` (which loads and reads YAML) and turns yaml-cpp exceptions into located errors:
// the single boundary between yaml-cpp's exceptions and the loader's statuses.
template <typename Fn>
auto CatchYamlExceptions(const yaml::ErrorSink& errors, Fn&& parse) -> decltype(parse()) {
  try {
    return parse();
  } catch (const YAML::ParserException& e) {
    return errors.At(e.mark, absl::StrCat("invalid YAML: ", e.msg));
  } catch (const YAML::Exception& e) {
    return errors.At(e.mark, absl::StrCat("unexpected YAML structure: ", e.msg));
  }
}

}  // namespace

absl::StatusOr<Catalog> ParseYamlSchema(std::string_view text, std::string_view filename,
                                        const Dialect& dialect) {
  const yaml::ErrorSink errors{std::string(filename)};
  return CatchYamlExceptions(errors, [&]() -> absl::StatusOr<Catalog> {
    absl::StatusOr<yaml::ParsedSchema> read = [&] {
      // The document only lives while the catalog is read from it.
      const yaml::Document document = yaml::Document::Parse(text);
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
  });
}

absl::StatusOr<Catalog> LoadYamlSchema(const std::string& path, const Dialect& dialect) {
  ASSIGN_OR_RETURN(std::string text, ReadSchemaFile(path));
  return ParseYamlSchema(text, path, dialect);
}

absl::StatusOr<std::string> PeekYamlDialect(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadSchemaFile(path));
  const yaml::ErrorSink errors{path};
  return CatchYamlExceptions(errors, [&]() -> absl::StatusOr<std::string> {
    // Reading stops at the root's `dialect:` key: no need to read the tables behind it.
    return yaml::ParseDialectKey(errors, yaml::Document::ParseUntilRootKey(text, "dialect").root());
  });
}

}  // namespace schemadiff
