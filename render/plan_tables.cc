#include "render/plan_tables.h"

#include <variant>

#include "render/postgres_ddl.h"

namespace schemadiff {

PlanTables::PlanTables(const std::vector<Step>& steps) {
  for (const Step& step : steps) {
    if (const auto* drop = std::get_if<DropTable>(&step.op)) {
      dropped_.insert({drop->table.schema, drop->table.name});
    }
    if (const auto* alter = std::get_if<AlterEnum>(&step.op)) {
      for (const auto& [former, renamed] : alter->to.renamed_values) {
        value_renames_.insert({alter->to.schema, alter->to.name, former, renamed});
      }
    }
  }
}

void PlanTables::Track(const Op& op) {
  if (const auto* create = std::get_if<CreateTable>(&op)) {
    created_.insert({create->table.schema, create->table.name});
  } else if (const auto* rename = std::get_if<RenameTable>(&op)) {
    if (created_.erase({rename->schema, rename->from}) > 0) {
      created_.insert({rename->schema, rename->to});
    }
  } else if (const auto* drop = std::get_if<DropTable>(&op)) {
    created_.erase({drop->table.schema, drop->table.name});
  }
}

bool PlanTables::Existing(const std::string& schema, const std::string& table) const {
  return created_.count({schema, table}) == 0;
}

bool PlanTables::LockSafe(const std::string& schema, const std::string& table) const {
  return Existing(schema, table) && dropped_.count({schema, table}) == 0;
}

bool PlanTables::FollowsValueRename(const AlterColumn& op, const Catalog& state) const {
  const auto& from = op.from.server_default;
  const auto& to = op.to.server_default;
  if (!(op.changes & kAlterDefault) || !from || !to || from->kind != DefaultKind::kString ||
      to->kind != DefaultKind::kString || op.to.type.kind != TypeKind::kEnum) {
    return false;
  }
  const auto [schema, name] = PgEnumKey(op.to.type, op.schema, state);
  return value_renames_.count({schema, name, from->text, to->text}) > 0;
}

}  // namespace schemadiff
