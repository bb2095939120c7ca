// Enum changes on PostgreSQL: the statements (render/postgres_enum.h) and the SQL renderer's
// handler for them.
#include "render/postgres_enum.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_postgres.h"
#include "catalog/postgres_lexer.h"
#include "diff/warnings.h"
#include "render/postgres_alter.h"
#include "render/postgres_ddl.h"
#include "render/postgres_script.h"

namespace schemadiff {
namespace {

std::string Q(std::string_view name) { return QuotePostgresIdentifier(name); }
std::string S(std::string_view value) { return QuotePostgresString(value); }

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

std::string ValueList(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& v : values) quoted.push_back(S(v));
  return absl::StrJoin(quoted, ", ");
}

// A column using the enum being changed.
struct EnumColumn {
  const Table* table;
  const Column* column;
};

std::vector<EnumColumn> ColumnsUsing(const Enum& e, const Catalog& catalog) {
  std::vector<EnumColumn> out;
  for (const Table& table : catalog.tables) {
    for (const Column& column : table.columns) {
      const DataType& scalar = column.type.kind == TypeKind::kArray && !column.type.element.empty()
                                   ? column.type.element[0]
                                   : column.type;
      if (scalar.kind != TypeKind::kEnum || scalar.enum_name.empty()) continue;
      if (PgEnumKey(scalar, table.schema, catalog) == std::make_pair(e.schema, e.name)) {
        out.push_back({&table, &column});
      }
    }
  }
  return out;
}

// The statements that replace the enum type by one with `values`, converting every column
// that uses it. Column defaults are put back as the values they hold after `renames` (former
// -> new); a default whose value is gone stays dropped (the plan sets the target's default
// later).
std::vector<std::string> SwapType(const Enum& from, const std::vector<std::string>& values,
                                  const std::map<std::string, std::string>& renames,
                                  const Catalog& state) {
  std::vector<std::string> out;
  const std::string name = PgName(from.schema, from.name);
  const std::string temp_name = PgDerivedName(from.name, "__new");
  const std::string temp = PgName(from.schema, temp_name);
  out.push_back(absl::StrCat("CREATE TYPE ", temp, " AS ENUM (", ValueList(values), ")"));
  for (const EnumColumn& use : ColumnsUsing(from, state)) {
    const Table& t = *use.table;
    const Column& c = *use.column;
    const std::string alter =
        absl::StrCat("ALTER TABLE ", PgName(t.schema, t.name), " ALTER COLUMN ", Q(c.name), " ");
    const bool array = c.type.kind == TypeKind::kArray;
    std::optional<DefaultExpr> restored = c.server_default;
    if (restored && restored->kind == DefaultKind::kString) {
      if (auto it = renames.find(restored->text); it != renames.end()) restored->text = it->second;
      if (!Contains(values, restored->text)) restored.reset();
    }
    if (c.server_default) out.push_back(alter + "DROP DEFAULT");
    out.push_back(absl::StrCat(alter, "TYPE ", temp, array ? "[]" : "", " USING ", Q(c.name),
                               array ? "::text[]::" : "::text::", temp, array ? "[]" : ""));
    if (restored) {
      out.push_back(alter + "SET DEFAULT " + PostgresDialect().RenderDefault(*restored, c.type));
    }
  }
  out.push_back(absl::StrCat("DROP TYPE ", name));
  out.push_back(absl::StrCat("ALTER TYPE ", temp, " RENAME TO ", Q(from.name)));
  return out;
}

}  // namespace

PgEnumChange PlanPgEnumChange(const AlterEnum& op, const Catalog& state) {
  PgEnumChange change;
  const std::string name = PgName(op.from.schema, op.from.name);
  std::vector<std::string> current = op.from.values;
  std::map<std::string, std::string> applied;
  for (const auto& [former, renamed] : op.to.renamed_values) {
    auto it = std::find(current.begin(), current.end(), former);
    if (it == current.end() || !Contains(op.to.values, renamed) || Contains(current, renamed)) {
      continue;
    }
    applied[former] = renamed;
    change.renames.push_back(
        absl::StrCat("ALTER TYPE ", name, " RENAME VALUE ", S(former), " TO ", S(renamed)));
    *it = renamed;
  }
  if (current == op.to.values) return change;

  if (IsOrderedSubset(current, op.to.values)) {
    for (size_t i = 0; i < op.to.values.size(); ++i) {
      const std::string& value = op.to.values[i];
      if (Contains(current, value)) continue;
      std::string sql = absl::StrCat("ALTER TYPE ", name, " ADD VALUE ", S(value));
      auto position = current.end();
      if (i > 0) {
        absl::StrAppend(&sql, " AFTER ", S(op.to.values[i - 1]));
        position = std::find(current.begin(), current.end(), op.to.values[i - 1]) + 1;
      } else if (!current.empty()) {
        absl::StrAppend(&sql, " BEFORE ", S(current.front()));
        position = current.begin();
      }
      change.additions.push_back(std::move(sql));
      current.insert(position, value);
    }
    return change;
  }

  std::vector<std::string> removed;
  for (const std::string& v : current) {
    if (!Contains(op.to.values, v)) removed.push_back(v);
  }
  if (!removed.empty()) {
    change.data_loss = Warning{
        kWarnDataLoss, Severity::kDanger,
        absl::StrCat("enum ", QualifiedName(op.from.schema, op.from.name), " loses value(s) ",
                     ValueList(removed),
                     ": the conversion fails while rows still hold them; update those rows first")};
  }
  change.swap = SwapType(op.from, op.to.values, applied, state);
  return change;
}

absl::Status RenderPgAlterEnum(const AlterEnum& op, const PgRenderContext& ctx) {
  PostgresScript& s = *ctx.script;
  const PgEnumChange change = PlanPgEnumChange(op, ctx.state);
  for (const std::string& sql : change.renames) s.Statement(sql);
  for (const std::string& sql : change.additions) s.Standalone(sql);
  if (change.swap.empty()) return absl::OkStatus();
  if (change.data_loss) s.AddWarning(*change.data_loss);
  s.Comment(absl::StrCat("enum ", QualifiedName(op.from.schema, op.from.name),
                         ": values removed or reordered, so the type is replaced"));
  for (const std::string& sql : change.swap) s.Statement(sql);
  return absl::OkStatus();
}

}  // namespace schemadiff
