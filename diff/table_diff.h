// The ops that turn one existing table into its target version.
#ifndef SCHEMADIFF_DIFF_TABLE_DIFF_H_
#define SCHEMADIFF_DIFF_TABLE_DIFF_H_

#include <vector>

#include "catalog/catalog.h"
#include "diff/plan.h"

namespace schemadiff {

// Steps for one table, by the phase of the plan they belong to. Foreign keys are dropped before
// any other change of any table and added after all tables exist, so that the keys they refer
// to (or the tables being dropped) are there when needed.
struct TableChanges {
  std::vector<Step> drop_foreign_keys;
  // In order: drop indexes, drop constraints, drop columns, add columns, alter columns,
  // rename constraints and indexes, add constraints, create indexes, comment, options.
  std::vector<Step> changes;
  std::vector<Step> add_foreign_keys;
};

// Compares `from` with `to` (same schema and name, renames already applied to `from`). Each
// step carries its OpWarnings plus any possible-rename warning.
TableChanges DiffTable(const Table& from, const Table& to);

// A column as ops carry it: without the YAML rename hints.
Column StripHints(Column column);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_TABLE_DIFF_H_
