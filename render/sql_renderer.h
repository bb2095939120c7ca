// Renders a plan as a SQL script for the dialect's own client.
#ifndef SCHEMADIFF_RENDER_SQL_RENDERER_H_
#define SCHEMADIFF_RENDER_SQL_RENDERER_H_

#include <string>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"

namespace schemadiff {

struct SqlRenderOptions {
  // Lock-safe forms (PostgreSQL: lock_timeout, CONCURRENTLY, NOT VALID + VALIDATE). Off gives
  // the plain transactional form.
  bool safe = true;
};

// The script that applies `plan` to a database whose schema is `from`. Warnings are written as
// SQL comments above the statements they concern. For a downgrade, pass ReversePlan(plan) and
// the upgrade's target catalog.
absl::StatusOr<std::string> RenderSql(const Plan& plan, const Catalog& from, const Dialect& dialect,
                                      const SqlRenderOptions& options);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQL_RENDERER_H_
