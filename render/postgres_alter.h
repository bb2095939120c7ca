// The PostgreSQL renderer's multi-statement op handlers: ALTER COLUMN (types with USING,
// lock-safe SET NOT NULL, identity and serial changes), ADD CONSTRAINT (NOT VALID + VALIDATE,
// unique indexes built CONCURRENTLY) and enum changes (ADD VALUE, RENAME VALUE, type swap).
#ifndef SCHEMADIFF_RENDER_POSTGRES_ALTER_H_
#define SCHEMADIFF_RENDER_POSTGRES_ALTER_H_

#include "absl/status/status.h"
#include "catalog/catalog.h"
#include "diff/ops.h"
#include "render/postgres_script.h"

namespace schemadiff {

// What an op handler needs to know.
struct PgRenderContext {
  const Catalog& state;  // the schema before the op
  bool safe;             // lock-safe forms (SqlRenderOptions.safe)
  bool existing_table;   // the op's table existed before the migration (it may hold rows)
  PostgresScript* script;
};

absl::Status RenderPgAlterColumn(const AlterColumn& op, const PgRenderContext& ctx);
absl::Status RenderPgAddConstraint(const AddConstraint& op, const PgRenderContext& ctx);
absl::Status RenderPgAlterEnum(const AlterEnum& op, const PgRenderContext& ctx);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_POSTGRES_ALTER_H_
