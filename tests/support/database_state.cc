#include "tests/support/database_state.h"

#include "diff/differ.h"
#include "gtest/gtest.h"
#include "introspect/source.h"
#include "tests/support/plan_text.h"

namespace schemadiff::testing {
namespace {

// The catalog of the database at `url`, read as LoadSource reads it with `options`.
absl::StatusOr<Catalog> Read(const std::string& url, const Dialect& dialect,
                             const LoadOptions& options) {
  absl::StatusOr<Source> source = ParseSource(url);
  if (!source.ok()) return source.status();
  return LoadSource(*source, dialect, options);
}

}  // namespace

absl::StatusOr<Catalog> LoadDatabase(const std::string& url, const Dialect& dialect,
                                     const std::vector<std::string>& schemas) {
  LoadOptions options;
  options.schemas = schemas;
  return Read(url, dialect, options);
}

Catalog IntrospectOrFail(const std::string& url, const Dialect& dialect,
                         const std::vector<std::string>& schemas) {
  LoadOptions options;
  options.schemas = schemas;
  options.version_table.clear();
  absl::StatusOr<Catalog> catalog = Read(url, dialect, options);
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return catalog.ok() ? *std::move(catalog) : Catalog();
}

std::string Remaining(const std::string& url, const Dialect& dialect, const Catalog& want,
                      const std::vector<std::string>& schemas) {
  absl::StatusOr<Catalog> have = LoadDatabase(url, dialect, schemas);
  if (!have.ok()) return have.status().ToString();
  absl::StatusOr<Plan> plan = Diff(*have, want, dialect);
  if (!plan.ok()) return plan.status().ToString();
  return DescribePlan(*plan);
}

}  // namespace schemadiff::testing
