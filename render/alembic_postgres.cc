// PostgreSQL specifics of Alembic revisions: autocommit blocks for what runs outside a
// transaction block (CONCURRENTLY, ADD VALUE), and what Alembic has no operation for: serial
// columns and enum value changes. Their statements are the PostgreSQL SQL renderer's
// (render/postgres_alter.h, render/postgres_enum.h), written as op.execute() calls.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "render/alembic_internal.h"
#include "render/postgres_alter.h"
#include "render/postgres_enum.h"
#include "render/python_literal.h"

namespace schemadiff::alembic {

Lines AutocommitBlock(const Lines& body) {
  Lines lines = {"with op.get_context().autocommit_block():"};
  for (const std::string& line : body) lines.push_back(line.empty() ? line : "    " + line);
  return lines;
}

bool PgConcurrently(const OpContext& ctx) {
  return ctx.lock_safe && !ctx.in_batch && ctx.dialect().name() == "postgresql";
}

Lines PgSerialRemoval(const AlterColumn& op) {
  if (!op.from.autoincrement || op.to.autoincrement) return {};
  Lines lines = {
      absl::StrCat("# ", CommentText(op.to.name), " stops being serial: its sequence goes")};
  for (const std::string& sql : PgSerialDropStatements(op)) lines.push_back(Execute(sql));
  return lines;
}

Lines PgSerialAddition(const AlterColumn& op) {
  Lines lines;
  if (!op.from.identity && op.to.identity && !op.to.identity->start) {
    lines.push_back("# the identity continues after the rows already there");
    lines.push_back(Execute(PgIdentitySetval(op)));
  }
  if (!op.from.autoincrement && op.to.autoincrement) {
    lines.push_back(absl::StrCat("# ", CommentText(op.to.name),
                                 " becomes serial: a sequence owned by the column feeds it"));
    for (const std::string& sql : PgSerialCreateStatements(op, /*existing_table=*/true)) {
      lines.push_back(Execute(sql));
    }
  }
  return lines;
}

absl::StatusOr<Lines> PgAlterEnum(const AlterEnum& op, const OpContext& ctx) {
  const PgEnumChange change = PlanPgEnumChange(op, *ctx.state);
  Lines lines;
  // Hinted renames first: RENAME VALUE keeps every row.
  for (const std::string& sql : change.renames) lines.push_back(Execute(sql));
  if (!change.additions.empty()) {
    // Only additions: ADD VALUE, committed before use (PostgreSQL refuses new values inside the
    // transaction that added them).
    Lines additions;
    for (const std::string& sql : change.additions) additions.push_back(Execute(sql));
    const Lines block = AutocommitBlock(additions);
    lines.insert(lines.end(), block.begin(), block.end());
  }
  if (!change.swap.empty()) {
    // Removals or reorders: a new type takes over; every column converts through text.
    if (change.data_loss) lines.push_back(RenderWarningComment(*change.data_loss));
    lines.push_back(absl::StrCat("# enum ", CommentText(op.from.name),
                                 ": values removed or reordered, so the type is replaced"));
    for (const std::string& sql : change.swap) lines.push_back(Execute(sql));
  }
  return lines;
}

}  // namespace schemadiff::alembic
