// The statements of a PostgreSQL enum change, shared by the SQL and the Alembic renderer so
// both change enums statement for statement alike.
#ifndef SCHEMADIFF_RENDER_POSTGRES_ENUM_H_
#define SCHEMADIFF_RENDER_POSTGRES_ENUM_H_

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "diff/ops.h"
#include "diff/plan.h"

namespace schemadiff {

// What takes an enum type from op.from to op.to, in this order. Hinted renames are RENAME
// VALUE; when every old value stays, in the same relative order, the new ones are ADD VALUE
// ... AFTER / BEFORE; anything else (removals, reorders) swaps the type.
struct PgEnumChange {
  // ALTER TYPE ... RENAME VALUE statements (transactional).
  std::vector<std::string> renames;
  // ALTER TYPE ... ADD VALUE statements, each to run outside a transaction block: a value
  // added inside one cannot be used before it commits.
  std::vector<std::string> additions;
  // The type swap when values are removed or reordered, empty otherwise: create the new type,
  // convert every column through text, drop the old type and take over its name.
  std::vector<std::string> swap;
  // When the swap drops values: a data-loss warning naming them, since converting rows that
  // still hold them fails (both renderers write it before the swap).
  std::optional<Warning> data_loss;
};

// The change for `op`; `state` is the schema before it (the columns the swap converts).
PgEnumChange PlanPgEnumChange(const AlterEnum& op, const Catalog& state);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_POSTGRES_ENUM_H_
