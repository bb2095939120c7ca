// What the SQL and Alembic renderers follow across a plan's steps to pick lock-safe forms and
// to leave enum defaults to RENAME VALUE: the tables the plan drops, the tables its steps so far
// created, and the enum value renames it makes.
#ifndef SCHEMADIFF_RENDER_PLAN_TABLES_H_
#define SCHEMADIFF_RENDER_PLAN_TABLES_H_

#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "diff/ops.h"
#include "diff/plan.h"

namespace schemadiff {

// Table and enum facts of one plan, updated step by step.
class PlanTables {
 public:
  PlanTables() = default;
  // Notes the tables `steps` drop and the enum value renames they make.
  explicit PlanTables(const std::vector<Step>& steps);

  // Follows the tables the migration creates through later renames and drops; call after each
  // step.
  void Track(const Op& op);

  // True when the table existed before the migration: no step so far created it.
  bool Existing(const std::string& schema, const std::string& table) const;

  // True when the table existed before the migration and is not dropped by it, so it may hold
  // rows and be in use.
  bool LockSafe(const std::string& schema, const std::string& table) const;

  // True when `op` changes an enum column's default from one value to the value a RENAME VALUE
  // of this plan turns it into: the stored default follows the rename by itself (before or
  // after it), and setting it apart would name a value that does not exist yet. `state` is the
  // schema before `op`.
  bool FollowsValueRename(const AlterColumn& op, const Catalog& state) const;

 private:
  using TableKey = std::pair<std::string, std::string>;  // (schema, name)

  std::set<TableKey> created_;  // tables created by the steps tracked so far
  std::set<TableKey> dropped_;  // tables some step of the plan drops
  // Enum value renames of the plan: (schema, enum, former value, new value).
  std::set<std::tuple<std::string, std::string, std::string, std::string>> value_renames_;
};

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_PLAN_TABLES_H_
