// Plan rewrites the MySQL renderers (SQL and Alembic) share.
#ifndef SCHEMADIFF_RENDER_MYSQL_PLAN_H_
#define SCHEMADIFF_RENDER_MYSQL_PLAN_H_

#include <optional>

#include "catalog/catalog.h"
#include "diff/plan.h"

namespace schemadiff {

// MySQL refuses to change the type, charset or collation of a column while a foreign key uses
// it (as one of its columns or as a referred column): `plan` (applied to `from`) with each such
// key dropped right before the first change of its columns and added back right after the last
// one, or nullopt when no key needs it. Each inserted drop carries a "foreign-key-detour" note.
std::optional<Plan> WithMysqlForeignKeyDetours(const Plan& plan, const Catalog& from);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_MYSQL_PLAN_H_
