#include "render/sql_renderer.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "render/sql_mysql.h"
#include "render/sql_postgres.h"
#include "render/sql_sqlite.h"

namespace schemadiff {

absl::StatusOr<std::string> RenderSql(const Plan& plan, const Catalog& from, const Dialect& dialect,
                                      const SqlRenderOptions& options) {
  if (dialect.name() == "sqlite") return RenderSqliteSql(plan, from, dialect, options);
  if (dialect.name() == "mysql") return RenderMysqlSql(plan, from, dialect, options);
  if (dialect.name() == "postgresql") return RenderPostgresSql(plan, from, dialect, options);
  return absl::UnimplementedError(absl::StrCat("SQL rendering for the ", Absl(dialect.name()),
                                               " dialect is not implemented yet"));
}

}  // namespace schemadiff
