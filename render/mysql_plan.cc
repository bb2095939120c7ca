#include "render/mysql_plan.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "diff/apply.h"
#include "render/plan_scope.h"

namespace schemadiff {
namespace {

// A foreign key dropped around the changes of its columns.
struct Detour {
  std::string schema;  // of the table the key belongs to
  std::string table;
  ForeignKey fk;     // as it is before the first change
  size_t first = 0;  // the first step changing one of its columns
  size_t last = 0;   // the last one
};

// Whether `fk` of `table` has the column `alter` changes among its columns or referred ones.
bool UsesColumn(const Table& table, const ForeignKey& fk, const AlterColumn& alter) {
  const auto has = [&alter](const std::vector<std::string>& columns) {
    return std::find(columns.begin(), columns.end(), alter.to.name) != columns.end();
  };
  const std::string& referred_schema = ReferredSchema(MysqlDialect(), table.schema, fk);
  return (table.schema == alter.schema && table.name == alter.table && has(fk.columns)) ||
         (referred_schema == alter.schema && fk.referred_table == alter.table &&
          has(fk.referred_columns));
}

// The detours `plan` needs, found by following the schema through it.
std::vector<Detour> FindDetours(const Plan& plan, const Catalog& from) {
  std::vector<Detour> detours;
  const auto changes_type = [](const Op& op) {
    const auto* alter = std::get_if<AlterColumn>(&op);
    return alter != nullptr && (alter->changes & (kAlterType | kAlterCollation)) != 0;
  };
  if (std::none_of(plan.steps.begin(), plan.steps.end(),
                   [&](const Step& step) { return changes_type(step.op); })) {
    return detours;
  }
  Catalog scratch = PlanScopeWithReferrers(plan, from, MysqlDialect());
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Op& op = plan.steps[i].op;
    if (changes_type(op)) {
      const auto& alter = std::get<AlterColumn>(op);
      for (const Table& table : scratch.tables) {
        for (const ForeignKey& fk : table.foreign_keys) {
          if (fk.name.empty() || !UsesColumn(table, fk, alter)) continue;
          auto it = std::find_if(detours.begin(), detours.end(), [&](const Detour& d) {
            return d.schema == table.schema && d.table == table.name && d.fk.name == fk.name;
          });
          if (it == detours.end()) {
            detours.push_back({table.schema, table.name, fk, i, i});
          } else {
            it->last = i;
          }
        }
      }
    }
    if (!ApplyOp(op, &scratch).ok()) break;  // the renderer reports the op that does not fit
  }
  return detours;
}

}  // namespace

std::optional<Plan> WithMysqlForeignKeyDetours(const Plan& plan, const Catalog& from) {
  const std::vector<Detour> detours = FindDetours(plan, from);
  if (detours.empty()) return std::nullopt;
  Plan out;
  out.notes = plan.notes;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    for (const Detour& d : detours) {
      if (d.first != i) continue;
      Warning note{"foreign-key-detour", Severity::kInfo,
                   absl::StrCat("foreign key ", d.fk.name, " of ", QualifiedName(d.schema, d.table),
                                " is dropped while the columns it uses change (MySQL refuses "
                                "otherwise) and added back after")};
      out.steps.push_back({DropConstraint{d.schema, d.table, d.fk}, {std::move(note)}});
    }
    out.steps.push_back(plan.steps[i]);
    for (const Detour& d : detours) {
      if (d.last == i) out.steps.push_back({AddConstraint{d.schema, d.table, d.fk}, {}});
    }
  }
  return out;
}

}  // namespace schemadiff
