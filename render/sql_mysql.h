// SQL scripts for MySQL and MariaDB, runnable as-is by the mysql / mariadb client.
#ifndef SCHEMADIFF_RENDER_SQL_MYSQL_H_
#define SCHEMADIFF_RENDER_SQL_MYSQL_H_

#include <string>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"
#include "render/sql_renderer.h"

namespace schemadiff {

// The MySQL script for `plan` on a database whose schema is `from` (see RenderSql). MySQL
// commits every DDL statement on its own, so the script is a sequence of statements that are
// each atomic, in plan order: when one fails, the schema is what the statements before it made
// it, and a migration generated again from the live database does exactly what is left (the
// header says so). Consecutive changes of one table become one ALTER TABLE (one table copy
// instead of several); a column change restates the whole column definition (MODIFY drops
// whatever it leaves out). A new table's indexes and comment go into its CREATE TABLE. The
// index InnoDB keeps for a foreign key is dropped with the key, and recreated when the index
// that served the key is dropped while the key stays. A foreign key whose columns change type,
// charset or collation (which MySQL refuses while the key exists) is dropped before the first
// such change and added back after the last.
absl::StatusOr<std::string> RenderMysqlSql(const Plan& plan, const Catalog& from,
                                           const Dialect& dialect, const SqlRenderOptions& options);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQL_MYSQL_H_
