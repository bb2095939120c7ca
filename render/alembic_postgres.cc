// PostgreSQL specifics of Alembic revisions: autocommit blocks for what runs outside a
// transaction block (CONCURRENTLY, ADD VALUE), and what Alembic has no operation for: type
// changes that need USING, serial columns, and enum value changes. The latter follow the
// PostgreSQL SQL renderer (render/postgres_alter.cc, render/postgres_enum.cc) statement for
// statement, written as op.execute() calls.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "render/alembic_internal.h"
#include "render/postgres_ddl.h"
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

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// True when `values` appear in `target` in the same relative order (target may add more).
bool IsOrderedSubset(const std::vector<std::string>& values,
                     const std::vector<std::string>& target) {
  size_t at = 0;
  for (const std::string& v : target) {
    if (at < values.size() && values[at] == v) ++at;
  }
  return at == values.size();
}

std::string ValueList(const std::vector<std::string>& values, const Dialect& dialect) {
  std::vector<std::string> quoted;
  for (const std::string& v : values) quoted.push_back(dialect.QuoteString(v));
  return absl::StrJoin(quoted, ", ");
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
  const Dialect& dialect = ctx.dialect();
  const std::string name = PgName(op.from.schema, op.from.name);
  Lines lines;
  // Hinted renames first: RENAME VALUE keeps every row.
  std::vector<std::string> current = op.from.values;
  std::map<std::string, std::string> applied;
  for (const auto& [former, renamed] : op.to.renamed_values) {
    auto it = std::find(current.begin(), current.end(), former);
    if (it == current.end() || !Contains(op.to.values, renamed) || Contains(current, renamed)) {
      continue;
    }
    applied[former] = renamed;
    lines.push_back(
        Execute(absl::StrCat("ALTER TYPE ", name, " RENAME VALUE ", dialect.QuoteString(former),
                             " TO ", dialect.QuoteString(renamed))));
    *it = renamed;
  }
  if (current == op.to.values) return lines;

  if (IsOrderedSubset(current, op.to.values)) {
    // Only additions: ADD VALUE, committed before use (PostgreSQL refuses new values inside the
    // transaction that added them).
    Lines additions;
    for (size_t i = 0; i < op.to.values.size(); ++i) {
      const std::string& value = op.to.values[i];
      if (Contains(current, value)) continue;
      std::string sql =
          absl::StrCat("ALTER TYPE ", name, " ADD VALUE ", dialect.QuoteString(value));
      auto position = current.end();
      if (i > 0) {
        absl::StrAppend(&sql, " AFTER ", dialect.QuoteString(op.to.values[i - 1]));
        position = std::find(current.begin(), current.end(), op.to.values[i - 1]) + 1;
      } else if (!current.empty()) {
        absl::StrAppend(&sql, " BEFORE ", dialect.QuoteString(current.front()));
        position = current.begin();
      }
      additions.push_back(Execute(sql));
      current.insert(position, value);
    }
    const Lines block = AutocommitBlock(additions);
    lines.insert(lines.end(), block.begin(), block.end());
    return lines;
  }

  // Removals or reorders: a new type takes over; every column converts through text.
  const std::string temp_name = PgDerivedName(op.from.name, "__new");
  const std::string temp = PgName(op.from.schema, temp_name);
  lines.push_back(absl::StrCat("# enum ", CommentText(op.from.name),
                               ": values removed or reordered, so the type is replaced"));
  lines.push_back(Execute(
      absl::StrCat("CREATE TYPE ", temp, " AS ENUM (", ValueList(op.to.values, dialect), ")")));
  for (const Table& table : ctx.state->tables) {
    for (const Column& column : table.columns) {
      const DataType& scalar = Scalar(column.type);
      if (scalar.kind != TypeKind::kEnum || scalar.enum_name.empty() ||
          PgEnumKey(scalar, table.schema, *ctx.state) !=
              std::make_pair(op.from.schema, op.from.name)) {
        continue;
      }
      const std::string alter =
          absl::StrCat("ALTER TABLE ", PgName(table.schema, table.name), " ALTER COLUMN ",
                       dialect.QuoteIdentifier(column.name), " ");
      const bool array = column.type.kind == TypeKind::kArray;
      std::optional<DefaultExpr> restored = column.server_default;
      if (restored && restored->kind == DefaultKind::kString) {
        if (auto it = applied.find(restored->text); it != applied.end()) {
          restored->text = it->second;
        }
        if (!Contains(op.to.values, restored->text)) restored.reset();
      }
      if (column.server_default) lines.push_back(Execute(alter + "DROP DEFAULT"));
      lines.push_back(Execute(absl::StrCat(
          alter, "TYPE ", temp, array ? "[]" : "", " USING ", dialect.QuoteIdentifier(column.name),
          array ? "::text[]::" : "::text::", temp, array ? "[]" : "")));
      if (restored) {
        lines.push_back(
            Execute(alter + "SET DEFAULT " + dialect.RenderDefault(*restored, column.type)));
      }
    }
  }
  lines.push_back(Execute(absl::StrCat("DROP TYPE ", name)));
  lines.push_back(Execute(
      absl::StrCat("ALTER TYPE ", temp, " RENAME TO ", dialect.QuoteIdentifier(op.from.name))));
  return lines;
}

}  // namespace schemadiff::alembic
