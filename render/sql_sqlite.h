// SQL scripts for SQLite, runnable as-is by the sqlite3 shell.
#ifndef SCHEMADIFF_RENDER_SQL_SQLITE_H_
#define SCHEMADIFF_RENDER_SQL_SQLITE_H_

#include <string>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"
#include "render/sql_renderer.h"

namespace schemadiff {

// The SQLite script for `plan` on a database whose schema is `from` (see RenderSql). The
// script turns on `.bail on` (so an error stops it and the open transaction is rolled back),
// turns foreign keys off, runs everything in one transaction ending with PRAGMA
// foreign_key_check, and turns foreign keys back on, as the SQLite documentation prescribes
// for schema changes. What ALTER TABLE cannot do becomes a table rebuild; ops of a table
// created in the same plan are folded into its CREATE TABLE. `options.safe` changes nothing:
// SQLite has no concurrent DDL to protect.
absl::StatusOr<std::string> RenderSqliteSql(const Plan& plan, const Catalog& from,
                                            const Dialect& dialect,
                                            const SqlRenderOptions& options);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQL_SQLITE_H_
