// PostgreSQL specifics of Alembic revisions: autocommit blocks for what runs outside a
// transaction block (CONCURRENTLY, ADD VALUE), and what Alembic has no operation for: type
// changes that need USING, serial columns, and enum value changes. The latter follow the
// PostgreSQL SQL renderer (render/postgres_alter.cc; enums share render/postgres_enum.h)
// statement for statement, written as op.execute() calls.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "render/alembic_internal.h"
#include "render/postgres_ddl.h"
#include "render/postgres_enum.h"
#include "render/python_literal.h"

namespace schemadiff::alembic {
namespace {

std::string Execute(const std::string& sql) {
  return absl::StrCat("op.execute(", PythonSqlText(sql), ")");
}

// The scalar type of `type` (its element for arrays).
const DataType& Scalar(const DataType& type) {
  return type.kind == TypeKind::kArray && !type.element.empty() ? type.element[0] : type;
}

// "ALTER TABLE t ALTER COLUMN c ".
std::string AlterPrefix(const AlterColumn& op, const Dialect& dialect) {
  return absl::StrCat("ALTER TABLE ", PgName(op.schema, op.table), " ALTER COLUMN ",
                      dialect.QuoteIdentifier(op.to.name), " ");
}

}  // namespace

Lines AutocommitBlock(const Lines& body) {
  Lines lines = {"with op.get_context().autocommit_block():"};
  for (const std::string& line : body) lines.push_back(line.empty() ? line : "    " + line);
  return lines;
}

bool PgConcurrently(const OpContext& ctx) {
  return ctx.lock_safe && !ctx.in_batch && ctx.dialect().name() == "postgresql";
}

std::string PgUsing(const AlterColumn& op, const OpContext& ctx) {
  const DataType& from = op.from.type;
  const DataType& to = op.to.type;
  const bool array_change = (from.kind == TypeKind::kArray) != (to.kind == TypeKind::kArray);
  const DataType& a = Scalar(from);
  const DataType& b = Scalar(to);
  if (!array_change && a.kind == b.kind && a.enum_name == b.enum_name && a.verbatim == b.verbatim) {
    return "";  // PostgreSQL's assignment cast does it
  }
  const std::string column = ctx.dialect().QuoteIdentifier(op.from.name);
  const std::string type_sql = PgTypeSql(to, op.schema, *ctx.state);
  if (a.kind != TypeKind::kEnum && b.kind != TypeKind::kEnum) {
    return absl::StrCat(column, "::", type_sql);
  }
  return absl::StrCat(column, from.kind == TypeKind::kArray ? "::text[]::" : "::text::", type_sql);
}

Lines PgSerialRemoval(const AlterColumn& op, const OpContext& ctx) {
  if (!op.from.autoincrement || op.to.autoincrement) return {};
  const Dialect& dialect = ctx.dialect();
  const std::string table = PgName(op.schema, op.table);
  const std::string body =
      absl::StrCat("BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence(",
                   dialect.QuoteString(table), ", ", dialect.QuoteString(op.to.name), "); END");
  return {absl::StrCat("# ", CommentText(op.to.name), " stops being serial: its sequence goes"),
          Execute(AlterPrefix(op, dialect) + "DROP DEFAULT"),
          Execute(absl::StrCat("DO ", dialect.QuoteString(body)))};
}

Lines PgSerialAddition(const AlterColumn& op, const OpContext& ctx) {
  const Dialect& dialect = ctx.dialect();
  const std::string table = PgName(op.schema, op.table);
  const std::string column = dialect.QuoteIdentifier(op.to.name);
  const std::string next_value = absl::StrCat("COALESCE(MAX(", column, "), 0) + 1");
  Lines lines;
  if (!op.from.identity && op.to.identity && !op.to.identity->start) {
    lines.push_back("# the identity continues after the rows already there");
    lines.push_back(Execute(
        absl::StrCat("SELECT setval(pg_get_serial_sequence(", dialect.QuoteString(table), ", ",
                     dialect.QuoteString(op.to.name), "), ", next_value, ", false) FROM ", table)));
  }
  if (!op.from.autoincrement && op.to.autoincrement) {
    const std::string sequence =
        PgName(op.schema, PgDerivedName(absl::StrCat(op.table, "_", op.to.name), "_seq"));
    const TypeKind kind = op.to.type.kind;
    const std::string sequence_type = kind == TypeKind::kBigInt ? "bigint"
                                      : kind == TypeKind::kSmallInt || kind == TypeKind::kTinyInt
                                          ? "smallint"
                                          : "integer";
    lines.push_back(absl::StrCat("# ", CommentText(op.to.name),
                                 " becomes serial: a sequence owned by the column feeds it"));
    lines.push_back(Execute(absl::StrCat("CREATE SEQUENCE ", sequence, " AS ", sequence_type,
                                         " OWNED BY ", table, ".", column)));
    lines.push_back(Execute(absl::StrCat(AlterPrefix(op, dialect), "SET DEFAULT nextval(",
                                         dialect.QuoteString(sequence), "::regclass)")));
    lines.push_back(Execute(absl::StrCat("SELECT setval(", dialect.QuoteString(sequence), ", ",
                                         next_value, ", false) FROM ", table)));
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
