// SQL scripts for PostgreSQL, runnable as-is by psql.
#ifndef SCHEMADIFF_RENDER_SQL_POSTGRES_H_
#define SCHEMADIFF_RENDER_SQL_POSTGRES_H_

#include <string>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"
#include "render/sql_renderer.h"

namespace schemadiff {

// The psql script for `plan` on a database whose schema is `from` (see RenderSql).
//
// Safe mode (the default) keeps locks short on tables that already hold rows: SET
// lock_timeout first; indexes created and dropped CONCURRENTLY, and unique/primary keys built
// as a concurrent unique index then attached; foreign keys and CHECKs added NOT VALID and
// validated on their own; SET NOT NULL preceded by a validated CHECK; type changes that rewrite
// the table flagged. Statements that cannot run in a transaction block run between blocks, so
// a failed script leaves the blocks before the failure committed. Tables created by the same
// migration get the plain forms.
//
// Plain mode (options.safe = false) runs everything in one transaction, except ALTER TYPE ...
// ADD VALUE, which must commit before the new value can be used.
absl::StatusOr<std::string> RenderPostgresSql(const Plan& plan, const Catalog& from,
                                              const Dialect& dialect,
                                              const SqlRenderOptions& options);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQL_POSTGRES_H_
