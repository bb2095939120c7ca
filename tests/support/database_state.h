// Test databases read back into catalogs: what a live database holds, and what is left to do to
// turn it into a target catalog.
#ifndef SCHEMADIFF_TESTS_SUPPORT_DATABASE_STATE_H_
#define SCHEMADIFF_TESTS_SUPPORT_DATABASE_STATE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff::testing {

// The schema of the database at `url` (a URL for `dialect`) as schemadiff reads a source, so
// without Alembic's version table. `schemas`: the PostgreSQL schemas to read (empty: public).
absl::StatusOr<Catalog> LoadDatabase(const std::string& url, const Dialect& dialect,
                                     const std::vector<std::string>& schemas = {});

// Every table of the database at `url`, as the dialect's introspector reads it; on an error, an
// empty catalog and a failure of the running test naming the error.
Catalog IntrospectOrFail(const std::string& url, const Dialect& dialect,
                         const std::vector<std::string>& schemas = {});

// What is left to do to turn the database at `url` (read by LoadDatabase) into `want`: one
// described op a line (DescribePlan), "" when nothing, or the error.
std::string Remaining(const std::string& url, const Dialect& dialect, const Catalog& want,
                      const std::vector<std::string>& schemas = {});

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_DATABASE_STATE_H_
