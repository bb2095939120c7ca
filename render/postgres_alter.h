// The PostgreSQL renderer's multi-statement op handlers: ALTER COLUMN (types with USING,
// lock-safe SET NOT NULL, identity and serial changes), ADD CONSTRAINT (NOT VALID + VALIDATE,
// unique indexes built CONCURRENTLY) and enum changes (ADD VALUE, RENAME VALUE, type swap),
// and the column statements the Alembic renderer shares with them (USING, serial sequences).
#ifndef SCHEMADIFF_RENDER_POSTGRES_ALTER_H_
#define SCHEMADIFF_RENDER_POSTGRES_ALTER_H_

#include <string>
#include <vector>

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

// The USING expression for changing the column's type from op.from to op.to where
// PostgreSQL's assignment cast cannot be relied on ("col::newtype", enums through text); ""
// when none is needed. `state` is the schema before the op.
std::string PgUsingExpression(const AlterColumn& op, const Catalog& state);

// The statements that end a serial column's sequence: its default goes, then the sequence.
std::vector<std::string> PgSerialDropStatements(const AlterColumn& op);

// The setval that makes a new identity of op.to continue after the rows already there.
std::string PgIdentitySetval(const AlterColumn& op);

// The statements that make op.to serial: a sequence owned by the column, its default, and
// (when `existing_table`, which may hold rows) a setval so it continues after them.
std::vector<std::string> PgSerialCreateStatements(const AlterColumn& op, bool existing_table);

absl::Status RenderPgAlterColumn(const AlterColumn& op, const PgRenderContext& ctx);
absl::Status RenderPgAddConstraint(const AddConstraint& op, const PgRenderContext& ctx);
absl::Status RenderPgAlterEnum(const AlterEnum& op, const PgRenderContext& ctx);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_POSTGRES_ALTER_H_
