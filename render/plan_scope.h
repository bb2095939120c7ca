// The part of a schema that a plan's steps can see, for renderers that follow the schema step by
// step: copying and searching only that part keeps rendering a few changes to a large schema
// cheap.
#ifndef SCHEMADIFF_RENDER_PLAN_SCOPE_H_
#define SCHEMADIFF_RENDER_PLAN_SCOPE_H_

#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"

namespace schemadiff {

// `from` with only the tables the steps of `plan` name (either name of a rename) and, when the
// plan changes an enum, the tables with enum columns; enums and settings whole. Applying the
// plan's steps to it changes those tables exactly as applying them to `from` would.
Catalog PlanScope(const Plan& plan, const Catalog& from);

// PlanScope plus the tables whose foreign keys refer to a table the steps name, for following
// the keys that use a column a step changes. `dialect` names the default schema.
Catalog PlanScopeWithReferrers(const Plan& plan, const Catalog& from, const Dialect& dialect);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_PLAN_SCOPE_H_
